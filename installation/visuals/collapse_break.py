"""A falling tower's top torn off its stump along a ragged, stepped break, split into tiers and
each tier into two chunks that go one after another; the floors under the break that pancake
down under them, torn off a jagged stump; and the small shards that spill from each chunk
(pictures made at build)."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, finished
from installation.visuals.wreckage import FALLEN, big_breaks, teeth

BREAK = (0.22, 0.32)  # where it breaks: share of its standing height down from its top
HIGH_TOPS = 20  # its standing top: this percentile of its columns' tops (the high part)
SLANT = 0.25  # most slope of the break, rows per column
BREAK_TEETH = 60  # the break's ragged edge: up to the tower's height / this, in rows
BREAK_STEPS = 0.1  # and its big steps (a few stretches torn at different floors, some on a
# slant): up to this much of the tower's height (the stump's top read as a flat cut without)
BREAK_FLOOR = 3  # a step is a whole number of these teeth deep (a storey, roughly)
TIERS = 2  # the top comes apart in this many tiers, the highest first (three were thin
# slivers that, turned on their side, read as a bristly scribble in the air)
TIER_TEETH = 40  # the ragged edge between tiers: up to the tower's height / this, in rows
OPAQUE = 255
TIER_LAP = 4  # rows a tier reaches down over the one below it
STANDS = 0.3  # a column with less than this share of the top's depth above the break (a lower
# wing's ragged crest) stays on the stump: cut off, it was a thin sliver hanging in the air
HINGE_EDGE = 0.06  # the hinge: the break's lowest point this near its edge, of its width
SPLIT = (0.4, 0.6)  # where the lowest tier cracks in two chunks, of its width
SPLIT_TEETH = 10  # the crack's ragged edge: up to the tier's width / this, in columns
SPLIT_SLANT = 0.3  # most slope of the crack, columns a row
CRUSH = (0.25, 0.35)  # the floors that pancake under the top: down to this share of the height
# left under the break (the stump's top, before its jagged steps)
CRUSH_SLANT = 0.35  # most slope of the stump's top, rows per column (a level top read as a cut)
CRUSH_STEPS = 0.45  # its big steps: up to this much of the floors' depth (torn at different
# floors: the stump's top was a neat crenellated line, review 23)
SPIKES = (2, 4)  # bare columns of frame left standing over the stump's top, how many
SPIKE_RISE = (0.3, 0.8)  # how far up each reaches into the floors that went, of their depth
SPIKE_WIDE = 0.04  # how wide a spike is, of the tower's width (at least 2 columns)
SHARD_KINDS = 5  # different shard pictures
SHARD_SIZE = (0.025, 0.06)  # a shard's size, of the tower's width
SHARD_TUMBLE = 4  # a shard's pictures as it tumbles (quarter turns)
SHARD_SIDES = 5  # corners of a shard's polygon


@dataclass(frozen=True)
class Tier:
    """One tier of the top: its picture and where it stood in the tower's picture."""

    picture: pygame.Surface
    box: pygame.Rect


def standing_top(tops: np.ndarray, height: int) -> float:
    """The tower's standing top (rows down its picture): its high part's."""
    standing = tops[tops < height]
    return float(np.percentile(standing, HIGH_TOPS)) if len(standing) else 0.0


