"""The smoke of the lot's fires: a column rising from each, thick where it leaves the flames,
spreading and leaning over with the wind as it climbs, its underside lit by the fire below it
(warm near the flames, grey higher up), thinning out high over the lot."""

from __future__ import annotations

import math
import random
from collections.abc import Generator
from typing import NamedTuple

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.sprites import visible

SHAPE = 64  # pixels of the puff shape before it is scaled
PUFFS = 12  # puffs in a column at a time, each one's rise overlapping the next
LIFE = 11.0  # real seconds a puff takes from the flames to the top of its column
RISE = 0.4  # how high the nearest column climbs, of the picture height (farther: less)
CLIMB = 1.5  # a puff's height is this power of how far through its rise it is: slow off the
# flames (the column thick there), quicker higher up, where the puffs are wide
LEAN = 0.3  # how far its top is blown to the right, of the picture height
LEAN_CURVE = 1.7  # the lean grows as this power of the height risen (it bends over)
RADIUS = (0.022, 0.065)  # a puff's radius leaving the flames and at the top, of the height
SIZES = 9  # sizes a puff grows through (each with its own light: warm low, grey high)
FADES = 6  # steps of a puff's opacity, baked into its sprites
CLEAR = 8  # alpha (of 255) under which a puff's rim is cut away: too thin to see
THICK = 0.9  # the smoke's opacity where it is thickest
FADE_IN = 0.06  # a puff thickens over this share of its rise, leaving the flames
FADE_CURVE = 0.8  # and thins out as this power of the rise left
WOBBLE = 0.035  # how far a puff wanders sideways at the top, of the picture height
WOBBLE_TURNS = 1.3  # turns of its wandering over its rise
WANDER_PHASE = 0.37  # turns between one puff's wandering and the next's
FIRELIT = 0.75  # how much of the fire's light the lowest puffs' undersides take
FIRELIT_REACH = 0.8  # the firelight on the smoke is gone this far up the column (of its rise)
GLOW: Color = (255, 170, 90)  # the firelight on the smoke at its warmest
SHADOW = 0.75  # a puff's top, away from the fire, of the smoke's colour
UNDERSIDE = 1.5  # and its underside, lit from below, this much brighter (before the fire)


class Puff(NamedTuple):
    """A puff's picture and where it goes from the puff's middle."""

    image: pygame.Surface
    offset: tuple[int, int]


class Column(NamedTuple):
    """One fire's smoke: its foot (x, y) over the flames, how high it climbs and how far it
    leans (pixels), and its puffs' sprites by size, then by opacity step."""

    x: int
    y: int
    rise: float
    lean: float
    wobble: float
    puffs: list[list[Puff]]


def puff_shape(rng: random.Random) -> np.ndarray:
    """A lumpy soft blob: alpha 0..1 from a few overlapping round falloffs."""
    axis = (np.arange(SHAPE) - SHAPE / 2 + 0.5) / (SHAPE / 2)
    xs, ys = axis[None, :], axis[:, None]
    alpha = np.zeros((SHAPE, SHAPE))
    for _ in range(4):
        cx, cy, r = rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3), rng.uniform(0.45, 0.7)
        alpha = np.maximum(alpha, np.clip(1 - ((xs - cx) ** 2 + (ys - cy) ** 2) / r ** 2, 0, 1))
    return alpha ** 1.6


def trimmed(sprite: pygame.Surface) -> Puff:
    """The sprite cut to where it is not clear (its corners and rim cost a blit and show
    nothing), and where that part lies from the sprite's middle."""
    image, (left, top) = visible(sprite)
    half = sprite.get_width() // 2
    return Puff(image, (left - half, top - half))


def warmth(age: float) -> float:
    """How much firelight a puff takes this far (0..1) through its rise."""
    return FIRELIT * max(0.0, 1.0 - age / FIRELIT_REACH) ** 2


def lit_puff(alpha: np.ndarray, top: Color, under: Color, radius: int,
             opacity: float) -> pygame.Surface:
    """A puff `radius` pixels round of the shape `alpha` (rows x columns, 0..1): `top` at its
    top shading to `under` at its underside (lit from below), at `opacity` where thickest."""
    down = np.linspace(0.0, 1.0, SHAPE)[None, :, None] ** 1.4  # (columns, rows, channel)
    rgb = np.array(top, float) + (np.array(under, float) - np.array(top, float)) * down
    small = pygame.Surface((SHAPE, SHAPE), pygame.SRCALPHA)
    pygame.surfarray.blit_array(small, np.broadcast_to(rgb, (SHAPE, SHAPE, 3)).astype(np.uint8))
    view = pygame.surfarray.pixels_alpha(small)
    view[:] = (alpha.T * 255 * opacity).astype(np.uint8)
    del view
    puff = pygame.transform.smoothscale(small, (2 * radius, 2 * radius))
    view = pygame.surfarray.pixels_alpha(puff)
    view[view < CLEAR] = 0  # its faintest rim shows nothing but costs a blit
    del view
    return puff


def column_pieces(alpha: np.ndarray, foot: tuple[int, int], near: float, height: int,
                  smoke: Color, fire: Color,
                  thick: float = THICK) -> Generator[None, None, Column]:
    """A column over a fire whose flames top out at `foot`, `near` times as large as the
    nearest one (perspective), `thick` its opacity where thickest: its sprites a size at a
    time, pausing after each."""
    sizes: list[list[Puff]] = []
    glow = mix(GLOW, fire, 0.5)
    for n in range(SIZES):
        age = n / (SIZES - 1)
        radius = max(2, round(near * height * (RADIUS[0] + (RADIUS[1] - RADIUS[0]) * age)))
        lit = warmth(age)
        top = mix(scaled(smoke, SHADOW), glow, lit * 0.35)
        under = mix(scaled(smoke, UNDERSIDE), glow, lit)
        sizes.append([trimmed(lit_puff(alpha, top, under, radius, thick * (f + 1) / FADES))
                      for f in range(FADES)])
        yield
    return Column(foot[0], foot[1], near * height * RISE, near * height * LEAN,
                  near * height * WOBBLE, sizes)


def column_blits(column: Column, seconds: float,
                 phase: float) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """The column's puffs at this moment, the highest (oldest) first so the thick, lit ones
    low over the fire are drawn over them: born at the flames, rising, growing, leaning over,
    wandering and thinning out. (Puff k is (seconds / LIFE + phase + k / PUFFS) % 1 through
    its rise: the j-th youngest is puff (j - first) % PUFFS, (frac + j) / PUFFS through.)"""
    first, frac = divmod((seconds / LIFE + phase) * PUFFS, 1.0)
    blits = []
    for j in range(PUFFS - 1, -1, -1):
        age = (frac + j) / PUFFS
        level = round(min(1.0, age / FADE_IN) * (1.0 - age) ** FADE_CURVE * FADES) - 1
        if level < 0:
            continue
        puff = column.puffs[min(SIZES - 1, int(age * SIZES))][level]
        turn = WOBBLE_TURNS * age + ((j - int(first)) % PUFFS) * WANDER_PHASE
        up = age ** CLIMB
        x = (column.x + column.lean * up ** LEAN_CURVE
             + math.sin(2 * math.pi * turn) * column.wobble * up)
        y = column.y - column.rise * up
        blits.append((puff.image, (round(x) + puff.offset[0], round(y) + puff.offset[1])))
    return blits
