"""A mammoth's trunk: its curves, hanging, curled and raised, each pose between them, and the
mother's caught in the tar drawn as a trunk (tapering, ringed, a hairy edge, its tip curled in,
the finger at its end)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from installation.visuals.base import Color, hash01, mix
from installation.visuals.mammoth_coat import shaggy, smooth
from installation.visuals.mammoth_pose import lifted_all
from installation.visuals.pen import Pen
from installation.visuals.tusks import IVORY, side_at

Point = tuple[float, float]
TRUNK_RAISED = ((-0.64, 0.94), (-0.76, 0.96), (-0.86, 1.1), (-0.86, 1.26), (-0.78, 1.34))
TRUNK_LIFTED = ((-0.64, 0.96), (-0.79, 1.03), (-0.91, 1.17), (-0.94, 1.31), (-0.86, 1.39))  # she
# lifts it now and then, higher and further out (see mammoth_lift)
# Caught, her trunk reads as a trunk from any depth: swung up before her face from its thick
# root, above her tusks' lower sweep, its tip curled forward (hanging down and curled up in a
# J, it lay along her near tusk's lower sweep, which cut it into a bow-tie; curled back over
# her brow as she strained, a cap on her head) ...
TRUNK_MIRED = ((-0.7, 1.03), (-0.79, 1.0), (-0.86, 1.02), (-0.9, 1.06), (-0.9, 1.1),
               (-0.875, 1.14), (-0.885, 1.175), (-0.93, 1.18))
TRUNK_MIRED_OUT = ((-0.7, 1.03), (-0.79, 1.03), (-0.85, 1.1), (-0.86, 1.18), (-0.83, 1.26),
                   (-0.83, 1.32), (-0.87, 1.36), (-0.92, 1.4))  # ... swung higher straining ...
TRUNK_MIRED_LIFTED = ((-0.7, 1.04), (-0.78, 1.07), (-0.81, 1.15), (-0.78, 1.23), (-0.72, 1.3),
                      (-0.7, 1.36), (-0.74, 1.42), (-0.82, 1.45))
# ... and raised in the call up the front of her face and her brow and on above her crown,
# its tip reaching forward for the air (its upper third bent forward, away from her crown, the
# two stood apart in the tar: a Loch Ness neck): the last of her to go under (up to her brow
# and no higher, curled over it, at 10:40 her crown and its tip read as a bird's head)
MIRED_TRUNKS = (TRUNK_MIRED, TRUNK_MIRED_OUT, TRUNK_MIRED_LIFTED)
TRUNK_MIRED_HANGING = ((-0.7, 1.03), (-0.76, 0.96), (-0.8, 0.87), (-0.82, 0.78), (-0.82, 0.71),
                       (-0.815, 0.665), (-0.8, 0.635), (-0.78, 0.625))
# In the shallows (to her belly, noon and the afternoon), at rest it hangs before her chest past
# her tusks' lower sweep, its tip curled in a little towards her chest, as a trunk's at rest
# (raised, curled up inside her near tusk's loop, it read as a fist gripping the ivory; curled
# forward and up over the tar, its flared end as a club); deeper, it is raised out of the tar
TRUNK_MIRED_SWUNG = ((-0.7, 1.03), (-0.79, 0.97), (-0.86, 0.89), (-0.9, 0.8), (-0.92, 0.73),
                     (-0.94, 0.685), (-0.94, 0.65), (-0.925, 0.63))
# ... swung forward as she breathes, still hanging (from hanging straight to swung up, half
# way it curled inside her tusk's loop again: the fist, every breath of the afternoon's)
TRUNK_MIRED_STRAIN = ((-0.7, 1.03), (-0.79, 0.96), (-0.87, 0.88), (-0.93, 0.8), (-0.97, 0.73),
                      (-1.0, 0.68), (-1.015, 0.64), (-1.005, 0.615))
TRUNK_MIRED_THROWN = ((-0.7, 1.04), (-0.8, 0.98), (-0.89, 0.9), (-0.96, 0.82), (-1.02, 0.76),
                      (-1.065, 0.715), (-1.085, 0.675), (-1.08, 0.645))
# ... and as she strains swung further forward and thrown out, still hanging, its tip curled in
# under it (swung on up to raised over her crown, half way it passed level and curled before
# her tusk, posed, every strain of the noon; curling up, its end read as a blunt club)
HANGING_TRUNKS = (TRUNK_MIRED_HANGING, TRUNK_MIRED_SWUNG, TRUNK_MIRED_STRAIN, TRUNK_MIRED_THROWN)
TRUNK_MIRED_SKY = ((-0.7, 1.04), (-0.78, 1.1), (-0.8, 1.2), (-0.78, 1.3), (-0.77, 1.39),
                   (-0.79, 1.47), (-0.845, 1.52), (-0.9, 1.505))
# Going under, it reaches up the front of her face and her brow and on up and out for the air,
# its tip open, a little over her crown, one shape with her head up to her crown (raised over
# her crown as her head bowed, it stood alone, curled, as a Loch Ness neck, her face and tusks
# under the tar; reaching out from her face below her eye, it stood apart from her crown),
# its tip curled over forward and down (ending forward and up, cut off by its lips, its last
# reach at 10:41 read as a thumb)
REACH_ROOT, REACH_TIP = 0.18, 0.055  # reaching up for the air, it tapers from this to this ...
REACH_TAPER = 1.3  # ... its width going so with the share along it (at MIRED_TIP and
# MIRED_TAPER, the part of it out of the tar was as wide at its top as at the tar: a stump)
REACH_CREASE = 0.6  # ... its creases this share as light, and as uneven: each its own reach
# and light (all alike, they ringed it in regular bands)
MIRED_ROOT = 0.22  # its width at the root, in units (0.15 read as a neck) ...
MIRED_TIP = 0.085  # ... and at its tip (tapering to 0.05, raised over her crown going under, at
# 10:38 it read as a horn; curled down at the top of her raised trunk, it read as a small head
# on a long neck: it flicks forward and up)
MIRED_TAPER = 0.6  # its width goes from root to tip as the share along it to this power: thick
# at her face, narrowing up its length (evenly, raised going under, it read as a periscope)
TIP_FLARE, FLARE_FROM = 1.12, 0.9  # its lips swell this many times as wide, from this share
# of the way along it (1.4 from 0.8: as wide at its end as half way up, a blunt stub going under
# at 10:41 and a club hanging at noon)
# Its end, from its inner (under) side round to its outer: a short lip, the notch of its
# nostrils and the finger a mammoth's trunk feels with, on its outer edge, reaching past the lip
# (two even lobes read as a stub cut square). Across (half widths, its inner side +1) and out
# past its end (half widths).
TIP = ((1.0, 0.0), (0.9, 0.25), (0.6, 0.4), (0.25, 0.32), (0.05, 0.2), (-0.2, 0.45),
       (-0.42, 0.85), (-0.62, 1.0), (-0.8, 0.75), (-0.95, 0.35), (-1.0, 0.0))
TRUNK_FUR = 0.7  # its edge this share as ragged as her coat's (smooth, it read as a pipe)
CREASE_FROM, CREASE_TO = 0.3, 0.9  # creases ring it from this share along it to this ...
CREASE_EVERY = 0.085  # ... about this far apart at its root (closer towards the tip) ...
CREASE_LIGHT = 0.08  # ... each a thin lip catching the light: this share of the way to ivory
CREASE_WIDTH = 0.012  # units across one, at its root (thinner towards the tip) ...
CREASE_REACH = 0.7  # ... across this share of the trunk's width, each side of its middle ...
CREASE_BOW = 0.35  # ... bowed towards its root by this share of half the width
CREASE_POINTS = 8  # points along one side of a crease
CREASE_SEED = 83  # the same creases every time
HANGING_TIP = 0.03  # the dream's hanging trunk tapers to this width
TRUNK_HANGING = ((-0.64, 0.92), (-0.73, 0.72), (-0.74, 0.5), (-0.7, 0.33), (-0.63, 0.27))  # the
# dream's: hanging between her tusks, its tip curled forward (raised beside them, it read as a
# third horn) ...
TRUNK_SWUNG = ((-0.64, 0.94), (-0.78, 0.76), (-0.84, 0.56), (-0.83, 0.4), (-0.76, 0.33))  # ...
# swung forward as she lifts her head
TRUNK_DOWN = ((-0.64, 0.92), (-0.72, 0.7), (-0.72, 0.45), (-0.66, 0.28), (-0.59, 0.26))
# The calf's trunk: short and thick, a mammoth calf's, its broad root one with its face, hanging
# only to the top of its fore legs (down to its belly from high on its head, thin, under a big
# round ear, it read as a baby elephant's), its tip curled in a little ...
TRUNK_CALF = ((-0.585, 0.86), (-0.61, 0.77), (-0.625, 0.68), (-0.62, 0.6), (-0.6, 0.53),
              (-0.575, 0.5))
TRUNK_CALF_OUT = ((-0.6, 0.86), (-0.66, 0.76), (-0.71, 0.68), (-0.75, 0.63), (-0.79, 0.63),
                  (-0.81, 0.67))
# half way up: swung out before it, still hanging its length, its tip only turning up at the
# end (turned up straight, its thin end stood as a stick before its face; curled up and back
# at its mouth's height, as a short curled snout, 13:00 in review 25; its tip past -0.81
# was cut off at its picture's edge) ...
TRUNK_CALF_UP = ((-0.6, 0.86), (-0.68, 0.9), (-0.74, 0.98), (-0.76, 1.08), (-0.73, 1.17),
                 (-0.67, 1.2))
# calling: raised up before its face, its tip curled back towards its crown (pointed out level,
# it reached past the edge of its picture and was cut off; curled back at its eye, under its
# crown, the noon calf on the far shore read as standing with its trunk down, not calling)
CALF_TRUNK = (0.2, 0.05)  # its width at the root and at the tip, in units: thick at its face,
# tapering (0.17 to 0.065: an even stick)


def trunk(pen: Pen, color: Color, lift: float, curves: Sequence[Sequence[Point]], tip: float,
          root: float = 0.15) -> None:
    """A trunk, `lift` of the way (0..1) from its resting curve to where it is held lifted
    highest (`curves`: the two, or three, the middle one held half way: a trunk swung from
    hanging to curled up through its face's outline read as a lump on its face), lifted with
    the head, `root` wide at its root and `tip` at its end."""
    pen.stroke(trunk_line(curves, lift), root, tip, color)


def trunk_line(curves: Sequence[Sequence[Point]], lift: float,
               head: float | None = None) -> list[Point]:
    """A trunk's middle line `lift` of the way through `curves` (see `trunk`), smoothed and
    lifted with the head (`head`: the head's own lift, if not `lift`: bowed, below 0; its
    root goes with the head, its tip as lifted)."""
    along = lift * (len(curves) - 1)
    n = min(int(along), len(curves) - 2)
    share = along - n
    line = smooth([(rx + (lx - rx) * share, ry + (ly - ry) * share)
                   for (rx, ry), (lx, ly) in zip(curves[n], curves[n + 1], strict=True)])
    if head is None or head == lift:
        return lifted_all(line, lift)
    last = len(line) - 1
    return [(fx + (tx - fx) * k / last, fy + (ty - fy) * k / last)
            for k, ((fx, fy), (tx, ty)) in enumerate(zip(lifted_all(line, head),
                                                          lifted_all(line, lift), strict=True))]


def mired_trunk(pen: Pen, color: Color, lift: float, head: float, fur: float,
                hanging: bool = False) -> None:
    """Hers caught in the tar, `lift` of the way up MIRED_TRUNKS (`hanging`: HANGING_TRUNKS;
    past 1, going under, as far on to reaching up for the air: TRUNK_MIRED_SKY), her head
    lifted `head`: a
    trunk, not a stub (a stroke of even width, raised going under, read as a periscope):
    tapering from her face (MIRED_TAPER) to its lips and the finger at its end (TIP), its
    edge as ragged as her coat's (`fur`), ringed across with creases that catch the light,
    closer towards the tip."""
    curves = HANGING_TRUNKS if hanging else MIRED_TRUNKS
    reach = min(1.0, max(0.0, lift - 1.0))
    line = _skyward(trunk_line(curves, min(lift, 1.0), head), head, reach)
    along = _lengths(line)
    widths = [_width(t, reach) for t in along]
    sides = [side_at(line, n, width / 2) for n, width in enumerate(widths)]
    left = [(x + nx, y + ny) for x, y, nx, ny in sides]
    right = [(x - nx, y - ny) for x, y, nx, ny in sides]
    pen.polygon(shaggy([*left, *_fingers(line, widths[-1] / 2), *reversed(right)],
                       fur * TRUNK_FUR), color)
    for k, t in enumerate(_creases(along[-1])):
        n = next(k for k, at in enumerate(along) if at >= t * along[-1])
        x, y, nx, ny = sides[n]
        light, span = _uneven(k, reach)
        pen.polygon(_crease((x, y), (nx, ny), t, fur, span),
                    mix(color, IVORY, CREASE_LIGHT * light))


def _skyward(line: list[Point], head: float, share: float) -> list[Point]:
    """Her trunk's `line` swung `share` (0..1) of the way to reaching up for the air
    (TRUNK_MIRED_SKY), her head lifted `head`."""
    if share <= 0:
        return line
    sky = lifted_all(smooth(TRUNK_MIRED_SKY), head)
    return [(x + (sx - x) * share, y + (sy - y) * share)
            for (x, y), (sx, sy) in zip(line, sky, strict=True)]


def _width(t: float, reach: float) -> float:
    """Her trunk's width `t` of the way along it (0..1), in units, `reach` (0..1) of the way
    to reaching up for the air."""
    root = MIRED_ROOT + (REACH_ROOT - MIRED_ROOT) * reach
    tip = MIRED_TIP + (REACH_TIP - MIRED_TIP) * reach
    width = root + (tip - root) * t ** (MIRED_TAPER + (REACH_TAPER - MIRED_TAPER)
                                                    * reach)
    return width * (1 + (TIP_FLARE - 1) * max(0.0, (t - FLARE_FROM) / (1 - FLARE_FROM)) ** 2)


def _lengths(line: Sequence[Point]) -> list[float]:
    """How far along `line` each of its points lies, as a share of its length."""
    out = [0.0]
    for (ax, ay), (bx, by) in pairwise(line):
        out.append(out[-1] + math.hypot(bx - ax, by - ay))
    return [at / (out[-1] or 1.0) for at in out]


def _creases(length: float) -> list[float]:
    """Where along her trunk (shares of it) its creases lie: from CREASE_FROM to near its
    tip, closer together towards it, each a little off its place."""
    out, t, n = [], CREASE_FROM, 0
    while t < CREASE_TO:
        out.append(t)
        n += 1
        t += CREASE_EVERY * (1.0 - 0.45 * t) * (0.6 + 0.8 * hash01(CREASE_SEED, n))
    return out


def _uneven(n: int, reach: float) -> tuple[float, float]:
    """Her `n`th crease's light and reach across (shares of CREASE_LIGHT and CREASE_REACH),
    `reach` (0..1) of the way to reaching up for the air: fainter, each its own."""
    if reach <= 0:
        return 1.0, 1.0
    faint = 1.0 - (1.0 - REACH_CREASE) * reach
    light = faint * (1.0 - reach * 0.6 * hash01(CREASE_SEED, n, 1))
    return light, 1.0 - reach * 0.45 * hash01(CREASE_SEED, n, 2)


def _crease(at: Point, across: Point, t: float, fur: float, span: float = 1.0) -> list[Point]:
    """One crease across her trunk at `at` (`across`: half its width, to one side): a thin
    arc bowed towards its root, short of either edge (`span` of CREASE_REACH), wider in the
    middle."""
    (x, y), (nx, ny) = at, across
    half = math.hypot(nx, ny) or 1.0
    dx, dy = -ny / half, nx / half  # along it, towards the tip (the side is to its left)
    bow, thick = half * CREASE_BOW, max(fur, CREASE_WIDTH * (1 - 0.5 * t))
    front, back = [], []
    for k in range(CREASE_POINTS + 1):
        s = 2 * k / CREASE_POINTS - 1  # -1..1 across
        reach = CREASE_REACH * span * s
        sag = bow * (1 - s * s)
        px, py = x + nx * reach - dx * sag, y + ny * reach - dy * sag
        width = thick * (1 - s * s) ** 0.5
        front.append((px + dx * width / 2, py + dy * width / 2))
        back.append((px - dx * width / 2, py - dy * width / 2))
    return [*front, *reversed(back)]


def _fingers(line: Sequence[Point], half: float) -> list[Point]:
    """Round the end of her trunk (`half` its width there), from its left side (its inner:
    the side it curls towards) to its right: TIP."""
    (ax, ay), (bx, by) = line[-2], line[-1]
    length = math.hypot(bx - ax, by - ay) or 1.0
    dx, dy = (bx - ax) / length, (by - ay) / length
    nx, ny = -dy, dx  # to its left
    return [(bx + nx * half * a + dx * half * o, by + ny * half * a + dy * half * o)
            for a, o in TIP]
