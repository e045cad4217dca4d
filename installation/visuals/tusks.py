"""A mammoth's pair of tusks in side view: ivory, shaded, stained at the root, darker at the tip."""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from installation.visuals.base import Color, mix, scaled
from installation.visuals.pen import Pen

Point = tuple[float, float]
IVORY = (206, 196, 172)
TIP_IVORY = (92, 78, 60)  # a tusk's worn tip: old ivory gone brown (a pale tip read as a horn)
TIP_SHARE = 0.18  # the share of its length, from the tip, that darkens to TIP_IVORY ...
TIP_DARK = 0.6  # ... this share of the way, at its very end
ROOT_STAIN = 0.4  # the share of it, from its root, that darkens into the coat's colour
LIT = 0.35  # its upper side (lit from above) this share of the way further to ivory ...
SHADE = 0.7  # ... its lower side this many times as bright (a flat strip read as paper)
ROUND = 13  # it is shaded across in this many strips, each lit as its middle faces the light
# (three, lit, plain and shaded, read as three flat stripes at the last image's size; an odd
# number: one down its middle, not an edge its pixels flicker across)
STRIPS = tuple(math.sin(math.pi * (k / ROUND - 0.5)) for k in range(ROUND + 1))  # their
# edges, in half widths from one side to the other: narrower towards the edges, as a round
# tusk's sides turn away
FAR_SHIFT = (-0.07, 0.05)  # the far tusk: seen a little from the front, it shows this much
FAR_SIZE = 0.93  # further forward and up, this much smaller (further off) ...
FAR_SHADE = 0.6  # ... and this share as far from the coat's colour (in its own tusk's shade)
TURN = 4.0  # where a tusk turns upright, its lit and shaded sides change over gradually, from
# one side to the other across about 15 degrees either side of upright (not at once)
STEP_PIXELS = 2.0  # a tusk is shaded in pieces this many of the picture's pixels long at most
# (at the last image's size, a piece every 10 pixels stood in grey steps along it)
TAPER = 0.85  # a tusk's width goes as (1 - t) to this power along it: full, then to a point
TIP_WIDTH = 0.012  # its width at the very tip, in units (a point, not a needle of one pixel)

SEGMENTS_A_PIECE = 1  # a tusk is noted down this many segments of its line a piece (~1 ms:
# shaded round in ROUND strips, four a piece took up to 4 ms)
Transform = Callable[[Sequence[Point]], list[Point]]


@dataclass(frozen=True)
class Tusks:
    """A pair of tusks: the near one's line from its root (inside the head, under the trunk's
    root) to its tip, and its width at the root, in units."""

    line: tuple[Point, ...]
    root: float
    stain: float = ROOT_STAIN  # the share of it, from its root, darkened into the coat
    far_shift: Point = FAR_SHIFT  # where the far one's root shows, from the near one's
    far_size: float = FAR_SIZE  # the far one's size, of the near one's
    taper: float = TAPER  # its width goes as (1 - t) to this power along it
    tip: float = TIP_WIDTH  # its width at the very tip, in units

    def far(self) -> list[Point]:
        """The far tusk's line: the near one's, seen past the trunk a little from the front."""
        (rx, ry), (dx, dy) = self.line[0], self.far_shift
        return [(rx + (x - rx) * self.far_size + dx, ry + (y - ry) * self.far_size + dy)
                for x, y in self.line]


def draw_far(pen: Pen, tusks: Tusks, color: Color, ivory: float, move: Transform) -> None:
    """The far tusk (drawn before her head and trunk: they hide its root), noted down later
    a piece at a time (see `Pen.later`)."""
    pen.later(tusk(pen, move(tusks.far()), tusks, color, ivory, far=True))


def draw_near(pen: Pen, tusks: Tusks, color: Color, ivory: float, move: Transform) -> None:
    """The near tusk (drawn over her trunk, its root stained into her coat), noted down
    later a piece at a time."""
    pen.later(tusk(pen, move(tusks.line), tusks, color, ivory, far=False))


