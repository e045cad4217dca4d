"""A mammoth's coat as drawn: its ragged edge of locks grown in clumps, the outlines it is
drawn round, smoothed, and the calf's coat modelled round (darker deep inside its outline)."""

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
    `tangle` (0..1): how unevenly its locks hang, in length and lean (see TANGLE)."""
    out: list[Point] = []
    n, along = 0, 0.0
    turn = 1.0 if area(outline) > 0 else -1.0  # outward is to the right going round it
    still = rest if rest is not None else outline
    for (a, b), (c, d) in zip(pairwise([*outline, outline[0]]), pairwise([*still, still[0]]),
                              strict=True):
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dy) or 1.0
        nx, ny = turn * dy / length, -turn * dx / length  # square to the side, outwards
        length = math.hypot(d[0] - c[0], d[1] - c[1]) or 1.0  # the locks counted at rest
        count = max(1, round(length / (fur * LOCK_SPACING)))
        hangs = 1.0 + HANG * max(0.0, -ny) - LIES * max(0.0, ny)  # hair hangs longest from
        # her underside, and lies flatter along her back
        for k in range(count):
            odd = ((n * 37) % 11) / 10, ((n * 53) % 7) / 6  # this lock's own length and lie
            t, mid = k / count, (k + 0.25 + 0.5 * odd[1]) / count
            clump = smooth_noise(CLUMP_SEED, (along + length * mid) / CLUMP) ** 2
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
