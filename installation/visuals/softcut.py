"""A picture with per-pixel alpha that is mostly solid, drawn quicker: its solid pixels as a
colour-keyed copy (run-length coded: whole runs copied, clear ones skipped), and only the small
pieces of it that hold its soft edges blended with their alpha. The same pixels as blitting the
picture itself: a solid pixel blended is its own colour, a clear one changes nothing.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import NamedTuple

import numpy as np
import pygame

from installation.visuals.lit import pieces_of

KEY = (255, 0, 255)  # the keyed copy's clear colour (a picture using it is not cut)
EDGE_ROWS = 8  # rows of soft edge taken together
EDGE_GAP = 16  # columns: soft stretches closer than this are blended as one piece


class SoftCut(NamedTuple):
    """The solid part (keyed; the picture itself if it could not be cut) and the soft pieces
    with where they lie in the picture."""

    solid: pygame.Surface
    soft: list[tuple[pygame.Surface, tuple[int, int]]]

    def draw(self, surface: pygame.Surface, at: tuple[int, int]) -> None:
        """Draw the picture with its top-left corner at `at`."""
        surface.blit(self.solid, at)
        x, y = at
        surface.fblits([(piece, (x + dx, y + dy)) for piece, (dx, dy) in self.soft])


def soft_cutting(image: pygame.Surface,
                 keyed: pygame.Surface) -> Generator[None, None, SoftCut]:
    """`image` (per-pixel alpha) cut onto `keyed` (a surface of its size without alpha), in
    four steps: the copy, the solid pixels kept, the cut checked, the soft pieces found."""
    keyed.set_colorkey(None)
    keyed.blit(image, (0, 0))  # the solid pixels exactly (the others are keyed out next)
    yield
    solid = pygame.mask.from_surface(image, 254)  # alpha 255
    clear = solid.copy()
    clear.invert()
    clear.to_surface(keyed, setcolor=KEY, unsetcolor=None)
    keyed.set_colorkey(KEY, pygame.RLEACCEL)
    yield
    if pygame.mask.from_surface(keyed).count() != solid.count():
        return SoftCut(image, [])  # a solid pixel of the key's colour: not cut
    yield
    alpha = pygame.surfarray.pixels_alpha(image)
    soft = (alpha - np.uint8(1)) < 254  # alpha 1 to 254 (0 wraps round to 255)
    del alpha  # unlock the picture
    return SoftCut(keyed, pieces_of(image, soft, EDGE_ROWS, EDGE_GAP))
