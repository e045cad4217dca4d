"""Light drawn small and kept enlarged: only where the small picture is lit, a band at a time.

A soft light drawn at a fraction of the size is smoothed up to full size and added to the
frame. Most of such a picture is black (beams cross a dark sky), and black adds nothing, so
only the lit stretches of each band of rows are enlarged, and only they are added, frame after
frame, until the small picture is drawn again. The enlargement's grid is exact (each small
pixel lands on `factor` x `factor` full pixels, blended towards its right and lower
neighbours), so the pieces join without a seam: the same pixels as enlarging it all at once.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals.bands import Stretch, banded, runs
from installation.visuals.base import Pieces, at_once
from installation.visuals.glow import RGB_BITS

BAND_ROWS = 12  # small rows enlarged together (taller bands: fewer pieces, more black)
JOIN_GAP = 8  # small columns: lit stretches closer than this are enlarged as one piece
Piece = tuple[pygame.Surface, tuple[int, int]]


class Enlarged:
    """A small light picture (draw on `small`), kept `factor` times larger where it is lit."""

    def __init__(self, size: tuple[int, int], factor: int, faint: int = 1) -> None:
        """`size` is the small picture's: its last column and row are only the neighbours
        the enlargement blends towards (a full picture `factor` x one less each way); a small
        pixel with every channel below `faint` (a power of two) counts as black."""
        width, height = size
        self.small = pygame.Surface(size)
        self.factor = factor
        self.full = pygame.Surface((factor * (width - 1), factor * (height - 1)))
        self.pieces: list[Piece] = []
        self.lit_bits = lit_bits(faint)

    def enlarge(self, rows: int, band: int = BAND_ROWS) -> None:
        """Enlarge the lit parts of the small picture's top `rows` rows (row `rows` is blended
        towards; below it the small picture is black), in bands of `band` small rows."""
        at_once(self.enlarging(rows, band))

    def enlarging(self, rows: int, band: int = BAND_ROWS,
                  pixels: float = math.inf) -> Pieces:
        """What `enlarge` does, in pieces of about `pixels` enlarged pixels each (a wide
        beam's whole enlargement took 8-19 ms in one piece of the building ahead)."""
        view = pygame.surfarray.pixels2d(self.small).T  # rows of pixels
        lit = (view[:rows + 1] & self.lit_bits) != 0
        del view  # unlock the small picture
        f = self.factor
        self.pieces = []
        done = 0
        for top, bottom, left, right in lit_stretches(lit, band, JOIN_GAP):
            size = (f * (right - left), f * (bottom - top))
            if done and done + size[0] * size[1] > pixels:
                done = 0
                yield
            piece = self.full.subsurface(((f * left, f * top), size))
            pygame.transform.smoothscale(
                self.small.subsurface((left, top, right - left + 1, bottom - top + 1)), size,
                piece)
            self.pieces.append((piece, (f * left, f * top)))
            done += size[0] * size[1]

    def add(self, surface: pygame.Surface) -> None:
        """Add the enlarged light onto `surface`, from its top-left corner."""
        surface.fblits(self.pieces, pygame.BLEND_RGB_ADD)


def lit_bits(faint: int) -> int:
    """The bits of a pixel (without alpha) that say one of its channels is at least `faint`
    (a power of two)."""
    return RGB_BITS & ~((faint - 1) * 0x010101)


def lit_stretches(lit: np.ndarray, band: int, gap: int) -> list[Stretch]:
    """Where a picture enlarged from `lit` (rows x columns, its last row only blended
    towards) is not black: in bands of `band` rows, the stretches of columns whose enlarged
    pixels blend a lit one (a column's blend its right neighbour), less than `gap` apart
    joined."""
    rows = lit.shape[0] - 1
    columns, tops = banded(lit[:rows], band)
    bottoms = [min(rows, top + band) for top in tops]
    columns |= lit[bottoms]  # each band's enlarged pixels blend the row below it too
    return runs(columns[:, :-1] | columns[:, 1:], tops, bottoms, gap)
