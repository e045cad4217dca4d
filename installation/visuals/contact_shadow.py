"""Where someone meets the ground: a soft pad under their feet, a long shadow laid from it."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import lru_cache

import numpy as np
import pygame

from installation.visuals.base import Pieces
from installation.visuals.budget import Budget
from installation.visuals.long_shadow import FORESHORTEN, LENGTH_STEP, Cast, cast, lay_from_feet
from installation.visuals.skeleton import Point

Shrink = Callable[[pygame.Surface, float], pygame.Surface]  # a shadow shrunk to a share of it

PAD_WIDE = 0.34  # the pad under the feet is this much of their height across...
PAD_DEEP = 0.06  # ... and this much deep (the ground seen from a standing eye's height)
PAD_MIN = 3  # (never narrower or shallower than this many pixels: the far ones keep one)
PAD_STEP = 2  # pads are made for sizes in steps of this many pixels (each once)
PAD_SAMPLES = 8  # (their sizes found ahead for heights this many to a pixel apart)
SIZES_KEPT = 64  # the tallest heights whose pad sizes are kept (asked again every frame)
PAD_COST = 50_000  # and making a pad about this much (set-up pixels: ~35 us, the largest at
#                   1080 ~0.1 ms; a 300-pixel figure's 59 pads in one piece)
CAST_COST = 35  # casting a long shadow costs about this many times its sprite's area (in a
#                 set-up piece's pixels: ~1.4 ms for the nearest crowd runner's, 257x310 at
#                 1080; cast by the frame that first drew it, at 05:07 ~1.5 a frame, ~4 ms; at
#                 25, `bench --pieces` gave its pieces 6.0 ms on average, the sprites' 4.6)


class Contact:
    """The pads under a layer's people (`dark`, 0 to 1) and, when `reach` (in heights) is above
    0, each one's shadow laid that long towards us from the pad (a low light behind them)."""

    def __init__(self, dark: float, reach: float) -> None:
        self.alpha = round(255 * dark)
        self.lean = (0, round(reach * FORESHORTEN / LENGTH_STEP)) if reach > 0 else None
        self.pads: dict[tuple[int, int], pygame.Surface] = {}
        self.long: dict[pygame.Surface, Cast] = {}

    def draw(self, surface: pygame.Surface, sprite: pygame.Surface, feet: Point,
             on_sprite: Point, share: float, shrink: Shrink) -> None:
        """The shadow under `sprite` (its feet at `on_sprite` on it, drawn `share` of its size)
        standing with its feet at `feet` in the picture: the long one first (`shrink`: how a
        shadow is shrunk to a share, kept for the frames after), the pad over it."""
        if self.lean is not None:
            self._long(surface, sprite, (feet, on_sprite), share, shrink)
        size = _size(on_sprite[1] * share)
        if size not in self.pads:
            self.pads[size] = _pad(size, self.alpha)
        surface.blit(self.pads[size], (round(feet[0] - size[0] / 2), round(feet[1] - size[1] / 2)))

    def fill(self, sprites: Iterable[tuple[pygame.Surface, Point]], budget: Budget) -> Pieces:
        """What a frame would otherwise make the first time it shows `sprites` (each with its
        feet on it), made ahead in `budget`'s pieces with the sprites themselves: their long
        shadows (with `reach`) and the pads for every size they are drawn at, so a frame only
        lays them."""
        tallest = 0.0
        for sprite, on_sprite in sprites:
            tallest = max(tallest, on_sprite[1])
            if self.lean is None or sprite in self.long:
                continue
            if budget.over(CAST_COST * sprite.get_width() * sprite.get_height()):
                yield
            self.long[sprite] = cast(sprite, on_sprite, self.lean, self.alpha)
        for size in _sizes(tallest):
            if size not in self.pads:
                if budget.over(PAD_COST):
                    yield
                self.pads[size] = _pad(size, self.alpha)

    def _long(self, surface: pygame.Surface, sprite: pygame.Surface, feet: tuple[Point, Point],
              share: float, shrink: Shrink) -> None:
        """The sprite's own shadow laid towards us from its feet (in the picture, on it), made
        once per sprite (ahead, see fill; here if the frame came first: a cold start)."""
        assert self.lean is not None
        if sprite not in self.long:
            self.long[sprite] = cast(sprite, feet[1], self.lean, self.alpha)
        made = self.long[sprite]
        lay_from_feet(surface, made, feet, share, shrink(made[0], share))


def _size(tall: float) -> tuple[int, int]:
    """The pad under someone `tall` pixels (to their feet)."""
    return _stepped(tall * PAD_WIDE), _stepped(tall * PAD_DEEP)


@lru_cache(maxsize=SIZES_KEPT)  # pure; at 05:05 ~1700 samples twice a frame were ~2 ms
def _sizes(tallest: float) -> tuple[tuple[int, int], ...]:
    """Every pad someone up to `tallest` pixels is drawn on (however far they are shrunk)."""
    samples = range(math.ceil(tallest * PAD_SAMPLES) + 1)
    return tuple(sorted({_size(tall / PAD_SAMPLES) for tall in samples}))


def _stepped(pixels: float) -> int:
    """A pad's side for `pixels`, in steps (never too small to see)."""
    return max(PAD_MIN, PAD_STEP * round(pixels / PAD_STEP))


def _pad(size: tuple[int, int], alpha: int) -> pygame.Surface:
    """A black ellipse of `size`, `alpha` dark in the middle, fading to nothing at its edge."""
    w, h = size
    x = (np.arange(w) + 0.5) / w * 2 - 1
    y = (np.arange(h) + 0.5) / h * 2 - 1
    r2 = x[:, None] ** 2 + y[None, :] ** 2
    pad = pygame.Surface(size, pygame.SRCALPHA)
    pad.fill((0, 0, 0, 255))
    pygame.surfarray.pixels_alpha(pad)[:] = (alpha * np.clip(1 - r2, 0, 1) ** 1.5).astype(np.uint8)
    return pad
