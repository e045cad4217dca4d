"""A mammoth's coat as drawn: its ragged edge of locks grown in clumps, the outlines it is
drawn round, smoothed, the calf's chest hair hanging in locks and its coat modelled round
(darker deep inside its outline)."""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence
from itertools import pairwise

import numpy as np
import pygame

from installation.visuals.base import hash01, smooth_noise
from installation.visuals.halo import distance_pieces

Point = tuple[float, float]
FUR = 0.007  # how ragged the coat's edge is, in units ...
FUR_PIXELS = 1.5  # ... but never more than this many of the picture's pixels (a large figure's
# locks, each some pixels long, read as a staircase down her back)
LOCK_SPACING = 2.5  # one lock of the coat's edge every this many FUR along it
SHAG = 0.028  # how much longer her hair grows in clumps along her edge, in units ...
SHAG_PIXELS = 6.0  # ... but never more than this many of the picture's pixels
CLUMP = 0.11  # one clump of hair about every this far along her edge, in units (closer, the
# clumps stood in steps down a large figure's back)
CLUMP_SEED = 31  # the clumps are the same for every mammoth
HANG = 1.5  # under her the clumps hang this much longer again
LIES = 0.7  # along her back they lie this much flatter (a smooth line there, by clumps)

FRINGE_SEED = 67  # the same locks every time
ROUND = 0.16  # the calf's coat turns away from the light over this far in from its outline,
# in units ...
CORE = 0.3  # ... its middle, past that, this share darker than its lit edge (one flat tone
# inside a lit rim, at noon, read as a felt cut-out beside its shaded mother; 0.42 sank the
# noon calf's flank into the tar behind it)
# The calf's chest hair: locks hanging from under its coat down the front of its chest, in
# clumps of one to three with gaps between, each lock its own length, width and lean, hanging
# down rather than out, parting at its end, in the shade of its head (the coat's own edge there,
# its locks square to the slope, rim-lit at noon and against the morning's haze, read as a
# regular sawtooth: its edge there keeps only its fur).
CHEST = (-0.62, -0.3)  # units (x, at rest): the chest's locks hang from its underside here ...
HANGS = 0.1  # ... where the coat's side faces down at least this much (its outward normal's y)
CLUMP_EVERY = 0.05  # units along the edge from one clump's place to the next, on average ...
CLUMP_ODD = 0.7  # ... each up to this share of that nearer or further
CLUMP_LOCKS = (1, 2, 2, 3)  # how many locks a clump has (one of these, by its place)
LOCK_WIDE = 0.024  # units across a lock's root, on average (up to half again, or a third less)
LOCK_LONG = (0.04, 0.14)  # units: a lock's length, from its root under the coat's edge ...
LOCK_ROOT = 0.02  # ... which lies this far in (the coat hides it)
LOCK_DOWN = 0.7  # a lock hangs this share straight down, the rest out square to the coat ...
LOCK_LEAN = 0.35  # ... leaning back (to the rump) up to this share of its length
CHEST_SHADE = 0.72  # its colour: the coat's this many times as bright (its own dark, under
# the head: of the coat's colour, each lock's rim-lit side was a bright tooth)
CHEST_SEED = 41  # the same locks every time
# A lock, across (half widths) and along it (shares of its length) from its root: tapering to
# a long strand and a shorter one beside it, a notch between.
LOCK = ((-1.0, 0.0), (-0.75, 0.45), (-0.2, 1.0), (0.05, 0.62), (0.35, 0.8), (0.7, 0.4),
        (1.0, 0.0))
Side = tuple[Point, Point, Point, float]  # a side of a coat: from, to, outwards, length at rest


def rounded(outline: Sequence[Point]) -> tuple[Point, ...]:
    """A closed outline with its corners cut (one pass of Chaikin's): smoother, twice the
    points."""
    out: list[Point] = []
    for (ax, ay), (bx, by) in zip(outline, [*outline[1:], outline[0]], strict=True):
        out += [(0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by),
                (0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by)]
    return tuple(out)


