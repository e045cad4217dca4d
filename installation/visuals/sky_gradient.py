"""The sky's vertical gradients: a smoothed column of colours, copied across a strip at a time."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pygame

from installation.core.cache import Bounded
from installation.visuals.base import Color

GRADIENT_STEPS = 256
GRADIENT_CACHE = 3


def gradient(size: tuple[int, int], top: Color, bottom: Color, horizon: float,
             below: Color | None = None, into: pygame.Surface | None = None) -> pygame.Surface:
    """A vertical gradient reaching `bottom` at `horizon` (0..1), then `below` to the foot.

    Drawn onto `into` if given (a surface of that size to reuse)."""
    width, height = size
    tall = gradient_column(height, top, bottom, horizon, below)
    if into is None:
        return pygame.transform.scale(tall, (width, height))
    return pygame.transform.scale(tall, (width, height), into)


def gradient_column(height: int, top: Color, bottom: Color, horizon: float,
                    below: Color | None = None) -> pygame.Surface:
    """`gradient`'s colours down the picture, two columns wide: every column is the same, so
    a gradient is this smoothed column copied across (the same bytes as smoothing to the full
    size, at a fraction of the cost)."""
    shares, under = gradient_shares(horizon)
    foot = below or bottom
    upper = np.where(under[:, None], np.array(bottom, float), np.array(top, float))
    lower = np.where(under[:, None], np.array(foot, float), np.array(bottom, float))
    # `mix` for every step at once: the same arithmetic, and rint rounds halves to even as
    # round does, so the same colours
    colors = np.rint(upper + (lower - upper) * shares[:, None]).astype(np.uint8)
    column = pygame.Surface((1, GRADIENT_STEPS))
    pygame.surfarray.blit_array(column, colors[None, :, :])
    return pygame.transform.smoothscale(pygame.transform.scale(column, (2, GRADIENT_STEPS)),
                                        (2, height))

@lru_cache(maxsize=GRADIENT_CACHE)
def gradient_shares(horizon: float) -> tuple[np.ndarray, np.ndarray]:
    """For each step of the gradient's column: how far it is from its upper colour to its
    lower (0..1), and whether it lies below the horizon (bottom to foot, not top to bottom)."""
    shares, under = [], []
    for i in range(GRADIENT_STEPS):
        y = i / (GRADIENT_STEPS - 1)
        under.append(y > horizon)
        shares.append((y - horizon) / max(1e-6, 1 - horizon) if y > horizon
                      else (y / horizon) ** 1.6)
    return np.clip(np.array(shares), 0.0, 1.0), np.array(under)


class Gradients:
    """The sky's gradients kept on one full-size surface, each strip of rows holding the
    gradient of the colours it was last asked for, copied across from their column as they
    are first asked for there (the sky moves on a strip at a time: a new minute's colours are
    needed one strip a step, not all at once). One surface, not one a pair of colours: each
    strip of a sky is in one pair of colours at a time, and a new full-size surface is
    milliseconds of first touches, one piece of the building ahead each."""

    def __init__(self, surface: pygame.Surface, horizon: float) -> None:
        self.surface, self.horizon = surface, horizon
        self._columns: Bounded[tuple[Color, Color], pygame.Surface] = Bounded(GRADIENT_CACHE)
        self._held: dict[tuple[int, int], tuple[Color, Color]] = {}  # each strip's colours

    def rows(self, rect: pygame.Rect, top: Color, bottom: Color) -> pygame.Surface:
        """The full-size surface, its rows through `rect` (full width) the gradient from
        `top` to `bottom`."""
        strip, colors = (rect.top, rect.bottom), (top, bottom)
        if self._held.get(strip) != colors:
            width, height = self.surface.get_size()
            column = self._columns.get_or_make(
                colors, lambda: gradient_column(height, top, bottom, self.horizon))
            pygame.transform.scale(column.subsurface((0, rect.top, 2, rect.height)),
                                   (width, rect.height),
                                   self.surface.subsurface((0, rect.top, width, rect.height)))
            self._held[strip] = colors
        return self.surface
