"""The parts of an additive glow that add light: black pixels add nothing, so a glow is added
as a few pieces round its lit pixels (in bands of rows) instead of its whole square."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.bands import marked_stretches
from installation.visuals.base import finished
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


BOX_ROWS = 180  # a picture's box is searched this many rows at a time (~2 ms at 1920 wide)


def lit_box(glow: pygame.Surface) -> pygame.Rect:
    """The box round the pixels of an additive glow that are not black (an empty box at its
    middle if none are)."""
    return finished(box_in_bands(glow))


def box_in_bands(picture: pygame.Surface) -> Generator[None, None, pygame.Rect]:
    """The box round what a picture shows: its pixels not clear (with alpha), or not black
    (an added light, without), searched a band of BOX_ROWS rows at a time, pausing after each
    (the whole of a 1920x1080 picture at once took ~12 ms); an empty box at its middle if it
    shows nothing."""
    width, height = picture.get_size()
    found: pygame.Rect | None = None
    for top in range(0, height, BOX_ROWS):
        band = picture.subsurface((0, top, width, min(BOX_ROWS, height - top)))
        if not picture.get_flags() & pygame.SRCALPHA:
            band.set_colorkey((0, 0, 0))
        box = band.get_bounding_rect().move(0, top)
        if box.width and box.height:
            found = box if found is None else found.union(box)
        yield
    return found or pygame.Rect(width // 2, height // 2, 0, 0)


def pieces_of(glow: pygame.Surface, marked: np.ndarray, band: int, gap: int,
              at: tuple[int, int] = (0, 0)) -> list[Piece]:
    """The pieces of `glow` that hold its `marked` pixels (columns, rows), in bands of `band`
    rows, stretches less than `gap` columns apart joined; each placed from `at` (added
    there, they add what the whole glow adds wherever its pixels outside them are black)."""
    x, y = at
    return [(glow.subsurface((left, top, right - left, bottom - top)), (x + left, y + top))
            for top, bottom, left, right in marked_stretches(marked.T, band, gap)]
