"""Where a light wipe's morning reaches first: each pixel's turn, from the sweep and its height.

The light comes in low from the left and reaches the top of the picture first (the sky, the
tops of towers and palms), then slides down to the ground and the tar: each pixel's turn is
its distance across the picture, less a lead for its height, with a slow swell of a few long
waves so that the front bends softly instead of running straight. The swell never leans against
the sweep by more than FRONT_SQUEEZE (a pixel's turn grows at least 1 - FRONT_SQUEEZE a column),
so the seam is never squeezed wide: squeezed, the two scenes showed through each other over a
wide band (a double exposure); and it bends the front by at most FRONT_BEND a row, so that down
the picture the front keeps its slant and curves gently: eased noise bent it in kinks, a bright
zigzag that read as lightning. Made once, ahead, in steps; a frame only reads its levels (see
LightWipe), for each band of rows which columns hold them, and where the seam lies in each row.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import chunks

FRONT_LEAD = 0.35  # the top of the picture is reached this share of its width before its foot
FRONT_NOISE = 0.05  # the front wanders up to this share of the width either way
FRONT_SQUEEZE = 0.3  # the swell's steepest lean across the picture (pixels a column), at most
FRONT_BEND = 0.3  # and its steepest down the picture (pixels across a row): under the slant's
# (FRONT_LEAD of the width over the height, ~0.62 a row at 16:9), so the front never turns back
FRONT_WAVES = ((0.5, 0.7, 1.0), (1.1, 1.3, 0.35))  # the swell's waves: cycles across the
# picture and down it (the most: each is drawn up to these) and their weights
FRONT_RUNS = 8  # the turns are made a run of columns a step, this many across
FRONT_BANDS = 24  # a frame is laid a band of rows at a time, this many down the picture
LIGHT_ROWS = 4  # the light is laid this many rows at a time, each moved to where the seam is
SEAM_STEPS = 4  # where the seam lies in each row is found in this many steps
LEVELS = 256  # the turns are kept as 8-bit pictures
FINE = 8  # each level of the coarse turns is split into this many fine ones, kept wrapped
# round 256 (~1.4 px a fine level at 1920: a seam ~20 of them wide mixes smoothly)
DITHER = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]]) / 16
# an ordered dither of a level's fraction: the soft edge steps smoothly, not in contours


@dataclass(frozen=True)
class Front:
    """The turns as two 8-bit pictures: coarse (0 first, 255 last) and fine (FINE to a coarse
    level, wrapped round 256: a frame's palette reads them only near the seam, within 128 fine
    levels of it); where they start and what they span across the picture (pixels from its
    left edge at the foot, widths); and for each band of rows and each coarse turn the first
    column holding that turn or a later one and the column after the last holding it or an
    earlier one: where the old scene and the new one show."""

    levels: pygame.Surface
    fine: pygame.Surface
    start: float
    span: float
    rows: list[tuple[int, int]]
    old_left: np.ndarray  # (bands, LEVELS): the first column with a turn at or after each
    new_right: np.ndarray  # (bands, LEVELS): the column after the last at or before it
    seam: np.ndarray  # (LIGHT_ROWS groups, LEVELS + 1): where each coarse turn's start lies
    # in each group's middle row (pixels across, past the picture at its edges)


def front(size: tuple[int, int], seed: int) -> Generator[None, None, Front]:
    """The light's front for a picture of `size`, made in steps (ahead of the transition):
    the swell, then a run of columns a step (each pass over the picture ~25 ms at 1080)."""
    width, height = size
    runs = chunks(width, max(1, -(-width // FRONT_RUNS)))
    field = yield from _swell(size, seed, runs)  # each pixel's turn, in pixels across,
    rise = lift(size)[None, :]  # made over the swell
    for run in runs:
        field[run] += np.arange(run.start, run.stop, dtype=np.float32)[:, None] - rise
        yield
    low, high = float(field.min()), float(field.max())
    scale = (LEVELS * FINE - 1) / max(high - low, 1e-6)
    levels, fine = (pygame.Surface(size, depth=8) for _ in range(2))
    coarse = np.empty(size, dtype=np.uint8)
    dither = np.tile(DITHER.astype(np.float32), (1, height // 4 + 1))[:, :height]
    for run in runs:
        turns = (field[run] - low) * scale
        turns += np.tile(dither, (-(-(run.stop - run.start) // 4), 1))[:run.stop - run.start]
        whole = np.clip(turns, 0, LEVELS * FINE - 1).astype(np.uint16)
        coarse[run] = whole // FINE
        _write(levels, run, coarse[run])
        _write(fine, run, (whole % LEVELS).astype(np.uint8))
        yield
    seam = yield from _seam(field, low, high)
    del field
    rows = [(top, min(height, top + -(-height // FRONT_BANDS)))
            for top in range(0, height, -(-height // FRONT_BANDS))]  # 45 rows at 1080
    every = np.arange(LEVELS)
    latest = np.maximum.accumulate(np.stack([coarse[:, a:b].max(axis=1) for a, b in rows]),
                                   axis=1)  # the latest turn in each column or left of it
    yield
    earliest = np.minimum.accumulate(np.stack([coarse[::-1, a:b].min(axis=1)
                                               for a, b in rows]), axis=1)[:, ::-1]
    yield
    old_left = np.stack([np.searchsorted(band, every, "left") for band in latest])
    new_right = np.stack([np.searchsorted(band, every, "right") for band in earliest])
    return Front(levels, fine, low, (high - low) / width, rows, old_left, new_right, seam)


def _seam(field: np.ndarray, low: float, high: float) -> Generator[None, None, np.ndarray]:
    """Where each coarse turn's start (LEVELS + 1 of them, low to high) lies across the
    middle row of each group of LIGHT_ROWS rows (the turns grow across every row: see
    FRONT_SQUEEZE); past the picture's edges a turn a pixel. Made in SEAM_STEPS steps."""
    width, height = field.shape
    middles = np.minimum(np.arange(0, height, LIGHT_ROWS) + LIGHT_ROWS // 2, height - 1)
    values = low + np.arange(LEVELS + 1) / LEVELS * (high - low)
    across = np.arange(width, dtype=np.float64)
    table = np.empty((len(middles), LEVELS + 1), dtype=np.float32)
    for group, row in enumerate(middles):
        turns = np.maximum.accumulate(field[:, row].astype(np.float64))
        first, last = float(turns[0]), float(turns[-1])
        table[group] = np.where(values < first, values - first,
                                np.where(values > last, width - 1 + values - last,
                                         np.interp(values, turns, across)))
        if group % -(-len(middles) // SEAM_STEPS) == 0:
            yield
    return table


def _write(surface: pygame.Surface, run: slice, values: np.ndarray) -> None:
    """Write a run of columns of an 8-bit surface."""
    view = pygame.surfarray.pixels2d(surface)
    view[run] = values
    del view


def unwrapped(levels: np.ndarray, fine: np.ndarray) -> np.ndarray:
    """Each pixel's turn in fine levels (0..LEVELS * FINE - 1), from its coarse level and
    its wrapped fine one (the fine one is the coarse one's FINE, plus under FINE)."""
    base = levels.astype(np.int64) * FINE
    result: np.ndarray = base + (fine.astype(np.int64) - base) % LEVELS
    return result


def lift(size: tuple[int, int]) -> np.ndarray:
    """How much sooner than the foot each row is reached, in pixels across (float32)."""
    width, height = size
    rows = np.arange(height, dtype=np.float32)
    result: np.ndarray = FRONT_LEAD * width * (1.0 - rows / max(1, height - 1))
    return result


def _swell(size: tuple[int, int], seed: int,
           runs: list[slice]) -> Generator[None, None, np.ndarray]:
    """Slow waves over the picture in pixels across (a float32 (x, y) array), at most
    FRONT_NOISE of the width either way, leaning at most FRONT_SQUEEZE a column and bending at
    most FRONT_BEND a row, made a run of columns a step."""
    width, height = size
    rng = np.random.default_rng(seed)
    waves = [_wave(size, rng, *wave) for wave in FRONT_WAVES]
    field = np.empty(size, dtype=np.float32)
    low, high, lean, bend = np.inf, -np.inf, 0.0, 0.0
    for run in runs:
        before = max(0, run.start - 1)  # the column before the run, for its lean
        part = waves[0](before, run.stop)
        for wave in waves[1:]:
            part += wave(before, run.stop)
        field[run] = part[run.start - before:]
        low, high = min(low, float(part.min())), max(high, float(part.max()))
        lean = max(lean, float(np.abs(np.diff(part, axis=0)).max(initial=0.0)))
        bend = max(bend, float(np.abs(np.diff(part, axis=1)).max(initial=0.0)))
        yield
    reach = max((high - low) / 2, 1e-6)
    amplitude = min(FRONT_NOISE * width, FRONT_SQUEEZE * reach / max(lean, 1e-9),
                    FRONT_BEND * reach / max(bend, 1e-9))
    for run in runs:
        field[run] -= (high + low) / 2
        field[run] *= amplitude / reach
    return field


def _wave(size: tuple[int, int], rng: np.random.Generator, across: float, down: float,
          weight: float) -> Callable[[int, int], np.ndarray]:
    """A long wave over the picture, up to `across` and `down` cycles over its width and
    height (drawn from `rng`, as is its phase), `weight` high: a function giving columns
    start..stop of it (float32, (columns, rows)), as the sum of two products of a column's
    and a row's cosines and sines (cos(a + b), worked out once a column and once a row)."""
    width, height = size
    cycles = rng.uniform(0.5, 1.0, 2) * (across, down) * rng.choice((-1.0, 1.0), 2)
    phase = rng.uniform(0.0, 2 * np.pi)
    x = 2 * np.pi * cycles[0] * np.arange(width) / width + phase
    y = 2 * np.pi * cycles[1] * np.arange(height) / height
    cos_x, sin_x = (weight * np.cos(x)).astype(np.float32), (weight * np.sin(x)).astype(np.float32)
    cos_y, sin_y = np.cos(y).astype(np.float32), np.sin(y).astype(np.float32)

    def columns(start: int, stop: int) -> np.ndarray:
        result: np.ndarray = (np.outer(cos_x[start:stop], cos_y)
                              - np.outer(sin_x[start:stop], sin_y))
        return result
    return columns
