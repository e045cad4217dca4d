"""The ash plain of the Ash scene, deepest at its end (06:34): soft drifts with no seams
between them (the ridges stood in terraces meeting in hard straight edges), grey ash with
soot in it rather than pale snowdrifts, and the burnt car sunk in it without a ruled box of
ash round its foot."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.visuals import ash_ground, wrecks
from installation.visuals.ash_depth import ground_at
from installation.visuals.base import finished

SIZE = (960, 389)  # the ground below the shipped Ash's horizon, at half size across
VANISH = 600  # the road's vanishing column
RUIN = (34, 28, 26)  # the Ash's ruins' colour
END = 1.8  # the ash's depth at the scene's end (`ash_end`)
STEP = 20  # no row of the deep ash this many grey levels off the one above it (base: 45)
PALE = 1.3  # the near ash's lightest tenth no more than this much lighter than its middle
# (base: 1.47, the ridges' lit sides standing out pale as snow)
GROUND, LENGTH = 200, 360  # the car's wheels on this row, its length
FLAT = (92, 86, 82)  # the ash round it
FOOT_STEP = 10  # below its body no row this many levels off the one above (base: 31)


@cache
def deep_ash() -> np.ndarray:
    """The Ash's ground under its deepest ash, nothing on it, grey levels (x, y)."""
    rng = np.random.default_rng(7)
    extra = rng.spawn(1)[0]
    ridges = (extra.random((32, 32)), extra.random((32, 32)))
    drifts = finished(ash_ground._drifts(SIZE, rng, (VANISH, ridges)))
    image = finished(ground_at(drifts, END, RUIN, ash_ground.ASH))
    return pygame.surfarray.array3d(image).astype(float).mean(axis=2)


def test_the_deep_ash_has_no_seams() -> None:
    """Down every column of the deep ash the light changes softly: no row steps a hard
    edge from the one above it."""
    step = np.abs(np.diff(deep_ash(), axis=1))
    worst = np.unravel_index(int(np.argmax(step)), step.shape)
    assert step.max() < STEP, f"a step of {step.max():.0f} grey levels at {worst}"


def test_the_deep_ash_is_grey_not_pale_snowdrifts() -> None:
    """In the near half of the plain the lightest ash is not much lighter than its middle
    tone: the drifts' lit sides are grey ash, not a snowfield's bright faces."""
    near = deep_ash()[:, SIZE[1] // 2:]
    light, middle = np.percentile(near, 90), np.percentile(near, 50)
    assert light < PALE * middle, f"its lightest {light:.0f} to its middle {middle:.0f}"


def test_the_burnt_cars_ash_goes_into_the_ground_with_no_ruled_foot() -> None:
    """Drifted all the way round the car, the ash banked against it runs down into the ash
    round it: below its body no hard line across its foot (the bank's flat fill and the
    shadow's ruled top edge made a box of ash it sat in)."""
    surface = pygame.Surface((600, 300))
    surface.fill(FLAT)
    car = wrecks.Wreck((60, 42, 32), 1, True, True, (118, 110, 104), ash=True, shade=0.6,
                       drift=1.0)
    wrecks.draw_wreck(surface, 300, GROUND, LENGTH, car, np.random.default_rng(3))
    grey = pygame.surfarray.array3d(surface).astype(float).mean(axis=2)
    band = grey[300 - LENGTH // 2 + 20:300 + LENGTH // 2 - 20, GROUND - 2:GROUND + 30]
    step = np.abs(np.diff(band, axis=1)).max()
    assert step < FOOT_STEP, f"a line of {step:.0f} grey levels across the car's foot"
