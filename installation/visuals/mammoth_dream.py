"""The mother as the dream sees her: her body, and her hair drawn in locks of light shingled
down her back and flanks, hanging below her belly, and down her legs to her feet."""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence

from installation.visuals.base import Color, hash01, scaled
from installation.visuals.mammoth import ADULT, TAIL_ROOT, Legs, ghost, leg_outline
from installation.visuals.mammoth_coat import smooth
from installation.visuals.mammoth_pose import BACK, NECK, SHOULDER, THROAT, lifted_all
from installation.visuals.pen import Pen
from installation.visuals.tusks import Tusks

Point = tuple[float, float]

HAIR_SEED = 67  # the same locks every time
FLANK = (-0.4, 0.5)  # locks fall from her back across these x (units, facing left) ...
LOCK_SPACING = 0.026  # ... about this far apart in each tier (each moved up to half of it)
# Tiers of locks, shingled: each from this share of the way up from her belly to her back
# (its own, between the two), this long (its own): over her shoulders and back, down her
# flank, and the longest from low on her sides hanging free below her belly, over her legs.
TIERS = (((0.84, 0.98), (0.12, 0.22)), ((0.6, 0.8), (0.2, 0.3)), ((0.36, 0.56), (0.22, 0.32)),
         ((0.1, 0.3), (0.2, 0.3)), ((0.0, 0.06), (0.1, 0.2)))  # the last from her belly's
# line, hanging below its hem in locks of uneven length (without them the hem, lit along
# its edge, showed between her legs as a ruled line)
CROWN = (-0.58, -0.3)  # her domed crown's hair, across these x: short locks lying down it ...
CROWN_LOCKS, CROWN_DEPTH = 12, 0.025  # ... this many, rooted this far in from its edge ...
CROWN_LENGTH, CROWN_DRIFT = (0.07, 0.13), 0.05  # ... this long, drifting back this far
ROOT_TOP, NAPE = 0.95, -0.24  # none rooted higher than this (units) in front of her nape
# (x): under her ear and eye
BELLY = 0.42  # her belly's line, about (units up)
DRIFT = 0.07  # falling, a lock drifts back this far (her hair lies back, the way she faces)
CURL = 0.5  # ... most of it at its end (this much more there than a straight line's)
LOCK_WIDTH = 0.008  # units, at its widest, a third of the way down (a point at either end;
# a pixel and a half at least)
LIGHTER = (1.3, 2.3)  # a lock's colour: hers this many times as bright (its own)
LEG_LOCKS = (0.1, 0.37, 0.63, 0.9)  # down each leg, these shares of the way across it ...
LEG_TOP, LEG_FOOT = (0.38, 0.52), 0.22  # ... from under her hair (its own height between
# these: all from one, they stood in a ruled row) to about her knee, a shaggy fringe over a
# pillar (seven locks to her foot, each leg read as a bundle of posts: eight posts, not four
# legs) ...
PILLAR = 1.7  # each leg a pillar of light, hers this many times as bright (a far one's less),
PILLAR_TOP = 0.34  # from under her belly's hair (units up; higher, its top edge showed through)
PILLAR_TEETH, PILLAR_TOOTH = 8, 0.05  # its top in this many teeth this high (units): ragged
# into her fringe (a flat top showed as a ruled edge)
LEG_LOCK, LEG_LIGHT = 0.014, 1.25  # ... wider than her coat's and lighter (away from the moon,
# her near foreleg stood no lighter than the night)
LEG_SHIFT = 0.5  # each moved up to this share of the way to the next (evenly, they stood in a
# row like a barcode) ...
LEG_BOW = 0.012  # ... bowing out up to this far (units) and back, as hair hangs ...
LEG_WIDE = (0.6, 1.3)  # ... this many times LEG_LOCK wide (its own) ...
LEG_SHORT = 0.12  # ... and ending up to this far (units) above her foot
FAR_LEG = 0.8  # a far leg's locks as bright as this share of a near one's (0.7: jointed, the far
# hind leg's cannon, narrower than a pillar, was as dark as the night at 02:10)
FAR_SHADE = 1.25  # her far legs this much lighter than she is, as a mammoth's are (in the
# moon's shade under her, as dark as she is, they were darker than the night by the tar)
STANCE: Legs = ((0.12, 0.28, True), (-0.26, -0.1, True), (0.32, 0.49, False),
                (-0.45, -0.28, False))  # her legs (x from, x to, far side), pillars, each pair a
