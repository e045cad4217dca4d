"""The cover a dissolve or light wipe lays the old scene through: its picture, each pixel's alpha
its share of the old scene, from a picture of levels and a palette of shares."""

from __future__ import annotations

import mmap

import numpy as np
import pygame


def cover_palette(turned: np.ndarray) -> list[tuple[int, int, int]]:
    """A palette of each level's share of the old scene (what has not turned, of `turned`
    0..1 a level), 0..255 in blue (red and green white, to multiply the old scene by)."""
    shares = np.clip(np.round(np.asarray(turned) * 255), 0, 255)
    return [(255, 255, 255 - share) for share in shares.astype(int).tolist()]


class Cover:
    """The old scene's picture, its alpha each pixel's share of it from an 8-bit picture of
    levels and a palette of shares (`cover_palette`): laid over the new scene, the frame.

    One buffer seen two ways: the palette's blit writes the mask into its last byte (blue,
    seen as A, R, G, B), which the other view (B, G, R, A) reads as alpha."""

    def __init__(self, size: tuple[int, int], memory: bytearray | mmap.mmap | None = None) -> None:
        """`memory`: the buffer, zeroed (none: a new one, touched all at once)."""
        self._buffer = bytearray(size[0] * size[1] * 4) if memory is None else memory
        self._mask = pygame.image.frombuffer(self._buffer, size, "ARGB")
        self.surface = pygame.image.frombuffer(self._buffer, size, "BGRA")

    def make(self, levels: pygame.Surface, palette: list[tuple[int, int, int]],
             old: pygame.Surface, areas: list[pygame.Rect]) -> None:
        """The cover over `areas` (elsewhere it keeps what it had)."""
        levels.set_palette(palette)
        self._mask.blits([(levels, area, area) for area in areas],
                         doreturn=False)  # alpha: the share of the old scene
        # White (an opaque blit fills the rest), times the old scene; keeps the alpha.
        self.surface.blits([(old, area, area, pygame.BLEND_RGB_MULT) for area in areas],
                           doreturn=False)
