"""A coyote as jointed, tapering capsules: a deep chest and a tucked-up waist, a back sloping
to the tail, jointed legs (a muscled thigh, a hock bent back to a point, slim forelegs, paws)
in a four-beat walk or a diagonal trot, a bushy tail carried low, pointed ears, a narrow muzzle
and a head that turns; its body turned about the upright, seen from a little above
(foreshortened, its far legs standing a little higher)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise

from installation.visuals.skeleton import Body, Capsule, Point, toward

# In the animal's height (paws at 0, ear tips at about 1), facing right.
SHOULDER, HIP = (0.27, 0.5), (-0.3, 0.52)  # where the legs hang from
# The trunk, front to back: each piece's two ends and its width at each (a deep, round chest;
# the loin narrowing to a tucked-up waist; the haunch; the shoulder blade standing up behind
# the neck, so the back slopes down from the withers to the tail).
TRUNK = (((0.22, 0.5), (0.03, 0.5), 0.3, 0.27),  # the chest: brisket at 0.35, withers 0.65
         ((0.02, 0.52), (-0.22, 0.55), 0.24, 0.13),  # the loin, the belly rising to the flank
         ((-0.2, 0.54), (-0.33, 0.52), 0.16, 0.15),  # the haunch
         ((0.25, 0.52), (0.2, 0.6), 0.16, 0.12))  # the shoulder blade, up to the withers
# Legs: each bone's length; a foreleg's upper arm runs back to the elbow at the brisket, the
# forearm straight down to the wrist, the pastern to the paw; a hind leg's thigh runs forward
# to the stifle, the shank back down to the hock, the cannon nearly straight down to the paw.
FORE = (0.17, 0.25, 0.08)
HIND = (0.2, 0.2, 0.17)
FORE_SET = (-0.45, 0.0, 0.25)  # each fore bone's angle standing (radians, forward positive)
HIND_SET = (0.45, -0.6, 0.2)  # each hind bone's: the shank raked back, the cannon a little
# forward, so the hock stands bent back ~46 degrees (at 34 the hind legs read as bent sticks)
# How far each bone folds as the leg swings forward off the ground (times the fold): the wrist
# and the hock flex, the paw flipped up behind.
FORE_FOLD = (0.0, 0.35, -1.6)
HIND_FOLD = (0.0, -0.35, -0.05)
FOLD = 0.9
# Each leg's width at its top, its first joint (elbow, stifle), its second (wrist, hock) and
# its paw: the foreleg slim under a muscled upper arm, the hind leg's thigh tapering through
# the gaskin to a fine hock and cannon (with no more than that, round joints and stumps of
# one width, the legs read as sticks).
LEG_WIDTHS = {"fore": (0.1, 0.066, 0.046, 0.038), "hind": (0.17, 0.08, 0.046, 0.038)}
HAM = (0.05, 0.6, 0.19, 0.1)  # the thigh's muscle behind it, the breeches: from this far under
# the hip to this share of the way down the thigh, its width at each end (within the haunch
# over it and clear of the waist in front)
HOCK_POINT = (0.045, 0.05, 0.022)  # the point of the hock: how far it stands out behind the
# joint, square to the cannon, its width at the joint and at its point
ELBOW_POINT = (0.035, 0.065, 0.03)  # the elbow's, behind the top of the forearm
PAW = (0.072, 0.052, 0.038)  # a paw's length forward, its thickness at the heel and at the toes:
# a compact paw, thicker than the leg over it (as long as it was thick, 0.04, the legs ended in
# round stumps: it seemed to float; as thick as the leg, sticks)
PAW_CURL = 1.0  # how far it turns down and back as the leg folds (radians at a full fold;
# at 2 a lifted paw hung along its leg: a stick)
CLEAR = {"hind": 0.12, "fore": 0.12}  # in heights: how high a foot is lifted through a step,
# its heel over where it stands (set on the ground again at the step's end)
LIFT_EARLY = 0.75  # the foot rises fast off the ground and comes down slower: the lift is
# highest this power of a half of the way through the swing (0.4 of it)
SETTLE = 4  # passes that bend a leg to its foot with its hock (or wrist) bent as standing
REACH = 0.999  # a leg is bent at least this little (of its length) to reach its foot
# Gaits: how far a leg swings either way (radians), and when in the cycle each foot strikes
# (the walk: left hind, left fore, right hind, right fore, a quarter apart; the trot: the
# diagonal pairs together, half a cycle apart).
SWING = {"walk": 0.32, "run": 0.45, "idle": 0.0}
STRIKE = {"walk": {"hind_far": 0.0, "fore_far": 0.25, "hind_near": 0.5, "fore_near": 0.75},
          "run": {"hind_far": 0.0, "fore_near": 0.0, "hind_near": 0.5, "fore_far": 0.5}}
STANCE = {"walk": 0.62, "run": 0.5}  # the share of a cycle a foot is on the ground
STAND = {"hind_far": -0.1, "fore_far": 0.1, "hind_near": 0.06, "fore_near": -0.06}
STEP_SWING = 0.25  # a leg lifted to step round as it turns on the spot swings this far forward
BOB = 0.012  # how far the back rises and falls with each step
# The tail: from its root over the haunch, hanging low and out behind; each piece's end
# (from the last) and width (bushy: thickest past the middle, then a narrower tip).
TAIL_ROOT = (-0.34, 0.57)
TAIL = (((-0.1, -0.08), 0.07), ((-0.06, -0.13), 0.13), ((-0.02, -0.11), 0.11),
        ((0.0, -0.05), 0.05))
WAG = 0.03
# The head: the neck from the chest up to the skull, the muzzle narrowing to the nose, the
# ears tall and pointed, either side of the skull.
NECK = ((0.22, 0.55), 0.18, 0.12)  # where it leaves the chest, its width there and at the head
SKULL = (0.41, 0.68)
SKULL_RADIUS = 0.07
MUZZLE = ((0.155, -0.06), 0.085, 0.032)  # the nose from the skull, the width at each end
EAR = ((-0.02, 0.045), (-0.025, 0.14), 0.065, 0.012)  # base and tip from the skull, widths
EAR_SPREAD = 0.045  # how far either side of the skull's middle an ear's base stands
EAR_FLARE = 1.5  # and its tip that much further out
# An ear turned back (`Turning.ear` 1) leans its tip this far back, this much lower and this
# much further out (times its spread)
EAR_BACK, EAR_DROP, EAR_OUT = 0.05, 0.02, 0.8
HEAD_DOWN = 0.06  # standing, it carries its head lower, nose to the floor
HEAD_UP = 0.05  # and through each idle cycle lifts it this far above its walking carriage, to
# look round (or while it looks out at the visitor), then lowers it to sniff again
IDLE_WAG = 0.015  # standing, its tail sways slowly this far either way (at each joint)
VISITOR = 1.35  # looking out at the visitor (`turn` 1), its head turns this far (radians)
# Across the body (near side positive): where its legs stand either side of its middle.
SIDE = {"near": 0.07, "far": -0.07}
# Seen from a little above: a point this much further off (across, in heights) stands this
# much higher in the picture (the far legs above the near ones, a nose turned away raised).
ABOVE = 0.22


@dataclass(frozen=True)
class Turning:
    """A coyote standing and turning: its body turned `body` radians from profile into the
    picture (nose away from the visitor), its head `head` more; its head lowered by `low` (in
    heights), its near ear turned back by `ear` (0 to 1), and each leg lifted (0 to 1) as it
    steps round."""

    body: float = 0.0
    head: float = 0.0
    low: float = 0.0
    ear: float = 0.0
    lift: Mapping[str, float] = field(default_factory=dict)


STILL = Turning()


# A capsule in the animal's own frame (its ends forward and up, as seen in profile), and how
# far across the body (near side positive) each end lies.
Part = tuple[Capsule, float, float]
Point3 = tuple[float, float, float]  # forward, up, across


def _part(a: Point3, b: Point3, width: float, far: bool = False, tip: float | None = None,
          limb: str = "body") -> Part:
    """A capsule from a to b (forward, up, across) in the animal's frame."""
    return Capsule(a[:2], b[:2], width, far, tip, limb), a[2], b[2]


