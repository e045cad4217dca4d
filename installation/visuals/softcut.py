"""A picture with per-pixel alpha that is mostly solid, drawn quicker: its solid pixels as a
colour-keyed copy (run-length coded: whole runs copied, clear ones skipped), and only the small
pieces of it that hold its soft edges blended with their alpha. The same pixels as blitting the
picture itself: a solid pixel blended is its own colour, a clear one changes nothing.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import NamedTuple

import pygame

from installation.visuals.bands import marked_stretches
from installation.visuals.glow import RGB_BITS

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
    two steps: the copy, then the soft pieces."""
    keyed.set_colorkey(None)
    keyed.blit(image, (0, 0))  # the solid pixels exactly (the others are keyed out below)
    yield
    alpha = pygame.surfarray.array_alpha(image)
    key = keyed.map_rgb(KEY) & RGB_BITS
    if ((pygame.surfarray.array2d(keyed)[alpha == 255] & RGB_BITS) == key).any():
        return SoftCut(image, [])  # a solid pixel of the key's colour: not cut
    view = pygame.surfarray.pixels2d(keyed)
    view[alpha < 255] = key
    del view  # unlock the copy
    keyed.set_colorkey(KEY, pygame.RLEACCEL)
    soft = marked_stretches(((alpha > 0) & (alpha < 255)).T, EDGE_ROWS, EDGE_GAP)
    return SoftCut(keyed, [(image.subsurface((left, top, right - left, bottom - top)),
                            (left, top)) for top, bottom, left, right in soft])
