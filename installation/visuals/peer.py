"""Someone peering in at a window: turned to the glass, leaning to it, a hand at the brow."""

from __future__ import annotations

import math

from installation.visuals.base import s_curve
from installation.visuals.gestures import idle
from installation.visuals.skeleton import Angles, between

PEER_TURN = 0.6  # turned a little from profile, towards the glass
PEER_LEAN = 0.08  # leaning in towards the glass
# The near hand at the brow, shading the eyes against the glass: the upper arm out level in
# front, the forearm folded back up to the forehead (an elbow's fold below 0 turns the forearm
# back towards the face); the far arm hangs, the hand in a pocket.
BROW_ARM = (1.45, -2.0)  # the shoulder, the elbow's fold
POCKET_ARM = (0.12, 0.55)
LOOKS = 0.06  # the head's slow turn along the glass, in nods either way
# Shares of the cycle: the hand is up at the brow by the first, starts down at the second,
# is down by the third (he stands at ease to the cycle's end).
HAND_BEATS = (0.12, 0.78, 0.9)


def peer(t: float) -> Angles:
    """At the glass, looking in, over one cycle: the hand comes up to the brow, he leans in and
    looks along the room, the weight shifting, then the hand comes down and he stands a moment
    as at ease (idle's start: where a layer that ends on it, or a walk after it, takes him)."""
    w = 2 * math.pi * t
    shift = math.sin(w)
    held = Angles((0.01 * shift, 0.5), PEER_LEAN + 0.015 * shift, (0.05 + 0.02 * shift, -0.05),
                  (0.05, 0.08), (BROW_ARM[0], POCKET_ARM[0]), (BROW_ARM[1], POCKET_ARM[1]),
                  nod=0.12 + LOOKS * math.sin(w), turn=PEER_TURN)
    return between(idle(0.0), held, s_curve(_lifted(t % 1.0)))


def _lifted(t: float) -> float:
    """How far the hand is up at t of the cycle (0 down, 1 at the brow)."""
    up, down, rest = HAND_BEATS
    if t < up:
        return t / up
    if t < down:
        return 1.0
    return max(0.0, 1.0 - (t - down) / (rest - down))
