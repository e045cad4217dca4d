"""The pool drawn whole frame after frame over a picture that moves (smoke rising behind the
tar): its mirror kept, and made again only in the columns of the picture above the edge that
changed since the frame before, found by comparing those rows with a copy of them.

A frame's mirror made whole softens and shades ~600,000 pixels (~2 ms at 1080); the smoke
over the far shore changes ~100 of its 1920 columns from one frame to the next. Each row of
the mirror depends only on its row of the picture (see tar_mirror): made again where the
picture changed and kept where it did not, the mirror has the bytes of one made whole.
"""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.tar_mirror import STALE_MOST, KeptMirror, KeptPool, runs_of

GAP = 32  # columns changed this close together are mirrored again as one area


class SeenRows:
    """The `rows` rows of a picture above `edge`, as last mirrored: the columns of them a
    later picture changed are found by comparing it with them."""

    def __init__(self, edge: int, rows: int) -> None:
        self.edge, self.rows = edge, rows
        self._kept: np.ndarray | None = None  # rows x columns, as last mirrored

    def changed(self, picture: pygame.Surface) -> list[pygame.Rect] | None:
        """The areas of `picture` above the edge that changed since the last call (None: all
        of it, as at first, or more apart than the mirror keeps track of), the copy of them
        brought up to the picture."""
        above = pygame.surfarray.pixels2d(picture).T[self.edge - self.rows:self.edge]
        kept = self._kept
        if kept is None or kept.shape != above.shape:
            self._kept = above.copy()
            return None
        changed = above != kept
        runs = joined(runs_of(changed.any(axis=0)), GAP)
        areas = []
        for left, right in runs:
            rows = np.flatnonzero(changed[:, left:right].any(axis=1))
            top, bottom = int(rows[0]), int(rows[-1]) + 1
            kept[top:bottom, left:right] = above[top:bottom, left:right]
            areas.append(pygame.Rect(left, self.edge - self.rows + top, right - left,
                                     bottom - top))
        del above  # (the picture unlocked)
        return None if len(areas) > STALE_MOST else areas


def joined(runs: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Runs of columns, those fewer than `gap` apart joined into one."""
    out: list[tuple[int, int]] = []
    for left, right in runs:
        if out and left - out[-1][1] < gap:
            out[-1] = (out[-1][0], right)
        else:
            out.append((left, right))
    return out


class KeptWhole:
    """A pool's mirror and its bands over the tar (`tar`, its top `rows` rows mirrored from
    the `rows` rows above `source`, in bands of `band` rows) for a pool drawn whole: kept from
    frame to frame, made again where the picture above changed or a band's push did."""

    def __init__(self, shade: pygame.Surface, source: int, tar: pygame.Surface,
                 band: int) -> None:
        rows = shade.get_height()
        self.seen = SeenRows(source, rows)
        self.mirror = KeptMirror(shade, source, trusted=True)
        self.pool = KeptPool(tar, rows, band)
        self.token = 0  # each frame's picture told apart from the last

    def lay(self, picture: pygame.Surface, edge: int, shifts: list[int]) -> None:
        """The pool's mirrored rows for `picture` laid under `edge` (the tar with the mirror's
        bands, pushed by `shifts`, added over it)."""
        changed = self.seen.changed(picture)
        for area in [picture.get_rect()] if changed is None else changed:
            self.mirror.painted(area)
        self.token += 1
        flipped = self.mirror.update(picture, self.token)
        self.pool.update(picture, flipped, self.mirror.remade, shifts)
        self.pool.lay(picture, edge, copied=False)