# step apart, so that all four stand clear (where a mammoth's stand, a side's two overlap and
# read, seen through, as one pillar)
LEG_POINTS = (0.0, 0.2, 0.45, 1.0)  # a leg's lock laid through these shares of its length
# Her tusks in the dream, drawn large, a mammoth's: from their sheaths either side of the
# trunk's root, under her eye, sweeping out, forward and down past her trunk, then forward
# and up, their tips turning in; heavy at the root, narrowing only near the end to a point
# (a waking mother's, tapering all along, stood past her trunk as two thin wires; 0.01 wide at
# the tip, about 5 pixels, they ended cut off square; rooted at her eye and curling
# straight up, the pair read as horns). The far one's root behind her trunk, a little higher
# and further forward, smaller: its curve inside the near one's, partly hidden behind her
# trunk and the near tusk (a pair seen from a little in front).
DREAM_TUSKS = Tusks(((-0.58, 0.9), (-0.66, 0.8), (-0.77, 0.71), (-0.9, 0.66), (-1.02, 0.68),
                     (-1.11, 0.76), (-1.15, 0.88), (-1.13, 0.99), (-1.06, 1.07)), 0.11, 0.3,
                    far_shift=(-0.06, 0.05), far_size=0.82, taper=0.7, tip=0.002)
# Her tail: short and thin, hanging a little apart from her rounded rump, from its root (the
# waking mother's, close to the rump with its tuft, read in the dream as a second trunk),
# ending in a few locks of light.
TAIL_LINE = ((0.0, 0.0), (0.05, -0.015), (0.08, -0.06), (0.09, -0.12))
TAIL_WIDTH = (0.024, 0.014)  # units, at its root and at its end
TAIL_LOCKS = ((-0.008, -0.075), (0.002, -0.095), (0.012, -0.085), (0.022, -0.07))  # from its end
POINTS = 5  # a lock's line is laid through this many points (not smoothed: a lock's bend is
# slight, and its outline's corners all cost, noted down and painted)


Lock = tuple[tuple[Point, ...], float, bool]  # a lock's outline at rest, how many times as
# bright as her colour it is, and whether her lifting her head can move it


def dream_mother(pen: Pen, color: Color, lift: float = 0.0) -> None:
    """The mother as an apparition (mammoth.ghost), her hair drawn over her as locks of
    light: shingled down her back and flanks, the longest hanging free below her belly, and
    down her legs (the night between her legs showing through their ends); lifted with her
    head."""
    ghost(pen, color, lift, FAR_SHADE, STANCE, DREAM_TUSKS, tail=False)
    for x0, x1, far in STANCE:  # lit through, each a pillar
        pillar = [*((x0 + (x1 - x0) * k / PILLAR_TEETH,
                     PILLAR_TOP + PILLAR_TOOTH * (k % 2)) for k in range(PILLAR_TEETH + 1)),
                  *leg_outline(x0, x1)[2:]]  # its top ragged, into her fringe
        pen.polygon(pillar, scaled(color, 1 + (PILLAR - 1) * (FAR_LEG if far else 1.0)))
    _tail(pen, color)
    pen.later(_noted_locks(pen, color, lift))


def _noted_locks(pen: Pen, color: Color, lift: float) -> Generator[None, None, None]:
    """Her locks noted down (in their place: see Pen.later), worked out the first time a leg
    or a tier of her coat a piece (whole, 10-30 ms of a frame building the dream ahead)."""
    locks = _LOCKS.get(pen.pixel)
    if locks is None:
        locks = _LOCKS[pen.pixel] = yield from _locks(pen.pixel)
    for outline, light, moves in locks:
        pen.polygon(lifted_all(outline, lift) if lift and moves else outline,
                    scaled(color, light))


_LOCKS: dict[float, tuple[Lock, ...]] = {}  # her locks at rest, for each size drawn


