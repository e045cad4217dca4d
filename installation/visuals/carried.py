"""What people grab and carry: how their arms hold it (a case hanging from the hand, a box or a
child held in both arms, a coat held up over the head, a child's hand) and its outline on the
posed body."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from installation.visuals.base import Color
from installation.visuals.skeleton import Angles, Body, Point

Polygon = tuple[Point, ...]
Arm = tuple[float, float]  # the shoulder's angle, the elbow's fold (see skeleton.Angles)
# A case hanging from the near hand: the arm straight, a little behind the body (so the case
# hangs behind the thigh, not over it), swinging this share of the walk's or run's swing.
CASE_ARM = (-0.3, 0.2, 0.04)  # the shoulder behind, the share of the swing, the elbow
# A child's hand held in the near hand: the arm reaching down and back, its shoulder behind
# (radians from straight down), the share of the stride's swing it keeps, the elbow's fold.
REACH = (-0.6, 0.1, 0.05)
GRIP = 0.03  # a fist closes this far past the wrist, along the forearm (figure heights)
# Held in both arms (near, far): a box against the chest, a child on the near forearm with
# the far hand on its back, a coat held up over the head as a shelter: both hands raised
# above the head, the near one ahead of the face (its elbow out in front: straight up, the
# near arm crossed the face, a box for a head), the far one behind the head, its elbow out
# behind it and the forearm folded back up over it (both arms forward, the coat lay flat on
# the head: a tray, or a nurse's cap).
HOLDS: dict[str, tuple[Arm, Arm]] = {
    "box": ((0.3, 1.5), (0.38, 1.45)),
    "child": ((0.2, 1.75), (0.5, 2.1)),
    "coat": ((2.05, 0.95), (4.1, -1.15)),
}
# Held, the arms still move with each stride: this share of the stride's arm swing (each arm
# its own way: a coat over the head rocks, flapping, from stride to stride; a box or a child
# held close bobs a little). Held stiff, a runner with a coat over the head ran with both arms
# frozen up, stride after stride.
HOLD_SWING = {"box": 0.06, "child": 0.05, "coat": 0.2}
# Outlines in figure heights. A case: from the grip down (forward, up), its handle two short
# straps either side of the fist, then the case; a suitcase is bigger and hangs lower.
HANDLE = (0.024, 0.012, 0.03)  # the straps' distance either side, their width, their length
CASES = {"briefcase": (0.17, 0.12), "suitcase": (0.24, 0.17)}  # wide, tall
BOX = (0.13, 0.05, 0.05, 0.15)  # from the near wrist: back, forward, below, above
CHILD_HEAD = 0.052  # the child's head's radius; its body and legs round it (see _child)
THIGH, SHIN, LIMB = 0.06, 0.12, 0.04  # a child's leg over the arm: thigh forward, shin down
# A coat held up over the head, a tent over it (figure heights): its ridge this far over the
# fists (the cloth lies over them) and this much higher between them; its underside this far
# above the head's middle (clear of the head, drawn a little larger than the skeleton's:
# wardrobe.HEAD_SCALE); its flaps hanging from the fists, flaring out to their hems, down
# past the shoulders in front and further down the back (trailing as they run).
COAT_RIDGE = (0.035, 0.03)  # over the fists, and its peak between them
COAT_UNDER = 0.11  # the underside over the head's middle
COAT_FLAP = (0.06, 0.025)  # each flap's width at the fist, and how far out past it it hangs
COAT_FRONT = (0.09, 0.035)  # the front flap's hem: below the shoulder, flared forward
COAT_BACK = (0.14, 0.08, 0.04)  # the back flap's hem: below the shoulder, flared back, wider
# The colour each is seen in: a share of the way from the figure's own colour to this (a coat
# held up a warm dark brown: darker than the clothes under it, apart from the dark head).
TONES: dict[str, tuple[Color, float]] = {
    "briefcase": ((104, 64, 38), 0.35), "suitcase": ((92, 70, 52), 0.35),
    "box": ((160, 126, 84), 0.35), "coat": ((100, 66, 40), 0.4), "child": ((96, 90, 120), 0.25),
}


def holding(carry: str) -> Callable[[Angles], Angles] | None:
    """How someone carrying `carry` holds their arms (None: as the pose has them); "hand": a
    child led by the hand (see led)."""
    if carry == "hand":
        return _reaching
    if carry in CASES:
        behind, swing, elbow = CASE_ARM
        return lambda a: replace(a, shoulders=(behind + a.shoulders[0] * swing, a.shoulders[1]),
                                 elbows=(elbow, a.elbows[1]))
    if carry in HOLDS:
        near, far = HOLDS[carry]
        bob = HOLD_SWING[carry]
        return lambda a: replace(a, shoulders=(near[0] + bob * a.shoulders[0],
                                               far[0] + bob * a.shoulders[1]),
                                 elbows=(near[1], far[1]))
    return None


def carried(body: Body, carry: str) -> tuple[Polygon, ...]:
    """The outlines of what they carry on the posed body (none for anything else)."""
    if carry in CASES:
        return _case(body, *CASES[carry])
    if carry == "box":
        back, forward, below, above = BOX
        x, y = body.joints["wrist0"]
        return (((x - back, y - below), (x + forward, y - below), (x + forward, y + above),
                 (x - back, y + above)),)
    if carry == "child":
        return _child(body)
    if carry == "coat":
        return (_coat(body),)
    return ()


def _reaching(angles: Angles) -> Angles:
    """The near arm reaching down and back for a child's hand, swinging a little with the
    stride."""
    behind, swing, elbow = REACH
    return replace(angles, shoulders=(behind + swing * angles.shoulders[0], angles.shoulders[1]),
                   elbows=(elbow, angles.elbows[1]))


def grip(body: Body, side: int = 0) -> Point:
    """Where a fist closes (the near one's, or the far one's: `side` 1): along the forearm's
    line past the wrist."""
    (ex, ey), (wx, wy) = body.joints[f"elbow{side}"], body.joints[f"wrist{side}"]
    length = math.hypot(wx - ex, wy - ey) or 1.0
    return wx + (wx - ex) / length * GRIP, wy + (wy - ey) / length * GRIP


def _case(body: Body, wide: float, tall: float) -> tuple[Polygon, ...]:
    """A case hanging upright from the fist: two straps, then the case under them."""
    x, y = grip(body)
    apart, strap, long = HANDLE
    straps = tuple(((x + s - strap / 2, y), (x + s + strap / 2, y), (x + s + strap / 2, y - long),
                    (x + s - strap / 2, y - long)) for s in (-apart, apart))
    top = y - long
    case = ((x - wide / 2, top), (x + wide / 2, top), (x + wide / 2, top - tall),
            (x - wide / 2, top - tall))
    return (*straps, case)


def _child(body: Body) -> tuple[Polygon, ...]:
    """A small child held on the near forearm: its body against the chest, its head on the
    shoulder, its legs hanging over the arm."""
    sx, sy = body.joints["shoulder"]
    wx, wy = body.joints["wrist0"]
    seat = (sx + 0.09, wy + 0.03)  # its bottom on the forearm, in front of the chest
    head = _disc((sx + 0.07, sy + 0.075), CHILD_HEAD)
    back = ((sx + 0.02, sy + 0.03), (sx + 0.13, sy + 0.04), (seat[0] + 0.06, seat[1] + 0.02),
            (seat[0] - 0.03, seat[1] - 0.02), (sx + 0.0, sy - 0.06))
    legs = tuple(_bent_leg((seat[0] + dx, seat[1])) for dx in (-0.01, 0.025))
    return (back, *legs, head)


def _bent_leg(hip: Point) -> Polygon:
    """A child's leg over the carrying arm: the thigh forward along it, the shin hanging."""
    x, y = hip
    knee = (x + THIGH, y)
    return ((x, y + LIMB / 2), (knee[0] + LIMB / 2, y + LIMB / 2),
            (knee[0] + LIMB / 3, y - SHIN), (knee[0] - LIMB / 3, y - SHIN),
            (knee[0] - LIMB / 2, y - LIMB / 2), (x, y - LIMB / 2))