def smooth(points: Sequence[Point]) -> list[Point]:
    """An open line with its corners cut twice (Chaikin's), its ends kept: a smooth curve."""
    line = list(points)
    for _ in range(2):
        cut = [line[0]]
        for (ax, ay), (bx, by) in pairwise(line):
            cut += [(0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by),
                    (0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by)]
        line = [*cut, line[-1]]
    return line


def shaggy(outline: Sequence[Point], fur: float, shag: float = 0.0,
           rest: Sequence[Point] | None = None, tangle: float = 0.0) -> list[Point]:
    """A coat's ragged edge: along every side, locks of uneven length a few `fur` apart, each
    standing out square to the side and hanging a little downwards, grown in clumps of hair up
    to `shag` longer (CLUMP apart along the edge, longest where the hair hangs, under her:
    a soft irregular edge of her own dark, not a ruled one). The same locks every time: their
    lengths come from their place. Many small locks, not one a side: one a side on a large
    figure stood out as a staircase down her chest. `rest`: the outline as she stands at rest,
    if this one is her lifted: its locks lie where they lay (none moves along her back).
    `tangle` (0..1): how unevenly its locks hang, in length and lean (see TANGLE); a tangled
    coat's chest keeps only its fur (its locks hang apart there: `chest_locks`)."""
    out: list[Point] = []
    n, along = 0, 0.0
    for (a, b, (nx, ny), length), (c, _d, still, _l) in zip(
            _sides(outline, rest), _sides(rest if rest is not None else outline), strict=True):
        dx, dy = b[0] - a[0], b[1] - a[1]
        count = max(1, round(length / (fur * LOCK_SPACING)))
        hangs = 1.0 + HANG * max(0.0, -ny) - LIES * max(0.0, ny)  # hair hangs longest from
        # her underside, and lies flatter along her back
        bare = bool(tangle) and _on_chest(c, still[1])  # (its hair hangs apart there)
        for k in range(count):
            odd = ((n * 37) % 11) / 10, ((n * 53) % 7) / 6  # this lock's own length and lie
            t, mid = k / count, (k + 0.25 + 0.5 * odd[1]) / count
            clump = 0.0 if bare else smooth_noise(CLUMP_SEED, (along + length * mid) / CLUMP) ** 2
            lock = (fur * (0.6 + 1.6 * odd[0])
                    + shag * hangs * clump * (0.45 + 0.55 * odd[(n + 1) % 2]))
            lean = 0.0
            if tangle:
                lock *= 1.0 + tangle * (hash01(FRINGE_SEED, n, 1) - 0.4)
                lean = tangle * (hash01(FRINGE_SEED, n, 2) - 0.5) * lock  # along the side
            n += 1
            out += [(a[0] + dx * t, a[1] + dy * t),
                    (a[0] + dx * mid + nx * lock + dx / length * lean,
                     a[1] + dy * mid + ny * lock - lock * 0.4 + dy / length * lean)]
        along += length
    return out


def _sides(outline: Sequence[Point], rest: Sequence[Point] | None = None) -> list[Side]:
    """Each side of a closed outline: its ends, the way out square to it and its length as
    it lies at `rest` (if `outline` is the coat lifted: see `shaggy`)."""
    turn = 1.0 if area(outline) > 0 else -1.0  # outward is to the right going round it
    still = rest if rest is not None else outline
    out: list[Side] = []
    for (a, b), (c, d) in zip(pairwise([*outline, outline[0]]), pairwise([*still, still[0]]),
                              strict=True):
        dx, dy = b[0] - a[0], b[1] - a[1]
        side = math.hypot(dx, dy) or 1.0
        out.append((a, b, (turn * dy / side, -turn * dx / side),
                    math.hypot(d[0] - c[0], d[1] - c[1]) or 1.0))
    return out


def _on_chest(at: Point, down: float) -> bool:
    """Whether a side starting `at`, facing `down` (its way out's y), both at rest, is a calf's
    chest: where its chest's locks hang."""
    return CHEST[0] <= at[0] <= CHEST[1] and down <= -HANGS


