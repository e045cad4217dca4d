"""The Ash's ground is built ahead in pieces no larger than a frame has room for: its plain's
far edge (the rubble spilt out under the ruins) a band of columns a piece, not all at once with
the ground's darkening (one piece of ~11 ms on the frame that built it: a stutter)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.ash_ground import FAR_EDGE_COLUMNS, _far_edge

SIZE = (1920, 120)  # the plain's far rows at 1080 (its far edge reaches ~60 of them)


def test_the_plains_far_edge_darkens_a_band_of_columns_a_piece() -> None:
    image = pygame.Surface(SIZE)
    image.fill((150, 142, 136))  # the ash
    pieces = _far_edge(image, (34, 28, 26), 613, 0.2)
    before = pygame.surfarray.array3d(image)
    widest, pieces_made = 0, 0
    for _piece in pieces:
        now = pygame.surfarray.array3d(image)
        changed = np.flatnonzero((now != before).any(axis=(1, 2)))
        widest = max(widest, int(changed.max() - changed.min() + 1) if changed.size else 0)
        before, pieces_made = now, pieces_made + 1
    assert widest <= FAR_EDGE_COLUMNS < SIZE[0]
    assert pieces_made >= SIZE[0] // FAR_EDGE_COLUMNS
    dark = pygame.surfarray.array3d(image)[:, 0].mean(axis=1)
    assert (dark < 100).mean() > 0.9  # and the whole edge is dark rubble in the end
