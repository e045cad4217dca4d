"""The leftmost fire after the flash rises unbroken through the burnt May Company's ground line:
no hard seam across its flames where the building meets the street (y 863/864 at 1080)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame
import pytest

from .helpers import shipped_in_a_row

FIRE = slice(145, 245)  # the columns of the leftmost fire's flames (its foot at x 197, y 864)
LINE = 864  # the building's (and the smoke's) ground: the row its foot lies on
MOMENTS = ("05:20", "05:28")  # in the flash's fires (one scene: built once for both)


@cache
def greens() -> dict[str, np.ndarray]:
    """The green of the fire's columns at each of MOMENTS, as (x, y)."""
    return {at: pygame.surfarray.array3d(picture)[FIRE, :, 1].astype(int)
            for at, picture in zip(MOMENTS, shipped_in_a_row(MOMENTS), strict=True)}


@pytest.mark.parametrize("at", MOMENTS)
def test_the_fire_at_the_may_companys_foot_has_no_seam(at: str) -> None:
    """Across the ground line the flames' green changes no more than it does a row or two
    above or below, and the row under it is not the brighter (the ruins' fire there, drawn
    under the building, showed only below its foot: a step of 17 at 05:20, 37 at 05:28)."""
    green = greens()[at]
    step = green[:, LINE] - green[:, LINE - 1]
    near = np.mean([np.abs(green[:, row + 1] - green[:, row]).mean()
                    for row in (LINE - 3, LINE - 2, LINE + 1, LINE + 2)])
    assert step.mean() < 6, (step.mean(), near)
    assert np.abs(step).mean() < 2 * near, (np.abs(step).mean(), near)
