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
BONE_TILT = 50  # degrees either way a bone came to rest at
COIL_TURNS = 9  # turns of the handset's coiled cord
SHEEN_SECONDS = 24.0  # a slow glint of light moving through the tar over the bones
SHEEN = (28, 24, 18)
REMAINS_GREY, REMAINS_TINT = (110, 110, 112), 0.35  # steel and plastic: greyer than bone
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


def car(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """A long 1980s sedan gone down into the tar: trunk, cabin and hood, the windows empty."""
    body = [(-1.0, 0.06), (-0.98, -0.12), (-0.56, -0.16), (-0.38, -0.42), (0.2, -0.42),
            (0.42, -0.16), (0.98, -0.11), (1.0, 0.06)]
    pygame.draw.polygon(image, color, [(c + s * x, c + s * y) for x, y in body])
    for window in (((-0.33, -0.2), (-0.24, -0.37), (-0.08, -0.37), (-0.08, -0.2)),
                   ((-0.02, -0.2), (-0.02, -0.37), (0.16, -0.37), (0.32, -0.2))):
        pygame.draw.polygon(image, (0, 0, 0, 0), [(c + s * x, c + s * y) for x, y in window])
    for x in (-0.62, 0.62):
        wheel = (int(c + s * x), int(c + s * 0.08))
        pygame.draw.circle(image, color, wheel, max(2, int(s * 0.19)))
        pygame.draw.circle(image, (0, 0, 0, 0), wheel, max(1, int(s * 0.07)))


def receiver(image: pygame.Surface, c: float, s: float, color: Rgba,
             rng: random.Random) -> None:
    """A payphone's handset, its coiled cord trailing off."""
    pygame.draw.line(image, color, (c - s * 0.55, c), (c + s * 0.55, c), max(1, int(s * 0.2)))
    for end in (-1, 1):
        pygame.draw.ellipse(image, color, (c + end * s * 0.6 - s * 0.2, c - s * 0.12, s * 0.4,
                                           s * 0.36))
    coil = [(c + s * (0.75 + 0.9 * t) + s * 0.08 * math.cos(t * COIL_TURNS * 2 * math.pi),
             c + s * (0.1 + 0.5 * t * t) + s * 0.1 * math.sin(t * COIL_TURNS * 2 * math.pi))
            for t in (n / 80 for n in range(81))]
    pygame.draw.lines(image, color, False, coil, max(1, int(s * 0.04)))


def watch(image: pygame.Surface, c: float, s: float, color: Rgba, rng: random.Random) -> None:
    """A wristwatch: the strap, the round face, its hands stopped at a quarter past five."""
    pygame.draw.rect(image, color, (c - s * 0.14, c - s * 0.8, s * 0.28, s * 1.6))
    pygame.draw.circle(image, color, (int(c), int(c)), max(2, int(s * 0.32)))
    pygame.draw.circle(image, (0, 0, 0, 0), (int(c), int(c)), max(1, int(s * 0.24)))
    for turn, length in ((5.25 / 12, 0.14), (15 / 60, 0.21)):  # hour, minute
        angle = 2 * math.pi * turn - math.pi / 2
        pygame.draw.line(image, color, (c, c), (c + math.cos(angle) * s * length,
                                                c + math.sin(angle) * s * length),
                         max(1, int(s * 0.04)))


def lay(image: pygame.Surface, pen: Pen, x: float, y: float, size: float, color: Rgba,
        rng: random.Random, tilt: float = BONE_TILT) -> None:
    """Draw a bone (or a thing) as it came to rest, centred on (x, y), at up to `tilt`
    degrees either way."""
    side = int(size * 4) + 2
    piece = pygame.Surface((side, side), pygame.SRCALPHA)
    pen(piece, side / 2, size, color, rng)
    turned = pygame.transform.rotate(piece, rng.uniform(-tilt, tilt))
    image.blit(turned, (int(x - turned.get_width() / 2), int(y - turned.get_height() / 2)))


SHAPES: tuple[Pen, ...] = (long_bone, long_bone, ribs, skull, skull)
# The city's things in the newest layer, in the order `remains` adds them: their sizes against
# a bone's, and where they lie across the picture (clear of its middle, where a figure stands).
REMAINS: tuple[tuple[Pen, float, float], ...] = ((car, 2.6, 0.2), (receiver, 1.1, 0.7),
                                                 (watch, 0.9, 0.88))
REMAINS_TILT = 14  # degrees: they sank more or less level
REMAINS_REACH = 0.75  # how far a thing reaches above its middle, tilted, of its size


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
        newest = mix(tar, bone, NEAREST)  # the top layer's bones: over the strata, not under
        self._remains(image, params["remains"], depth / STRATA / 2, height,
                      mix(newest, REMAINS_GREY, REMAINS_TINT),
                      random.Random(stable_seed(self.seed, "remains")))
        return image

    def _remains(self, image: pygame.Surface, amount: float, y: float, height: int,
                 shade: Color, rng: random.Random) -> None:
        """The newest things in the tar, just under its surface, spread across the picture."""
        things = REMAINS[:round(amount * len(REMAINS))]
        width = image.get_width()
        for pen, size, across in things:
            x = width * (across + rng.uniform(-0.03, 0.03))
            scale = height * 0.045 * size
            below = max(y, scale * REMAINS_REACH)  # wholly under the surface, not cut by it
            lay(image, pen, x, below, scale, (*shade, 190), rng, REMAINS_TILT)

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
