"""The light wipe's front: a band of morning light with a gentle curve, never a zigzag."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.light_wipe import LightWipe
from installation.visuals.render import headless

SIZE = (1920, 1080)
STRETCH = 16  # rows: the front's slant is measured over stretches this tall
SLANT = (0.2, 1.0)  # pixels across a row: the light's front leans at least and at most this
BAND = 0.05  # the light's band at half its brightest or more, of the picture's width


@pytest.mark.parametrize("seed", [0, 1, 3, 4])
def test_the_light_keeps_its_slant_down_the_picture(seed: int) -> None:
    """Down the picture the band of light slides left a little every row, at a steady lean:
    it never stands upright or turns back (a kink) nor lies nearly flat, which together read
    as a jagged bright zigzag, like lightning."""
    headless()
    wipe = LightWipe(SIZE, seed)
    for progress in (0.3, 0.5, 0.7):
        light = np.array(wipe.layout(progress).light, dtype=float)  # each 4 rows' left end
        step = STRETCH // (SIZE[1] // len(light))
        lean = -np.diff(light[::step]) / STRETCH
        assert SLANT[0] <= lean.min() and lean.max() <= SLANT[1], (progress, lean.min(),
                                                                   lean.max())


def test_the_light_is_a_broad_band_not_a_thin_bright_line() -> None:
    """Across its front the light is at least half its brightest over a band 5% of the
    picture's width (~96 px at 1080p): the morning crossing, not a bright streak."""
    headless()
    wipe = LightWipe(SIZE, 0)
    row = pygame.surfarray.array3d(wipe.light)[:, 0].sum(axis=1)
    assert (row >= row.max() / 2).sum() >= BAND * SIZE[0], (row >= row.max() / 2).sum()
