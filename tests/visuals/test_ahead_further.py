"""Building a scene after the next one: a scene too short for the next one's build has it
begun a scene earlier, in frames with room to spare, so it is built before it begins."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import Timeline, state_at
from installation.visuals.compositor import GOAL_SECONDS
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, timeline
from .test_ahead import FPS, slowed_over

DRAW_SECONDS = 0.003  # each frame's own drawing (on the fake clock)
STEP_SECONDS = 0.002  # each piece of building
SHORT_SECONDS = 2.0  # the scene before the busy one: too short for its build


def dusk_call_night() -> Timeline:
    """Dusk for an hour; a call of SHORT_SECONDS; then a night that takes a while to build."""
    night = (layer("sky", clouds=0.5) + layer("skyline") + layer("street", wet=True)
             + layer("neon", text="MILE", y=0.3) + layer("silhouette", shape="palm") + NO_POST)
    return timeline(f'[[scene]]\nat = "20:00"\nname = "dusk"\n{layer("sky")}{NO_POST}'
                    f'[[scene]]\nat = "21:00"\nname = "call"\n{layer("sky")}{NO_POST}'
                    f'[[scene]]\nat = "21:00:02"\nname = "night"\n'
                    'transition = { type = "cut", seconds = 0 }\n' + night)


def test_a_scene_too_short_for_the_next_ones_build_has_it_built_a_scene_earlier(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The call lasts 2 s, too short to build the night in pieces a frame's room holds (~250
    of them): the dusk's last minute begins it once the call is built, so the night is built
    when it begins, its first frame costs no more than a steady one, and no frame that
    built a piece took longer than the 8.33 ms goal."""
    headless()
    line = dusk_call_night()
    _dusk, call, night = line.scenes
    compositor, timer = slowed_over(monkeypatch, line, DRAW_SECONDS, STEP_SECONDS)
    surface = pygame.Surface(SIZE)
    start = call.at - 60.0
    building = []
    for n in range(int((night.at - start) * FPS)):
        before, began = compositor.pieces_built, timer.now
        compositor.draw(surface, state_at(line, start + n / FPS))
        if compositor.pieces_built != before:
            building.append(timer.now - began)
    assert compositor.ready(night), "the night was not built when it began"
    began = timer.now
    compositor.draw(surface, state_at(line, night.at))
    assert timer.now - began <= DRAW_SECONDS + 1e-9, "the night's first frame built some of it"
    assert max(building) <= GOAL_SECONDS
