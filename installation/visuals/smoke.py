"""Smoke columns that rise from the fires, spread and lean over with the wind."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    smooth_noise,
    stable_seed,
)
from installation.visuals.ruins import fire_sites

PUFFS = 14  # puffs alive in one column at a time
LIFE = 28.0  # real seconds a puff takes to rise to the top
SIZES = 10  # radius steps of the puff sprites
BASE_RADIUS = 0.04  # of the picture height, as a puff leaves the fire
GROWTH = 3.6  # a puff at the top is this many times wider
FADES = 6  # steps of a puff's opacity (baked into its sprite: cheaper than a surface alpha)
LEAN = 0.9  # how far the top of a column is blown, in column heights at full wind
SHAPE = 64  # pixels of the puff shape before it is scaled


def puff_shape(rng: random.Random) -> np.ndarray:
    """A lumpy soft blob: alpha 0..1 from a few overlapping round falloffs."""
    axis = (np.arange(SHAPE) - SHAPE / 2 + 0.5) / (SHAPE / 2)
    xs, ys = axis[None, :], axis[:, None]
    alpha = np.zeros((SHAPE, SHAPE))
    for _ in range(4):
        cx, cy, r = rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3), rng.uniform(0.45, 0.7)
        alpha = np.maximum(alpha, np.clip(1 - ((xs - cx) ** 2 + (ys - cy) ** 2) / r ** 2, 0, 1))
    return alpha ** 1.6


def puff_sprite(alpha: np.ndarray, color: Color, radius: int, opacity: float) -> pygame.Surface:
    small = pygame.Surface((SHAPE, SHAPE), pygame.SRCALPHA)
    small.fill((*color, 0))
    view = pygame.surfarray.pixels_alpha(small)
    view[:] = (alpha.T * 255 * opacity).astype(np.uint8)
    del view
    return pygame.transform.smoothscale(small, (2 * radius, 2 * radius))


def fades(alpha: np.ndarray, color: Color, radius: int, amount: float) -> list[pygame.Surface]:
    """One size of puff at each opacity step (the last is `amount`, the first nearly clear)."""
    return [puff_sprite(alpha, color, radius, amount * (f + 1) / FADES) for f in range(FADES)]


def trimmed(sprite: pygame.Surface) -> Puff:
    """The sprite cut to where it is not clear (its corners and rim cost a blit and show
    nothing), and where that part lies from the sprite's middle."""
    part = sprite.get_bounding_rect(min_alpha=1)
    half = sprite.get_width() // 2
    return Puff(sprite.subsurface(part).copy(), (part.left - half, part.top - half))


class Puff(NamedTuple):
    """A puff's picture and where it goes from the puff's middle."""

    image: pygame.Surface
    offset: tuple[int, int]


class Smoke:
    """Each puff's place is a function of time: born at a fire, rising, growing, fading."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: one size of puff sprites at a time."""
        width, height = setup.size
        self.seed = setup.timeline.seed
        ground = int(height * params["ground"])
        self.rise = height * params["height"]
        self.sites = fire_sites(self.seed, setup.size, ground, params["columns"])
        self.wind = params["wind"]
        self.amount = params["amount"]
        rng = random.Random(stable_seed(self.seed, "smoke"))
        shape = puff_shape(rng)
        base = max(2.0, height * BASE_RADIUS * params["size"])
        self.radii = [int(base * GROWTH ** (n / (SIZES - 1))) for n in range(SIZES)]
        color: Color = params["color"]
        self.sprites: list[list[Puff]] = []
        for radius in self.radii:
            yield
            self.sprites.append([trimmed(sprite)
                                 for sprite in fades(shape, color, radius, self.amount)])

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        t = frame.seconds
        blits = []
        for n, (x0, y0) in enumerate(self.sites):
            for k in range(PUFFS):
                age = (t / LIFE + (k + 0.37 * n) / PUFFS) % 1.0
                puff = self._puff(n, k, age, x0, y0, t)
                if puff is not None:
                    blits.append(puff)
        surface.fblits(blits)

    def _puff(self, n: int, k: int, age: float, x0: int, y0: int,
              t: float) -> tuple[pygame.Surface, tuple[int, int]] | None:
        height = self.rise * age
        drift = self.wind * LEAN * self.rise * age ** 1.6
        wobble = (smooth_noise(self.seed + n * 31 + k, t * 0.15) - 0.5) * self.rise * 0.12 * age
        step = min(SIZES - 1, int(age * SIZES))
        fade = min(1.0, age * 8.0) * (1.0 - age) ** 1.3
        level = round(fade * FADES) - 1
        if level < 0:
            return None
        image, (dx, dy) = self.sprites[step][level]
        return image, (int(x0 + drift + wobble) + dx, int(y0 - height) + dy)