def coyote(name: str, t: float, turn: float, turning: Turning = STILL) -> Body:
    """The coyote in gait `name` (walk, run or idle) at phase t; `turn` 0 is profile, 1 looks
    out of the picture at the visitor; `turning` turns it on the spot towards something. The
    ground under its middle is at (0, 0), its nearest paw standing in profile on y = 0."""
    w = 2 * math.pi * t
    bob = BOB * math.cos(2 * w) if name in STRIKE else 0.0
    legs = {leg: _leg(leg, name, t, bob, turning.lift.get(leg, 0.0)) for leg in STAND}
    parts = [c for leg in ("hind_far", "fore_far") for c in legs[leg][0]]
    parts += _tail(bob, w if name in STRIKE else 0.0, 0.0 if name in STRIKE else w)
    parts += [_part((a[0], a[1] + bob, 0.0), (b[0], b[1] + bob, 0.0), wa, tip=wb)
              for a, b, wa, wb in TRUNK]
    parts += [c for leg in ("hind_near", "fore_near") for c in legs[leg][0]]
    head, more = _head(bob, turn, name, t, turning)
    parts += more
    lowest = min(min(c.a[1] - c.width / 2, c.b[1] - c.end_width / 2) for c, _, _ in parts)

    def seen(p: Point3) -> Point:
        return _seen((p[0], p[1] - lowest, p[2]), turning.body)

    placed = tuple(replace(c, a=seen((*c.a, za)), b=seen((*c.b, zb))) for c, za, zb in parts)
    joints = {f"{leg}{i}": seen(p) for leg, (_, points) in legs.items()
              for i, p in enumerate(points)}
    skull = seen(head)
    return Body(placed, skull, skull, head_radius=SKULL_RADIUS, joints=joints)


