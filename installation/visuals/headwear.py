"""What is worn on the head, placed on a posed one: the face, the hair and the hat, turned
with the head, tipped with the neck, hair that hangs hanging down (see heads for their
shapes, wardrobe for the rest of what people wear)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from installation.visuals.heads import HAIR, HATS, Polygon, place
from installation.visuals.skeleton import Body, Point

if TYPE_CHECKING:  # (wardrobe dresses the body with these: it imports this module)
    from installation.visuals.wardrobe import Outfit

HEAD_SCALE = 1.1  # a head drawn a little larger than the skeleton's, to read at a distance
CURL = 0.09  # how far curls stand out from the hair's outline, in head radii
GLANCE_LIFT = 0.35  # looking back over the shoulder, the head tips up this much (radians)
CHILD_HEAD = 1.35  # a child's head, this much larger for their height
# A head turned from profile to the visitor is seen through three-quarters to the front: its
# outline goes over to the head seen from the front, an oval FRONT_WIDE head radii either side
# of its middle at FRONT_MID, reaching FRONT_TALL up and down (the nose drawn in as the face
# comes round, the back of the head filling out to the other cheek); hair and hat outside that
# oval keep FRONT_KEEP of their reach (a mass of hair seen round the face). Then on round to
# the other profile: never a flip from one profile to the other in a frame.
FRONT_WIDE, FRONT_MID, FRONT_TALL = 0.68, 0.09, 0.92
FRONT_KEEP = 0.85
# Hair that hangs (by kind: from this high on the head, in head radii) hangs down whichever way
# the head tips: below there it turns back from the head's tilt, all the way HANG_RAMP head
# radii further down, about the nape (NAPE head radii behind the head's middle in profile; a
# tail tipped rigidly with a nodding head stuck out behind it). A hat, and hair on the skull,
# tip with the head.
HANGS = {"ponytail": 0.3, "long": 0.2, "curly": 0.2, "big": 0.0}
HANG_RAMP, NAPE = 0.8, 0.7
UNDER_HAT = "under-hat"  # short hair as it shows under a hat (see heads.HAIR)


def head_scale(outfit: Outfit) -> float:
    """How much larger than a grown-up's this person's head is for their height."""
    return CHILD_HEAD if outfit.child else 1.0


def hair_of(body: Body, outfit: Outfit) -> tuple[Polygon, ...]:
    """The outlines of the hair and hat on a posed head."""
    return locks_of(body, outfit) + hats_of(body, outfit)


def locks_of(body: Body, outfit: Outfit) -> tuple[Polygon, ...]:
    """The outlines of the hair alone on a posed head."""
    hair = HAIR[UNDER_HAT if outfit.hair == "short" and outfit.hat != "none" else outfit.hair]
    if outfit.hair == "curly":
        hair = tuple(curled(h, CURL) for h in hair)
    scale, hangs = head_scale(outfit), HANGS.get(outfit.hair)
    return tuple(on_head(body, outline, scale, outfit.glance, hangs) for outline in hair)


def hats_of(body: Body, outfit: Outfit) -> tuple[Polygon, ...]:
    """The outlines of the hat on a posed head (none bare-headed)."""
    scale = head_scale(outfit)
    return tuple(on_head(body, outline, scale, outfit.glance) for outline in HATS[outfit.hat])


def on_head(body: Body, outline: Polygon, scale: float = 1.0, back: bool = False,
             hangs: float | None = None) -> Polygon:
    """An outline in head radii placed on the head, tipped with the neck; a larger head
    (`scale`) grows up from the neck, not down over the shoulders; turned as the body's
    `look` turns it, or to face behind if they look `back`: through three-quarters to the
    front (see `turned`) and on round to the other profile, the chin up a little as it comes
    round over the shoulder. Hair that `hangs` from that high (see HANGS) hangs down below it."""
    radius = body.head_radius * HEAD_SCALE * scale
    rise = body.head_radius * HEAD_SCALE * (scale - 1)
    across = math.cos(math.pi * (1.0 if back else body.look))  # 1 ahead, -1 behind
    tilt = body.lean + body.hunch + body.nod - GLANCE_LIFT * max(0.0, -across)
    local = tuple((x * radius, y * radius + rise) for x, (_, y) in
                  zip(turned(outline, across), outline, strict=True))
    if hangs is None:
        return place(local, body.head, tilt)
    nape = (-NAPE * across * radius, hangs * radius + rise)
    (hung_from,) = place((nape,), body.head, tilt)
    return tuple(place(((x - nape[0], y - nape[1]),), hung_from,
                        tilt * (1.0 - min(1.0, max(0.0, (hangs - up) / HANG_RAMP))))[0]
                 for (x, y), (_, up) in zip(local, outline, strict=True))


def turned(outline: Polygon, across: float) -> tuple[float, ...]:
    """Where each point of a head's outline in profile (x forward, y up, head radii) is
    across the picture with the head turned `across` (1: in profile, facing ahead; 0:
    facing the visitor; -1: the other profile): its place in profile, mirrored to the side
    the face is on, blended as the face comes round into its place on the head seen from the
    front: out to either side of the middle, as far as the front's oval (FRONT_WIDE) or, for
    hair or a hat reaching further, FRONT_KEEP of half its width there (the same both
    sides: the head from the front is the same, whichever way it turns)."""
    side, share = (1.0 if across >= 0 else -1.0), abs(across)
    return tuple(side * (share * x + (1.0 - share) * front)
                 for (x, _), front in zip(outline, _fronts(outline), strict=True))


@cache
def _fronts(outline: Polygon) -> tuple[float, ...]:
    """Where each point of a head's outline lies across the head seen from the front (see
    `turned`): worked out once an outline (the outlines are the few of heads.py, and the
    sprites of a crowd's heads asked them thousands of times)."""
    out = []
    for x, y in outline:
        low, high = span(outline, y)
        rows = max(0.0, 1.0 - ((y - FRONT_MID) / FRONT_TALL) ** 2)
        wide = max(FRONT_WIDE * math.sqrt(rows), FRONT_KEEP * (high - low) / 2)
        out.append(math.copysign(wide, x - (low + high) / 2))
    return tuple(out)


def span(outline: Sequence[Point], y: float) -> tuple[float, float]:
    """The outline's left and right ends at height y (where its edges cross that row)."""
    xs = [ax + (bx - ax) * (y - ay) / (by - ay) if by != ay else ax
          for (ax, ay), (bx, by) in zip(outline, (*outline[1:], outline[0]), strict=True)
          if min(ay, by) <= y <= max(ay, by)]
    return min(xs), max(xs)


def curled(outline: Sequence[Point], curl: float) -> Polygon:
    """An outline with a bumpy edge: a point pushed out by `curl` between every two."""
    cx = sum(p[0] for p in outline) / len(outline)
    cy = sum(p[1] for p in outline) / len(outline)
    out: list[Point] = []
    for a, b in zip(outline, [*outline[1:], outline[0]], strict=True):
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        length = math.hypot(mx - cx, my - cy) or 1.0
        out += [a, (mx + (mx - cx) / length * curl, my + (my - cy) / length * curl)]
    return tuple(out)
