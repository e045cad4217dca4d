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
        """One row per puff (column by column, as they are blitted): where its fire is, its
        seed and how far through its rise it is at time 0; the sprites in one flat list."""
        puffs = [(n, k) for n in range(len(self.sites)) for k in range(PUFFS)]
        self.phase = np.array([(k + 0.37 * n) / PUFFS for n, k in puffs])
        self.x0 = np.array([self.sites[n][0] for n, _k in puffs])
        self.y0 = np.array([self.sites[n][1] for n, _k in puffs])
        self.seeds = [self.seed + n * 31 + k for n, k in puffs]
        self._knots: tuple[int, np.ndarray, np.ndarray] | None = None
        self.flat = [puff.image for row in self.sprites for puff in row]
        self.dx = np.array([puff.offset[0] for row in self.sprites for puff in row])
        self.dy = np.array([puff.offset[1] for row in self.sprites for puff in row])

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Every puff's place, size and opacity at once (numpy), then one batch of blits."""
        t = frame.seconds
        age = np.mod(t / LIFE + self.phase, 1.0)
        height = self.rise * age
        drift = self.wind * LEAN * self.rise * age ** RISE_CURVE
        wobble = (self._wobble(t) - 0.5) * self.rise * WOBBLE * age
        step = np.minimum(SIZES - 1, (age * SIZES).astype(int))
        fade = np.minimum(1.0, age * FADE_IN) * (1.0 - age) ** FADE_CURVE
        level = np.round(fade * FADES).astype(int) - 1
        shown = np.flatnonzero(level >= 0)
        index = (step * FADES + level)[shown]
        xs = (self.x0 + drift + wobble).astype(int)[shown] + self.dx[index]
        ys = (self.y0 - height).astype(int)[shown] + self.dy[index]
        flat = self.flat
        surface.fblits([(flat[i], place) for i, place in
                        zip(index.tolist(), zip(xs.tolist(), ys.tolist(), strict=True),
                            strict=True)])

    def _wobble(self, t: float) -> np.ndarray:
        """Each puff's sideways wandering, 0..1: `smooth_noise` of its own seed at t, its two
        knots hashed once for all the frames between them."""
        x = t * WOBBLE_HZ
        knot = math.floor(x)
        if self._knots is None or self._knots[0] != knot:
            self._knots = (knot, np.array([hash01(seed, knot) for seed in self.seeds]),
                           np.array([hash01(seed, knot + 1) for seed in self.seeds]))
        _knot, a, b = self._knots
        return a + (b - a) * s_curve(x - knot)
