"""A scene built ahead is warmed for the frame its transition in first draws it."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import TICKS, Compositor
from installation.visuals.render import headless
from installation.visuals.scene_layers import SceneLayers

from .helpers import NO_POST, SIZE, layer, timeline

SECONDS = 3  # the transition's length


@pytest.mark.parametrize("kind", ["light-wipe", "crossfade", "dip-to-black", "cut"])
def test_a_scene_is_warmed_for_the_frame_that_first_draws_it(
        kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawn frame by frame at 60 fps, the arriving scene is first drawn at most two ticks
    after the frame its building ahead warmed it for, and never before it (warmed for the
    moment it began, a light wipe's arriving scene was first drawn a third of a second on,
    its background all painted again)."""
    sky = layer("sky", top="#203040", bottom="#506070", stars=0, sun=False)
    line = timeline(f"[[scene]]\nat = \"12:00\"\nname = \"red\"\n{sky}"
                    + layer("skyline", color="#a00000", lit=0, landmark=False) + NO_POST
                    + f"[[scene]]\nat = \"13:00\"\nname = \"blue\"\n"
                    f"transition = {{ type = \"{kind}\", seconds = {SECONDS} }}\n{sky}"
                    + layer("skyline", color="#0000a0", lit=0, landmark=False) + NO_POST)
    headless()
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    arriving = line.scenes[1]
    drawn: list[float] = []
    draw = SceneLayers.draw

    def noted(self: SceneLayers, target: pygame.Surface, frame: Frame, *rest: object) -> None:
        if self.scene is arriving:
            drawn.append(frame.seconds)
        draw(self, target, frame, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(SceneLayers, "draw", noted)
    for n in range(SECONDS * 60):
        compositor.draw(surface, state_at(line, parse_clock("13:00") + n / 60))
        if drawn:
            break
    warmed = compositor.opening_frame(arriving).seconds
    assert drawn and warmed <= drawn[0] + 1e-6 and drawn[0] - warmed <= 2 / TICKS + 1e-6, (
        warmed, drawn[:1])
