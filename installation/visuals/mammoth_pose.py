"""How the mother strains against the tar: head, tusks and trunk lifted, shoulders heaved."""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]

PIVOT = (-0.32, 1.12)  # her head pitches up about the back of her skull (units, facing left)
TILT = math.radians(11.0)  # this far, lifted highest: her face and trunk swing forward and up
RISE = 0.04  # and the whole head heaves up this far, in units
HEAVE = 0.03  # her shoulders heave up this far behind it
NECK = (-0.22, -0.42)  # across these x the head's share of the lift goes from none to all ...
THROAT = (0.6, 0.85)  # ... and up these y (her chest and legs stay where they stand)
SHOULDER = (0.2, -0.1)  # across these x the shoulders' heave goes from none to all ...
BACK = (0.85, 1.1)  # ... on her back, from these y up (her belly stays)
HEADROOM = 0.16  # units above her top (1.42) her lifted trunk's tip can reach, drawn in ...
MIRED_HEADROOM = 0.27  # ... and caught in the tar, raised over her crown as she goes under
# (0.16 cut its tip off flat; 0.22, its fingers, tilted with her) ...
UNDER_HEADROOM = 0.44  # ... and going under (`under`), her trunk reaching up for the air, its
# tip curled over (0.36 cut it flat, reaching higher to be seen as a trunk)


def ramp(value: float, zero: float, one: float) -> float:
    """0 at `zero`, 1 at `one` (either way round), a smooth S between."""
    t = min(1.0, max(0.0, (value - zero) / (one - zero)))
    return t * t * (3 - 2 * t)


def lifted(point: Point, lift: float) -> Point:
    """Where a point of her (facing left, y up) lies, her head lifted `lift` (0..1) of the
    highest she lifts it (below 0: bowed, her head pitched down as far, her shoulders
    where they stand)."""
    if not lift:
        return point
    x, y = point
    head = ramp(x, *NECK) * ramp(y, *THROAT)
    angle = TILT * lift * head
    dx, dy = x - PIVOT[0], y - PIVOT[1]
    cos, sin = math.cos(angle), math.sin(angle)  # clockwise: her face (to the left) rises
    turned = (PIVOT[0] + dx * cos + dy * sin, PIVOT[1] - dx * sin + dy * cos)
    heave = HEAVE * max(0.0, lift) * ramp(x, *SHOULDER) * ramp(y, *BACK) * (1 - head)
    return turned[0], turned[1] + RISE * lift * head + heave


def lifted_all(points: Sequence[Point], lift: float) -> list[Point]:
    """All these points of her, her head lifted `lift` of the way."""
    return [lifted(point, lift) for point in points]
