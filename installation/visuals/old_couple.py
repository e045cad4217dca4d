"""Lucy and Ivan's embrace as shapes: their slow arc over a scene (apart, a hand to his face,
she steps in to him, in each other's arms, she looks out at the sirens, her hand to his cheek
again) and a sway."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from installation.visuals.base import clamp01, lerp, s_curve
from installation.visuals.skeleton import Point

# Heights are in Ivan's; x across the picture from the pair's centre, y up from the floor.
LUCY_TALL = 0.9  # she is this much of his height
HIP, SHOULDER, HEAD_R = 0.48, 0.79, 0.066  # hip and shoulder heights, the head's radius
BACK, CHEST = 0.075, 0.085  # the torso's half depth at the hips and chest
HIP_BACK = 0.15  # leaning in from the hips, the hips go back this much of the lean
ARM = (0.165, 0.16)  # the upper arm and the forearm
LIMB = 0.05  # an arm's or a leg's thickness
BACK_HAND = -0.07  # a hand round the other's back lies this far forward of their torso's line
STICK = 0.016  # his walking stick's thickness
SWAY_PERIOD = 12.0  # real seconds for one slow sway either way and back
SWAY = 0.05  # how far (radians) they lean either way at most, held close
BREATH = 0.04  # and apart, a little still
BREATHE_PERIOD = (4.6, 4.1)  # real seconds for one breath, his and hers (not in step)
BREATHE_RISE = 0.006  # heights their shoulders (and heads) rise at the top of a breath


@dataclass(frozen=True)
class Hand:
    """Where a near hand goes: on `anchor` of the partner (or one's own `stick`/`side`),
    moved by (dx, dy) in heights (dx toward the partner's back)."""

    anchor: str
    dx: float = 0.0
    dy: float = 0.0


@dataclass(frozen=True)
class Beat:
    """One moment of their arc: how far apart their feet are, how far each leans in and bows
    the head, where each near hand is, how far she has turned to look out (0 to 1)."""

    gap: float
    lean: tuple[float, float]
    nod: tuple[float, float]
    hands: tuple[Hand, Hand]
    turn: float = 0.0
    close: float = 0.0  # how much of the held sway they sway (0 apart, 1 in each other's arms)


# Apart, they reach for each other at two heights: his hand on the front of her shoulder, hers
# low on his chest (both on the other's upper arm, at arm's length, their two arms met in the
# middle as one bar across the lit gap).
APART = Beat(0.4, (0.03, 0.05), (0.15, -0.05), (Hand("collar"), Hand("chest")))
# A few seconds on, his hand moves up her collar and hers down his chest, his head lifting and
# hers bowing (held together, the first reach stood as one narrow V for some 16 real seconds;
# each taking the other's upper arm, their arms met as one bar again 7-10 real s in; his hand
# on her cheek joined their heads).
HOLDING = replace(APART, nod=(0.05, 0.1), hands=(Hand("collar", dy=0.04), Hand("chest", dy=-0.1)))
# Then his hand goes down to her upper arm before hers comes up to his face: their arms cross
# at a wide angle and the crossing slides away past his shoulder (moved together, the two
# arms lay along each other for a few seconds, one bar again).
TOUCH = replace(APART, gap=0.39, hands=(Hand("arm"), Hand("chest")))
REACH = Beat(0.38, (0.05, 0.08), (0.2, -0.25), (Hand("arm"), Hand("cheek")), close=0.3)
# Then his hand leaves her arm for her face: each holds the other's cheek, their arms crossed
# between their faces (his hand on her arm and hers on his face made a narrow V that stood for
# some 16 real seconds), leaning in, heads bowed to each other.
FACES = replace(REACH, lean=(0.07, 0.09), nod=(0.3, -0.1), hands=(Hand("cheek"), Hand("cheek")),
                close=0.5)
# Held, her head rests against his shoulder, her face turned in to his neck (bowed deeper,
# into his chest, her head was lost in his dark coat: a grey bun with no head under it).
HELD = Beat(0.21, (0.1, 0.12), (-0.3, 0.35), (Hand("back", dy=0.1), Hand("back")), 0.4, 1.0)
LOOK = replace(HELD, gap=0.24, nod=(0.05, -0.1), turn=1.0)
CHEEK = Beat(0.24, (0.1, 0.1), (0.3, -0.2), (Hand("back"), Hand("cheek")), close=1.0)
# When (share of the scene) each beat is reached: it is held until the next begins to come.
# From FACES to HELD she steps in to him, in a few seconds (over a quarter of the scene, the
# two slid together, as if on a turntable).
ARC = ((0.0, APART), (0.035, APART), (0.07, HOLDING), (0.115, TOUCH), (0.15, REACH),
       (0.19, FACES), (0.235, FACES), (0.3, HELD), (0.5, HELD), (0.56, LOOK), (0.67, LOOK),
       (0.73, HELD), (0.8, CHEEK), (0.89, CHEEK), (0.95, HELD), (1.0, HELD))
HIS_SHARE = 0.15  # of the way they come together that he comes (with his stick): she steps
STEP = 0.075  # her step, in heights: one foot swings forward this far, lifted
STEP_LIFT = 0.03  # ... and this high at the middle of its swing
IN_ARMS = next(at for at, beat in ARC if beat is HELD)  # she has come to him: her feet stand


@dataclass(frozen=True)
class Body:
    """One of them at a moment: feet's x, facing +1 (right) or -1, height, lean, nod, turn,
    and how much of the lean is their sway (rocking on their feet: the hips stay over them)."""

    x: float
    facing: int
    tall: float
    lean: float
    nod: float
    turn: float = 0.0
    rock: float = 0.0
    swing: tuple[float, float] = (0.0, 0.0)  # a foot stepping (near, far): forward, lifted
    breath: float = 0.0  # heights the shoulders are raised by a breath

    def at(self, forward: float, up: float) -> Point:
        """A point `forward` of the body's line and `up` from the floor, in heights."""
        return self.x + self.facing * forward * self.tall, up * self.tall

    def hip(self) -> Point:
        return self.at(-(self.lean - self.rock) * HIP_BACK, HIP)

    def along(self, up: float, forward: float = 0.0) -> Point:
        """A point of the torso `up` its length from the hip (0 to 1), `forward` of its line."""
        hx, hy = self.hip()
        length = (SHOULDER - HIP + self.breath) * self.tall * up
        f = forward * self.tall
        sin, cos = math.sin(self.lean), math.cos(self.lean)
        return (hx + self.facing * (length * sin + f * cos), hy + length * cos - f * sin)

    def shoulder(self) -> Point:
        return self.along(1.0, -0.01)

    def head(self) -> Point:
        """The head's centre: carried forward of the shoulders, further as they bow it."""
        sx, sy = self.shoulder()
        tilt = self.lean + 0.35 + self.nod * 0.9
        reach = 0.105 * self.tall
        return (sx + self.facing * reach * math.sin(tilt), sy + reach * math.cos(tilt) * 0.95)


def beat_at(share: float) -> Beat:
    """Their beat at this share of the scene, eased from one of ARC's to the next."""
    n = max(k for k, (at, _) in enumerate(ARC) if at <= share)
    (start, first), (end, then) = ARC[n], ARC[min(n + 1, len(ARC) - 1)]
    if end <= start:
        return first
    k = s_curve(clamp01((share - start) / (end - start)))
    return Beat(lerp(first.gap, then.gap, k), _pair(first.lean, then.lean, k),
                _pair(first.nod, then.nod, k), first.hands, lerp(first.turn, then.turn, k),
                lerp(first.close, then.close, k))


def _pair(a: tuple[float, float], b: tuple[float, float], k: float) -> tuple[float, float]:
    return lerp(a[0], b[0], k), lerp(a[1], b[1], k)


def bodies(share: float, seconds: float) -> tuple[Body, Body]:
    """Ivan (left, facing right) and Lucy at this share of the scene, `seconds` real seconds
    in: their beat, and the sway they share (both lean the same way across the picture)."""
    beat = beat_at(share)
    rock = math.sin(2 * math.pi * seconds / SWAY_PERIOD)
    sway = (SWAY * beat.close + BREATH * (1 - beat.close)) * rock
    closer = APART.gap - beat.gap  # how far they have come together
    ivan_x = -APART.gap / 2 + HIS_SHARE * closer
    his, hers = (breathing(seconds, period) for period in BREATHE_PERIOD)
    ivan = Body(ivan_x, 1, 1.0, beat.lean[0] + sway, beat.nod[0] + 0.5 * sway, rock=sway,
                breath=his)
    swing = _stepping(closer / (APART.gap - HELD.gap)) if share < IN_ARMS else (0.0, 0.0)
    lucy = Body(ivan_x + beat.gap, -1, LUCY_TALL, beat.lean[1] - sway,
                beat.nod[1] - 0.5 * sway, beat.turn, -sway, swing, hers)
    return ivan, lucy


def breathing(seconds: float, period: float) -> float:
    """How far (heights) a breath raises the shoulders `seconds` in: slow in, slower out."""
    k = 0.5 - 0.5 * math.cos(2 * math.pi * seconds / period)
    return BREATHE_RISE * k * k


def _stepping(come: float) -> tuple[float, float]:
    """Her near foot when she has come `come` of the way to him (0 to 1), in whole steps of
    about STEP: how far forward it swings, and how high (on the floor: 0, 0)."""
    steps = max(1, round((APART.gap - HELD.gap) * (1 - HIS_SHARE) / (STEP * LUCY_TALL)))
    k = math.sin(math.pi * ((min(1.0, max(0.0, come)) * steps) % 1.0))
    return STEP * k, STEP_LIFT * k


def hands_at(share: float, ivan: Body, lucy: Body) -> tuple[Point, Point]:
    """Where each near hand is: from the beat before to the beat after (eased), each on its
    anchor of the bodies as they are now (a hand on a back moves with it)."""
    n = max(k for k, (at, _) in enumerate(ARC) if at <= share)
    (start, first), (end, then) = ARC[n], ARC[min(n + 1, len(ARC) - 1)]
    k = 0.0 if end <= start else s_curve(clamp01((share - start) / (end - start)))
    found = []
    for i, (own, other) in enumerate(((ivan, lucy), (lucy, ivan))):
        a = _anchor(first.hands[i], own, other)
        b = _anchor(then.hands[i], own, other)
        found.append((lerp(a[0], b[0], k), lerp(a[1], b[1], k)))
    return found[0], found[1]


def _anchor(hand: Hand, own: Body, other: Body) -> Point:
    """Where `hand` is on the partner (or oneself), in heights."""
    if hand.anchor == "cheek":
        hx, hy = other.head()
        spot = (hx + other.facing * HEAD_R * 0.6 * other.tall, hy - HEAD_R * 0.5)
    elif hand.anchor == "shoulder":  # over the near shoulder, the hand on the shoulder blade
        spot = other.along(0.92, -0.05)
    elif hand.anchor == "collar":  # on the front of the near shoulder
        spot = other.along(0.95, CHEST + 0.005)
    elif hand.anchor == "chest":  # low on the chest, over the heart
        spot = other.along(0.4, CHEST + 0.01)
    elif hand.anchor == "back":  # round the waist, the hand on the back: it shows past the
        spot = other.along(0.45, BACK_HAND)  # back's edge (within it, it was never seen)
    else:  # on the other's upper arm (arm's length)
        spot = other.along(0.62, 0.01)
    return spot[0] - other.facing * hand.dx, spot[1] + hand.dy


def arm(shoulder: Point, hand: Point) -> tuple[Point, Point]:
    """An arm from `shoulder` towards `hand`: its elbow (bent downwards) and where the hand
    is (on `hand`, or as near as the arm reaches)."""
    dx, dy = hand[0] - shoulder[0], hand[1] - shoulder[1]
    reach = max(1e-6, math.hypot(dx, dy))
    upper, fore = ARM
    span = min(reach, upper + fore - 1e-6)
    along = (upper * upper - fore * fore + span * span) / (2 * span)
    off = math.sqrt(max(0.0, upper * upper - along * along))
    ux, uy = dx / reach, dy / reach
    nx, ny = (uy, -ux) if ux >= 0 else (-uy, ux)  # the normal pointing down
    return ((shoulder[0] + ux * along + nx * off, shoulder[1] + uy * along + ny * off),
            (shoulder[0] + ux * span, shoulder[1] + uy * span))
