"""Standing and sitting poses, and gestures between two people: sit, idle, looking up, embrace
(and an old couple's), reach and straighten, handshake."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from installation.visuals.base import clamp01, s_curve
from installation.visuals.skeleton import SEAT, Angles, Point, between

# A young couple's arms round each other (near, far; the shoulders, then how far each elbow
# folds): one holds the other round the waist, the near forearm
# across her side to the small of her back, the far arm up her back behind her; the other
# holds him round the back, under his arm, the hand up on his shoulder blade, the far arm
# round his waist behind him. Each near arm lies over the partner's body, each far arm under
# it (see figures.PARTS). The one holding the waist looks over the other's head, bowed to his
# chest (how far each nods).
WAIST_ARMS = ((0.2, 1.1), (0.15, 1.7))
BACK_ARMS = ((0.47, 1.56), (0.1, 1.4))
HUG_NODS = (0.1, 0.45)
CHEEK_ARM = (2.05, 1.2)  # a hand raised to someone's cheek: the shoulder, the elbow's fold
HUG_ROCK = 0.05  # an old couple's slow sway: how far they lean either way (feet planted)
OLD_SWAYS = 7  # sways over the scene their embrace plays across (about 29 s each by default)
OLD_HIP_SWAY, OLD_NOD_SWAY = 0.25, 1.5  # the hips move this much of the lean, the head more
# The old couple's embrace, its poses (the arms: near, far; each elbow's fold): held, the
# near arm round the other's waist, the far one over their shoulders with the forearm laid
# down their back (folded back: seen from the side, an elbow turning round someone); closer,
# heads bowed together; the near hand raised to the other's cheek (his stays on his stick);
# apart at arm's length, hands on the other's arms, looking at each other.
OLD_HELD = Angles((0.0, 0.5), 0.08, (0.06, -0.04), (0.06, 0.04), (0.75, 1.3), (0.95, -0.55),
                  nod=0.2)
OLD_CLOSE = replace(OLD_HELD, lean=0.13, shoulders=(0.7, 1.35), elbows=(1.0, -0.6), nod=0.5)
OLD_CHEEK = replace(OLD_HELD, lean=0.11, shoulders=(CHEEK_ARM[0], 1.3),
                    elbows=(CHEEK_ARM[1], -0.55), nod=0.32)
OLD_APART = replace(OLD_HELD, lean=-0.03, shoulders=(1.0, 0.9), elbows=(0.35, 0.5), nod=0.0)
# When (share of the scene) each pose is reached: it is held until the next begins to come.
OLD_ARC = ((0.0, OLD_HELD), (0.07, OLD_HELD), (0.15, OLD_CLOSE), (0.24, OLD_CLOSE),
           (0.3, OLD_CHEEK), (0.43, OLD_CHEEK), (0.49, OLD_HELD), (0.56, OLD_APART),
           (0.67, OLD_APART), (0.75, OLD_CLOSE), (0.84, OLD_CHEEK), (0.93, OLD_CLOSE),
           (1.0, OLD_HELD))
# A handshake, in shares of its one playing: the hand comes up to meet the other's, pumps,
# is held, then lets go and drops back to the side (where a standing pose's arm hangs).
SHAKE_BEATS = (0.2, 0.6, 0.85)  # the hands meet, the pumps end, they let go
PUMPS = 3
PUMP = 0.25  # how far the forearm rocks up and down with each pump (radians at the elbow)
# The arm held out (the shoulder forward, the elbow folded: the forearm near level, the hand
# at the waist); the taller one's elbow is folded less, the hand lower, the other's more.
CLASP = (0.7, 0.55, 0.75)  # the shoulder, the taller one's elbow, the shorter one's
SHAKE_LEAN, SHAKE_NOD = 0.06, 0.06  # leaning in a little, looking at the other
# Looking up at something tall over them (the Dream's mammoth): the head tipped back this far
# (a nod back), the body leaning back this much, the head's slow wander as they look.
LOOK_UP_NOD, LOOK_UP_LEAN, LOOK_UP_WANDER = -1.1, 0.07, 0.08


def sit(t: float) -> Angles:
    """Sitting on a stool, leaning in, forearms forward, swaying slowly, the head nodding."""
    w = 2 * math.pi * t
    sway = 0.05 * math.sin(w)
    return Angles((0.0, SEAT), 0.12 + sway, (1.45, 1.35), (1.55, 1.35), (0.55 + sway, 0.45),
                  (1.15, 1.25), nod=0.15 + 0.12 * math.sin(w * 2), sitting=True)


def idle(t: float) -> Angles:
    """Standing at ease, the weight shifting from leg to leg, the head nodding slowly."""
    w = 2 * math.pi * t
    shift = math.sin(w)
    return Angles((0.015 * shift, 0.5), 0.02 * shift, (0.06 + 0.04 * shift, -0.06),
                  (0.06, 0.1), (0.08 + 0.06 * math.sin(w + 1), -0.05), (0.25, 0.35),
                  nod=0.1 * math.sin(w * 0.5))


def look_up(t: float) -> Angles:
    """Standing at ease as idle does, leaning back a little, the head tipped back to look up
    at something over them, moving slowly over it."""
    at_ease = idle(t)
    return replace(at_ease, lean=at_ease.lean - LOOK_UP_LEAN,
                   nod=LOOK_UP_NOD + LOOK_UP_WANDER * math.sin(2 * math.pi * t))


def embrace(t: float) -> Angles:
    """Holding someone round the waist, leaning in, swaying slowly (a partner facing the other
    way is half a cycle on, so the two sway together)."""
    return _hugging(t, WAIST_ARMS, HUG_NODS[0])


def embrace_back(t: float) -> Angles:
    """The partner's embrace: an arm round their back, the other round their waist."""
    return _hugging(t, BACK_ARMS, HUG_NODS[1])