def chest_locks(outline: Sequence[Point], rest: Sequence[Point]) -> list[list[Point]]:
    """The locks of hair hanging from a calf's chest (each an outline in units, to be drawn
    under its coat: see CHEST): its coat's `outline` as it stands (its head lifted or not),
    `rest` as it stands at rest (they are placed along it there: none moves along its chest).
    Clumps CLUMP_EVERY apart, unevenly, of one to three locks each."""
    chest = [(a, b, way, length) for (a, b, way, length), (c, _d, still, _l)
             in zip(_sides(outline, rest), _sides(rest), strict=True)
             if _on_chest(c, still[1])]  # (the same sides in every pose)
    total = sum(length for *_side, length in chest)
    locks: list[list[Point]] = []
    place, n = CLUMP_EVERY * hash01(CHEST_SEED, 0) / 2, 0
    while place < total:
        count = CLUMP_LOCKS[int(len(CLUMP_LOCKS) * hash01(CHEST_SEED, n, 1))]
        for k in range(count):
            odd = [hash01(CHEST_SEED, n, 2 + k, j) for j in range(4)]
            spread = (k - (count - 1) / 2 + 0.5 * (odd[0] - 0.5)) * LOCK_WIDE * 0.8
            root, way = _along(chest, min(total, max(0.0, place + spread)))
            locks.append(_lock(root, way, odd[1:]))
        n += 1
        place += CLUMP_EVERY * (1.0 + CLUMP_ODD * (2 * hash01(CHEST_SEED, n, 9) - 1))
    return locks


def _along(sides: Sequence[Side], place: float) -> tuple[Point, Point]:
    """The point `place` along these sides (at rest) and the way out square to its side."""
    for a, b, way, length in sides:
        if place <= length:
            t = place / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), way
        place -= length
    a, b, way, _length = sides[-1]
    return b, way


def _lock(root: Point, way: Point, odd: Sequence[float]) -> list[Point]:
    """One lock hanging from `root` on the coat's edge (`way`: out square to it; `odd`: its
    own width, length and lean, 0..1 each): LOCK, its root LOCK_ROOT in under the coat."""
    half = LOCK_WIDE * (0.67 + 0.83 * odd[0]) / 2
    long = LOCK_LONG[0] + (LOCK_LONG[1] - LOCK_LONG[0]) * odd[1]
    hx, hy = (1 - LOCK_DOWN) * way[0], (1 - LOCK_DOWN) * way[1] - LOCK_DOWN
    size = math.hypot(hx, hy) or 1.0
    hx, hy = hx / size, hy / size  # the way it hangs
    x, y = root[0] - way[0] * LOCK_ROOT, root[1] - way[1] * LOCK_ROOT
    lean = LOCK_LEAN * odd[2]
    return [(x - hy * half * across + (hx + lean) * long * down,
             y + hx * half * across + hy * long * down) for across, down in LOCK]


def area(outline: Sequence[Point]) -> float:
    """An outline's signed area: above 0 if it goes round anticlockwise (y up)."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in pairwise([*outline, outline[0]])) / 2


def modelled(image: pygame.Surface, span: float) -> Generator[None, None, None]:
    """Darken `image` (a figure with per-pixel alpha, `span` pixels a unit of it) in place
    towards the middle of its shape, in pieces: its edge (and the rim light on it) as it is,
    CORE darker ROUND units in and past (its coat turns away from the light: a round body)."""
    reach = max(1, round(ROUND * span))
    ink = pygame.surfarray.array_alpha(image) < 128  # (outside it: what it is measured from)
    squared = yield from distance_pieces(ink, reach)
    depth = np.sqrt(squared) / reach
    share = np.clip(depth, 0.0, 1.0)
    keep = (1.0 - CORE * share * share * (3 - 2 * share)).astype(np.float32)
    yield
    colours = pygame.surfarray.pixels3d(image)
    colours[...] = np.rint(colours * keep[..., None]).astype(np.uint8)
    del colours
