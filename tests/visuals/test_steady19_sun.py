"""Ash's sun breaking through (sunbreak, from 05:45): each step of its light is made ahead, a
band of rows a frame, so the frame it steps on (06:10 among them, the tower's fall) only
draws it, the same picture."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals import ash_sun
from installation.visuals.ash_sun import Sunbreak
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, layer, timeline

SIZE = (480, 270)
SUN = {"x": 0.24, "y": 0.56, "size": 0, "color": "#d8906a", "light": 1.0, "ground": 0.64,
       "from": "05:45", "part": "sky"}  # the shipped Ash's sky part
ASH = ('[[scene]]\nat = "05:30"\nname = "Ash"\n' + layer("sky", clouds=0)
       + layer("sunbreak", **SUN) + NO_POST + '[[scene]]\nat = "06:35"\nname = "next"\n'
       + layer("sky", clouds=0))
FRAME = 1 / 60  # story seconds a frame (no pace: real seconds)
STEP_AT = "06:10"  # a step of its light (half way from 05:45 to 06:35), the tower's fall


def sunbreak_of(line: Timeline) -> Sunbreak:
    """The Ash scene's sunbreak layer, built as the compositor seeds it, at SIZE."""
    headless()
    scene = line.scenes[0]
    index = next(i for i, spec in enumerate(scene.layers) if spec.type == "sunbreak")
    setup = Compositor(line, SIZE, print).setup(scene, index, "sunbreak")
    return Sunbreak(dict(scene.layers[index].params), setup)


def test_the_frame_the_sun_steps_on_makes_no_picture_of_its_light(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawn frame after frame through a step, no frame dims a whole picture of its light
    (the frame it stepped on dimmed the sky's glow, ~4 ms at 1080); and the step is drawn
    as a sunbreak drawn fresh at that moment draws it."""
    line = timeline(ASH)
    sun = sunbreak_of(line)
    sizes = {picture.get_size() for picture, _ in sun.lights}
    whole: list[float] = []
    dimmed = ash_sun.dimmed

    def counted(picture: pygame.Surface, share: float) -> pygame.Surface:
        if picture.get_size() in sizes:
            whole.append(share)
        return dimmed(picture, share)

    monkeypatch.setattr(ash_sun, "dimmed", counted)
    step_at = parse_clock(STEP_AT)
    surface = pygame.Surface(SIZE)
    for n in range(-120, 3):
        moment = step_at + n * FRAME
        sun.draw(surface, Frame(moment, 0.0, state_at(line, moment)))
        if n == -120:
            whole.clear()  # (the show came to it frame by frame)
    assert not whole, f"whole pictures of its light dimmed in a frame: {len(whole)}"
    fresh, drawn = pygame.Surface(SIZE), pygame.Surface(SIZE)
    moment = step_at + 2 * FRAME
    sun.draw(drawn, Frame(moment, 0.0, state_at(line, moment)))
    sunbreak_of(line).draw(fresh, Frame(moment, 0.0, state_at(line, moment)))
    assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(fresh, "RGB")
