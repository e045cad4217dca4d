"""The morning under ash as a visitor sees it at full size: Wilshire's road buried without a
black hole in it, the ash on the burnt cars lying soft at its edges, and the Ash scene changing
over its five minutes (not one held picture after the flash's)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import shipped_program

FULL = (1920, 1080)
ROAD_BAND = (slice(300, 700), slice(884, 951))  # the near road where the crossing lay (x, y)
NEAR_BLACK = 40  # a pixel's luminance at most: near black
HOLE_RUN = 40  # this many near-black pixels in a row along the road's band read as a hole


def shipped_frame(at: str) -> np.ndarray:
    """The shipped day's picture at story time `at`, full size, as (x, y) luminance."""
    headless()
    program = shipped_program()
    surface = pygame.Surface(FULL)
    Compositor(program.timeline, FULL, lambda _message: None).draw(
        surface, state_at(program.timeline, parse_clock(at), program.clock))
    rgb = pygame.surfarray.array3d(surface).astype(float)
    return np.asarray(rgb @ np.array([0.3, 0.59, 0.11]))


def longest_run(dark: np.ndarray) -> int:
    """The longest run of True along x (axis 0) in any row of `dark`."""
    best = 0
    for row in dark.T:
        edges = np.flatnonzero(np.diff(np.concatenate(([0], row.astype(int), [0]))))
        if edges.size:
            best = max(best, int((edges[1::2] - edges[::2]).max()))
    return best


@pytest.mark.parametrize("at", ["06:40", "07:55"])
def test_the_road_under_ash_has_no_black_bars_across_it(at: str) -> None:
    """Where the crossing lay near our feet the ash is unbroken: no run of near-black pixels
    (the asphalt bared between two of its bars read as two holes in the road)."""
    band = shipped_frame(at)[ROAD_BAND]
    assert longest_run(band < NEAR_BLACK) < HOLE_RUN
