"""Getting up off a stool at a counter: from arguing on it, the weight forward over the feet,
both hands on the counter, pushing up, turning from the visitor to stand in profile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache, partial

from installation.visuals.argue import ARGUING, KNEES, THIGHS
from installation.visuals.base import lerp, s_curve
from installation.visuals.gestures import along_arc, idle
from installation.visuals.skeleton import (
    SEAT,
    SHOULDER_DROP,
    TOE_DROP,
    TORSO,
    WIDTHS,
    Angles,
    Point,
    limbs,
    reach_to,
    spine,
)

RISE_SECONDS = 1.8  # real seconds from seated to standing
# Where both hands go down on the counter, from the floor under the seat (forward, up), in
# figure heights: a seated figure of 0.44 of the picture with its feet at 0.965 puts them on an
# `interior` counter's top (as the man who stays lays his forearms there).
ON_COUNTER, FAR_HAND = (0.3, 0.39), (0.29, 0.4)
# The moments of getting up (the hip's place, the lean, thighs, knees, how far turned towards
# the visitor): leaning in over the counter, the hands on it, still seated; pushing up off it,
# the hips lifting, bent forward over the feet; nearly up, the hands leaving the counter.
LEANING = ((0.02, SEAT), 0.45, THIGHS, KNEES, 0.6)
PUSHING = ((0.08, 0.4), 0.5, (0.75, 0.7), (1.0, 0.95), 0.3)
NEARLY = ((0.03, 0.47), 0.15, (0.2, 0.15), (0.3, 0.25), 0.1)
# When (share of the rise) each is reached, after the arguing pose it starts from.
AT = (0.25, 0.6, 0.85)


def _braced(moment: tuple[Point, float, tuple[float, float], tuple[float, float], float],
            hands: bool) -> Angles:
    """A moment of getting up, both hands on the counter (`hands`) or at the sides as idle's."""
    hip, lean, thighs, knees, turn = moment
    shoulder = spine(hip, lean, 0.0, TORSO - SHOULDER_DROP)[0]
    if hands:
        near = reach_to(shoulder, ON_COUNTER)
        far = reach_to(shoulder, FAR_HAND)
        arms = (near[0], far[0]), (near[1], far[1])
    else:
        arms = idle(0.0).shoulders, idle(0.0).elbows
    return Angles(hip, lean, thighs, knees, arms[0], arms[1], nod=0.15 * turn + 0.05,
                  turn=turn)


@cache
def _standing_ground() -> float:
    """The ground under idle's first pose as pose() finds it (its lowest point), so the rise
    ends on the very spot a standing layer after it stands on."""
    capsules, _, _ = limbs(idle(0.0))
    return min(min(c.a[1], c.b[1]) for c in capsules) + TOE_DROP


def rise(gesture: Callable[[float], Angles], t: float) -> Angles:
    """At `t` (0 to 1) of getting up from arguing in `gesture` (its first moment) to standing
    at ease (idle's first): seated, then leaning in with the hands on the counter, pushing up,
    standing. The seat's floor stays where it was: the body is never lifted or dropped a step
    as it leaves the stool."""
    if t <= 0.0:
        return gesture(0.0)
    if t >= 1.0:
        return idle(0.0)
    arc = ((0.0, replace(gesture(0.0), sitting=False)), (AT[0], _braced(LEANING, True)),
           (AT[1], _braced(PUSHING, True)), (AT[2], _braced(NEARLY, False)),
           (1.0, idle(0.0)))
    seated = TOE_DROP + WIDTHS["foot"] / 2  # (pose() lifts a body on it by nothing)
    return replace(along_arc(arc, t), ground=lerp(seated, _standing_ground(), s_curve(t)))


# Getting up from each arguing pose (see argue.ARGUING), named as it is with "rise-".
RISING: dict[str, Callable[[float], Angles]] = {
    "rise-" + name.removeprefix("argue-"): partial(rise, gesture)
    for name, gesture in ARGUING.items()}
