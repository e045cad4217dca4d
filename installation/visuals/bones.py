"""Under the tar: bones of forty thousand years in layers, fainter the deeper they lie."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Setup, Split, mix, stable_seed

STRATA = 7  # bands of older and older tar
NEAREST = 0.6  # the bones nearest the surface: this much of the bone colour, the rest tar
DEEPEST = 0.3  # how much of that the lowest layer keeps
SHEEN_SECONDS = 24.0  # a slow glint of light moving through the tar over the bones
SHEEN = (28, 24, 18)
Rgba = tuple[int, int, int, int]
Pen = Callable[[pygame.Surface, float, float, Rgba, random.Random], None]


def long_bone(image: pygame.Surface, c: float, s: float, color: Rgba,
              rng: random.Random) -> None:
    """A leg bone: a shaft swelling into two knuckles at each end."""
    width = max(1, int(s * 0.16))
    pygame.draw.line(image, color, (c - s, c), (c + s, c), width)
    for end in (-1, 1):
        for side in (-1, 1):
            pygame.draw.circle(image, color, (int(c + end * s * 0.95), int(c + side * s * 0.09)),
                               max(1, int(s * 0.13)))


def ribs(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """A ribcage on its side: a spine, and ribs hanging from it, longest in the middle,
    some gone."""
    width = max(1, int(s * 0.07))
    top = c - s * 0.5
    pygame.draw.line(image, color, (c - s, top), (c + s, top), width + 1)
    count = 8
    for n in range(count):
        if rng.random() < 0.25:
            continue
        x = c - s + (n + 0.5) * 2 * s / count
        length = s * (0.45 + 0.7 * math.sin(math.pi * (n + 0.5) / count))
        box = pygame.Rect(int(x), int(top - length), int(s * 0.5), int(2 * length))
        pygame.draw.arc(image, color, box, math.pi, math.pi * 1.5, width)


def skull(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """A mammoth's domed skull with its great curved tusks, or a sabre-tooth's with its
    fangs."""
    if rng.random() < 0.55:
        pygame.draw.ellipse(image, color, (c - s * 0.55, c - s * 0.6, s * 0.9, s * 1.0))
        for shift, thick in ((0.0, 0.13), (0.12, 0.09)):
            box = pygame.Rect(int(c - s * 0.3), int(c - s * (0.2 - shift)), int(s * 1.9),
                              int(s * 1.4))
            pygame.draw.arc(image, color, box, math.pi * 0.95, math.pi * 1.8,
                            max(1, int(s * thick)))
        return
    pygame.draw.ellipse(image, color, (c - s * 0.6, c - s * 0.25, s * 1.2, s * 0.5))
    for x in (c - s * 0.1, c + s * 0.12):
        pygame.draw.polygon(image, color, [(x - s * 0.06, c + s * 0.1), (x + s * 0.06, c + s * 0.1),
                                           (x - s * 0.02, c + s * 0.75)])


def lay(image: pygame.Surface, pen: Pen, x: float, y: float, size: float, color: Rgba,
        rng: random.Random) -> None:
    """Draw a bone as it came to rest: at any angle."""
    side = int(size * 4) + 2
    piece = pygame.Surface((side, side), pygame.SRCALPHA)
    pen(piece, side / 2, size, color, rng)
    turned = pygame.transform.rotate(piece, rng.uniform(-50, 50))
    image.blit(turned, (int(x - turned.get_width() / 2), int(y - turned.get_height() / 2)))


SHAPES: tuple[Pen, ...] = (long_bone, long_bone, ribs, skull, skull)


class Bones(Split):
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
                lay(image, rng.choice(SHAPES), x, y, scale, (*shade, 170), rng)
        return image

    def look(self, frame: Frame) -> None:
        """The bones and strata never change (the glint is the moving part)."""
        return None

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The strata and the bones."""
        surface.blit(self.image, (0, self.top))

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """A slow glint drifts through the tar and lights what lies in it."""
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
