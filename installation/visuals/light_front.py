"""Where a light wipe's morning reaches first: each pixel's turn, from the sweep and its height.

The light comes in low from the left and reaches the top of the picture first (the sky, the
tops of towers and palms), then slides down to the ground and the tar: each pixel's turn is
its distance across the picture, less a lead for its height, with a slow swell of noise so
that the front wanders softly instead of running straight. Made once, ahead, in steps; a frame
only reads its 256 levels (see LightWipe) and, for each band of rows, which columns hold them.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import chunks, gray, red

FRONT_LEAD = 0.35  # the top of the picture is reached this share of its width before its foot
FRONT_NOISE = 0.08  # the front wanders up to this share of the width either way
FRONT_OCTAVES = ((5, 4, 1.0), (10, 6, 0.3))  # noise grids (w, h) and their weights
FRONT_CELL = 8  # the noise is made at 1/8 of the picture's size, then smoothly enlarged
FRONT_RUNS = 8  # the turns are made a run of columns a step, this many across
FRONT_BANDS = 12  # a frame is laid a band of rows at a time, this many down the picture
LEVELS = 256  # the turns are kept as 8-bit pictures
FINE = 4  # each level of the coarse turns is split into this many fine ones, kept wrapped
# round 256 (a seam ~12 coarse levels wide steps ~20 levels of its mix a level; ~5 finely)
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
    wander: float  # pixels: the seam lies this far either side of its slant, at most
    rows: list[tuple[int, int]]
    old_left: np.ndarray  # (bands, LEVELS): the first column with a turn at or after each
    new_right: np.ndarray  # (bands, LEVELS): the column after the last at or before it


def front(size: tuple[int, int], seed: int) -> Generator[None, None, Front]:
    """The light's front for a picture of `size`, made in steps (ahead of the transition):
    the swell, then a run of columns a step (each pass over the picture ~25 ms at 1080)."""
    width, height = size
    swell = yield from _swell(size, seed)
    runs = chunks(width, max(1, -(-width // FRONT_RUNS)))
    rise = lift(size)[None, :]
    field = np.empty(size, dtype=np.float32)  # each pixel's turn, in pixels across
    for run in runs:
        field[run] = swell[run]
        field[run] *= FRONT_NOISE * width / 127.5
        field[run] += np.arange(run.start, run.stop, dtype=np.float32)[:, None] - rise
        yield
    del swell
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
    del field
    rows = [(top, min(height, top + -(-height // FRONT_BANDS)))
            for top in range(0, height, -(-height // FRONT_BANDS))]  # 90 rows at 1080
    every = np.arange(LEVELS)
    latest = np.maximum.accumulate(np.stack([coarse[:, a:b].max(axis=1) for a, b in rows]),
                                   axis=1)  # the latest turn in each column or left of it
    earliest = np.minimum.accumulate(np.stack([coarse[::-1, a:b].min(axis=1)
                                               for a, b in rows]), axis=1)[:, ::-1]
    old_left = np.stack([np.searchsorted(band, every, "left") for band in latest])
    new_right = np.stack([np.searchsorted(band, every, "right") for band in earliest])
    return Front(levels, fine, low, (high - low) / width, FRONT_NOISE * width, rows, old_left,
                 new_right)


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


def _swell(size: tuple[int, int], seed: int) -> Generator[None, None, np.ndarray]:
    """Slow noise over the picture, 0..255 about 127.5 (a uint8 (x, y) array at full size),
    made in two steps."""
    small = (max(1, size[0] // FRONT_CELL), max(1, size[1] // FRONT_CELL))
    rng = np.random.default_rng(seed)
    field = np.zeros(small)
    for grid_w, grid_h, weight in FRONT_OCTAVES:
        coarse = gray((rng.random((grid_w, grid_h)) * 255).astype(np.uint8))
        field += weight * red(pygame.transform.smoothscale(coarse, small))
    field -= field.min()
    field *= 255 / max(float(field.max()), 1e-6)
    fine = pygame.transform.smoothscale(gray(field), size) if small != size else gray(field)
    yield
    levels: np.ndarray = red(fine)
    return levels
