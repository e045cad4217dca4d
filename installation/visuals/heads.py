"""Heads in profile, facing right, in head radii round the head's centre: the face, each kind
of hair and each hat (see wardrobe for how they are worn)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from installation.visuals.skeleton import Point

Polygon = tuple[Point, ...]

# Heads facing right, in head radii round the head's centre: a brow, a nose, a chin.
HEAD: Polygon = ((0.05, 1.0), (0.4, 0.9), (0.62, 0.62), (0.7, 0.3), (0.64, 0.12), (0.92, -0.05),
                 (0.66, -0.2), (0.7, -0.36), (0.62, -0.56), (0.46, -0.76), (0.14, -0.82),
                 (-0.15, -0.62), (-0.5, -0.46), (-0.72, -0.1), (-0.74, 0.3), (-0.54, 0.75),
                 (-0.26, 0.95))
HAIR: dict[str, tuple[Polygon, ...]] = {
    "short": (((-0.74, -0.25), (-0.82, 0.35), (-0.62, 0.86), (-0.2, 1.12), (0.3, 1.1),
               (0.64, 0.86), (0.74, 0.58), (0.45, 0.7), (0.1, 0.74), (-0.3, 0.56),
               (-0.46, 0.1)),),
    "long": (((0.6, 0.72), (0.52, 0.98), (0.1, 1.13), (-0.45, 1.06), (-0.84, 0.7),
              (-0.94, 0.0), (-0.98, -1.35), (-0.55, -1.4), (-0.46, -0.6), (-0.2, 0.2),
              (0.25, 0.62)),),
    "curly": (((0.64, 0.68), (0.58, 1.02), (0.2, 1.26), (-0.35, 1.26), (-0.88, 0.96),
               (-1.16, 0.32), (-1.22, -0.42), (-1.1, -1.12), (-0.72, -1.36), (-0.36, -1.1),
               (-0.3, -0.56), (-0.12, 0.0), (0.22, 0.56)),),
    "bun": (((-0.72, -0.1), (-0.76, 0.4), (-0.5, 0.9), (0.0, 1.08), (0.45, 0.96),
             (0.68, 0.62), (0.2, 0.7), (-0.3, 0.5)),
            tuple((-0.78 + 0.3 * math.cos(a * math.pi / 6), 0.72 + 0.3 * math.sin(a * math.pi / 6))
                  for a in range(12))),
    # hair drawn back tight, and the tail hanging from the back of the head close down behind
    # the neck, slim (held out level, tipped with a nod, it read as a cap's peak on a head
    # facing the other way; held out in a hook from the crown, it stuck out stiffly behind a
    # head bent forward as a bar)
    "ponytail": (((0.6, 0.75), (0.5, 0.98), (0.1, 1.12), (-0.45, 1.05), (-0.8, 0.72),
                  (-1.02, 0.5), (-1.18, 0.2), (-1.2, -0.25), (-1.1, -0.7), (-0.96, -1.02),
                  (-0.88, -0.72), (-0.92, -0.25), (-0.88, 0.1), (-0.74, 0.0), (-0.3, 0.5),
                  (0.2, 0.64)),),
    # big 1980s hair: teased high and wide, down to the shoulders
    "big": (((0.7, 0.7), (0.74, 1.12), (0.4, 1.52), (-0.2, 1.68), (-0.88, 1.48),
             (-1.38, 0.96), (-1.54, 0.2), (-1.48, -0.62), (-1.16, -1.02), (-0.7, -0.86),
             (-0.45, -0.4), (-0.15, 0.15), (0.3, 0.62)),),
    # short hair under a hat: a short band at the back, under the brim (the whole of "short"
    # showed below the brim as a wedge down the back of the head to the nape: grey, it read
    # as a mask, a pale face on the back of the head)
    "under-hat": (((-0.8, 0.18), (-0.78, 0.58), (-0.45, 0.62), (-0.52, 0.4), (-0.66, 0.14)),),
    "bald": (((-0.74, -0.2), (-0.76, 0.2), (-0.6, 0.35), (-0.5, -0.1)),),  # a fringe behind
    # Bald on top: a thick fringe round the back of the head from ear to ear, and the crown
    # bare above it.
    "fringe": (((0.06, 0.05), (0.0, 0.26), (-0.4, 0.36), (-0.78, 0.28), (-0.9, -0.05),
                (-0.8, -0.4), (-0.52, -0.52), (-0.32, -0.2), (-0.08, -0.06)),
               ((-0.62, 0.62), (-0.3, 0.9), (0.05, 1.0), (0.42, 0.88), (0.34, 0.76),
                (0.02, 0.84), (-0.3, 0.76))),  # and the light along the bare crown
}


def place(outline: Sequence[Point], origin: Point, tilt: float) -> Polygon:
    """Local (forward, up) points tipped forward by `tilt` radians and moved to `origin`."""
    c, s = math.cos(tilt), math.sin(tilt)
    return tuple((origin[0] + x * c + y * s, origin[1] - x * s + y * c) for x, y in outline)


def _brim(reach: tuple[float, float], thick: tuple[float, float], top: float,
          tip: float) -> Polygon:
    """A hat's brim under its crown, seen from the side a little from above: a filled lens
    from `reach[0]` behind the head to `reach[1]` in front (further in front), `thick[0]`
    through under the crown and thinning to round ends `thick[1]` through, its top edge at
    `top` (head radii up), tipped `tip` radians down in front. (A flat band of one thickness
    reaching well out either side read as a stick through the hat, lit at both its ends.)"""
    back, front = reach
    mid, half = (back + front) / 2, (front - back) / 2
    middle, end = thick
    under = []
    for k in range(13):  # the underside, from the front end to the back: deepest in the middle
        u = 1.0 - k / 6
        under.append((mid + half * u, -(end + (middle - end) * (1.0 - u * u))))
    def cap(x: float, turn: float) -> list[Point]:  # a round end, from its top down or up
        return [(x + end / 2 * math.cos(a), -end / 2 + end / 2 * math.sin(a))
                for a in (math.pi * (0.5 + turn * k / 9) for k in range(1, 9))]

    outline = [(back, 0.0), (front, 0.0), *cap(front, -1.0), *under, *cap(back, 1.0)[::-1]]
    c, sn = math.cos(tip), math.sin(tip)
    return tuple((x * c + y * sn, top - x * sn + y * c) for x, y in outline)


def _band(half: float, thick: float, centre: Point, tip: float) -> Polygon:
    """A wide hat's brim seen edge on: a flat band `half` long either way round `centre`,
    `thick` through and round at both ends (half circles), tipped `tip` radians down in
    front."""
    c, s = math.cos(tip), math.sin(tip)
    reach = half - thick / 2
    ends = [(math.copysign(reach, math.cos(a)) + thick / 2 * math.cos(a), thick / 2 * math.sin(a))
            for a in (math.pi * (k / 8 - 0.5) for k in range(17))]  # the front end
    ends += [(-x, -y) for x, y in ends]  # and the back
    return tuple((centre[0] + x * c + y * s, centre[1] - x * s + y * c) for x, y in ends)


HATS: dict[str, tuple[Polygon, ...]] = {
    "none": (),
    # The crown sits on the skull, narrower than the head at the top and set back from the
    # forehead (never flush with the face: one outline with it read as a hat pasted on); the
    # brim round it at the brow, a short lens under the crown reaching further in front,
    # snapped down there (a brim drawn out to thin points stuck out past the face as a stick).
    "fedora": (((-0.7, 0.62), (-0.62, 1.2), (-0.3, 1.36), (0.0, 1.27), (0.26, 1.36),
                (0.5, 1.2), (0.56, 0.62)),
               _brim((-0.62, 1.02), (0.32, 0.14), 0.76, 0.12)),
    "cap": (((-0.74, 0.3), (-0.62, 0.86), (-0.1, 1.1), (0.4, 1.02), (0.7, 0.62), (1.32, 0.5),
             (1.26, 0.38), (0.6, 0.4), (-0.72, 0.2)),),
    # a tall creased crown set back on the skull as the fedora's, the brim wide and flat, a
    # long thin ellipse seen edge on, tipped down a little in front over the brow (curled up to
    # points, seen small at dusk the ends read as a pair of horns; drawn out to thin ends, the
    # front one stuck out past the face as a stick)
    "cowboy": (((-0.68, 0.7), (-0.66, 1.2), (-0.36, 1.46), (-0.06, 1.32), (0.22, 1.46),
                (0.5, 1.2), (0.54, 0.56)),
               _brim((-0.72, 1.2), (0.34, 0.14), 0.8, 0.08)),
}