def _coat(body: Body) -> Polygon:
    """A coat held up over the head by both raised fists, a tent over it: its ridge over the
    fists, arching clear over the head (seen whole under it, never a box for a head), its
    flaps hanging from the fists down past the shoulders, in front of the face and down the
    back, flaring out to their hems."""
    near, far = grip(body, 0), grip(body, 1)
    hx, hy = body.head
    sy = body.joints["shoulder"][1]
    over, peak = COAT_RIDGE
    flap, out = COAT_FLAP
    drop, flare = COAT_FRONT
    down, trail, wider = COAT_BACK
    front, back = near[0] + out, far[0] - out  # the flaps' outer edges
    return ((front + flare, sy - drop), (front, near[1] + over / 2), (near[0], near[1] + over),
            ((near[0] + far[0]) / 2, max(near[1], far[1]) + over + peak),
            (far[0], far[1] + over), (back, far[1] + over / 2),
            (back - trail - wider, sy - down), (back + flap - trail, sy - down + wider / 2),
            (back + flap, far[1] - over), (hx, hy + COAT_UNDER),
            (front - flap, near[1] - over), (front - flap + flare, sy - drop + flare / 2))


def _disc(middle: Point, radius: float, sides: int = 12) -> Polygon:
    return tuple((middle[0] + radius * math.cos(2 * math.pi * k / sides),
                  middle[1] + radius * math.sin(2 * math.pi * k / sides)) for k in range(sides))
