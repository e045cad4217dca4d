"""The flash's swelling light: a point on the horizon too bright to have a shape, the sky
blowing out from it and the clouds over it lit from below; and the flare it lays along the
horizon, over everything (a streak of light in the eye, not in the sky)."""

from __future__ import annotations

import functools
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color

BLEACH: Color = (212, 220, 255)  # the light's cold blue-white, as it floods the sky
POINT = 0.09  # the burnt-out point's radius, of the light's (a round core as wide as the
# light, 5 times white, was a flat white disc with a rim: the noon sun, the moon rising)
POINT_GAIN = 8.0  # its light, of white: blown out, with no edge to read as a shape
GLOW_WIDE = 2.4  # the sky blown out round the point: this much wider than tall
GLOW_GAIN = 1.1  # ... its light next to the point (white only at the point itself)
GLOW_TAIL = 1.3  # ... falling off as a power of the distance: a long tail, no rim
CLOUD_ROWS = (0.3, 0.86)  # the cloud deck, between these shares of the sky's height
CLOUD_CELLS = (5, 15)  # the clouds' lumps across the picture and down the sky (long low banks)
CLOUD_COVER = 0.6  # ... a lump denser than this is cloud
CLOUD_SHADE = 0.55  # a cloud hides this much of the glow behind it
UNDERSIDE = 0.025  # a cloud's lit underside, of the sky's height (the shock's light from below)
UNDERSIDE_GAIN = 2.5  # its light, of the glow's there (a hard bright rim)
STREAK_GAIN = 2.5  # the flare along the horizon: its light at the point, of white
STREAK_REACH = 3  # it is drawn out to this many times its height (past that, next to nothing)
DECKS = 4  # cloud decks kept (one a picture size and seed)
DETAIL = 4  # the light is computed this many times smaller and enlarged (it has no detail)


@dataclass(frozen=True)
class Light:
    """One step of the swelling light: a picture to add over the sky, and where it goes."""

    picture: pygame.Surface
    at: tuple[int, int]


def swelling(point: tuple[int, int], radius: float, width: int, core: Color,
             halo: Color, seed: int = 0) -> Generator[None, None, Light]:
    """The light of a point on the horizon (`point`, pixels) whose glow is about `radius`
    pixels high: a burnt-out point of `core` (white), the sky round it blown out in `halo`
    (a cold blue-white), wider than tall, and the clouds over it (seeded by `seed`) dark
    against it, lit from below; only above the horizon (the ground hides the rest), across
    the picture; in three pieces (the sky's light worked out small, the point's, then enlarged)."""
    sky = max(2, point[1])
    cols, rows = max(1, width // DETAIL), max(1, sky // DETAIL)
    r = max(1.0, radius)
    xs = ((np.arange(cols, dtype=np.float32) + 0.5) * width / cols - point[0]) / r
    ys = ((np.arange(rows, dtype=np.float32) + 0.5) * sky / rows - point[1]) / r
    x, y = xs[:, None], ys[None, :]
    near = (x / GLOW_WIDE) ** 2 + y ** 2
    glow = GLOW_GAIN * (1.0 + near) ** -GLOW_TAIL
    clouds, under = lit_deck(cols, rows, seed)
    sky_light = glow * (1.0 - CLOUD_SHADE * clouds + UNDERSIDE_GAIN * under)
    yield
    hot = POINT_GAIN * np.exp(-(x * x + y * y) / (POINT * POINT))
    rgb = (hot[..., None] * np.array(core, np.float32)
           + sky_light[..., None] * np.array(halo, np.float32))
    levels = np.clip(rgb, 0, 255).astype(np.uint8)
    cols_lit, rows_lit = np.nonzero(levels.max(axis=2) > 0)  # (the rest adds nothing: left
    if not cols_lit.size:  # out, a small light is quick to lay)
        cols_lit, rows_lit = np.array([0]), np.array([rows - 1])
    left, right = int(cols_lit.min()), int(cols_lit.max()) + 1
    top = int(rows_lit.min())
    small = pygame.surfarray.make_surface(levels[left:right, top:])
    yield
    at = (left * width // cols, top * sky // rows)
    size = (right * width // cols - at[0], sky - at[1])
    return Light(pygame.transform.smoothscale(small, size), at)


@functools.lru_cache(maxsize=DECKS)
def lit_deck(cols: int, rows: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The cloud deck (see `cloud_deck`) and its undersides, made once for every step of the
    light (read only)."""
    clouds = cloud_deck(cols, rows, seed)
    under = undersides(clouds, max(1, round(UNDERSIDE * rows)))
    clouds.flags.writeable = under.flags.writeable = False
    return clouds, under


def cloud_deck(cols: int, rows: int, seed: int) -> np.ndarray:
    """Where the clouds hang over the horizon (0 clear sky to 1 thick), `cols` by `rows`:
    seeded lumps, soft, in long low banks, only within CLOUD_ROWS of the sky's height."""
    rng = np.random.default_rng(seed)
    lumps = rng.random((CLOUD_CELLS[0] + 1, CLOUD_CELLS[1] + 1)).astype(np.float32)
    across = np.linspace(0, CLOUD_CELLS[0], cols)
    down = np.linspace(0, CLOUD_CELLS[1], rows)
    field = _between(_between(lumps, across, 0), down, 1)
    dense = np.clip((field - CLOUD_COVER) / (1.0 - CLOUD_COVER) * 3.0, 0.0, 1.0)
    share = (np.arange(rows) + 0.5) / rows
    deck = np.clip(np.minimum(share - CLOUD_ROWS[0], CLOUD_ROWS[1] - share) * 12.0, 0.0, 1.0)
    return (dense * deck[None, :]).astype(np.float32)


def undersides(clouds: np.ndarray, depth: int) -> np.ndarray:
    """The lower edges of `clouds`: how much thinner the cloud is `depth` rows lower (the
    light from the horizon catches a cloud's underside, not its top)."""
    below = np.zeros_like(clouds)
    below[:, :-depth] = clouds[:, depth:]
    return np.clip(clouds - below, 0.0, 1.0)


def _between(values: np.ndarray, at: np.ndarray, axis: int) -> np.ndarray:
    """`values` read at fractional places `at` along `axis`, smoothly between whole ones."""
    low = np.floor(at).astype(int).clip(0, values.shape[axis] - 2)
    t = at - low
    t = t * t * (3.0 - 2.0 * t)
    a, b = np.take(values, low, axis=axis), np.take(values, low + 1, axis=axis)
    shape = [1, 1]
    shape[axis] = -1
    return a + (b - a) * t.reshape(shape)


def streak(width: int, x: int, tall: float, long: float, color: Color) -> pygame.Surface:
    """The flare along the horizon through a point at `x`: a line of `color` STREAK_GAIN times
    white at the point, `tall` pixels from its middle to where it has faded by e, and fading
    along the horizon by e every `long` pixels, across the picture (for BLEND_RGB_ADD, its
    middle row on the horizon)."""
    half = max(1, round(STREAK_REACH * tall))
    across = np.exp(-np.abs(np.arange(width) + 0.5 - x) / max(1.0, long))
    down = np.exp(-((np.arange(2 * half + 1) - half) / max(0.5, tall)) ** 2)
    light = STREAK_GAIN * across[:, None, None] * down[None, :, None]
    rgb = np.clip(light * np.array(color, np.float32), 0, 255).astype(np.uint8)
    return pygame.surfarray.make_surface(rgb)
