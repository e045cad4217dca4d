"""Smoke columns that rise from the fires, spread and lean over with the wind."""

from __future__ import annotations

import math
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
    hash01,
    s_curve,
    stable_seed,
)
from installation.visuals.ruins import fire_sites
from installation.visuals.sprites import visible

PUFFS = 14  # puffs alive in one column at a time
LIFE = 28.0  # real seconds a puff takes to rise to the top
SIZES = 10  # radius steps of the puff sprites
BASE_RADIUS = 0.04  # of the picture height, as a puff leaves the fire
GROWTH = 3.6  # a puff at the top is this many times wider
FADES = 6  # steps of a puff's opacity (baked into its sprite: cheaper than a surface alpha)
LEAN = 0.9  # how far the top of a column is blown, in column heights at full wind
SHAPE = 64  # pixels of the puff shape before it is scaled
WOBBLE_HZ = 0.15  # how fast a puff wanders sideways (knots of its noise a second)
WOBBLE = 0.12  # how far it wanders, in column heights at the top
RISE_CURVE = 1.6  # the lean grows as this power of the height risen
FADE_IN = 8.0  # a puff is fully there after 1/FADE_IN of its rise
FADE_CURVE = 1.3  # and thins out as this power of the rise left


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
    image, (left, top) = visible(sprite)
    half = sprite.get_width() // 2
    return Puff(image, (left - half, top - half))


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
        self._place_puffs()

    def _place_puffs(self) -> None:
        """One row per puff (column by column, as they are blitted): how far through its rise
        it is at time 0, where its fire is and its seed; the sprites in one flat list."""
        puffs = [(n, k) for n in range(len(self.sites)) for k in range(PUFFS)]
        self.puffs = [((k + 0.37 * n) / PUFFS, *self.sites[n], self.seed + n * 31 + k)
                      for n, k in puffs]
        self._knots: tuple[int, list[tuple[float, int, int, float, float]]] | None = None
        self.flat = [puff.image for row in self.sprites for puff in row]
        self.dx = [puff.offset[0] for row in self.sprites for puff in row]
        self.dy = [puff.offset[1] for row in self.sprites for puff in row]

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Each puff born at a fire, rising, growing, leaning and fading; one batch of blits.
        (A plain loop: numpy's calls on a few dozen numbers cost more in a busy frame.)"""
        t = frame.seconds
        x = t * WOBBLE_HZ
        knot = math.floor(x)
        ease = s_curve(x - knot)
        start, rise = t / LIFE, self.rise
        lean = self.wind * LEAN * rise
        flat, dx, dy = self.flat, self.dx, self.dy
        blits = []
        for phase, x0, y0, a, b in self._rows(knot):
            age = (start + phase) % 1.0
            level = round(min(1.0, age * FADE_IN) * (1.0 - age) ** FADE_CURVE * FADES) - 1
            if level < 0:
                continue
            i = min(SIZES - 1, int(age * SIZES)) * FADES + level
            wobble = (a + (b - a) * ease - 0.5) * rise * WOBBLE * age
            blits.append((flat[i], (int(x0 + lean * age ** RISE_CURVE + wobble) + dx[i],
                                    int(y0 - rise * age) + dy[i])))
        surface.fblits(blits)

    def _rows(self, knot: int) -> list[tuple[float, int, int, float, float]]:
        """Each puff's row with the two knots of its wobble's noise (`smooth_noise` of its
        seed) round `knot`: hashed once for all the frames between them (6.7 s)."""
        if self._knots is None or self._knots[0] != knot:
            self._knots = (knot, [(phase, x0, y0, hash01(seed, knot), hash01(seed, knot + 1))
                                  for phase, x0, y0, seed in self.puffs])
        return self._knots[1]
