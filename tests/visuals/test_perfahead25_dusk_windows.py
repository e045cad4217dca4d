"""Dusk's lit windows: every change of them is drawn ahead, even two changes a story minute
apart, so no frame of the show paints all the towers at once."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.skyline import Skyline

from .helpers import NO_POST, SIZE, built_in_frames, layer, one_frame, one_scene

DUSK = (layer("sky", stars=0, clouds=0)  # the shipped 17:00 skyline, its windows lit by the light
        + layer("skyline", style="wilshire", ground=0.62, height=0.2, landmark=False) + NO_POST)
STEP = 0.5  # story seconds a frame, as the shipped clock plays dusk (a story minute in 2 s)


def test_two_changes_of_lit_windows_a_minute_apart_are_both_drawn_ahead(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """At 17:50 more windows light up as the light goes, and at 17:51 the windows' bucket
    moves on: each is swapped in drawn ahead (looking ahead to 17:51, the 17:50 towers were
    never drawn, and that frame painted them all, ~100 steps of windows, a dropped frame
    every few real seconds at dusk), and the last frame equals a fresh drawing."""
    headless()
    line = one_scene(DUSK, at="17:00")
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    start, end = parse_clock("17:48:20"), parse_clock("17:51:05")
    compositor.draw(surface, state_at(line, start))  # (the first frame paints them)
    painted, last = built_in_frames(monkeypatch, compositor, surface, line, (start, end, STEP), (
        Skyline, "_render", "the towers were painted all at once inside a frame"))
    assert painted == []
    fresh = one_frame(line, SIZE, state_at(line, last))
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")