def _seen(p: Point3, body: float) -> Point:
    """Where a point of the animal (forward, up, across) is in the picture, the animal turned
    `body` radians into it: across it moves right, further off it stands higher."""
    forward, up, across = p
    x = forward * math.cos(body) + across * math.sin(body)
    nearer = across * math.cos(body) - forward * math.sin(body)
    return x, up - ABOVE * (nearer - SIDE["near"])


def swing(name: str, leg: str, t: float) -> tuple[float, float]:
    """A leg's swing (radians forward of standing) and fold (0 to 1) at phase t: on the ground
    it sweeps evenly back from forward to behind, then lifts and comes forward folded."""
    if name not in STRIKE:
        return STAND[leg], 0.0
    reach, stance = SWING[name], STANCE[name]
    p = (t - STRIKE[name][leg]) % 1.0
    if p < stance:
        return reach * (1 - 2 * p / stance), 0.0
    k = (p - stance) / (1 - stance)
    return reach * (2 * (3 * k * k - 2 * k ** 3) - 1), math.sin(math.pi * k)


def _leg(leg: str, name: str, t: float, bob: float,
         lift: float) -> tuple[list[Part], list[Point3]]:
    """One leg's capsules (upper bone, middle, lower, paw) and its joints from the top; `lift`
    raises it folded off the ground and a little forward, stepping round on the spot."""
    far = leg.endswith("far")
    hind = leg.startswith("hind")
    angle, fold = swing(name, leg, t)
    angle, fold = angle + STEP_SWING * lift, max(fold, lift)
    top = HIP if hind else SHOULDER
    points = _posed(hind, (top[0], top[1] + bob), angle, fold,
                    _raised(name, leg, t, lift) * (CLEAR["hind" if hind else "fore"]))
    curl = PAW_CURL * fold  # lifted, the paw hangs, toes curled back under
    tip = (points[-1][0] + PAW[0] * math.cos(curl), points[-1][1] - PAW[0] * math.sin(curl))
    widths = LEG_WIDTHS["hind" if hind else "fore"]
    across = SIDE["far" if far else "near"]
    at = [(x, y, across) for x, y in (*points, tip)]
    bones = [_part(a, b, wa, far, wb, "leg")
             for (a, b), (wa, wb) in zip(pairwise(at[:-1]), pairwise(widths), strict=True)]
    bones.append(_point(at[2], at[3], far, HOCK_POINT) if hind else
                 _point(at[1], at[2], far, ELBOW_POINT))
    if hind:
        (hx, hy, z), (kx, ky, _) = at[0], at[1]
        down, share, wide, narrow = HAM
        bones.insert(0, _part((hx, hy - down, z), (hx + (kx - hx) * share,
                                                   hy + (ky - hy) * share, z),
                              wide, far, narrow, "leg"))
    return [*bones, _part(at[-2], at[-1], PAW[1], far, PAW[2], "leg")], at[:-1]


