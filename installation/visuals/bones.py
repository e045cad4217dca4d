"""Under the tar: bones of forty thousand years in layers, fainter the deeper they lie."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Setup, mix, stable_seed

STRATA = 7  # bands of older and older tar
NEAREST = 0.6  # the bones nearest the surface: this much of the bone colour, the rest tar
DEEPEST = 0.3  # how much of that the lowest layer keeps
SHEEN_SECONDS = 24.0  # a slow glint of light moving through the tar over the bones
SHEEN = (28, 24, 18)
Rgba = tuple[int, int, int, int]
Pen = Callable[[pygame.Surface, float, float, float, Rgba, random.Random], None]


def long_bone(image: pygame.Surface, x: float, y: float, size: float, color: Rgba,
              rng: random.Random) -> None:
    """A leg bone: a shaft with a knob at each end, lying at an angle."""
    angle = rng.uniform(-0.6, 0.6)
    dx, dy = math.cos(angle) * size, math.sin(angle) * size
    width = max(1, int(size * 0.14))
    pygame.draw.line(image, color, (x - dx, y - dy), (x + dx, y + dy), width)
    for end in (-1, 1):
        pygame.draw.circle(image, color, (int(x + end * dx), int(y + end * dy)),
                           max(1, int(size * 0.16)))


def ribs(image: pygame.Surface, x: float, y: float, size: float, color: Rgba,
         rng: random.Random) -> None:
    """A ribcage on its side: a spine and a row of curved ribs."""
    width = max(1, int(size * 0.06))
    pygame.draw.line(image, color, (x - size, y), (x + size, y), width + 1)
    for n in range(7):
        rx = x - size + (n + 0.5) * 2 * size / 7
        box = pygame.Rect(int(rx - size * 0.25), int(y - size * 0.1), int(size * 0.5),
                          int(size * rng.uniform(0.8, 1.1)))
        pygame.draw.arc(image, color, box, math.pi * 0.1, math.pi * 0.9, width)


def skull(image: pygame.Surface, x: float, y: float, size: float, color: Rgba,
          rng: random.Random) -> None:
    """A mammoth's skull with its great curved tusks, or a sabre-tooth's with its fangs."""
    if rng.random() < 0.5:
        pygame.draw.ellipse(image, color, (x - size * 0.5, y - size * 0.45, size, size * 0.8))
        box = pygame.Rect(int(x - size * 0.2), int(y - size * 0.2), int(size * 1.6),
                          int(size * 1.2))
        pygame.draw.arc(image, color, box, math.pi * 0.95, math.pi * 1.9,
                        max(1, int(size * 0.1)))
        return
    small = size * 0.5
    pygame.draw.ellipse(image, color, (x - small, y - small * 0.5, small * 2, small))
    for side in (-0.35, 0.05):
        pygame.draw.line(image, color, (x + side * small, y + small * 0.3),
                         (x + side * small - small * 0.1, y + small * 1.2),
                         max(1, int(small * 0.16)))


SHAPES: tuple[Pen, ...] = (long_bone, long_bone, ribs, skull)


class Bones:
    """A cut through the tar below its surface: dark strata, and bones lying in each."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        width, height = setup.size
        self.top = int(height * params["y"])
        self.seed = setup.timeline.seed
        self.image = self._paint((width, height - self.top), params, height)
        self.sheen = sheen_band(max(8, width // 5), height - self.top)

    def _paint(self, size: tuple[int, int], params: Mapping[str, Any],
               height: int) -> pygame.Surface:
        width, depth = size
        image = pygame.Surface(size, pygame.SRCALPHA)
        rng = random.Random(stable_seed(self.seed, "bones"))
        tar: Color = params["tar"]
        bone: Color = params["color"]
        count = round(24 * params["amount"])
        for layer in range(STRATA):
            y0 = depth * layer // STRATA
            band = mix(tar, (60, 44, 30), 0.12 + 0.06 * (layer % 2))
            image.fill((*band, 90), (0, y0, width, depth // STRATA))
            image.fill((*mix(tar, bone, 0.08), 120), (0, y0, width, max(1, height // 400)))
            shade = mix(tar, bone, NEAREST * (1.0 - (1.0 - DEEPEST) * layer / (STRATA - 1)))
            for _ in range(count // STRATA + 1):
                x = rng.uniform(0.02, 0.98) * width
                y = y0 + rng.uniform(0.2, 0.85) * depth / STRATA
                scale = height * rng.uniform(0.03, 0.06) * (1.0 - 0.4 * layer / STRATA)
                rng.choice(SHAPES)(image, x, y, scale, (*shade, 170), rng)
        return image

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        surface.blit(self.image, (0, self.top))
        # A slow glint drifts through the tar and lights what lies in it.
        band = self.sheen.get_width()
        travel = surface.get_width() + band
        x = int((frame.seconds / SHEEN_SECONDS) % 1.0 * travel) - band
        surface.blit(self.sheen, (x, self.top), special_flags=pygame.BLEND_RGB_ADD)


def sheen_band(width: int, height: int) -> pygame.Surface:
    """A soft vertical band of light, brightest in its middle, for an additive blit."""
    row = pygame.Surface((width, 1))
    for x in range(width):
        row.set_at((x, 0), mix((0, 0, 0), SHEEN, math.sin(math.pi * x / (width - 1)) ** 2))
    return pygame.transform.scale(row, (width, max(1, height)))
