"""Where a light wipe's morning reaches first: each pixel's turn, from its height, the clouds'
ragged edge and the shadows of what stands in the light's way.

The light falls from the sky: the top of the picture is reached first, then down over the city
to the far ground and across it towards us, the foot of the picture (the near tar) last. Its
edge is as ragged as the clouds it comes through (smooth noise of a few octaves, its shape
changing slowly down the picture), and on the ground it is held back in long shadows coming
towards us (the ruins' and palms'): no single geometric curve (a front made from a
slant and a slow swell read as an arc, a planet's limb or a rainbow). Made once, ahead, in
steps; a frame only reads its levels (see LightWipe) and which cells of the picture hold them.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import chunks, s_curve
from installation.visuals.dissolve import Cells

FRONT_CLOUDS = 0.3  # the ragged edge's reach, as a share of the picture's height (each
# octave's noise is -0.5..0.5 times its weight), less where it would lean too far (below)
FRONT_OCTAVES = ((6, 1, 1.0), (16, 1, 0.4), (44, 2, 0.15))  # knots across, down, weight:
# the edge's shape changes slowly down the picture (so it is ragged without folding back over
# itself), each octave finer
FRONT_FOLD = 0.5  # the edge never turns back: each pixel's turn grows at least 1 - this a row
# down the picture (where it grew little, the seam was squeezed tall: the two scenes showed
# through each other over a wide patch, a double exposure)
FRONT_LEAN = 2.0  # nor grows more than this a column across (a seam squeezed to a hard edge)
FRONT_SHADOWS = 6  # long shadows on the ground, each where something stands in the light
FRONT_SHADOW_LAG = (0.04, 0.09)  # how long the light is held back in a shadow, as a share of
# the picture's height (drawn for each)
FRONT_SHADOW_WIDTH = (0.03, 0.06)  # a shadow's width, as a share of the picture's width
FRONT_GROUND = (0.6, 0.85)  # the shadows begin this share down the picture (below the far
# shore of both shipped wipes, 0.56 and 0.64) and are whole by the second: the far ground is
# lit first, the shadows towards us last
FRONT_RUNS = 8  # the turns are made a run of columns a step, this many across
LEVELS = 256  # the turns are kept as 8-bit pictures
FINE = 4  # each level of the coarse turns is split into this many fine ones, kept wrapped
# round 256 (~1.3 px a fine level at 1080: a seam ~22 of them tall mixes smoothly; a cell of
# the picture spans fewer than the 128 fine levels a frame's palette can tell apart: where
# it would not, in a small picture, fewer fine levels are kept)
DITHER = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]]) / 16
# an ordered dither of a level's fraction: the soft edge steps smoothly, not in contours


@dataclass(frozen=True)
class Front:
    """The turns as two 8-bit pictures: coarse (0 first, 255 last) and fine (`steps` to a
    coarse level, wrapped round 256: a frame's palette reads them only near the seam, within
    128 fine levels of it); the coarse ones as an array too (x, y); what they span down the
    picture (pixels); and each cell's lowest and highest coarse level."""

    levels: pygame.Surface
    fine: pygame.Surface
    steps: int  # fine levels to a coarse one: FINE, or fewer where a cell spans many
    coarse: np.ndarray
    span: float
    cells: Cells


