"""The parts of an additive glow that add light: black pixels add nothing, so a glow is added
as a few pieces round its lit pixels (in bands of rows) instead of its whole square."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.bands import marked_stretches
from installation.visuals.enlarge import Piece
from installation.visuals.glow import RGB_BITS

WORD_BITS = 32  # a glow of 4-byte pixels is read in place; another depth through a copy


def lit_mask(glow: pygame.Surface) -> np.ndarray:
    """Where a glow (a surface without alpha) is not black, (columns, rows): read through a
    view of its pixels (a copy of them first took ten times as long)."""
    if glow.get_bitsize() != WORD_BITS:
        return (pygame.surfarray.array2d(glow) & RGB_BITS) != 0
    pixels = pygame.surfarray.pixels2d(glow)
    lit: np.ndarray = (pixels & RGB_BITS) != 0
    del pixels  # the glow is unlocked
    return lit


def lit_box(glow: pygame.Surface) -> pygame.Rect:
    """The box round the pixels of an additive glow that are not black (an empty box at its
    middle if none are)."""
    lit = lit_mask(glow)
    columns, rows = np.flatnonzero(lit.any(axis=1)), np.flatnonzero(lit.any(axis=0))
    if not len(columns):
        return pygame.Rect(glow.get_width() // 2, glow.get_height() // 2, 0, 0)
    return pygame.Rect(int(columns[0]), int(rows[0]), int(columns[-1]) + 1 - int(columns[0]),
                       int(rows[-1]) + 1 - int(rows[0]))


def pieces_of(glow: pygame.Surface, marked: np.ndarray, band: int, gap: int,
              at: tuple[int, int] = (0, 0)) -> list[Piece]:
    """The pieces of `glow` that hold its `marked` pixels (columns, rows), in bands of `band`
    rows, stretches less than `gap` columns apart joined; each placed from `at` (added
    there, they add what the whole glow adds wherever its pixels outside them are black)."""
    x, y = at
    return [(glow.subsurface((left, top, right - left, bottom - top)), (x + left, y + top))
            for top, bottom, left, right in marked_stretches(marked.T, band, gap)]
