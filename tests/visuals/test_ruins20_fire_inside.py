"""The ruins' fires burn inside broken buildings (ruins20): a burning stump shows a few torn
openings, each its own size, not a lit grid of windows, and its roof line is broken deep, not a
level box under a crest of flame (05:16-06:20 read as a bonfire on an occupied block's roof)."""

from __future__ import annotations

import numpy as np
import pygame
from scipy import ndimage

WALL = (60, 50, 46)
STUMPS = ((1, 5), (2, 41), (3, 77), (4, 1234))  # (tongues, seed)


def openings(wall: pygame.Surface) -> list[tuple[slice, slice]]:
    """The boxes of the stump's dark openings (its wall's colour at the opening's shade)
    bigger than a speck."""
    from installation.visuals.fire_base import HOLE

    rgb = pygame.surfarray.array3d(wall).astype(int)
    hole = (np.abs(rgb - (np.array(WALL) * HOLE).astype(int)) <= 1).all(axis=2)
    labels, _count = ndimage.label(hole)
    return [box for n, box in enumerate(ndimage.find_objects(labels), 1)
            if box is not None and (labels[box] == n).sum() >= 12]


def test_a_stump_shows_a_few_irregular_openings_not_a_grid() -> None:
    """Two to four openings, no two the same size, their lintels not all on one row."""
    from installation.visuals.fire_base import make_base

    for tongues, seed in STUMPS:
        base = make_base((105, 168), tongues, WALL, seed)
        boxes = openings(base.wall)
        assert 2 <= len(boxes) <= 4, (tongues, seed, len(boxes))
        sizes = {(box[0].stop - box[0].start, box[1].stop - box[1].start) for box in boxes}
        assert len(sizes) == len(boxes), (tongues, seed, sizes)
        assert len({box[1].start for box in boxes}) > 1, (tongues, seed)


def test_a_stumps_roof_is_broken_deep() -> None:
    """Across the stump (but its broken corners) its top drops by at least a third of its height
    somewhere (a bite fallen out of it) from where it stands highest."""
    from installation.visuals.fire_base import CLEAR, make_base

    for tongues, seed in STUMPS:
        base = make_base((105, 168), tongues, WALL, seed)
        rgb = pygame.surfarray.array3d(base.wall)
        solid = ~(rgb == CLEAR).all(axis=2)
        wide, tall = solid.shape
        tops = np.argmax(solid, axis=1)[wide // 10: 9 * wide // 10]
        assert tops.max() - tops.min() >= tall / 3, (tongues, seed, tops.min(), tops.max())
