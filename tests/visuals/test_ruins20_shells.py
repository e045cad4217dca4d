"""Nothing stands whole on Wilshire under ash (ruins20): at 07:00 the two dark towers at the end
of the road are broken down from their level tops, and the far office block left of it has
gaps blown out of its window grid (a clean light-grey block with a perfect grid and two
straight-edged towers stood there as if nothing had happened)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest
from scipy import ndimage

from .helpers import shipped_picture

TOWERS = range(1140, 1310)  # the columns of the dark towers right of the road's end (at 1080)
SKY = (300, 480)  # the rows their tops stand in
OFFICE = (slice(837, 920), slice(517, 580))  # the office block left of the road's end


@pytest.fixture(scope="module")
def under_ash() -> np.ndarray:
    rgb = pygame.surfarray.array3d(shipped_picture("07:00")).astype(float)
    return rgb[..., 0] * 0.3 + rgb[..., 1] * 0.59 + rgb[..., 2] * 0.11


def test_the_towers_at_the_end_of_the_road_are_broken_down(under_ash: np.ndarray) -> None:
    """Their top edge (the first dark point under the sky in each column) lies 24 rows lower
    on average than the level tops they had (396: now bites storeys deep out of each)."""
    tops = [top(under_ash[x, SKY[0]:SKY[1]]) for x in TOWERS]
    assert np.mean(tops) > 420, np.mean(tops)


def top(column: np.ndarray) -> int:
    """The row of the first dark point down a column of the sky rows (their foot if none)."""
    dark = np.flatnonzero(column < 70)
    return SKY[0] + (int(dark[0]) if len(dark) else len(column))


def test_the_office_block_has_gaps_blown_out_of_its_grid(under_ash: np.ndarray) -> None:
    """Its face holds a black gap of 200 points or more (a few windows and floors burnt out
    together: its grid's windows were 49 at most)."""
    labels, count = ndimage.label(under_ash[OFFICE] < 30)
    assert count and np.bincount(labels.ravel())[1:].max() >= 200
