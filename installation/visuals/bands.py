"""Stretches of marked pixels, a band of rows at a time: the parts of a picture worth drawing
(its lit parts, its soft edges), as a few rectangles instead of the whole."""

from __future__ import annotations

import numpy as np

Stretch = tuple[int, int, int, int]  # top, bottom, left, right in pixels


def banded(marked: np.ndarray, band: int) -> tuple[np.ndarray, list[int]]:
    """Which columns of each band of `band` rows of `marked` (rows x columns) hold a marked
    pixel (bands x columns), and the bands' top rows."""
    rows, width = marked.shape
    count = -(-rows // band)
    padded = np.zeros((count * band, width), dtype=bool)
    padded[:rows] = marked
    columns = np.any(padded.reshape(count, band, width), axis=1)
    return np.asarray(columns), list(range(0, rows, band))


def runs(columns: np.ndarray, tops: list[int], bottoms: list[int], gap: int) -> list[Stretch]:
    """The stretches of marked `columns` (bands x columns) in each band (rows top..bottom),
    those less than `gap` columns apart joined."""
    edges = np.zeros((columns.shape[0], columns.shape[1] + 2), dtype=np.int8)
    edges[:, 1:-1] = columns  # and a clear column each side
    where = np.nonzero(np.diff(edges, axis=1))  # per band, by column: a start, its end, ...
    found: list[Stretch] = []
    for n, start, end in zip(where[0][::2].tolist(), where[1][::2].tolist(),
                             where[1][1::2].tolist(), strict=True):
        top, bottom = tops[n], bottoms[n]
        last = found[-1] if found else None
        if last is not None and last[0] == top and start - last[3] < gap:
            found[-1] = (top, bottom, last[2], end)
        else:
            found.append((top, bottom, start, end))
    return found


def marked_stretches(marked: np.ndarray, band: int, gap: int) -> list[Stretch]:
    """Rectangles (bands of `band` rows, stretches of columns less than `gap` apart joined)
    that hold every marked pixel of `marked` (rows x columns)."""
    columns, tops = banded(marked, band)
    return runs(columns, tops, [min(marked.shape[0], top + band) for top in tops], gap)
