"""The still back of a scene is composited once and repainted only where something changed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.particles import Particles
from installation.visuals.render import headless
from installation.visuals.silhouette import Silhouette

from .helpers import NO_POST, SIZE, layer, one_scene

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
FPS = 60


def test_a_still_layer_is_drawn_once_and_an_animated_one_every_frame(
        monkeypatch: pytest.MonkeyPatch) -> None:
    headless()
    drawn: Counter[str] = Counter()
    for kind in (Silhouette, Particles):
        original = kind.draw

        def counting(self: object, surface: pygame.Surface, frame: Frame,
                     original: object = original, name: str = kind.__name__) -> None:
            drawn[name] += 1
            original(self, surface, frame)  # type: ignore[operator]

        monkeypatch.setattr(kind, "draw", counting)
    line = one_scene(layer("sky", clouds=0, stars=0, sun=False)
                     + layer("silhouette", shape="mammoth") + layer("particles") + NO_POST)
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    start = parse_clock("12:00:10")
    for n in range(30):
        compositor.draw(surface, state_at(line, start + n / FPS))
    assert drawn["Particles"] == 30
    assert drawn["Silhouette"] == 1


@pytest.mark.parametrize(("name", "offset"), [("The payphone rings", 1.0),
                                              ("Neon on Wilshire", 20.0),
                                              ("La Brea Tar Pits", 40.0),
                                              ("Dusk on the Miracle Mile", 30.0),
                                              ("Johnnie's at night", 5.0),
                                              ("Park La Brea", -0.5)])
def test_three_seconds_drawn_in_a_row_are_the_frames_drawn_alone(name: str,
                                                                 offset: float) -> None:
    """Beacons blink, a phone rings, stars twinkle, clouds drift (and the wet street mirrors
    them), cars pass over a kept street, signs flicker over a kept diner, a crossfade lends
    the arriving sky to the scene being left: the background is repainted where it changed,
    and every frame is the frame a fresh compositor draws."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == name)
    running = Compositor(line, SIZE, print)
    surface, fresh = pygame.Surface(SIZE), pygame.Surface(SIZE)
    for n in range(3 * FPS):
        state = state_at(line, scene.at + offset + n / FPS)
        running.draw(surface, state)
        if n % 15 == 14:
            Compositor(line, SIZE, print).draw(fresh, state)
            assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB"), (
                f"frame {n}")
