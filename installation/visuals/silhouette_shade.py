"""The shade under a calf's head and body: the rim light fades down its chest, belly hair and
legs (lit there as on its back, the locks hanging from its chest and belly read as a row of
bright sawteeth at noon)."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pygame

SHADE = (0.85, 0.5)  # units above its feet: the rim light all there at this height, fading ...
SHADED = 0.15  # ... to this share of it at this one and below (its hair there dark locks)
BAND = 64  # columns of a large figure shaded (or lit: silhouette_sun) a piece at a time (the
# noon mother all at once: ~9 ms)
MOTHER_SHADE = (1.0, 0.6)  # the mother's, under her higher head and chest (her chest's locks
# lit under her chin at 14:30 read as a row of orange dashes)


def shaded(lit: pygame.Surface, unlit: pygame.Surface, feet: float, px: float,
           heights: tuple[float, float] = SHADE) -> None:
    """Fade the rim light of `lit` (the picture `unlit` with its rim) down its lower rows, in
    place: `feet`, the row its feet stand on; `px`, its pixels to a unit; `heights`: where
    it is all there and where it has faded (see SHADE)."""
    high, low = heights
    above = (feet - np.arange(lit.get_height())) / px  # each row's height over its feet
    share = np.clip((above - low) / (high - low), 0.0, 1.0)
    keep = SHADED + (1.0 - SHADED) * share * share * (3 - 2 * share)
    plain = pygame.surfarray.array3d(unlit).astype(np.float32)
    colours = pygame.surfarray.pixels3d(lit)
    colours[:] = (plain + (colours - plain) * keep[None, :, None]).astype(np.uint8)
    del colours


def shaded_pieces(lit: pygame.Surface, unlit: pygame.Surface, feet: float, px: float,
                  heights: tuple[float, float] = SHADE) -> Generator[None, None, None]:
    """`shaded`, BAND columns a piece (each pausing first): it goes row by row, so a band of
    columns is shaded as the whole would be."""
    tall = lit.get_height()
    for left in range(0, lit.get_width(), BAND):
        yield
        band = pygame.Rect(left, 0, min(BAND, lit.get_width() - left), tall)
        shaded(lit.subsurface(band), unlit.subsurface(band), feet, px, heights)