def front(size: tuple[int, int], seed: int) -> Generator[None, None, Front]:
    """The light's front for a picture of `size`, made in steps (ahead of the transition):
    a run of columns a step, three passes."""
    width, height = size
    rng = np.random.default_rng(seed)
    runs = chunks(width, max(1, -(-width // FRONT_RUNS)))
    octaves = [(_knots(rng, across, down), weight) for across, down, weight in FRONT_OCTAVES]
    shadows = _shadows(rng)
    field = np.empty(size, dtype=np.float32)  # the swell, then each pixel's turn (pixels down)
    fold = lean = 0.0  # the swell's steepest rise up a column and change across a row
    for run in runs:
        part = height * _shade(size, shadows, run)
        for knots, weight in octaves:
            part += FRONT_CLOUDS * height * weight * _octave(knots, size, run)
        field[run] = part
        fold = max(fold, float(-np.diff(part, axis=1).min(initial=0.0)))
        before = field[max(0, run.start - 1):run.stop]  # with the column before the run
        lean = max(lean, float(np.abs(np.diff(before, axis=0)).max(initial=0.0)))
        yield
    scale = min(1.0, FRONT_FOLD / max(fold, 1e-9), FRONT_LEAN / max(lean, 1e-9))
    for run in runs:
        field[run] *= scale
        field[run] += np.arange(height, dtype=np.float32)[None, :]
        yield
    low, high = float(field.min()), float(field.max())
    levels, fine = (pygame.Surface(size, depth=8) for _ in range(2))
    coarse = np.empty(size, dtype=np.uint8)
    for steps in range(FINE, 0, -1):  # as fine as a cell's levels can be told apart
        for run in runs:
            _quantize(field[run], low, high, steps, run, (levels, fine, coarse))
            yield
        yield
        cells = Cells.of(coarse)  # ~6 ms at 1080: a piece of its own
        if steps == 1 or int((cells.high.astype(int) - cells.low).max()) * steps < LEVELS // 2:
            return Front(levels, fine, steps, coarse, high - low, cells)
    raise AssertionError("unreachable: one step a level is always fine")


def _quantize(field: np.ndarray, low: float, high: float, steps: int, run: slice,
              into: tuple[pygame.Surface, pygame.Surface, np.ndarray]) -> None:
    """Columns `run` of the turns (`field`, from `low` to `high`) as coarse levels and fine
    ones (`steps` to a coarse level, wrapped round 256), dithered: into the two 8-bit
    pictures and the coarse levels' array."""
    levels, fine, coarse = into
    columns, height = field.shape
    turns = (field - low) * ((LEVELS * steps - 1) / max(high - low, 1e-6))
    dither = np.tile(DITHER.astype(np.float32), (-(-columns // 4), height // 4 + 1))
    turns += dither[:columns, :height]
    whole = np.clip(turns, 0, LEVELS * steps - 1).astype(np.uint16)
    coarse[run] = whole // steps
    _write(levels, run, coarse[run])
    _write(fine, run, (whole % LEVELS).astype(np.uint8))


def _knots(rng: np.random.Generator, across: int, down: int) -> np.ndarray:
    """A grid of random knots (-0.5..0.5), `across` by `down` spans over the picture."""
    result: np.ndarray = rng.random((across + 1, down + 1)).astype(np.float32) - 0.5
    return result


def _octave(knots: np.ndarray, size: tuple[int, int], run: slice) -> np.ndarray:
    """Columns `run` of smooth noise between the knots (eased between them as s_curve, so
    the edge bends smoothly, with no crease along a knot's row or column): float32 (x, y)."""
    width, height = size
    across = np.arange(run.start, run.stop) * (knots.shape[0] - 1) / max(1, width)
    down = np.arange(height) * (knots.shape[1] - 1) / max(1, height)
    left, top = across.astype(int), down.astype(int)
    ease_x = s_curve(across - left).astype(np.float32)[:, None]
    ease_y = s_curve(down - top).astype(np.float32)[None, :]
    rows = knots[left] + (knots[left + 1] - knots[left]) * ease_x  # (columns, knots down)
    result: np.ndarray = rows[:, top] + (rows[:, top + 1] - rows[:, top]) * ease_y
    return result


def _shadows(rng: np.random.Generator) -> np.ndarray:
    """The shadows' middles and widths (shares of the width) and lags (of the height),
    FRONT_SHADOWS rows of three."""
    count = FRONT_SHADOWS
    return np.stack([rng.uniform(0.0, 1.0, count), rng.uniform(*FRONT_SHADOW_WIDTH, count),
                     rng.uniform(*FRONT_SHADOW_LAG, count)], axis=1)


def _shade(size: tuple[int, int], shadows: np.ndarray, run: slice) -> np.ndarray:
    """How long the light is held back in columns `run` by the shadows, as a share of the
    height (float32, (columns, rows)): nothing above the ground, each shadow a soft strip
    down it towards us, deepening as it comes nearer (so the light never turns back up)."""
    width, height = size
    across = np.arange(run.start, run.stop, dtype=np.float32) / max(1, width)
    lag = np.zeros(across.shape, dtype=np.float32)
    for middle, wide, held in shadows:
        np.maximum(lag, held * np.exp(-np.square((across - middle) / wide)), out=lag)
    ground = np.clip((np.arange(height) / max(1, height) - FRONT_GROUND[0])
                     / (FRONT_GROUND[1] - FRONT_GROUND[0]), 0.0, 1.0)
    result: np.ndarray = lag[:, None] * s_curve(ground).astype(np.float32)[None, :]
    return result


def _write(surface: pygame.Surface, run: slice, values: np.ndarray) -> None:
    """Write a run of columns of an 8-bit surface."""
    view = pygame.surfarray.pixels2d(surface)
    view[run] = values
    del view


def unwrapped(levels: np.ndarray, fine: np.ndarray, steps: int = FINE) -> np.ndarray:
    """Each pixel's turn in fine levels (0..LEVELS * steps - 1), from its coarse level and
    its wrapped fine one (the fine one is the coarse one's `steps`, plus under `steps`)."""
    base = levels.astype(np.int64) * steps
    result: np.ndarray = base + (fine.astype(np.int64) - base) % LEVELS
    return result
