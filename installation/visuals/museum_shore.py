"""The Lake Pit's near shore, seen from the Page Museum's side: a sunlit bank of grass with a
pale path sweeping in from the far left (below the bank's edge, or through the points given for
it: where the people walk), and a low wooden rail along the tar's uneven edge."""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence

import numpy as np
import pygame

from installation.visuals.museum_paint import bands, below, grain, hazed, ramp, write

# In shares of the picture's height (rows below the shore's edge) and width.
LIP = 0.012  # the bank's dark edge of tar-stained earth
LIP_WANDER = 0.004  # ... and how far its line wanders up and down, a little at a time
BANK_WANDER = 0.03  # how far the bank's line swings up into the tar and back (a ruled edge
#                     read as a canal): a spit of grass, a cove, broad and slow across the width
# Its swings (turns across the width, weight, phase): chosen, not seeded, so that the bank
# stands up behind the couple and the calf (x 0.38-0.58: their heads against the lawn, not the
# rail) and falls back into coves at the sides.
BANK_SWINGS = ((1.3, 0.55, 0.125), (2.9, 0.3, 0.375), (6.1, 0.15, 0.29))
PATH_TOP = ((0.0, 0.07), (1.0, 0.145))  # the path's far edge: at the left, at the right
PATH_FOOT = ((0.0, 0.095), (1.0, 0.27))  # and its near edge (it comes nearer to the right)
PATH_BOW = 0.025  # how far its middle sags towards us (a curve, not a ruled band)
Point = tuple[float, float]
POST_EVERY = 0.06  # a rail post every this share of the width
POST_TALL, POST_WIDE = 0.05, 0.006  # its height and width, of the picture's height
RAIL_ROWS = (0.92, 0.45)  # the two rails, this share of the post's height up
POST_FOOT = 0.02  # the posts stand this far below the edge, in the grass

GRASS_FAR, GRASS_NEAR = (140, 142, 72), (58, 70, 34)  # the turf in the sun, and in front
EARTH = (36, 28, 22)
PATH_FAR, PATH_NEAR = (178, 166, 138), (138, 124, 98)  # decomposed granite, sunlit
WOOD, WOOD_LIT = (54, 42, 32), (150, 120, 84)  # the rail, and its side to the sun
HAZE = (178, 186, 192)
HAZE_FAR = 0.1  # the far bank is a little hazed
TURF_TEXTURE, GRAVEL_TEXTURE = 0.1, 0.05  # how much the grass and the path vary


def margin(height: int) -> int:
    """Rows over the shore's edge the picture reaches up, for the rail's posts over the tar
    (on a spit of the bank that runs out into it)."""
    return round((POST_TALL - POST_FOOT + BANK_WANDER) * height) + 2


def solid_from(height: int) -> int:
    """The first row of the picture (see `margin`) from which every pixel is opaque: below
    the bank's wandering top edge."""
    return margin(height) + math.ceil((LIP_WANDER + BANK_WANDER) * height) + 1


def bank_line(x: np.ndarray, height: int) -> np.ndarray:
    """The bank's edge in each column (`x`, shares of the width), in rows below the shore's
    `ground`: broad slow swings up into the tar and back (negative: a spit; positive: a cove)."""
    line = np.zeros_like(x)
    for turns, weight, phase in BANK_SWINGS:
        line += weight * np.sin(2 * math.pi * (turns * x + phase))
    return line / sum(w for _, w, _ in BANK_SWINGS) * BANK_WANDER * height


def painting(width: int, height: int, edge: int, seed: int,
             path: Sequence[Point] | None = None) -> Generator[None, None, pygame.Surface]:
    """The shore below row `edge` of a picture `width` x `height` (from `margin` rows over
    the edge: clear but for the rail), its path's middle through the points of `path` (shares
    of the picture; None: a set way below the edge), in steps (a band of columns at a time)."""
    over = margin(height)
    rows = height - edge + over
    rng = np.random.default_rng(seed)
    blades = grain(rng, (width, rows), 4)
    yield
    gravel = grain(rng, (width, rows), 2)
    x = np.arange(width, dtype=np.float32) / width
    bank = bank_line(x, height)
    wander = np.interp(x, np.linspace(0, 1, 40), rng.uniform(-1, 1, 40)) * LIP_WANDER * height \
        + bank
    top, foot = (rows + over for rows in _path(x, height, edge, path))
    picture = pygame.Surface((width, rows), pygame.SRCALPHA)
    for cols in bands(width):
        yield
        rgb = _ground(rows, over, blades[cols], gravel[cols], (top[cols], foot[cols]))
        lip = 1 - below(LIP * height + wander[cols] + over, rows)
        rgb += (np.asarray(EARTH, np.float32) - rgb) * lip[..., None]
        write(picture, cols, hazed(rgb, HAZE, HAZE_FAR), below(over + wander[cols], rows))
    yield
    _rail(picture, height, over + bank)
    return picture