def tooth(height: int) -> int:
    """How far the break's teeth reach up and down, for a tower `height` pixels tall."""
    return max(1, height // BREAK_TEETH)


def cut_line(width: int, tops: np.ndarray, height: int, rng: np.random.Generator) -> np.ndarray:
    """Where the tower breaks, column by column (rows down its picture): a ragged slanting
    tear some way below its standing top (its high part, so a lower wing does not pull the
    break down and leave no stump), passing over the columns with little above it (they
    stand)."""
    top = standing_top(tops, height)
    level = top + (height - top) * rng.uniform(*BREAK)
    slope = rng.uniform(-SLANT, SLANT)
    x = np.arange(width)
    line = level + slope * (x - width / 2) + teeth(width, tooth(height), rng) + steps(
        width, height, rng)
    return np.where(line - tops < STANDS * (line - top), np.minimum(line, tops), line)


def steps(width: int, height: int, rng: np.random.Generator) -> np.ndarray:
    """The break's big steps (rows down from its highest, never above it: a thin spire's top
    would be left whole): torn at different floors across the tower, some on a slant, as a
    ruined tower's broken top is (see wreckage.big_breaks)."""
    deep = big_breaks(width, round(height * BREAK_STEPS / FALLEN[1]),
                      BREAK_FLOOR * tooth(height), rng)
    return deep - deep.min()


def one_piece(above: np.ndarray) -> np.ndarray:
    """The largest piece of what is above the break (x, y): the rest, apart from it, stays on
    the stump (torn off with it, it hung beside it in the air). Found within the box round it
    (a large tower's top is a small part of its picture)."""
    if not above.any():
        return above
    columns, rows = np.flatnonzero(above.any(axis=1)), np.flatnonzero(above.any(axis=0))
    box = (slice(columns[0], columns[-1] + 1), slice(rows[0], rows[-1] + 1))
    shape = pygame.Surface(above[box].shape, pygame.SRCALPHA)
    alpha = pygame.surfarray.pixels_alpha(shape)
    alpha[:] = np.where(above[box], 255, 0).astype(np.uint8)
    del alpha
    largest = pygame.mask.from_surface(shape).connected_component()
    out = np.zeros_like(above)
    out[box] = pygame.surfarray.array_alpha(largest.to_surface(
        setcolor=(255, 255, 255, 255), unsetcolor=(0, 0, 0, 0))) > 0
    return out


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
    split into `tiers` tiers from the highest down, each its own picture and where it stood,
    then (last) the floors under them that pancake, torn off a jagged stump (see `crush`)."""
    return finished(breaking_off(tower, rng, tiers))


def breaking_off(tower: pygame.Surface, rng: np.random.Generator,
                 tiers: int = TIERS) -> Generator[None, None, list[Tier]]:
    """`break_off` in pieces: the cut, then each tier cut out a piece of building each, then
    the floors."""
    alpha = pygame.surfarray.pixels_alpha(tower)
    width, height = alpha.shape
    tops = columns_top(alpha)
    line = cut_line(width, tops, height, rng)
    rows = np.arange(height)[None, :]
    opaque = alpha > 0
    kept = alpha.copy()
    cut = (rows < line[:, None]) & opaque
    above = one_piece(cut)
    del alpha
    yield  # (each a piece: a large tower's picture takes a frame's room for each)
    alpha = pygame.surfarray.pixels_alpha(tower)
    alpha[cut & ~one_piece(opaque & ~above)] = 0  # (bits of its crest apart from the top and
    # from the stump go with the top: left, they hung in the air where it stood)
    del alpha
    start = np.minimum(tops, line)
    top = standing_top(np.where(above.any(axis=1), tops, height), height)  # the tiers: level
    bounds = [start, *(np.clip(top + (line - top) * k / tiers  # bands across the top (each
                               + teeth(width, max(1, height // TIER_TEETH), rng), start, line)
                       for k in range(1, tiers)), line]  # column split in halves gave a low
    # column's crest to every tier)
    bands = [above & (rows >= bounds[k][:, None]) & (rows < bounds[k + 1][:, None])
             for k in range(tiers)]
    yield
    stays = whole_tiers(bands)
    alpha = pygame.surfarray.pixels_alpha(tower)
    alpha[stays] = kept[stays]
    del alpha
    out = []
    for k in range(tiers):
        yield
        out.append(cut_out(tower, kept, lapped(bands, k, kept == OPAQUE)))
    yield
    out.append(crush(tower, line, rng))
    return out


def crush(tower: pygame.Surface, line: np.ndarray, rng: np.random.Generator) -> Tier:
    """The floors under the break (`line`, rows down each column) that pancake under the
    falling top, torn off `tower`'s picture (transparent there) down to a jagged stump: its
    top slanting, stepped at different floors, a few bare columns of frame standing over it."""
    alpha = pygame.surfarray.pixels_alpha(tower)
    width, height = alpha.shape
    top = float(np.median(line))
    level = top + (height - top) * rng.uniform(*CRUSH)
    depth = level - top
    x = np.arange(width)
    edge = (level + rng.uniform(-CRUSH_SLANT, CRUSH_SLANT) * (x - width / 2)
            + teeth(width, tooth(height), rng))
    deep = big_breaks(width, round(depth * CRUSH_STEPS / FALLEN[1]),
                      BREAK_FLOOR * tooth(height), rng)
    edge = edge + deep - deep.mean()
    wide = max(2, round(SPIKE_WIDE * width))
    for _ in range(int(rng.integers(SPIKES[0], SPIKES[1] + 1))):
        at = int(rng.integers(0, max(1, width - wide)))
        edge[at:at + wide] -= rng.uniform(*SPIKE_RISE) * depth
    edge = np.maximum(np.clip(edge, 0, height - 1), line)  # (never above the break)
    rows = np.arange(height)[None, :]
    inside = (rows < edge[:, None]) & (alpha > 0)  # (with what stayed on the break apart
    # from the top: over the floors gone it would hang in the air)
    kept = alpha.copy()
    alpha[inside] = 0
    del alpha
    return cut_out(tower, kept, inside)


def split(tier: Tier, rng: np.random.Generator) -> list[Tier]:
    """`tier` cracked in two chunks along a ragged, slanting crack down it: left, right (the
    right one piece, a bit apart from it going with the left; the left reaching TIER_LAP
    columns over the right, so no sky shows along the crack while they lean as one)."""
    alpha = pygame.surfarray.array_alpha(tier.picture)
    width, height = alpha.shape
    if width < 2 * SPLIT_TEETH:
        return [tier]
    rows = np.arange(height)
    crack = (width * rng.uniform(*SPLIT) + rng.uniform(-SPLIT_SLANT, SPLIT_SLANT)
             * (rows - height / 2) + teeth(height, width // SPLIT_TEETH, rng))
    solid = alpha > 0
    right = one_piece(solid & (np.arange(width)[:, None] >= crack[None, :]))
    left = solid & ~right
    over = np.zeros_like(left)
    for columns in range(1, TIER_LAP + 1):
        over[columns:] |= left[:-columns]
    chunks = [cut_out(tier.picture, alpha, inside) for inside in
              (left | (over & right & (alpha == OPAQUE)), right)]
    return [Tier(chunk.picture, chunk.box.move(tier.box.topleft)) for chunk in chunks]


def hinge(tiers: list[Tier], lean: int) -> tuple[int, int]:
    """Where the top hinges on its stump as it leans (in the tower's picture): the foot of its
    edge on the side it leans to (the break's lowest point within HINGE_EDGE of its width)."""
    whole = tiers[0].box.unionall([tier.box for tier in tiers[1:]])
    opaque = np.zeros(whole.size, bool)
    for tier in tiers:
        box = tier.box.move(-whole.left, -whole.top)
        opaque[box.left:box.right, box.top:box.bottom] |= \
            pygame.surfarray.array_alpha(tier.picture) > 0
    columns = np.flatnonzero(opaque.any(axis=1))
    if not len(columns):
        return whole.midbottom
    edge = columns[-1] if lean > 0 else columns[0]
    near = np.abs(np.arange(whole.width) - edge) <= max(2, HINGE_EDGE * whole.width)
    rows = np.flatnonzero(opaque[near].any(axis=0))
    return whole.left + int(edge) + (1 if lean > 0 else 0), whole.top + int(rows[-1]) + 1


def whole_tiers(bands: list[np.ndarray]) -> np.ndarray:
    """Each tier made one piece (x, y masks, the highest first, changed in place): a bit of a
    tier apart from it goes with the tier below it, a bit of the lowest apart from it stays
    on the stump (returned): torn off with a tier, it hung beside it in the air."""
    for k, band in enumerate(bands):
        main = one_piece(band)
        if k + 1 < len(bands):
            bands[k + 1] |= band & ~main
        else:
            stays = band & ~main
        bands[k] = main
    return stays


def lapped(bands: list[np.ndarray], k: int, solid: np.ndarray) -> np.ndarray:
    """Tier k reaching TIER_LAP rows down over the tier below it where that is `solid` (turned
    apart, sky showed between them; standing, a solid pixel laid twice looks the same)."""
    if k + 1 >= len(bands):
        return bands[k]
    below = np.zeros_like(bands[k])
    for rows in range(1, TIER_LAP + 1):
        below[:, rows:] |= bands[k][:, :-rows]
    return bands[k] | (below & bands[k + 1] & solid)


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