def _raised(name: str, leg: str, t: float, lift: float) -> float:
    """How high (0 to 1 of its clearance) a foot is off the ground at phase t: on the ground
    through the stance; through the swing it lifts quickly as it leaves the ground behind,
    highest a little before the swing's middle, and comes down to be set on the ground at
    its end (or `lift`, stepping round on the spot)."""
    if name not in STRIKE:
        return lift
    p, stance = (t - STRIKE[name][leg]) % 1.0, STANCE[name]
    if p < stance:
        return lift
    k = (p - stance) / (1 - stance)
    return max(lift, math.sin(math.pi * k ** LIFT_EARLY))


def _posed(hind: bool, top: Point, angle: float, fold: float, raised: float) -> list[Point]:
    """A leg's joints from the top (hip or shoulder) down to the foot's heel (the fetlock):
    the foot placed where the leg swung `angle` would put it, forward and back, but on the
    ground, or `raised` (in heights) off it, not swung round the top on an arc (swung so, a
    foot rose off the ground as it went back under the body and a lifted leg swung level,
    as a hinge: no step); the two bones over the lowest bent to reach it (the stifle forward
    of the leg, the elbow behind it), the lowest kept at its bend from the one over it, as
    standing or folded by `fold` (the hock's angle seen through every step)."""
    lengths = HIND if hind else FORE
    settings = HIND_SET if hind else FORE_SET
    folds = HIND_FOLD if hind else FORE_FOLD
    stood = _chain(top, lengths, settings, (0.0, 0.0, 0.0))
    swung = _chain(top, lengths, settings, (angle, angle, angle))
    foot = (swung[3][0], stood[3][1] + raised)
    bend = settings[2] - settings[1] + (folds[2] - folds[1]) * FOLD * fold  # (at the hock, wrist)
    low = settings[2] + angle + folds[2] * FOLD * fold  # (as swung: a first guess)
    for _ in range(SETTLE):  # (the lowest bone kept at its bend from the one over it)
        middle = (foot[0] - math.sin(low) * lengths[2], foot[1] + math.cos(low) * lengths[2])
        knee = _knee(top, middle, lengths[:2], 1.0 if hind else -1.0)
        low = math.atan2(middle[0] - knee[0], knee[1] - middle[1]) + bend
    middle = (foot[0] - math.sin(low) * lengths[2], foot[1] + math.cos(low) * lengths[2])
    return [top, _knee(top, middle, lengths[:2], 1.0 if hind else -1.0), middle, foot]


def _chain(top: Point, lengths: tuple[float, float, float],
           settings: tuple[float, float, float], turns: tuple[float, ...]) -> list[Point]:
    """A leg's joints with each bone at its setting turned by `turns` (radians, forward)."""
    points = [top]
    for length, setting, turn in zip(lengths, settings, turns, strict=True):
        points.append(toward(points[-1], setting + turn, length))
    return points


