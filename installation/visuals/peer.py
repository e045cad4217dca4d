"""Someone peering in at a window: turned to the glass, leaning to it, a hand at the brow."""

from __future__ import annotations

import math
from dataclasses import replace

from installation.visuals.base import clamp01, s_curve
from installation.visuals.gestures import idle
from installation.visuals.skeleton import Angles, between, reach_to

PEER_TURN = 0.6  # turned a little from profile, towards the glass
PEER_LEAN = 0.08  # leaning in towards the glass
# The near hand at the brow, shading the eyes against the glass: the elbow out in front at the
# shoulder's height, the forearm rising steeply from it to the wrist just in front of the brow
# (BROW: forward, up from the shoulder), the hand in front of the brow, its top under the
# crown (higher, it stood up from the wrist to the top of the head: a hand on the crown); the
# nose and chin seen under it (the forearm laid back along the skull hid the face, and the
# hair behind read as a cap's peak); the far arm hangs, its hand in a pocket behind the body
# (a fold the other way, below 0, bent the forearm back and down from the elbow: a club held
# at the hip).
BROW = (0.13, 0.11)
BROW_ARM = reach_to((0.0, 0.0), BROW)  # the shoulder, the elbow's fold
POCKET_ARM = (0.02, 0.3)
LOOKS = 0.06  # the head's slow turn along the glass, in nods either way
# Shares of the cycle: the hand is up at the brow by the first, starts down at the second,
# is down by the third (he stands at ease to the cycle's end).
HAND_BEATS = (0.12, 0.78, 0.9)
FOLD_LEAD = 3.0  # the elbow folds this much sooner than the arm rises (and unfolds as late):
#                  the hand comes up close to the body, never held out straight


def peer(t: float) -> Angles:
    """At the glass, looking in, over one cycle: the hand comes up to the brow, he leans in and
    looks along the room, the weight shifting, then the hand comes down and he stands a moment
    as at ease (idle's start: where a layer that ends on it, or a walk after it, takes him)."""
    w = 2 * math.pi * t
    shift = math.sin(w)
    held = Angles((0.01 * shift, 0.5), PEER_LEAN + 0.015 * shift, (0.05 + 0.02 * shift, -0.05),
                  (0.05, 0.08), (BROW_ARM[0], POCKET_ARM[0]), (BROW_ARM[1], POCKET_ARM[1]),
                  nod=0.12 + LOOKS * math.sin(w), turn=PEER_TURN)
    lifted = _lifted(t % 1.0)
    body = between(idle(0.0), held, s_curve(lifted))
    folded = between(idle(0.0), held, s_curve(clamp01(lifted * FOLD_LEAD)))
    return replace(body, elbows=folded.elbows)


def _lifted(t: float) -> float:
    """How far the hand is up at t of the cycle (0 down, 1 at the brow)."""
    up, down, rest = HAND_BEATS
    if t < up:
        return t / up
    if t < down:
        return 1.0
    return max(0.0, 1.0 - (t - down) / (rest - down))
