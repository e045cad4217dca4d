"""A whole picture mixed towards a colour in one blend (a white-out, a haze's veil).

The mix is each level d becoming d x keep / 255 + light: a multiply then an add would be two
passes over every pixel; one see-through band blitted down the picture is one pass, and the
band (a few rows) stays in the cache. Its colour is chosen so that every level comes out
within one of the multiply and add, most of them exactly.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pygame

from installation.visuals.base import Color

BAND_ROWS = 16  # the band blitted down the picture: a few rows, quick to make, kept in the cache
BANDS_KEPT = 8  # bands kept (a haze holds its level for seconds; a flash fades every frame)
LEVELS_KEPT = 4096  # source levels kept (one per keep and light level)
SEARCH = 3  # source levels tried either side of the mid grey's exact one


def veil(surface: pygame.Surface, keep: int, light: Color) -> None:
    """Each colour level d of the picture becomes d x keep / 255 + light, to within one level,
    in one pass (a mix towards a colour: each light at most 255 - keep). A see-through
    picture keeps its alpha: a multiply and an add (the band would blend into its alpha)."""
    if surface.get_flags() & pygame.SRCALPHA:
        surface.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
        surface.fill(light, special_flags=pygame.BLEND_RGB_ADD)
        return
    band = _band(surface.get_width(), keep, light)
    surface.fblits([(band, (0, y)) for y in range(0, surface.get_height(), BAND_ROWS)])


def prepare(width: int, keep: int, light: Color) -> None:
    """Make the band a veil of this keep and light lays over a picture `width` wide, ahead of
    the frame that lays it (it is kept: see BANDS_KEPT)."""
    _band(width, keep, light)


@lru_cache(maxsize=BANDS_KEPT)
def _band(width: int, keep: int, light: Color) -> pygame.Surface:
    """A band of the picture's width, blended over it at alpha 255 - keep."""
    band = pygame.Surface((width, BAND_ROWS), pygame.SRCALPHA)
    band.fill((*(source_level(keep, level) for level in light), 255 - keep))
    return band


@lru_cache(maxsize=LEVELS_KEPT)
def source_level(keep: int, light: int) -> int:
    """The band's level for one channel: the one whose blend at alpha 255 - keep comes
    closest to a multiply by keep then an add of light, over every level of the picture
    (furthest miss first, then the misses in all), of the few around the level that would
    be exact for a mid grey (the best always lies among them)."""
    alpha = 255 - keep
    middle = min(255, round(light * 256 / (alpha + 1)))
    source = np.arange(max(0, middle - SEARCH), min(255, middle + SEARCH) + 1)[:, None]
    picture = np.arange(256)
    wanted = np.minimum(np.where(picture > 0, (picture * keep + 255) >> 8, 0) + light, 255)
    blended = (picture * 256 + (source - picture) * alpha + source) >> 8  # pygame's alpha blit
    miss = np.abs(blended - wanted)
    return int(source[np.argmin(miss.max(axis=1) * miss.size + miss.sum(axis=1)), 0])
