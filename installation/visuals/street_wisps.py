"""Thin smoke rising from the burnt boulevard's fires, leaning with the wind: a short loop of
frames made once (numpy: a soft column whose waves and thick and thin patches climb it, whole
cycles a loop, so it never jumps), one of them blitted over each fire every frame."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color

FRAMES = 24  # frames in a wisp's loop...
LOOP = 8.0  # ...played over this many real seconds
WIDE, HIGH = 0.08, 0.9  # a wisp's picture at depth 1, of the picture's height
SMOKE: Color = (84, 79, 76)  # paler than the charred walls, darker than the sky
THICK = 0.8  # its alpha at its thickest
WAVES = ((2.0, 0.22, 1), (5.0, 0.08, 2))  # waves up it: whole cycles, reach (of its width), speed
PATCHES = (3.0, 0.45)  # thick and thin patches up it: whole cycles, depth
LEAN = 1.1  # how far its top drifts downwind, of its width
FOOT_FADE, TOP_FADE = 0.12, 0.45  # it thickens over this share from its foot, thins at its top


@dataclass(frozen=True)
class Wisp:
    """A wisp's loop of frames (see-through surfaces, its foot at the middle of their bottom)."""

    frames: tuple[pygame.Surface, ...]

    def blit(self, seconds: float, foot: tuple[int, int]) -> tuple[pygame.Surface, tuple[int, int]]:
        """The frame at this moment, and where it goes over the fire's `foot`."""
        frame = self.frames[int(seconds / LOOP * FRAMES) % FRAMES]
        return frame, (foot[0] - frame.get_width() // 2, foot[1] - frame.get_height())


def make_wisp(height: int, depth: float) -> Generator[None, None, Wisp]:
    """A wisp over a fire at `depth` in a picture `height` rows high, a few frames a piece."""
    wide = max(6, round(WIDE * height / depth))
    high = max(12, round(HIGH * height / depth))
    canvas = wide * 5  # (room to lean and wave)
    x = (np.arange(canvas, dtype=np.float64) - canvas / 2)[:, None] / wide
    up = 1.0 - (np.arange(high, dtype=np.float64) + 0.5)[None, :] / high  # 0 foot, 1 top
    frames = []
    for n in range(FRAMES):
        frames.append(_frame(x, up, n / FRAMES))
        if n % 6 == 5:
            yield
    return Wisp(tuple(frames))


def _frame(x: np.ndarray, up: np.ndarray, phase: float) -> pygame.Surface:
    """One frame of the loop at `phase` (0 to 1): the smoke's alpha over the canvas."""
    middle = LEAN * up ** 1.5
    for cycles, reach, speed in WAVES:
        middle = middle + reach * up * np.sin(2 * math.pi * (cycles * up - speed * phase))
    spread = 0.25 + 0.55 * up  # (it widens as it climbs)
    body = np.exp(-(((x - middle) / spread) ** 2))
    cycles, depth = PATCHES
    patches = 1.0 - depth * (0.5 + 0.5 * np.sin(2 * math.pi * (cycles * up - phase)))
    fade = np.clip(up / FOOT_FADE, 0.0, 1.0) * np.clip((1.0 - up) / TOP_FADE, 0.0, 1.0)
    alpha = THICK * body * patches * fade / (1.0 + 0.5 * up)
    surface = pygame.Surface(alpha.shape, pygame.SRCALPHA)
    surface.fill((*SMOKE, 0))
    pygame.surfarray.pixels_alpha(surface)[...] = np.clip(alpha * 255, 0, 255).astype(np.uint8)
    return surface