def _locks(pixel: float) -> Generator[None, None, tuple[Lock, ...]]:
    """Her locks at rest, drawn `pixel` units to a pixel: those down her legs, then her coat's
    tier by tier, pausing between them (worked out once: noted down for each pose, they took
    11-19 ms a pose, a frame's hitch while the dream was built)."""
    locks = []
    for leg, (x0, x1, far) in enumerate(STANCE):
        yield
        for n, share in enumerate(LEG_LOCKS):
            gap = LEG_LOCKS[min(n + 1, len(LEG_LOCKS) - 1)] - share
            x = x0 + (x1 - x0) * (share + LEG_SHIFT * gap * (hash01(HAIR_SEED, leg, n, 5) - 0.5))
            top = LEG_TOP[0] + (LEG_TOP[1] - LEG_TOP[0]) * hash01(HAIR_SEED, leg, n, 4)
            foot = LEG_FOOT + LEG_SHORT * hash01(HAIR_SEED, leg, n, 6) ** 2
            bow = LEG_BOW * (2 * hash01(HAIR_SEED, leg, n, 7) - 1)
            line = [(x - 0.004 * t + bow * math.sin(math.pi * t), top + (foot - top) * t)
                    for t in LEG_POINTS]
            wide = LEG_WIDE[0] + (LEG_WIDE[1] - LEG_WIDE[0]) * hash01(HAIR_SEED, leg, n, 8)
            locks.append(_placed(_outline(line, max(LEG_LOCK * wide, 1.5 * pixel), pixel),
                                 _light(leg * 7 + n, far, LEG_LIGHT)))
    count = round((FLANK[1] - FLANK[0]) / LOCK_SPACING)
    for tier, ((low, high), (short, long)) in enumerate(TIERS):
        yield
        for n in range(count + 1):
            x = (FLANK[0] + (FLANK[1] - FLANK[0]) * n / count
                 + LOCK_SPACING * (hash01(HAIR_SEED, tier, n) - 0.5))
            share = low + (high - low) * hash01(HAIR_SEED, tier, n, 1)
            root = BELLY + (_back(ADULT, x) - BELLY) * share
            root = min(ROOT_TOP, root) if x < NAPE else root
            length = short + (long - short) * hash01(HAIR_SEED, tier, n, 2)
            curl = DRIFT * (0.5 + hash01(HAIR_SEED, tier, n, 3))
            line = [(x + curl * t * (1 - CURL + CURL * t), root - length * t)
                    for t in (k / (POINTS - 1) for k in range(POINTS))]
            locks.append(_placed(_outline(line, max(LOCK_WIDTH, 1.5 * pixel), pixel),
                                 _light(100 * tier + n, False)))
    yield
    for n in range(CROWN_LOCKS):
        x = CROWN[0] + (CROWN[1] - CROWN[0]) * (n + hash01(HAIR_SEED, 9, n)) / CROWN_LOCKS
        root = _back(ADULT, x) - CROWN_DEPTH
        length = CROWN_LENGTH[0] + (CROWN_LENGTH[1] - CROWN_LENGTH[0]) * hash01(HAIR_SEED, 9, n, 1)
        line = [(x + CROWN_DRIFT * t * t, root - length * t)
                for t in (k / (POINTS - 1) for k in range(POINTS))]
        locks.append(_placed(_outline(line, max(LOCK_WIDTH, 1.5 * pixel), pixel),
                             _light(900 + n, False)))
    return tuple(locks)


def _tail(pen: Pen, color: Color) -> None:
    """Her short tail, thin, hanging a little apart from her rump, its end a tuft of a few
    locks of light."""
    x, y = TAIL_ROOT
    pen.stroke(smooth([(x + dx, y + dy) for dx, dy in TAIL_LINE]), *TAIL_WIDTH, color)
    ex, ey = x + TAIL_LINE[-1][0], y + TAIL_LINE[-1][1]
    for n, (dx, dy) in enumerate(TAIL_LOCKS):
        line = [(ex + dx * t, ey + dy * t) for t in (k / (POINTS - 1) for k in range(POINTS))]
        pen.polygon(_outline(line, max(LOCK_WIDTH * 1.5, 1.5 * pen.pixel), pen.pixel),
                    scaled(color, _light(800 + n, False)))


def _placed(outline: tuple[Point, ...], light: float) -> Lock:
    """A lock, and whether any of it lies where her lifting her head moves her (her head, in
    front of her neck and above her throat; her shoulders, on her back: see mammoth_pose)."""
    moves = any((x < NECK[0] and y > THROAT[0]) or (x < SHOULDER[0] and y > BACK[0])
                for x, y in outline)
    return outline, light, moves


def _light(n: int, far: bool, more: float = 1.0) -> float:
    """How many times as bright as her colour a lock is (`more` times lighter than her coat's;
    a far leg's less)."""
    k = (LIGHTER[0] + (LIGHTER[1] - LIGHTER[0]) * hash01(HAIR_SEED, n, 2)) * more
    return 1 + (k - 1) * (FAR_LEG if far else 1.0)


def _outline(line: Sequence[Point], widest: float, pixel: float) -> tuple[Point, ...]:
    """The outline of a lock along `line` (from its root): a point at either end (half a pixel
    wide), widest a third of the way down."""
    left: list[Point] = []
    right: list[Point] = []
    for k, (x, y) in enumerate(line):
        ahead, behind = line[min(k + 1, len(line) - 1)], line[max(k - 1, 0)]
        dx, dy = ahead[0] - behind[0], ahead[1] - behind[1]
        length = math.hypot(dx, dy) or 1.0
        t = k / (len(line) - 1)
        half = widest / 2 * (math.sin(math.pi * t ** 0.63) if 0 < t < 1 else 0.0)
        half = max(half, pixel / 2)
        nx, ny = -dy / length * half, dx / length * half
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    return (*left, *reversed(right))


def _back(outline: Sequence[Point], x: float) -> float:
    """The height of her back (the outline's highest crossing) at `x`."""
    heights = [ay + (by - ay) * (x - ax) / (bx - ax)
               for (ax, ay), (bx, by) in zip(outline, [*outline[1:], outline[0]], strict=True)
               if bx != ax and min(ax, bx) <= x <= max(ax, bx)]
    return max(heights, default=BELLY)


GHOSTS = {"mammoth": dream_mother}  # a shape drawn as an apparition (`ghost`), where it differs