def _hugging(t: float, arms: tuple[Point, Point], nod: float) -> Angles:
    sway = math.sin(2 * math.pi * t)
    return Angles((0.01 * sway, 0.5), 0.1 + 0.03 * sway, (0.08, -0.05), (0.08, 0.05),
                  (arms[0][0], arms[1][0]), (arms[0][1], arms[1][1]), nod=nod + 0.05 * sway)



# Reaching out to an animal, the near arm's shoulder and elbow: the elbow soft (held out
# straight, a forearm in line with the upper arm read as a stick held out: 14:33).
REACH_ARM = (1.0, 0.42)


def reach(t: float) -> Angles:
    """Leaning in, the near arm held out and down (a hand offered to an animal), coaxing."""
    w = 2 * math.pi * t
    coax = math.sin(w)
    return Angles((0.0, 0.5), 0.14 + 0.03 * coax, (0.1, -0.1), (0.12, 0.06),
                  (REACH_ARM[0] + 0.12 * coax, 0.05), (REACH_ARM[1] + 0.1 * max(0.0, coax), 0.3),
                  nod=0.3 + 0.05 * coax)


def straighten(t: float) -> Angles:
    """Straightening up from a reach, played once over t from 0 to 1: from leaning in with the
    hand held out (a reach between two coaxings), the arm comes down to the side, easing in
    and out, and they stand as idle does at its start."""
    return between(reach(0.0), idle(0.0), s_curve(clamp01(t)))



def hold(t: float) -> Angles:
    """An old couple's embrace over a whole scene (t from 0 to 1): held, leaning closer with
    their heads bowed together, her hand up to his cheek, parting to look at each other at
    arm's length, coming back; swaying slowly all the while, their feet planted (both partners
    take the same pose at the same t, facing each other: they lean the same way across the
    picture; his near hand stays on his stick)."""
    return _swayed(along_arc(OLD_ARC, t), t)


def eased(a: Angles, b: Angles, k: float) -> Angles:
    """The pose k of the way from a to b, eased in and out."""
    return between(a, b, s_curve(k))


def along_arc(arc: Sequence[tuple[float, Angles]], t: float,
              blend: Callable[[Angles, Angles, float], Angles] = eased) -> Angles:
    """The pose at t along `arc` (poses at the shares of it where each is reached, in
    order): blended (eased, unless `blend` says how) from the last one reached to the next
    (held after the last)."""
    n = max(k for k, (at, _) in enumerate(arc) if at <= t)
    (start, first), (end, then) = arc[n], arc[min(n + 1, len(arc) - 1)]
    return first if end <= start else blend(first, then, clamp01((t - start) / (end - start)))


def _swayed(angles: Angles, t: float) -> Angles:
    """A pose of the old couple's embrace with the slow sway at t: less when they are apart
    (leaning back from each other)."""
    close = clamp01((angles.lean - OLD_APART.lean) / (OLD_HELD.lean - OLD_APART.lean))
    rock = HUG_ROCK * close * math.sin(2 * math.pi * OLD_SWAYS * t)
    return replace(angles, hip=(angles.hip[0] + OLD_HIP_SWAY * rock, angles.hip[1]),
                   lean=angles.lean + rock, nod=angles.nod + OLD_NOD_SWAY * rock)


def handshake(t: float) -> Angles:
    """Shaking someone's hand, played once over t from 0 to 1: from standing, the near hand
    comes up to meet theirs, pumps a few times, is held, and drops back to the side."""
    return _shaking(t, CLASP[1])


def handshake_back(t: float) -> Angles:
    """The shorter one's handshake: the same, the hand held a little higher."""
    return _shaking(t, CLASP[2])


def _shaking(t: float, elbow: float) -> Angles:
    """A handshake at t, the hand held out with the elbow folded by `elbow`; it starts and
    ends standing as idle does at its start."""
    rest = idle(0.0)
    meet, done, part = SHAKE_BEATS
    held = s_curve(clamp01(t / meet)) if t < part else \
        1.0 - s_curve(clamp01((t - part) / (1.0 - part)))
    pump = PUMP * math.sin(2 * math.pi * PUMPS * (t - meet) / (done - meet)) \
        if meet <= t < done else 0.0
    out = replace(rest, lean=rest.lean + (SHAKE_LEAN - rest.lean) * held,
                  nod=rest.nod + (SHAKE_NOD - rest.nod) * held)
    return replace(out, shoulders=(rest.shoulders[0] + (CLASP[0] - rest.shoulders[0]) * held,
                                   rest.shoulders[1]),
                   elbows=(rest.elbows[0] + (elbow - rest.elbows[0]) * held + pump,
                           rest.elbows[1]))

