"""The burning block by Johnie's fallen sign reads as a solid ruin (review 26 #3): its glow lies
on its wall, not in a lit box over the tower behind it, and its openings are torn ragged, not
soft blobs (05:20, 05:50: the tower's windows showed through a lit box round the stump)."""

from __future__ import annotations

import numpy as np
import pygame
from scipy import ndimage

WALL = (60, 50, 46)
STUMPS = ((1, 5), (2, 41), (3, 77), (4, 1234))  # (tongues, seed)
SIDE = 0.08  # the outer share of the stump's width on either side looked at


def test_no_glow_beside_the_wall_over_what_stands_behind() -> None:
    """In the stump's outer columns, where its top is broken down, its glow adds nothing
    (under 8 levels) over what shows behind it: lit there, its box edge stood over the tower."""
    from installation.visuals.fire_base import CLEAR, make_base

    for tongues, seed in STUMPS:
        base = make_base((105, 168), tongues, WALL, seed)
        glow = pygame.surfarray.array3d(base.glows[-1]).astype(int).max(axis=2)
        solid = ~(pygame.surfarray.array3d(base.wall) == CLEAR).all(axis=2)
        above = base.place[1] - base.glow_at[1]
        behind = np.pad(~solid, ((0, 0), (above, 0)), constant_values=True)
        wide = glow.shape[0]
        sides = np.zeros(wide, bool)
        sides[:round(SIDE * wide)] = sides[-round(SIDE * wide):] = True
        assert glow[sides[:, None] & behind].max() < 8, (tongues, seed)


def test_the_openings_are_torn_ragged() -> None:
    """Each dark opening's top edge breaks by 2 px or more from one column to the next at least
    twice (broken courses of masonry; a smooth wave read as a soft blob)."""
    from installation.visuals.fire_base import HOLE, make_base

    for tongues, seed in STUMPS:
        rgb = pygame.surfarray.array3d(make_base((105, 168), tongues, WALL, seed).wall)
        hole = (np.abs(rgb.astype(int) - (np.array(WALL) * HOLE).astype(int)) <= 1).all(axis=2)
        labels, count = ndimage.label(hole)
        for n in range(1, count + 1):
            mine = labels == n
            if mine.sum() < 12:
                continue
            columns = np.nonzero(mine.any(axis=1))[0]
            tops = np.argmax(mine[columns], axis=1)
            assert (np.abs(np.diff(tops)) >= 2).sum() >= 2, (tongues, seed, n, tops)
