"""The man who stays at the counter after the others ran: seated, elbows on the counter, his
hands together on it, then his head in his hands, then looking up at the door, breathing."""

from __future__ import annotations

import math
from typing import NamedTuple

from installation.visuals.base import lerp, s_curve
from installation.visuals.skeleton import SEAT, TURNED_SHOULDERS, Angles, Point, reach_to

TURN = 1.0  # three-quarters towards the visitor: both arms seen
THIGHS, KNEES = (1.35, 1.25), (1.45, 1.35)  # under the counter, where nobody sees them
BREATHS = 3  # a cycle's breaths: the shoulders rise and fall with each
BREATH = 0.025  # radians: how far a breath rocks the back


class Hold(NamedTuple):
    """A moment of his cycle: how far he leans in and bows his head, and where his near and
    far hands are, (forward, up) from the spine at the shoulders, in figure heights."""

    lean: float
    nod: float
    near: Point
    far: Point


# His hands together on the counter, looking down at them; his head in his hands; looking
# up at the door, his hands back on the counter.
ON_COUNTER = Hold(0.28, 0.3, (0.19, -0.15), (0.18, -0.13))
HEAD_IN_HANDS = Hold(0.34, 0.5, (0.17, 0.04), (0.15, 0.07))
LOOKS_UP = Hold(0.14, -0.15, (0.2, -0.16), (0.18, -0.14))
# When (share of the cycle) each is reached; held until the next begins to come.
ARC: tuple[tuple[float, Hold], ...] = (
    (0.0, ON_COUNTER), (0.15, ON_COUNTER), (0.27, HEAD_IN_HANDS), (0.5, HEAD_IN_HANDS),
    (0.6, LOOKS_UP), (0.75, LOOKS_UP), (0.87, ON_COUNTER), (1.0, ON_COUNTER))


def stay(t: float) -> Angles:
    """At `t` (0 to 1) of his cycle: the holds of ARC eased into each other, breathing."""
    hold = _held(t % 1.0)
    breath = BREATH * math.sin(2 * math.pi * BREATHS * t)
    apart = TURNED_SHOULDERS * TURN  # the near arm's root behind the spine, the far one ahead
    near = reach_to((0.0, 0.0), (hold.near[0] + apart, hold.near[1]))
    far = reach_to((0.0, 0.0), (hold.far[0] - apart, hold.far[1]))
    return Angles((0.0, SEAT), hold.lean + breath, THIGHS, KNEES, (near[0], far[0]),
                  (near[1], far[1]), nod=hold.nod - breath, sitting=True, turn=TURN)


def _held(t: float) -> Hold:
    """The hold at `t`: between the two of ARC either side of it, eased."""
    for (start, a), (end, b) in zip(ARC, ARC[1:], strict=False):
        if t <= end:
            k = s_curve((t - start) / (end - start)) if end > start else 1.0
            return Hold(lerp(a.lean, b.lean, k), lerp(a.nod, b.nod, k),
                        _between(a.near, b.near, k), _between(a.far, b.far, k))
    return ARC[-1][1]


def _between(a: Point, b: Point, k: float) -> Point:
    return lerp(a[0], b[0], k), lerp(a[1], b[1], k)
