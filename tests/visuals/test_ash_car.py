"""The burnt car on the boulevard in the Ash (05:30-06:35) reads as a burnt-out car sitting on
the ground, not a hole in the ash: its shadow on the ash along its foot, its empty windows
framed apart by their burnt pillars, and its rims and arches showing as the ash drifts."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.visuals import wrecks
from installation.visuals.figure_light import LUMA

LENGTH, GROUND = 300, 200  # the car drawn alone: this long, its wheels on this row
ASH_GREY = (70, 66, 62)  # the ground it is drawn on
SHADOW_ROWS = (1, 6)  # the rows below its foot (from GROUND) in its shadow
SHADOW_DARK = 0.85  # ... this much of the open ash's light at most
CABIN_ROWS = (0.28, 0.08)  # the door's hole and the window over it: this high up, to this
RAIL_NEAR = 4  # the rail within this many rows of the body's waist...
RAIL_LIGHTER = 20  # ... this much lighter (luma) than the holes


@cache
def alone(drift: float = 0.0) -> np.ndarray:
    """The Ash's burnt car LENGTH long, side on, facing right, in ash `drift` deep, on grey
    ground: its luma (x, y)."""
    surface = pygame.Surface((400, 240))
    surface.fill(ASH_GREY)
    car = wrecks.Wreck(
        (60, 42, 32), 1, True, True, (118, 110, 104), ash=True, shade=0.72, drift=drift
    )
    wrecks.draw_wreck(surface, 200, GROUND, LENGTH, car, np.random.default_rng(1))
    return np.asarray(pygame.surfarray.array3d(surface).astype(float) @ np.array(LUMA, float))


def column(along: float) -> int:
    """The picture column of a point `along` the car from its front (facing right)."""
    return round(200 - (along - 0.5) * LENGTH)


def test_the_burnt_car_throws_its_shadow_on_the_ash_along_its_foot() -> None:
    """Just below its foot the ash is darker than the open ash (on main the ash ran up to
    it at the same light: a cut-out laid on the ground)."""
    lum = alone()
    under = lum[column(0.85) : column(0.15), GROUND + SHADOW_ROWS[0] : GROUND + SHADOW_ROWS[1]]
    open_ash = lum[:20, GROUND : GROUND + 10].mean()
    assert np.median(under) <= SHADOW_DARK * open_ash, (
        f"its shadow {np.median(under):.0f}, the open ash {open_ash:.0f}"
    )


def test_its_empty_windows_are_framed_apart_from_the_lost_doors_hole() -> None:
    """Across the hole where its front door was, the body's burnt rail under the window
    stands lighter than the holes above and below it (on main the door's hole and the
    window's ran into one black box)."""
    lum = alone()
    cabin = lum[
        column(sum(wrecks.DOOR) / 2),
        GROUND - round(CABIN_ROWS[0] * LENGTH) : GROUND - round(CABIN_ROWS[1] * LENGTH),
    ]
    waist = round((wrecks.WAIST - wrecks.SUNK - CABIN_ROWS[1]) * LENGTH)
    rail = cabin[cabin.size - waist - RAIL_NEAR : cabin.size - waist + RAIL_NEAR].max()
    assert rail >= np.median(cabin) + RAIL_LIGHTER, f"rail {rail:.0f}, holes {np.median(cabin)}"


def test_drifted_all_the_way_its_rims_still_show() -> None:
    """At the Ash's end (drift 1) each wheel's bare rim still shows over the bank: warm rust
    and a dark hub in its circle (on main the ash had drifted over both)."""
    lum = alone(1.0)
    for wheel in wrecks.WHEELS:
        x = column(wheel)
        rim = lum[x - 6 : x + 7, GROUND - round(0.09 * LENGTH) : GROUND - round(0.05 * LENGTH)]
        assert np.ptp(rim) > 20, f"the rim at {wheel}: spread {np.ptp(rim):.0f}"
