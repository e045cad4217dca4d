"""Sprites cut to the part that shows: their clear rim costs a blit and shows nothing."""

from __future__ import annotations

import numpy as np
import pygame

ALPHA_BITS = 32  # a sprite's pixels with their opacity (shown_box reads that at once)


def shown_box(sprite: pygame.Surface) -> pygame.Rect:
    """The box round the pixels of `sprite` that show (any opacity): its bounding rect, worked
    out from its opacity at once (Surface.get_bounding_rect looks at it a pixel at a time,
    ~1 ms for a runner; so where it has no per-pixel opacity)."""
    if not sprite.get_flags() & pygame.SRCALPHA or sprite.get_bitsize() != ALPHA_BITS:
        return sprite.get_bounding_rect()
    alpha = pygame.surfarray.pixels_alpha(sprite)
    columns, rows = np.flatnonzero(alpha.any(axis=1)), np.flatnonzero(alpha.any(axis=0))
    del alpha
    if not columns.size:
        return sprite.get_bounding_rect()
    return pygame.Rect(int(columns[0]), int(rows[0]), int(columns[-1] - columns[0] + 1),
                       int(rows[-1] - rows[0] + 1))


def visible(sprite: pygame.Surface) -> tuple[pygame.Surface, tuple[int, int]]:
    """A per-pixel-alpha sprite cut to where it is not clear, and where that part's top-left
    corner lies in the sprite (blitted there, it draws the same pixels as the whole)."""
    part = sprite.get_bounding_rect(min_alpha=1)
    return sprite.subsurface(part).copy(), part.topleft


BAND_ROWS = 16  # a sprite is cut to what shows this many rows at a time


class Banded:
    """A per-pixel-alpha sprite cut into bands of BAND_ROWS rows, each cut to where it is not
    clear: blitted band by band, it draws what the whole draws, without blending the clear
    pixels round a thin shape (a palm's trunk, a mammoth's back). Kept for the last sprite
    asked (made again when another is drawn)."""

    def __init__(self) -> None:
        self.sprite: pygame.Surface | None = None
        self.bands: list[pygame.Rect] = []
        self.coming: tuple[pygame.Surface, list[pygame.Rect]] | None = None  # cut ahead

    def ahead(self, sprite: pygame.Surface) -> None:
        """Cut `sprite` now, for the blit that will next ask for it (a sinking mother's
        picture, cut on the frame she sank a step: 2.3 ms there)."""
        if sprite is not self.sprite:
            self.coming = (sprite, _bands(sprite))

    def blit(self, surface: pygame.Surface, sprite: pygame.Surface, at: tuple[int, int],
             area: pygame.Rect | None = None) -> None:
        """`surface.blit(sprite, at, area)`, band by band."""
        if sprite is not self.sprite:
            cut = self.coming if self.coming is not None and self.coming[0] is sprite else None
            self.sprite, self.bands = cut or (sprite, _bands(sprite))
            self.coming = None
        area = sprite.get_rect() if area is None else area
        x, y = at[0] - area.x, at[1] - area.y
        surface.blits([(sprite, (x + part.x, y + part.y), part)
                       for part in (band.clip(area) for band in self.bands) if part],
                      doreturn=False)


def _bands(sprite: pygame.Surface) -> list[pygame.Rect]:
    """The parts of a per-pixel-alpha sprite that are not clear, BAND_ROWS rows at a time."""
    width, height = sprite.get_size()
    parts = []
    for top in range(0, height, BAND_ROWS):
        band = pygame.Rect(0, top, width, min(BAND_ROWS, height - top))
        shown = sprite.subsurface(band).get_bounding_rect(min_alpha=1)
        if shown:
            parts.append(shown.move(0, top))
    return parts