def tusk(pen: Pen, line: Sequence[Point], tusks: Tusks, color: Color, ivory: float,
         far: bool) -> Generator[None, None, None]:
    """A tusk of the pair along `line` from its root, as wide there as theirs (the far one's
    `far_size` as wide) and tapering (their `taper`) to a point: `ivory` of the way from the coat's
    colour to ivory, stained to the coat's colour by its root (their `stain` of it: a pale
    root read as a pill stuck on her chin), brown at its worn tip, lighter on its upper side
    and shaded under it (the `far` one only FAR_SHADE of the way from the coat's colour).
    Noted down on the pen a stretch of SEGMENTS_A_PIECE of its line's segments a piece,
    pausing before each."""
    last = len(line) - 1
    root, light = (tusks.root * tusks.far_size, FAR_SHADE) if far else (tusks.root, 1.0)
    sides = [side_at(line, n, root / 2 * max(tusks.tip / root, (1 - n / last) ** tusks.taper))
             for n in range(last + 1)]
    for n in range(last):
        if n and not n % SEGMENTS_A_PIECE:
            yield
        for t, ((ax, ay, anx, any_), (bx, by, bnx, bny)) in _pieces(sides[n], sides[n + 1],
                                                                    STEP_PIXELS * pen.pixel):
            t = (n + t) / last
            stain = min(1.0, t / tusks.stain) ** 2
            tip = max(0.0, (t - 1 + TIP_SHARE) / TIP_SHARE) * TIP_DARK
            base = mix(mix(color, IVORY, ivory * stain), mix(color, TIP_IVORY, ivory), tip)
            up = max(-1.0, min(1.0, TURN * (any_ + bny) / (math.hypot(anx + bnx, any_ + bny)
                                                           or 1.0)))  # her upper side's way
            for s0, s1 in pairwise(STRIPS):
                shade = _shade(base, ivory * stain, up * (s0 + s1) / 2, stain)
                pen.polygon([(ax + anx * s0, ay + any_ * s0), (bx + bnx * s0, by + bny * s0),
                             (bx + bnx * s1, by + bny * s1), (ax + anx * s1, ay + any_ * s1)],
                            mix(color, shade, light))


Across = tuple[float, float, float, float]  # a point of a tusk's line and the way across it


def _pieces(a: Across, b: Across, most: float) -> list[tuple[float, tuple[Across, Across]]]:
    """The quad from `a` to `b` cut along into pieces no longer than `most` (the same outline:
    the points and the ways across put in between in straight steps), each with the share of
    the way along it its middle lies at (one colour a piece at the size of the last image,
    a piece every 10 pixels, stood in grey steps along her tusk)."""
    parts = max(1, math.ceil(math.hypot(b[0] - a[0], b[1] - a[1]) / most))
    at = [(a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f,
           a[3] + (b[3] - a[3]) * f) for f in (k / parts for k in range(parts + 1))]
    return [((k + 0.5) / parts, (at[k], at[k + 1])) for k in range(parts)]


def _shade(base: Color, ivory: float, side: float, stain: float) -> Color:
    """A strip's colour: the lit upper one (`side` 1) lighter, the lower (-1) shaded, as much
    as it is ivory (`stain`: where it is stained into the coat, no darker than the coat); in
    between (where the tusk turns upright) as much of either as `side` says (a strip lit on
    one piece and shaded on the next stood as a seam across it)."""
    if side > 0:
        return mix(base, IVORY, LIT * ivory * side)
    return mix(base, scaled(base, SHADE), stain * -side)


def side_at(line: Sequence[Point], n: int, half: float) -> tuple[float, float, float, float]:
    """The line's nth point and the way across it there, `half` long (to its left, going
    along it)."""
    last = len(line) - 1
    (ax, ay), (bx, by) = line[max(0, n - 1)], line[min(last, n + 1)]
    length = math.hypot(bx - ax, by - ay) or 1.0
    x, y = line[n]
    return x, y, -(by - ay) / length * half, (bx - ax) / length * half
