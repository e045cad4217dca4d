"""A falling tower's top torn off its stump along a ragged break, split into tiers that go
one after another, and the small shards that spill from each tear (pictures made at build)."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, finished
from installation.visuals.wreckage import teeth

BREAK = (0.22, 0.32)  # where it breaks: share of its standing height down from its top
HIGH_TOPS = 20  # its standing top: this percentile of its columns' tops (the high part)
SLANT = 0.25  # most slope of the break, rows per column
TIERS = 2  # the top comes apart in this many tiers, the highest first (three were thin
# slivers that, turned on their side, read as a bristly scribble in the air)
TIER_TEETH = 40  # the ragged edge between tiers: up to the tower's height / this, in rows
SHARD_KINDS = 5  # different shard pictures
SHARD_SIZE = (0.025, 0.06)  # a shard's size, of the tower's width
SHARD_TUMBLE = 4  # a shard's pictures as it tumbles (quarter turns)
SHARD_SIDES = 5  # corners of a shard's polygon


@dataclass(frozen=True)
class Tier:
    """One tier of the top: its picture and where it stood in the tower's picture."""

    picture: pygame.Surface
    box: pygame.Rect


def cut_line(width: int, tops: np.ndarray, height: int, rng: np.random.Generator) -> np.ndarray:
    """Where the tower breaks, column by column (rows down its picture): a ragged slanting
    tear some way below its standing top (its high part, so a lower wing does not pull the
    break down and leave no stump)."""
    standing = tops[tops < height]
    top = float(np.percentile(standing, HIGH_TOPS)) if len(standing) else 0.0
    level = top + (height - top) * rng.uniform(*BREAK)
    slope = rng.uniform(-SLANT, SLANT)
    x = np.arange(width)
    return level + slope * (x - width / 2) + teeth(width, max(1, height // 60), rng)


def columns_top(alpha: np.ndarray) -> np.ndarray:
    """Each column's highest opaque row (its height where it has none)."""
    opaque = alpha > 0
    return np.where(opaque.any(axis=1), opaque.argmax(axis=1), alpha.shape[1])


def cut_out(tower: pygame.Surface, kept: np.ndarray, inside: np.ndarray) -> Tier:
    """The part of `tower` where `inside` (x, y), with the alpha `kept`, as its own picture."""
    rows = np.flatnonzero(inside.any(axis=0))
    cols = np.flatnonzero(inside.any(axis=1))
    if not len(rows):
        return Tier(pygame.Surface((1, 1), pygame.SRCALPHA), pygame.Rect(0, 0, 1, 1))
    box = pygame.Rect(int(cols[0]), int(rows[0]), int(cols[-1] - cols[0] + 1),
                      int(rows[-1] - rows[0] + 1))
    picture = tower.subsurface(box).copy()
    alpha = pygame.surfarray.pixels_alpha(picture)
    alpha[:] = np.where(inside[box.left:box.right, box.top:box.bottom],
                        kept[box.left:box.right, box.top:box.bottom], 0)
    del alpha
    return Tier(picture, box)


def break_off(tower: pygame.Surface, rng: np.random.Generator,
              tiers: int = TIERS) -> list[Tier]:
    """The tower's top torn off its picture (left transparent there, the stump standing),
    split into `tiers` tiers from the highest down, each its own picture and where it stood."""
    return finished(breaking_off(tower, rng, tiers))


def breaking_off(tower: pygame.Surface, rng: np.random.Generator,
                 tiers: int = TIERS) -> Generator[None, None, list[Tier]]:
    """`break_off` in pieces: the cut, then each tier cut out a piece of building each."""
    alpha = pygame.surfarray.pixels_alpha(tower)
    width, height = alpha.shape
    tops = columns_top(alpha)
    line = cut_line(width, tops, height, rng)
    rows = np.arange(height)[None, :]
    opaque = alpha > 0
    kept = alpha.copy()
    above = (rows < line[:, None]) & opaque
    alpha[rows < line[:, None]] = 0
    del alpha
    start = np.minimum(tops, line)
    bounds = [start + (line - start) * k / tiers
              + (teeth(width, max(1, height // TIER_TEETH), rng) if 0 < k < tiers else 0)
              for k in range(tiers + 1)]
    out = []
    for k in range(tiers):
        yield
        out.append(cut_out(tower, kept, above & (rows >= bounds[k][:, None])
                           & (rows < bounds[k + 1][:, None])))
    return out


def shard(size: int, rng: np.random.Generator, color: Color) -> list[pygame.Surface]:
    """A small irregular broken piece (`size` pixels across), at each quarter turn."""
    radius = size / 2
    corners = []
    for n in range(SHARD_SIDES):
        angle = 2 * math.pi * (n + rng.uniform(-0.3, 0.3)) / SHARD_SIDES
        reach = radius * rng.uniform(0.45, 1.0)
        corners.append((radius + reach * math.cos(angle), radius + reach * math.sin(angle)))
    picture = pygame.Surface((size + 1, size + 1), pygame.SRCALPHA)
    pygame.draw.polygon(picture, color, corners)
    return [pygame.transform.rotate(picture, 90 * n) for n in range(SHARD_TUMBLE)]


def shards(width: int, rng: np.random.Generator, color: Color) -> list[list[pygame.Surface]]:
    """SHARD_KINDS shards for a tower `width` pixels wide, each at its quarter turns."""
    low, high = (max(2, round(share * width)) for share in SHARD_SIZE)
    return [shard(int(rng.integers(low, high + 1)), rng, color) for _ in range(SHARD_KINDS)]


def dark_of(picture: pygame.Surface) -> Color:
    """The mean colour of a picture's opaque pixels, darkened a little (a shard's colour)."""
    alpha = pygame.surfarray.array_alpha(picture) > 0
    if not alpha.any():
        return (40, 36, 34)
    rgb = pygame.surfarray.array3d(picture)[alpha].mean(axis=0) * 0.8
    return (int(rgb[0]), int(rgb[1]), int(rgb[2]))
