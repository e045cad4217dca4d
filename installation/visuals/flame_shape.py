"""A flame's picture at one moment of its loop: ragged tongues torn from a hot bed by turbulence
climbing through it, licking sideways, splitting and breaking off, white-hot low in the middle,
orange, then dull red at their tips (numpy, made once per size of fire)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from installation.visuals.base import Color

# The turbulence: octaves of noise climbing through the flame, each (cells across, cells up the
# flame's height, times it climbs through the flame in a loop, weight); the fine ones climb
# fastest and tear its edges
OCTAVES = ((4, 2, 2, 0.5), (8, 4, 3, 0.3), (16, 8, 5, 0.2))
CONTRAST = 1.8  # the turbulence's contrast: deep rents between the tongues
SPLIT = 0.9  # how deep the flame splits into fingers, at its top (of its heat)
LICK = 0.55  # how far the turbulence pushes a tongue sideways at the flame's top, of its width
LICK_CELLS = (2, 2, 1)  # the sideways licking's noise: cells across, up, climbs a loop
FINGERS = (1.6, 2.8)  # the flame splits into about this many fingers across, as it climbs
BED = 0.16  # the flames' foot fades in over this share of their height (out of the rubble)...
RUBBLE = 0.6  # ...raggedly, by this much of the turbulence (not the edge of a plate)...
FOOT_DIP = (0.09, (7, 2, 1))  # ...its line wandering up and down by this much of its height
# either way, as noise of these cells (see OCTAVES): a level foot showed as a flat seam across
# the tongue behind it
WAIST = 0.75  # the flame's body narrows to this power of the height left: a broad foot
TEAR = (0.3, 1.8)  # how much the turbulence eats the flame at its foot and at its top
HEAT = (1.4, 1.0)  # the body's heat at its foot and its top, before the turbulence
GAMMA = 0.8  # the heat's contrast
EDGE = 0.08  # the flame's edge goes from none to full over this much heat: ragged, not a blur
COOL = 0.6  # it cools by this much of its heat from its foot to its top: dull red tips
TIP = 0.2  # but its edge is never cooler than this: a dull red rim, not a dark blur
WIND_LEAN = 2.0  # how far the wind (1: a gale) blows a flame's top downwind, of its half width
TORN = 1.6  # how much more its downwind side's tips are torn away at full wind (of TEAR)
LEAP = (0.14, 3, 5)  # the flame leaps and sinks by this much of its height, at these many
# times a loop (two waves: never a regular pulse)
MARGIN = (0.2, 0.2, 0.1)  # its frame's room round the flame's own box: either side (of its
# width: its tips lick out past it), over its top (of its height: it leaps taller) and under
# its foot (its ragged bed reaches that low): cut at its box, a tongue showed a flat seam
BORDER = (0.08, 2, 2.0)  # within this share of its frame's smaller side (this many pixels at
# least) of the frame's edge its heat is eaten away, by up to this much: none at the edge
RAMP: tuple[tuple[float, Color], ...] = (  # the flame's colour by its heat
    (0.0, (0, 0, 0)), (0.12, (70, 10, 2)), (0.3, (150, 32, 6)), (0.5, (230, 90, 18)),
    (0.7, (255, 160, 48)), (0.88, (255, 222, 130)), (1.0, (255, 248, 220)))


@dataclass(frozen=True)
class Variant:
    """One way a flame burns: how broad its body is (of the sprite's width), how much it
    leans, how many fingers it splits into, and its noise's seed."""

    broad: float
    lean: float
    fingers: float
    seed: int


def variant(seed: int, k: int) -> Variant:
    """The k-th way a fire of this seed burns (broad and squat, narrow and tall, leaning)."""
    rng = np.random.default_rng((seed, k))
    return Variant(float(rng.uniform(0.7, 0.95)), float(rng.uniform(-0.15, 0.15)),
                   float(rng.uniform(*FINGERS)), int(rng.integers(1 << 30)))


def heat_colors(heat: np.ndarray) -> np.ndarray:
    """Colours (.., 3) for heats 0..1 along RAMP."""
    marks = np.array([mark for mark, _ in RAMP])
    return np.stack([np.interp(heat, marks, [color[c] for _, color in RAMP])
                     for c in range(3)], axis=-1)


def climbing(rng: np.random.Generator, cells: tuple[int, int, int], x: np.ndarray,
             up: np.ndarray, loop: float) -> np.ndarray:
    """Value noise 0..1 over (x -1..1, up 0..1) climbing `cells[2]` times through the flame
    in a loop, `loop` (0..1) through it (the same at 1 as at 0: a loop without a seam)."""
    across, along, climbs = cells
    grid = rng.random((across + 2, along))
    u = np.clip((x + 1) / 2 * across + 0.5, 0.0, across + 0.999)  # (bent beyond the edge)
    v = ((up - loop * climbs) % 1.0) * along
    i, j = np.floor(u).astype(int), np.floor(v).astype(int) % along
    fu, fv = u - i, v - np.floor(v)
    fu, fv = fu * fu * (3 - 2 * fu), fv * fv * (3 - 2 * fv)
    j1 = (j + 1) % along
    low = grid[i, j] + (grid[i + 1, j] - grid[i, j]) * fu
    high = grid[i, j1] + (grid[i + 1, j1] - grid[i, j1]) * fu
    return low + (high - low) * fv


def leap(seed: int, loop: float) -> float:
    """How much taller (or shorter) than itself the flame stands `loop` through its loop."""
    phase = (seed % 997) / 997 * 2 * math.pi
    waves = math.sin(2 * math.pi * LEAP[1] * loop + phase) \
        + 0.6 * math.sin(2 * math.pi * LEAP[2] * loop + 2.3 * phase)
    return 1.0 + LEAP[0] * waves / 1.6


@dataclass(frozen=True)
class Canvas:
    """A flame's frame: its size, and where the flame's own box (`width` x `height`, its foot
    along the box's bottom) lies in it (its top left)."""

    size: tuple[int, int]
    left: int
    top: int
    width: int
    height: int


def canvas(width: int, height: int, wind: float) -> Canvas:
    """The frame of a flame `width` x `height` blown by `wind` (-1..1): MARGIN round it, and
    wider downwind, where its top is blown."""
    side, top, below = (round(share * size) + 1 for share, size
                        in zip(MARGIN, (width, height, height), strict=True))
    room = round(abs(wind) * WIND_LEAN * width / 2)
    left = side + (room if wind < 0 else 0)
    return Canvas((width + 2 * side + room, top + height + below), left, top, width, height)


def border(size: tuple[int, int]) -> np.ndarray:
    """How much heat (0..BORDER[2]) the frame's edge eats at each point: all it can at the
    edge, none from BORDER in (the flame's own ragged edge, not its box, bounds it)."""
    wide, tall = size
    ramp = max(BORDER[1], BORDER[0] * min(size))
    cols, rows = np.arange(wide), np.arange(tall)
    near = np.minimum(np.minimum(cols, wide - 1 - cols)[:, None],
                      np.minimum(rows, tall - 1 - rows)[None, :])
    return BORDER[2] * np.clip(1 - near / ramp, 0, 1)


def flame_heat(width: int, height: int, way: Variant, loop: float, wind: float = 0.0,
               columns: slice = slice(None)) -> np.ndarray:
    """The flame's heat 0..1 at each point of its frame (x, y: columns and rows, see `canvas`)
    `loop` (0..1) through its loop, its top blown over by `wind` (-1..1) and torn on its
    downwind side, none at the frame's edge (every edge of it its own, ragged); only its
    `columns` (a flame of a burning building's size made a strip of them at a time: the
    same noise in each, so the strips meet without a seam)."""
    box = canvas(width, height, wind)
    half = max(0.5, (width - 1) / 2)
    x = ((np.arange(box.size[0])[columns] - box.left - half) / half)[:, None]
    foot = box.top + height - 1
    up = ((foot - np.arange(box.size[1])) / max(1, height - 1))[None, :] \
        / leap(way.seed, loop)  # 0 at its foot
    rng = np.random.default_rng(way.seed)
    licks = climbing(rng, LICK_CELLS, x, up, loop) - 0.5
    lift = np.clip(up, 0, 1)  # (under its foot it burns as at its foot)
    bent = x - (LICK * 2 * licks + way.lean + WIND_LEAN * wind) * lift ** 1.3
    turb = 0.5 + CONTRAST * (sum(weight * climbing(rng, (a, b, c), bent, up, loop)
                                 for a, b, c, weight in OCTAVES) - 0.5)
    split = 0.5 + 0.5 * np.cos(2 * np.pi * (bent * way.fingers / 2 + 2 * licks))
    waist = way.broad * (1 - lift) ** WAIST
    body = np.clip(1 - (np.abs(bent) / np.maximum(waist, 1e-3)) ** 2, 0, 1)
    dip = FOOT_DIP[0] * 2 * (climbing(rng, FOOT_DIP[1], x, up, loop) - 0.5)
    bed = np.clip((up + dip) / BED + RUBBLE * (0.5 - turb), 0, 1) ** 0.7
    warm = HEAT[0] + (HEAT[1] - HEAT[0]) * lift
    tear = TEAR[0] + (TEAR[1] - TEAR[0]) * lift
    tear = tear * (1 + TORN * np.clip(bent * wind, 0, None) * lift)  # tips torn downwind
    raw = body * bed * warm * (1 - SPLIT * lift * (1 - split)) - np.maximum(turb, 0) * tear \
        - border(box.size)[columns]
    edge = np.clip(raw / EDGE, 0, 1)
    cooled = np.clip(raw, 0, 1) ** GAMMA * (1 - COOL * lift ** 1.5)
    return np.clip(np.maximum(cooled, TIP * edge), 0, 1) * edge
