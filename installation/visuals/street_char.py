"""The burnt boulevard's kept picture charred in bands of rows (numpy): every colour darkened
and drained, the dark crushed to black (windows read as holes), soot streaks up the walls
(seen in the street's perspective), and the ground under ash, drifted at the kerbs and
towards the viewer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, chunks
from installation.visuals.noise import smooth_noise_at
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.street_view import RISE

CHAR_ROWS = 120  # rows charred in one piece
DARK, KEEP = 0.62, 0.42  # what is left of a colour's light, and of its hue (materials still read)
CRUSH, CRUSH_FLOOR = 70.0, 0.25  # below this grey, darker still (to this share): holes go black
STREAKS = 5.0  # soot streaks a world unit along a wall
STREAK_SOOT = 0.75  # how dark a streak is at its darkest
STREAK_RISE = (0.15, 0.7)  # a streak darkens from this share of the wall's height to this
ROOF_SCORCH = 0.45  # the top of a wall, blackened where the fire came out of it
ASH: Color = (126, 120, 114)  # the settled ash
ASH_ROAD = 0.3  # how much ash lies on the road's middle, far off
ASH_NEAR = 0.3  # more towards the viewer (full at the picture's foot)
ASH_KERB, KERB_SPREAD = 0.5, 0.2  # drifted against each kerb (ROAD_HALF), this wide
ASH_WALK = 0.3  # and over the sidewalk
ASH_PATCHES = 0.6  # how much the drifts come and go, along and across
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


def charring(image: pygame.Surface, view: View, heights: Heights) -> Pieces:
    """Char `image` (the street's built picture) in place, CHAR_ROWS rows a piece."""
    width, height = view.size
    cols = np.arange(width, dtype=np.float64)
    away = np.abs(cols - view.middle) + 0.5
    wall_z = view.walk * width * 0.5 / away  # the z of each column on the walls' plane
    side = np.where(cols < view.middle, -1, 1)
    tall = np.where(side < 0, heights(-1, wall_z), heights(1, wall_z))
    streak = _streaks(view.seed, wall_z * STREAKS)
    for rows in chunks(height, CHAR_ROWS):
        pixels = pygame.surfarray.pixels3d(image)[:, rows]
        rgb = pixels.astype(np.float32)
        y = np.arange(rows.start, rows.stop, dtype=np.float64)[None, :]
        burnt = _charred(rgb) * _sooted(view, y, wall_z, tall, streak)[..., None]
        if rows.stop > view.horizon:
            burnt = _ashed(burnt, view, y, cols)
        pixels[...] = np.clip(burnt, 0, 255).astype(np.uint8)
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


def _sooted(view: View, y: np.ndarray, wall_z: np.ndarray, tall: np.ndarray,
            streak: np.ndarray) -> np.ndarray:
    """What is left of the light at each pixel of the walls (1 off them): the streaks
    darkening up the wall, the top blackened."""
    ground = view.size[1] - view.horizon
    k = 1.0 / wall_z[:, None]
    up = (view.horizon + ground * k * HORIZON_T - y) / (ground * k * RISE)
    share = up / np.maximum(tall[:, None], 1e-6)
    on_wall = (up >= 0) & (share <= 1.0)
    low, high = STREAK_RISE
    rise = np.clip((share - low) / (high - low), 0.0, 1.0)
    roof = np.clip((share - 0.7) / 0.3, 0.0, 1.0) * ROOF_SCORCH
    dark = np.clip(streak[:, None] * STREAK_SOOT * rise + roof, 0.0, 0.9)
    return np.asarray(np.where(on_wall, 1.0 - dark, 1.0), np.float32)


def _ashed(rgb: np.ndarray, view: View, y: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The ground under ash: thin far off on the road, thick at the kerbs and near, patchy."""
    width, height = view.size
    ground = height - view.horizon
    k = np.maximum((y - view.horizon) / (ground * HORIZON_T), 1.0 / FARTHEST)
    x = (cols[:, None] - view.middle) / (width * 0.5 * k)
    z = 1.0 / k
    kerb = np.exp(-(((np.abs(x) - view.kerb) / KERB_SPREAD) ** 2)) * ASH_KERB
    walk = np.where(np.abs(x) > view.kerb, ASH_WALK, 0.0)
    near = ASH_NEAR * np.clip((y - view.horizon) / ground, 0.0, 1.0) ** 1.5
    patch = smooth_noise_at(view.seed + 2, x * 3.1 + z * 0.9) * smooth_noise_at(
        view.seed + 3, z * 1.7 - x * 1.3)
    grain = smooth_noise_at(view.seed + 4, x * 23.0 + z * 7.0) - 0.5
    amount = np.clip(ASH_ROAD + kerb + walk + near + ASH_PATCHES * (patch - 0.3)
                     + ASH_GRAIN * grain, 0.0, 0.95)
    amount = np.where((y > view.horizon) & (np.abs(x) <= view.walk), amount, 0.0)
    ash = np.array(ASH, np.float32)
    return np.asarray(rgb + (ash - rgb) * amount[..., None].astype(np.float32))