def _knee(top: Point, end: Point, lengths: tuple[float, float], forward: float) -> Point:
    """The joint between two bones of `lengths` from `top` to `end`, bent to the side
    `forward` (1: in front of the line between them, -1: behind); stretched straight towards
    `end` where it is out of reach."""
    (a, b), (dx, dy) = lengths, (end[0] - top[0], end[1] - top[1])
    span = min(max(1e-6, math.hypot(dx, dy)), (a + b) * REACH)
    across = math.acos(max(-1.0, min(1.0, (a * a + span * span - b * b) / (2 * a * span))))
    heading = math.atan2(dy, dx) + forward * across
    return top[0] + a * math.cos(heading), top[1] + a * math.sin(heading)


def _point(joint: Point3, below: Point3, far: bool, form: tuple[float, float, float]) -> Part:
    """The point of a hock or an elbow standing out behind the joint, square to the bone
    under it (`form`: see HOCK_POINT): the leg's angles seen, not a bent stick."""
    dx, dy = below[0] - joint[0], below[1] - joint[1]
    span = max(1e-6, math.hypot(dx, dy))
    back = (dy / span, -dx / span)
    if back[0] > 0:  # (the side away from the nose)
        back = (-back[0], -back[1])
    point = (joint[0] + back[0] * form[0], joint[1] + back[1] * form[0], joint[2])
    return _part(joint, point, form[1], far, form[2], "leg")


def _tail(bob: float, w: float, idle: float) -> list[Part]:
    """Bushy, carried low and out behind, thickest past the middle, swinging a little with
    each step (`w`), or slowly while it stands (`idle`)."""
    wag = WAG * math.sin(w) + IDLE_WAG * math.sin(idle)
    points = [(TAIL_ROOT[0], TAIL_ROOT[1] + bob)]
    for (dx, dy), _ in TAIL:
        points.append((points[-1][0] + dx + wag * 0.5, points[-1][1] + dy + wag))
    widths = [TAIL[0][1] * 0.8] + [width for _, width in TAIL]
    return [_part((*a, 0.0), (*b, 0.0), wa, tip=wb)
            for (a, b), (wa, wb) in zip(pairwise(points), pairwise(widths), strict=True)]


def _head(bob: float, turn: float, name: str, t: float,
          turning: Turning) -> tuple[Point3, list[Part]]:
    """Neck, skull, muzzle and ears, the head turned towards the visitor by `turn` or away by
    `turning.head` (the muzzle foreshortened, the ears seen apart). Standing, it lowers its
    head to sniff at the start of each cycle (phase `t`) and lifts it halfway through;
    looking out at the visitor, it holds it up."""
    low = turning.low
    if name == "idle":
        down = 0.5 + 0.5 * math.cos(2 * math.pi * t)
        low += HEAD_DOWN - (HEAD_DOWN + HEAD_UP) * (1.0 - down * (1.0 - turn))
    head = (SKULL[0] + 0.4 * turning.low, SKULL[1] + bob - low, 0.0)
    aim = turning.head - VISITOR * turn  # radians into the picture, from the body's forward
    ahead, aside = math.cos(aim), -math.sin(aim)  # the head's forward, in (forward, across)

    def from_skull(forward: float, up: float, out: float) -> Point3:
        return (head[0] + forward * ahead - out * aside, head[1] + up,
                head[2] + forward * aside + out * ahead)

    neck = _part((NECK[0][0], NECK[0][1] + bob, 0.0), head, NECK[1], tip=NECK[2])
    (dx, dy), base, tip = MUZZLE
    parts = [neck, _part(head, from_skull(dx, dy - 0.5 * turning.low, 0.0), base, tip=tip)]
    (bx, by), (ex, ey), wide, narrow = EAR
    for side in (-1, 1):  # tall and pointed: wide at the base, a fine tip
        back = turning.ear if side > 0 else 0.0  # the near ear turns back to listen
        parts.append(_part(from_skull(bx, by, EAR_SPREAD * side),
                           from_skull(ex - EAR_BACK * back, ey - EAR_DROP * back,
                                      EAR_SPREAD * (EAR_FLARE + EAR_OUT * back) * side),
                           wide, tip=narrow))
    return head, parts
