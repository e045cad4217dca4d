"""Which rows of each depth plane show anything: the planes are laid only where they show.

A near plane keeps a KEY colour wherever the planes behind show through. Row by row it shows
NOTHING (every pixel KEY), SOME, or ALL (no KEY: it hides every plane behind it, but for the
strip its shift leaves bare at a side, which the picture's mirrored edge covers anyway). A
row where a plane shows all is laid from that plane up: the planes behind it are not laid,
it is laid without its key (a plain copy, half the cost), and nearer planes only where they
show some: a few rows at a time, from the first column any of them shows to the last.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame

from installation.visuals.base import chunks

NOTHING, SOME, ALL = 0, 1, 2  # what a row of a plane shows
Laying = list[tuple[int, bool]]  # the planes laid in a run of rows, back first; whole (no key)?
PLANE_BITS = 8  # a row's code: the plane laid whole, then a bit per nearer plane laid keyed
LAY_ROWS = 24  # a plane showing some of its rows is laid this many rows at a time


class Shown:
    """What each row of one plane shows: its kind, and its columns from the first it shows
    to past the last (none: left at the width, right at 0)."""

    def __init__(self, size: tuple[int, int], kind: int) -> None:
        width, height = size
        self.kinds = np.full(height, kind, np.int8)
        self.lefts = np.full(height, width if kind == NOTHING else 0, np.int32)
        self.rights = np.full(height, 0 if kind == NOTHING else width, np.int32)

    def count(self, keyed: pygame.Surface, key: tuple[int, int, int], top: int,
              bottom: int) -> None:
        """Find again what rows top..bottom show, across the whole width."""
        pixels = pygame.surfarray.pixels2d(keyed).T[top:bottom]
        shown = pixels != np.uint32(keyed.map_rgb(key))
        del pixels
        width = shown.shape[1]
        some, every = shown.any(axis=1), shown.all(axis=1)
        self.kinds[top:bottom] = np.where(every, ALL, np.where(some, SOME, NOTHING))
        self.lefts[top:bottom] = np.where(some, np.argmax(shown, axis=1), width)
        self.rights[top:bottom] = np.where(some, width - np.argmax(shown[:, ::-1], axis=1), 0)

    def columns(self, top: int, bottom: int) -> tuple[int, int]:
        """From the first column any of rows top..bottom shows to past the last."""
        return int(self.lefts[top:bottom].min()), int(self.rights[top:bottom].max())

    def bands(self, top: int, bottom: int) -> list[pygame.Rect]:
        """Rows top..bottom a few at a time, each as wide as what it shows (none if nothing)."""
        found = []
        for rows in chunks(bottom, LAY_ROWS, top):
            left, right = self.columns(rows.start, rows.stop)
            if right > left:
                found.append(pygame.Rect(left, rows.start, right - left, rows.stop - rows.start))
        return found


def layings(kinds: Sequence[np.ndarray], top: int,
            bottom: int) -> list[tuple[int, int, Laying]]:
    """Rows top..bottom in runs laid alike: (first row, end row, planes to lay), each run
    from the nearest plane that shows all of its rows (the back plane shows all of every
    row), then the nearer ones that show some."""
    stack = np.stack([plane[top:bottom] for plane in kinds])  # planes x rows
    count = len(kinds)
    whole = count - 1 - np.argmax((stack == ALL)[::-1], axis=0)  # the nearest one showing all
    code = whole.astype(np.int64)
    for n in range(1, count):
        code |= ((stack[n] == SOME) & (n > whole)).astype(np.int64) << (PLANE_BITS + n)
    edges = (np.flatnonzero(np.diff(code)) + 1).tolist()
    found = []
    for start, end in zip([0, *edges], [*edges, bottom - top], strict=True):
        first = int(whole[start])
        laid = [(first, True)] + [(n, False) for n in range(first + 1, count)
                                  if stack[n, start] == SOME]
        found.append((top + start, top + end, laid))
    return found


def rows_moved(kinds: Sequence[np.ndarray], moved: Sequence[bool]) -> list[tuple[int, int]]:
    """The runs of rows (first, end) where a plane that `moved` is laid (see `layings`): the
    only rows a sway of those planes changes, but for the strips at the picture's sides."""
    return [(first, end) for first, end, laid in layings(kinds, 0, len(kinds[0]))
            if any(moved[n] for n, _solid in laid)]
