"""The burnt boulevard's kept picture charred in bands of rows (numpy): every colour darkened
and drained, the dark crushed to black (windows read as holes), soot streaks up the walls
(seen in the street's perspective), and the ground under ash, drifted at the kerbs and
towards the viewer."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, chunks
from installation.visuals.noise import smooth_noise_at
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.street_view import RISE

CHAR_ROWS = 6  # rows charred in one piece (about a millisecond)
ASH_COARSE = 4  # the ash's drifts are worked out on a grid this many pixels apart, then scaled
GRAIN_ROWS = 64  # rows of the ash's fine grain, repeated down the ground
DARK, KEEP = 0.62, 0.42  # what is left of a colour's light, and of its hue (materials still read)
CRUSH, CRUSH_FLOOR = 70.0, 0.25  # below this grey, darker still (to this share): holes go black
STREAKS = 5.0  # soot streaks a world unit along a wall
STREAK_SOOT = 0.75  # how dark a streak is at its darkest
STREAK_RISE = (0.15, 0.7)  # a streak darkens from this share of the wall's height to this
ROOF_SCORCH = 0.45  # the top of a wall, blackened where the fire came out of it
ASH: Color = (126, 120, 114)  # the settled ash
ASH_ROAD = 0.25  # how much ash lies on the road's middle, far off
ASH_NEAR = 0.6  # more towards the viewer (all of it at the picture's foot)
ASH_KERB, KERB_SPREAD = 0.5, 0.2  # drifted against each kerb (ROAD_HALF), this wide
ASH_WALK = 0.3  # and over the sidewalk
ASH_PATCHES = 0.5  # how much the drifts come and go, along and across
ASH_GRAIN = 0.06  # and the fine unevenness of its surface
FARTHEST = 60.0  # world units: the ground beyond is taken as this far (the horizon's row)
Heights = Callable[[int, np.ndarray], np.ndarray]  # a side's wall height at each z along it


@dataclass(frozen=True)
class View:
    """The street seen: its picture's size, vanishing column, horizon row, where the kerbs
    and the walls stand (world x) and the seed of its drifts."""

    size: tuple[int, int]
    middle: int
    horizon: int
    kerb: float
    walk: float
    seed: int


@dataclass(frozen=True)
class Burn:
    """What charring a street's picture needs, worked out once: each column's depth on the
    walls' plane, its wall's height there and its soot; the ash on the ground (columns x rows
    below the horizon) and its fine grain."""

    wall_z: np.ndarray
    tall: np.ndarray
    streak: np.ndarray
    ash: np.ndarray  # 0 to 255
    grain: np.ndarray  # added to it, GRAIN_ROWS rows repeated


def burn(view: View, heights: Heights) -> Generator[None, None, Burn]:
    """The burn of `view`'s picture, in a few pieces: the walls' columns, then the ash on the
    ground worked out coarse (it drifts smoothly) and scaled up, its grain added."""
    width, height = view.size
    cols = np.arange(width, dtype=np.float64)
    wall_z = np.minimum(view.walk * width * 0.5 / (np.abs(cols - view.middle) + 0.5), FARTHEST)
    tall = np.where(cols < view.middle, heights(-1, wall_z), heights(1, wall_z))
    streak = _streaks(view.seed, wall_z * STREAKS)
    yield
    rows = height - view.horizon
    coarse_cols = np.arange(0, width, ASH_COARSE, dtype=np.float64) + ASH_COARSE / 2
    coarse = []
    for band in chunks(rows, CHAR_ROWS * ASH_COARSE * 4):
        y = view.horizon + np.arange(band.start, band.stop, ASH_COARSE, dtype=np.float64)
        coarse.append(_drifts(view, y[None, :] + ASH_COARSE / 2, coarse_cols))
        yield
    amount = np.concatenate(coarse, axis=1)
    shown = pygame.surfarray.make_surface(
        np.repeat((amount * 255).astype(np.uint8)[..., None], 3, axis=2))
    yield
    scaled = pygame.transform.smoothscale(shown, (width, rows))
    yield
    grain = np.random.default_rng(view.seed).random((width, GRAIN_ROWS), dtype=np.float32)
    return Burn(wall_z, tall, streak, pygame.surfarray.array_red(scaled),
                ASH_GRAIN * (grain - 0.5))


def charring(image: pygame.Surface, view: View, burnt: Burn) -> Pieces:
    """Char `image` (the street's built picture) in place, CHAR_ROWS rows a piece."""
    for rows in chunks(view.size[1], CHAR_ROWS):
        pixels = pygame.surfarray.pixels3d(image)[:, rows]
        rgb = _charred(pixels.astype(np.float32))
        y = np.arange(rows.start, rows.stop, dtype=np.float64)[None, :]
        rgb *= _sooted(view, y, burnt)[..., None]
        if rows.stop > view.horizon:
            below = np.arange(max(0, rows.start - view.horizon), rows.stop - view.horizon)
            ground = rgb[:, max(0, view.horizon - rows.start):]
            ash = burnt.ash[:, below] / np.float32(255) + burnt.grain[:, below % GRAIN_ROWS]
            ground += (np.array(ASH, np.float32) - ground) * np.clip(ash, 0.0, 0.95)[..., None]
        pixels[...] = np.clip(rgb, 0, 255).astype(np.uint8)
        del pixels
        yield


def _charred(rgb: np.ndarray) -> np.ndarray:
    """Colours darkened and drained of most of their hue, the darkest crushed to black."""
    grey = rgb @ np.array([0.3, 0.59, 0.11], np.float32)
    out = DARK * (grey[..., None] + KEEP * (rgb - grey[..., None]))
    crush = np.clip(grey / CRUSH, CRUSH_FLOOR, 1.0)
    return np.asarray(out * crush[..., None])


def _streaks(seed: int, along: np.ndarray) -> np.ndarray:
    """How sooted each column's wall is (0 clean to 1): narrow dark runs, seeded along it."""
    coarse = smooth_noise_at(seed, along)
    fine = smooth_noise_at(seed + 1, along * 2.7)
    return np.asarray(np.clip((0.6 * coarse + 0.4 * fine - 0.45) * 3.0, 0.0, 1.0))


def _sooted(view: View, y: np.ndarray, burnt: Burn) -> np.ndarray:
    """What is left of the light at each pixel of the walls (1 off them): the streaks
    darkening up the wall, the top blackened."""
    ground = view.size[1] - view.horizon
    k = 1.0 / burnt.wall_z[:, None]
    up = (view.horizon + ground * k * HORIZON_T - y) / (ground * k * RISE)
    share = up / np.maximum(burnt.tall[:, None], 1e-6)
    on_wall = (up >= 0) & (share <= 1.0)
    low, high = STREAK_RISE
    rise = np.clip((share - low) / (high - low), 0.0, 1.0)
    roof = np.clip((share - 0.7) / 0.3, 0.0, 1.0) * ROOF_SCORCH
    dark = np.clip(burnt.streak[:, None] * STREAK_SOOT * rise + roof, 0.0, 0.9)
    return np.asarray(np.where(on_wall, 1.0 - dark, 1.0), np.float32)


def _drifts(view: View, y: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """How much ash lies on the ground at rows `y` and columns `cols` (0 off it): thin far off
    on the road, thick at the kerbs and near, in patches."""
    width, height = view.size
    ground = height - view.horizon
    k = np.maximum((y - view.horizon) / (ground * HORIZON_T), 1.0 / FARTHEST)
    x = (cols[:, None] - view.middle) / (width * 0.5 * k)
    z = 1.0 / k
    kerb = np.exp(-(((np.abs(x) - view.kerb) / KERB_SPREAD) ** 2)) * ASH_KERB
    walk = np.where(np.abs(x) > view.kerb, ASH_WALK, 0.0)
    near = ASH_NEAR * np.clip((y - view.horizon) / ground, 0.0, 1.0)
    patch = smooth_noise_at(view.seed + 2, x * 3.1 + z * 0.9) * smooth_noise_at(
        view.seed + 3, z * 1.7 - x * 1.3)
    amount = np.clip(ASH_ROAD + kerb + walk + near + ASH_PATCHES * (patch - 0.25), 0.0, 0.95)
    return np.asarray(np.where(np.abs(x) <= view.walk, amount, 0.0))
