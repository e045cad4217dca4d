"""Which rows of each depth plane show anything: the planes are laid only where they show.

A near plane keeps a KEY colour wherever the planes behind show through. Row by row it shows
NOTHING (every pixel KEY), SOME, or ALL (no KEY: it hides every plane behind it, but for the
strip its shift leaves bare at a side, which the picture's mirrored edge covers anyway). A
row where a plane shows all is laid from that plane up: the planes behind it are not laid,
it is laid without its key (a plain copy, half the cost), and nearer planes only where they
show some.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame

NOTHING, SOME, ALL = 0, 1, 2  # what a row of a plane shows
Laying = list[tuple[int, bool]]  # the planes laid in a run of rows, back first; whole (no key)?
PLANE_BITS = 8  # a row's code: the plane laid whole, then a bit per nearer plane laid keyed


def row_kinds(keyed: pygame.Surface, key: tuple[int, int, int], top: int,
              bottom: int) -> np.ndarray:
    """What each row top..bottom of a plane shows (NOTHING, SOME or ALL), as int8."""
    pixels = pygame.surfarray.pixels2d(keyed).T[top:bottom]
    through = pixels == np.uint32(keyed.map_rgb(key))
    del pixels
    kinds = np.full(bottom - top, SOME, np.int8)
    kinds[through.all(axis=1)] = NOTHING
    kinds[~through.any(axis=1)] = ALL
    return kinds


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
