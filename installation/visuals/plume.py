"""A smoke column as one continuous plume: its texture, made once (dense, dark and narrow at the
fire, billowing out wider and wider as it climbs, its edges soft and lumpy, dissolving into the
sky at the top); plume_bands draws it drifting up band by band, leaning over downwind."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.made_once import MadeOnce

BAND = 12  # rows of the picture a band of the plume is blitted in, at most
CLASSES = 64  # the plume's heights made apart (width, thickness, light): a strip of texture each
GROWTH = 0.85  # they are spaced this much by how much it has widened, the rest by height: closer
# at the narrow foot, where a step in its width is a larger share of its soft edge (a class's
# width 4% over the last's there: an edge a pixel out at the heavy column's foot; 0.6 and 48
# classes, 7%, left faint stairs up the foot's edges, its bands 12 rows, a class skipped)
LOOP = 512  # rows of texture before it comes round again, drifting up the column
PIECE_PIXELS = 12_000  # points of texture made in one piece of the set-up (~2 ms)
PAINTED_FASTER = 12  # a strip is coloured this many times as many points a piece (looked up)
GRID = 96  # noise cells across the widest strip, at most (its middle at GRID / 2)
# the big billows, the billows, the lumps on them, the fine tatters: noise cells along LOOP,
# and their weight at the plume's foot and at its top
OCTAVES = ((2, 0.0, 0.35), (5, 0.45, 0.4), (11, 0.35, 0.2), (24, 0.2, 0.05))
ACROSS = 1.2  # the noise's cells are this much wider than tall (billows spread sideways)
WIDTH = (0.07, 0.24)  # the plume's width at its foot and top, of the picture height (size 1):
# as broad as a fire at its foot (0.04, a thin trail, was lost in the flames' light and seemed to
# start at the top of the dark tower behind them)
SPREAD = 0.5  # how much wider still its top spreads, flattening into a drift (of the top)
PALE = 0.08  # it pales as it spreads (its smoke thinned out): by this power of its widening
THIN = 4.0  # its opacity falls by this power of the height climbed too (gone at the top)
FAINT = 0.08  # its top, thinner than this, is left out
FOOT_GROWS = 0.04  # it thickens over this share of its rise, leaving the flames
MARGIN = 0.7  # the strip's room either side of the plume's width, for bulges and fringe
LUMPS = 0.45  # how far the billows push its edge out or in (of its half width)
SOFT = (0.35, 1.1)  # its alpha fades from full to none between these (of its half width)
HOLES = (0.35, 0.9)  # how deep the lighter holes in it are at its foot and at its top
ERODE = (0.65, 0.5)  # from this height up it dissolves, its thinnest parts first, by so much
SHADOW, UNDERSIDE = 0.75, 1.5  # the smoke's colour: in its billows' shade, and where thin
SOOT = (1.12, 0.96, 0.8)  # dense smoke is browner (its shade's red, green and blue times these)
GLOW: Color = (255, 150, 70)  # the firelight on the smoke, warmest just over the flames
FIRELIT = (0.8, 0.4, 1.3)  # how much of it the foot takes, how far up it reaches (of the rise)
# and how it fades on the way (a power of the height left): lit through a ruined tower's height,
# lighter than the tower it stands in front of
DENSE_LIT = (0.5, 1.0)  # its dense smoke too, just over the flames, glows a dull orange this
# bright (of GLOW), this much of the thin smoke's firelight: the fire's smoke leaves it lit,
# one thing with it, not a dark column standing on it


@dataclass(frozen=True)
class Shape:
    """One plume's form in pixels: its foot over the flames, how high it climbs, how far it
    leans at the top, its width at the foot and at the top, and how fast its smoke climbs."""

    x: int
    y: int
    rise: float
    lean: float
    foot: float
    top: float
    speed: float


@dataclass(frozen=True)
class Covers:
    """The costly part of a plume form's texture, shared by every scene that shows a plume of
    that form (see made_once): for each height class, how far up its middle lies (of the
    rise) and how much smoke (0..255) lies at each point of its strip (LOOP rows)."""

    climbed: tuple[float, ...]
    amounts: tuple[np.ndarray, ...]


@dataclass(frozen=True)
class Strips:
    """The texture made once for a plume's shape and colour: a strip a height class (LOOP +
    BAND rows, its first BAND rows again at the end so a band never wraps round), and the
    shared covers it was coloured from (kept while the plume is)."""

    images: tuple[pygame.Surface, ...]
    covers: Covers


def eased(values: np.ndarray, coords: np.ndarray) -> np.ndarray:
    """Values (along their first axis, wrapping round) at each coordinate, eased between
    neighbours (by indexing, not a matrix product: numpy's threads would spin on after it)."""
    start = np.floor(coords).astype(int)
    ease = coords - start
    ease = (ease * ease * (3 - 2 * ease)).reshape((-1,) + (1,) * (values.ndim - 1))
    cells = len(values)
    return values[start % cells] * (1 - ease) + values[(start + 1) % cells] * ease


def billows(offsets: np.ndarray, climbed: float, seed: int, rows: range) -> np.ndarray:
    """Value noise (columns `offsets` pixels off the plume's middle, `rows` of LOOP), 0..1,
    that repeats along its rows: the same noise at every height class (no seam between
    them), its big billows weighing more the higher it is and its fine tatters less."""
    rng = np.random.default_rng(seed)
    along_rows = np.arange(rows.start, rows.stop) / LOOP
    out = np.zeros((len(offsets), len(rows)))
    for along, low, high in OCTAVES:
        grid = rng.random((along, GRID))
        down = eased(grid, along_rows * along).T  # (GRID, LOOP): each cell's column of values
        across = eased(down, offsets / (LOOP / along * ACROSS) + GRID / 2)
        out += (low + (high - low) * climbed) * across
    return out


def width_at(shape: Shape, climbed: float) -> float:
    """The plume's width (pixels) this far (0..1) up its rise: a widening cone whose top
    spreads out flatter still."""
    spread = SPREAD * max(0.0, (climbed - 0.5) / 0.5) ** 2
    return shape.foot + (shape.top - shape.foot) * climbed * (1 + spread)


def thickness(shape: Shape, climbed: float, amount: float) -> float:
    """Its opacity (0..1) this far up: thickening off the flames, paling as it spreads,
    thinning to nothing at the top."""
    spread = (shape.foot / width_at(shape, climbed)) ** PALE
    leaving = min(1.0, 0.85 + climbed / FOOT_GROWS * 0.15)
    return amount * leaving * spread * (1 - climbed ** THIN)


def smoothstep(low: float, high: float, value: np.ndarray) -> np.ndarray:
    """0 below `low`, 1 above `high`, easing between."""
    t = np.clip((value - low) / (high - low), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def cover(shape: Shape, climbed: float, offsets: np.ndarray, seed: int,
          rows: range) -> np.ndarray:
    """How much smoke (0..1) lies at each point of the strip's `rows`: full in the middle,
    fading softly to its lumpy edge, with lighter holes in it, its thinnest parts gone at
    the top."""
    half = width_at(shape, climbed) / 2
    noise = billows(offsets, climbed, seed, rows)
    lumps = billows(offsets, climbed, seed + 1, rows)
    edge = np.abs(offsets)[:, None] / half - LUMPS * (noise - 0.5) * 2
    body = 1 - smoothstep(SOFT[0], SOFT[1], edge)
    holes = HOLES[0] + (HOLES[1] - HOLES[0]) * climbed
    body *= np.clip(1 - holes * smoothstep(0.45, 0.8, lumps), 0.0, 1.0)
    erode = ERODE[1] * smoothstep(ERODE[0], 1.0, np.array(climbed))
    return np.clip((body - erode) / (1 - erode), 0.0, 1.0)


def chunks(wide: int, rows: int, points: int | None = None) -> list[range]:
    """The strip's rows in runs of about `points` points each (PIECE_PIXELS unless given: one
    short piece of the set-up each)."""
    step = max(1, (points or PIECE_PIXELS) // max(1, wide))
    return [range(lo, min(rows, lo + step)) for lo in range(0, rows, step)]


def class_heights(shape: Shape) -> tuple[float, ...]:
    """How far up (of the rise) each height class's middle lies: evenly spaced by a mix of
    height and how much the plume has widened there (GROWTH), so no step from one class's
    width to the next is a large share of its soft edge."""
    climbed = np.linspace(0.0, 1.0, 1001)
    widths = np.array([width_at(shape, c) for c in climbed.tolist()])
    grown = np.log(widths / widths[0])
    along = (1 - GROWTH) * climbed + GROWTH * grown / max(float(grown[-1]), 1e-9)
    return tuple(np.interp((np.arange(CLASSES) + 0.5) / CLASSES, along, climbed).tolist())


def texture(shape: Shape, climbed: float, seed: int) -> Generator[None, None, np.ndarray]:
    """How much smoke (0..255) lies at each point of the strip of the class `climbed` up,
    pausing between runs of its rows: the plume's width there, soft and lumpy at its edges."""
    wide = max(4, round(width_at(shape, climbed) * (1 + MARGIN)))
    offsets = np.arange(wide) - (wide - 1) / 2
    amounts = np.empty((wide, LOOP), np.uint8)
    for rows in chunks(wide, LOOP):
        smoke_in = cover(shape, climbed, offsets, seed, rows)
        amounts[:, rows.start:rows.stop] = np.round(smoke_in * 255).astype(np.uint8)
        yield
    return amounts


def covers(shape: Shape, seed: int) -> Generator[None, None, Covers]:
    """Every height class's texture, in short pieces."""
    heights = class_heights(shape)
    made = []
    for climbed in heights:
        made.append((yield from texture(shape, climbed, seed)))
    return Covers(heights, tuple(made))


def painted(shape: Shape, climbed: float, amounts: np.ndarray, smoke: Color,
            amount: float) -> Generator[None, None, pygame.Surface]:
    """A class's strip from its texture, pausing between runs of its rows: as thick and as lit
    as the plume is there (it scrolls through the strip, the strip stays): thin smoke pale,
    dense smoke in its own shade. Each pixel is looked up whole by its amount of smoke."""
    levels = np.arange(256)
    alpha = np.clip(levels * thickness(shape, climbed, amount), 0, 255).astype(np.uint8)
    shown = np.flatnonzero(alpha[amounts.max(axis=1)])  # its clear sides cut off, as evenly as
    wide = len(amounts)  # its middle (the alpha rises with the smoke: its column's most's)
    cut = min(int(shown[0]), wide - 1 - int(shown[-1])) if shown.size else 0
    smoke_in, wide = amounts[cut:wide - cut], wide - 2 * cut
    warm = FIRELIT[0] * max(0.0, 1 - climbed / FIRELIT[1]) ** FIRELIT[2]
    sooty = scaled((round(smoke[0] * SOOT[0]), round(smoke[1] * SOOT[1]),
                    round(smoke[2] * SOOT[2])), SHADOW)
    shade = np.array(mix(sooty, scaled(GLOW, DENSE_LIT[0]), warm * DENSE_LIT[1]), float)
    thin = np.array(mix(scaled(smoke, UNDERSIDE), GLOW, warm), float)
    dense = np.sqrt(levels / 255)[:, None]  # how dense, by how much smoke (sqrt)
    colour = np.clip(thin + (shade - thin) * dense, 0, 255).astype(np.uint32)
    image = pygame.Surface((wide, LOOP + BAND), pygame.SRCALPHA)
    red, green, blue, opacity = image.get_shifts()[:4]
    pixel_of = (colour[:, 0] << red | colour[:, 1] << green | colour[:, 2] << blue
                | alpha.astype(np.uint32) << opacity).astype(np.uint32)
    rows_of = np.concatenate([np.arange(LOOP), np.arange(BAND)])
    for rows in chunks(wide, LOOP + BAND, PIECE_PIXELS * PAINTED_FASTER):
        pygame.surfarray.pixels2d(image)[:, rows.start:rows.stop] = pixel_of[
            smoke_in[:, rows_of[rows.start:rows.stop]]]
        yield
    return image


def strips(shape: Shape, smoke: Color, amount: float, seed: int,
           made: MadeOnce) -> Generator[None, None, Strips]:
    """Every height class's strip, in short pieces: the texture found in `made` if a scene
    alive has made it for a plume of this form, else made, then coloured for this one."""
    shared = yield from made.get(("plume", shape.foot, shape.top, seed),
                                 lambda: covers(shape, seed))
    images = []
    for climbed, amounts in zip(shared.climbed, shared.amounts, strict=True):
        images.append((yield from painted(shape, climbed, amounts, smoke, amount)))
    return Strips(tuple(images), shared)
