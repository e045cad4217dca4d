"""Under the counter, in its shadow, the back of a counter a visitor recognises: cups, plates
and glasses along a shelf, not an empty near-black band like a letterbox (04:27-04:35)."""

from __future__ import annotations

import numpy as np
import pygame
from day_config import shipped_program

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

FULL = (1920, 1080)
UNDER = slice(990, 1075)  # the rows under the counter's chrome nose, to the frame's foot
PALE = 70  # a thing on the shelf, lit a little: brighter than the counter's shadow (<40)
STRIPES = 8  # the width cut in this many stripes


def under_the_counter(at: str) -> np.ndarray:
    """The band under the counter at story time `at` of the shipped day, (x, y) luminance."""
    headless()
    program = shipped_program()
    surface = pygame.Surface(FULL)
    Compositor(program.timeline, FULL, lambda _message: None).draw(
        surface, state_at(program.timeline, parse_clock(at), program.clock))
    rgb = pygame.surfarray.array3d(surface)[:, UNDER].astype(float)
    return np.asarray(rgb @ np.array([0.3, 0.59, 0.11]))


def test_things_stand_on_a_shelf_all_along_under_the_counter() -> None:
    band = under_the_counter("04:30")
    pale = band > PALE
    assert pale.mean() > 0.04, f"only {pale.mean():.1%} of the band under the counter shows"
    stripes = [stripe.mean() > 0.02 for stripe in np.array_split(pale, STRIPES, axis=0)]
    assert sum(stripes) >= STRIPES - 2, f"things in only {sum(stripes)} of {STRIPES} stripes"
    assert (band < PALE / 2).mean() > 0.5, "still in the counter's shadow: mostly dark"
