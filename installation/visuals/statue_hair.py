"""A statue's coat carved as locks of hair: tufts of varied length and lean, lit on their tops."""

from __future__ import annotations

import math
from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.collapse_dust import softened

LOCKS_DOWN = 9  # about this many locks' lengths down its height (as fine as a coat's
# tufts across the room: 12 read as scales, 25 as a grain)
LOCK_WIDE = 0.32  # a lock is this share as wide as it is long
ROW_STEP, COLUMN_STEP = 0.45, 0.85  # their roots lie this many lengths (and widths) apart,
# jittered: each lock's top overlaps the tip of the one above it
LENGTHS = (0.5, 1.6)  # a lock is this many lengths long, at random between (even ones, in
# even rows, read as corrugated metal)
LEAN = 0.3  # radians: how far a lock leans from hanging straight down, at most, either way
KINDS = (5, 5)  # locks of this many lengths and leans (each curled either way)
CURL = 0.25  # its tip curls this share of its width aside
GROOVE = 0.7  # the cut round each lock, in shadow: this share of the stone's light ...
BODY = 0.9  # ... the lock's body ...
TOP = 1.12  # ... and its top, where the light from above catches it
TOP_SHARE = 0.4  # the lit top: this share of the lock down from its root
WORN = 0.45  # weathered: in worn patches the carving is this much shallower (mottled)
SCALE = 128.0  # a light of 1 in the drawing's grey
ROWS_A_PIECE = 8  # rows of locks carved between pauses (each a few ms)

Point = tuple[float, float]


def lock(root: Point, long: float, wide: float, lean: float, curl: float,
         share: float = 1.0) -> list[Point]:
    """A lock's outline (image pixels, y down): from its root (`wide` across) down `share` of
    its length `long`, leaning `lean` radians, bulging a little below its root and narrowing
    to its tip, which curls `curl` of its width aside."""
    x, y = root
    down, side = (math.sin(lean), math.cos(lean)), (math.cos(lean), -math.sin(lean))
    out: list[Point] = []
    for along, half in ((0.0, 0.5), (0.3, 0.6), (0.7, 0.35), (1.0, 0.05)):
        if along > share:
            along, half = share, half * 0.8
        bend = curl * along * along * wide
        cx, cy = x + down[0] * along * long + side[0] * bend, y + down[1] * along * long
        out.insert(0, (cx - side[0] * half * wide, cy - side[1] * half * wide))
        out.append((cx + side[0] * half * wide, cy + side[1] * half * wide))
        if along >= share:
            break
    return out


def stamps(long: float, wide: float) -> list[tuple[pygame.Surface, Point]]:
    """Every kind of lock (each length, lean and curl), carved once: each on clear, with where
    its root lies in it (a lock drawn afresh each time took 50 ms a few rows)."""
    out = []
    for size in np.linspace(*LENGTHS, KINDS[0]) * long:
        for lean in np.linspace(-LEAN, LEAN, KINDS[1]):
            for curl in (-CURL, CURL):
                reach = math.ceil(size + wide) + 2
                root = (float(reach), float(math.ceil(wide)))
                stamp = pygame.Surface((2 * reach, reach + root[1] + 1), pygame.SRCALPHA)
                for shade, share, narrow in ((GROOVE, 1.0, 1.0), (BODY, 0.85, 0.7),
                                             (TOP, TOP_SHARE, 0.45)):
                    grey = (round(SCALE * shade),) * 3
                    pygame.draw.polygon(stamp, grey, lock(root, size, wide * narrow, lean, curl,
                                                          share))
                out.append((stamp, root))
    return out


def carved(size: tuple[int, int], seed: tuple[int, int]) -> Generator[None, None, np.ndarray]:
    """Its hair's light over `size` (1: the bare stone), locks carved row by row from its top
    down (each one's lit top over the tip of the one above), softened a little (weathered)."""
    width, height = size
    rng = np.random.default_rng(seed)
    long = max(4.0, height / LOCKS_DOWN)
    wide = long * LOCK_WIDE
    kinds = stamps(long, wide)
    relief = pygame.Surface(size)
    relief.fill((round(SCALE),) * 3)
    yield
    rows = np.arange(-long, height + long, long * ROW_STEP)
    for n, top in enumerate(rows):
        xs = np.arange(-wide, width + wide, wide * COLUMN_STEP)
        xs = xs + rng.uniform(-0.5, 0.5, xs.size) * wide * COLUMN_STEP
        ys = top + rng.uniform(-0.35, 0.35, xs.size) * long * ROW_STEP
        picks = rng.integers(0, len(kinds), xs.size)
        relief.fblits([(kinds[k][0], (round(x - kinds[k][1][0]), round(y - kinds[k][1][1])))
                       for x, y, k in zip(xs, ys, picks, strict=True)])
        if n % ROWS_A_PIECE == ROWS_A_PIECE - 1:
            yield
    light = pygame.surfarray.array_red(relief).astype(np.float32) / SCALE
    return softened(light, 1)


def worn(hair: np.ndarray, wear: np.ndarray) -> np.ndarray:
    """The carving `hair` shallower where `wear` (0..1, mottled) is high."""
    return 1.0 + (hair - 1.0) * (1.0 - WORN * wear)