def _ground(rows: int, over: int, blades: np.ndarray, gravel: np.ndarray,
            path: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The sunlit grass of some columns, darker towards us, and the path across it between
    its far and near edges' rows (`path`)."""
    depth = np.clip((np.arange(rows, dtype=np.float32)[None, :] - over) / max(1, rows - over),
                    0, 1)
    rgb = ramp(GRASS_FAR, GRASS_NEAR, np.broadcast_to(depth, blades.shape) ** 0.8)
    rgb *= (1 + TURF_TEXTURE * blades)[..., None]
    on_path = below(path[0], rows) * (1 - below(path[1], rows))
    stones = ramp(PATH_FAR, PATH_NEAR, depth) * (1 + GRAVEL_TEXTURE * gravel)[..., None]
    rgb += (stones - rgb) * on_path[..., None]
    return rgb


def _edge(line: tuple[tuple[float, float], tuple[float, float]], x: np.ndarray,
          height: int) -> np.ndarray:
    """A path edge's row (below the shore's edge) in each column: from its left end to its
    right, sagging in the middle."""
    (_, left), (_, right) = line
    return (left + (right - left) * x + PATH_BOW * 4 * x * (1 - x)) * height


def _path(x: np.ndarray, height: int, edge: int,
          path: Sequence[Point] | None) -> tuple[np.ndarray, np.ndarray]:
    """The path's far and near edges in each column (`x`, shares of the width), in rows below
    the shore's edge (row `edge` of the picture): set below it (None), or either side of a
    smooth line through the points of `path` (as wide as the set path is there: wider to the
    right, nearer)."""
    top, foot = _edge(PATH_TOP, x, height), _edge(PATH_FOOT, x, height)
    if path is None:
        return top, foot
    middle, half = through(path, x) * height - edge, (foot - top) / 2
    return middle - half, middle + half


def through(points: Sequence[Point], x: np.ndarray) -> np.ndarray:
    """A smooth line through `points` ([x, y], read from left to right) at each `x`: a cubic
    between each two with the slope at each point the mean of the two either side (no corner
    where a walker's path turns), straight on past the ends along their slopes."""
    xs, ys = (np.array(v, np.float64) for v in zip(*sorted(points), strict=True))
    if xs.size < 2 or np.any(np.diff(xs) <= 0):  # (one point, or two over each other: level)
        return np.full(x.shape, float(np.mean(ys)))
    slopes = np.diff(ys) / np.diff(xs)
    tangents = np.concatenate(([slopes[0]], (slopes[:-1] + slopes[1:]) / 2, [slopes[-1]]))
    i = np.clip(np.searchsorted(xs, x) - 1, 0, xs.size - 2)
    span = xs[i + 1] - xs[i]
    t = np.clip((x - xs[i]) / span, 0.0, 1.0)
    curve = ((2 * t ** 3 - 3 * t ** 2 + 1) * ys[i] + (t ** 3 - 2 * t ** 2 + t) * span * tangents[i]
             + (-2 * t ** 3 + 3 * t ** 2) * ys[i + 1] + (t ** 3 - t ** 2) * span * tangents[i + 1])
    before, after = x < xs[0], x > xs[-1]
    curve[before] = ys[0] + tangents[0] * (x[before] - xs[0])
    curve[after] = ys[-1] + tangents[-1] * (x[after] - xs[-1])
    return curve


def _rail(surface: pygame.Surface, height: int, edge: np.ndarray) -> None:
    """The low rail along the tar's edge (row `edge[column]` of the surface), following the
    bank in and out: posts, two rails from post to post, each post's sunlit side."""
    width = surface.get_width()
    tall, wide = round(POST_TALL * height), max(2, round(POST_WIDE * height))
    step = POST_EVERY * width
    xs = [round(n * step + step / 3) for n in range(-1, int(width / step) + 2)]
    feet = [round(float(np.interp(x, np.arange(width), edge)) + POST_FOOT * height) for x in xs]
    for top_share in RAIL_ROWS:
        line = [(x, foot - round(tall * top_share)) for x, foot in zip(xs, feet, strict=True)]
        pygame.draw.lines(surface, WOOD, False, line, max(1, wide // 2))
        pygame.draw.lines(surface, WOOD_LIT, False, [(x, y - 1) for x, y in line], 1)
    lit = max(1, wide // 3)
    for x, foot in zip(xs, feet, strict=True):
        post = pygame.Rect(x, foot - tall, wide, tall)
        surface.fill(WOOD, post)
        surface.fill(WOOD_LIT, (post.right - lit, post.top, lit, tall))
