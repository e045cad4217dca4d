"""People as jointed, tapering capsules: the body's proportions, the angles of a pose, and
the geometry that places the limbs (see `poses` for the named poses)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise

from installation.visuals.base import lerp

Point = tuple[float, float]

# Proportions in figure heights (feet at 0, top of the head at 1), facing right.
THIGH, SHIN, FOOT = 0.25, 0.25, 0.07
TOE_DROP = 0.005  # the toe a little below the ankle: a foot flat on the ground
UPPER_ARM, FOREARM = 0.165, 0.155
TORSO, NECK, HEAD = 0.32, 0.03, 0.074
SHOULDER_DROP = 0.03  # the shoulder joint sits a little below the top of the torso
SEAT = 0.27  # hip height when sitting on a stool or a booth bench
# Limbs taper: each part's width where it starts (hip, knee, shoulder, elbow) and where it ends
# (knee, ankle, elbow, wrist), so a thigh is thicker than a shin and an upper arm than a forearm.
WIDTHS = {"chest": 0.15, "pelvis": 0.12, "thigh": 0.112, "knee": 0.074, "shin": 0.07,
          "ankle": 0.042, "upper": 0.064, "elbow": 0.046, "fore": 0.048, "wrist": 0.032,
          "foot": 0.045, "neck": 0.06}
# An arm's shape over its tapering tubes: the upper arm fullest about its middle (from and to
# these shares of its length, this wide), the forearm just below the elbow, each narrowing a
# little (ARM_TAPER) towards its far end; between them the elbow a waist, and bent past
# ELBOW_POINT[0] radians its point standing out behind the bend (up to ELBOW_POINT[1], a knob
# ELBOW_POINT[2] thick): a bent arm reads as an elbow, not a bent pipe (14:33's reaching arm).
ARM_SHAPE = {"upper": (0.18, 0.55, 0.07), "fore": (0.14, 0.4, 0.055)}
ARM_TAPER = 0.92
ELBOW_POINT = (0.5, 0.016, 0.034)
BEND = (0.3, 0.85)  # a hunched back rounds forward between these shares of the torso
# Walking, the pelvis turns with the leg going forward and the shoulders against it: for a
# twist of 1, how far forward the near hip joint comes (the far one back), and how far back
# the near shoulder goes (the far one forward), in figure heights.
PELVIS_TURN = 0.012
SHOULDER_TURN = 0.016
# A body turned from profile towards the visitor (a `turn` of 1: three-quarters, half way to
# facing them): the shoulders are seen apart, the near one (the visitor's side) this far
# behind the spine and the far one this far ahead of it, and the chest and pelvis are this much
# wider (seen across, not edge on); the neck, round, is as wide seen from any side (widened
# with them, a man turned to the counter at 04:22 had a neck as wide as his head: a column).
TURNED_SHOULDERS = 0.045
TUCKING = 0.1  # folding or unfolding the arms, the hands are out of sight only this near the end
#               where they are folded (on the way, the hands are seen)
TURNED_WIDTH = 0.4


@dataclass(frozen=True)
class Gait:
    """How one walks or runs: the stride's length, the arms' swing and the bounce of the hip,
    each 1 for the usual; running, what the arms do (see panic_arms: "pump", an athlete's
    even pumping, "held", carried high and close, or one of its STYLES) and how wildly, 0 to
    1 (each runner their own); how much `knee` a run has (1 the usual; see strides.run)."""

    stride: float = 1.0
    swing: float = 1.0
    bounce: float = 1.0
    arms: str = "pump"
    wild: float = 0.0
    knee: float = 1.0


GAIT = Gait()


@dataclass(frozen=True)
class Angles:
    """One instant of a pose: joint angles in radians from straight down, forward positive."""

    hip: Point  # hip position before grounding
    lean: float
    thighs: tuple[float, float]  # near, far
    knees: tuple[float, float]  # how far each shin folds back from its thigh
    shoulders: tuple[float, float]
    elbows: tuple[float, float]  # how far each forearm folds forward from its upper arm
    nod: float = 0.0  # head tilt forward
    sitting: bool = False
    hunch: float = 0.0  # how far the upper back rounds forward past the lean (old age)
    ground: float | None = None  # the ground's height (None: under the lowest point)
    toes: tuple[float, float] = (0.0, 0.0)  # how far each foot tips toe down (heel up): radians
    twist: float = 0.0  # the pelvis turned, near hip forward (1: a walk's; shoulders counter it)
    turn: float = 0.0  # turned from profile towards the visitor (1: three-quarters)
    pointing: bool = False  # the near hand's forefinger out, pointing along the forearm
    tucked: bool = False  # the hands out of sight: arms folded, each hand under the other arm
    look: float = 0.0  # the head turned from facing ahead (0) to facing behind (1)


@dataclass(frozen=True)
class Capsule:
    """A limb: a line with round ends, `width` thick at a and `tip` thick at b (None: the
    same), `far` if on the far side of the body; `limb` says what it is ("leg", "arm", "hand"
    or "body"): a near arm and hand are drawn over the torso."""

    a: Point
    b: Point
    width: float
    far: bool = False
    tip: float | None = None
    limb: str = "body"

    @property
    def end_width(self) -> float:
        return self.width if self.tip is None else self.tip

    @property
    def in_front(self) -> bool:
        """Drawn over the clothes: the near arm and what its hand holds."""
        return not self.far and self.limb in ("arm", "hand")


@dataclass(frozen=True)
class Body:
    """A posed figure: its capsules, its head, where its near hand is (for a receiver), and
    for a person the joints, lean and nod that clothes, hair and hands hang from."""

    capsules: tuple[Capsule, ...]
    head: Point
    hand: Point
    head_radius: float = HEAD
    joints: Mapping[str, Point] = field(default_factory=dict)
    lean: float = 0.0
    nod: float = 0.0
    hunch: float = 0.0
    turn: float = 0.0  # turned towards the visitor (see Angles): the torso seen wider
    pointing: bool = False  # the near hand points (see Angles)
    tucked: bool = False  # the hands out of sight (see Angles)
    look: float = 0.0  # the head turned (see Angles)


def toward(p: Point, angle: float, length: float) -> Point:
    """The point `length` from `p` at `angle` radians from straight down, forward positive."""
    return (p[0] + math.sin(angle) * length, p[1] - math.cos(angle) * length)


def spine(hip: Point, lean: float, hunch: float, up: float) -> tuple[Point, float]:
    """The point `up` along the spine from the hip (in figure heights, below it if negative)
    and the spine's tilt there, forward from upright: straight at `lean`, and for a hunched
    back rounding forward by `hunch` more, evenly, across BEND of the torso (then straight
    again: the neck and head carry on at the full tilt)."""
    start, end = BEND[0] * TORSO, BEND[1] * TORSO
    if hunch == 0.0 or up <= start:
        return (hip[0] + math.sin(lean) * up, hip[1] + math.cos(lean) * up), lean
    bent = min(up, end) - start
    rate = hunch / (end - start)
    tilt = lean + rate * bent
    x = hip[0] + math.sin(lean) * start + (math.cos(lean) - math.cos(tilt)) / rate
    y = hip[1] + math.cos(lean) * start + (math.sin(tilt) - math.sin(lean)) / rate
    rest = up - min(up, end)
    return (x + math.sin(tilt) * rest, y + math.cos(tilt) * rest), tilt


def hips(hip: Point, twist: float) -> tuple[Point, Point]:
    """The near and far hip joints of a pelvis at `hip` turned by `twist` (see Angles)."""
    turn = PELVIS_TURN * twist
    return (hip[0] + turn, hip[1]), (hip[0] - turn, hip[1])


def leg_to(hip: Point, ankle: Point) -> Point:
    """The thigh's angle and the knee's fold (see Angles) that put the ankle on `ankle`, the
    knee bent forward (or the leg straight, pointing at it, if it is out of reach)."""
    aim, at_hip, at_knee = two_bones(hip, ankle, THIGH, SHIN)
    return aim + at_hip, math.pi - at_knee


def reach_to(shoulder: Point, target: Point) -> Point:
    """The shoulder's and the elbow's angles (see Angles) that put the wrist on `target`
    (or as near as the arm reaches), the elbow down and back, the forearm folded forward."""
    aim, at_shoulder, at_elbow = two_bones(shoulder, target, UPPER_ARM, FOREARM)
    return aim - at_shoulder, math.pi - at_elbow


def two_bones(root: Point, target: Point, first: float, second: float) -> tuple[float, float,
                                                                               float]:
    """A limb of two bones (`first` long from `root`, then `second`) reaching for `target`
    (or as near as it reaches): the angle from root to target (from straight down, forward
    positive), the first bone's angle off that line, and the angle inside the middle joint."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    span = min(max(math.hypot(dx, dy), abs(first - second) + 1e-6), first + second - 1e-6)
    aim = math.atan2(dx, -dy)
    at_root = math.acos((first ** 2 + span ** 2 - second ** 2) / (2 * first * span))
    at_joint = math.acos((first ** 2 + second ** 2 - span ** 2) / (2 * first * second))
    return aim, at_root, at_joint


def between(a: Angles, b: Angles, k: float) -> Angles:
    """The pose k of the way from a to b (every angle, and the hip's place; seated as b)."""
    def pair(x: tuple[float, float], y: tuple[float, float]) -> tuple[float, float]:
        return lerp(x[0], y[0], k), lerp(x[1], y[1], k)

    return Angles(pair(a.hip, b.hip), lerp(a.lean, b.lean, k), pair(a.thighs, b.thighs),
                  pair(a.knees, b.knees), pair(a.shoulders, b.shoulders),
                  pair(a.elbows, b.elbows), lerp(a.nod, b.nod, k), b.sitting,
                  lerp(a.hunch, b.hunch, k), toes=pair(a.toes, b.toes),
                  twist=lerp(a.twist, b.twist, k), turn=lerp(a.turn, b.turn, k),
                  pointing=b.pointing, look=lerp(a.look, b.look, k),
                  tucked=a.tucked and (b.tucked or k < TUCKING) or b.tucked and k > 1 - TUCKING)


def limbs(angles: Angles) -> tuple[list[Capsule], Point, dict[str, Point]]:
    hip = angles.hip

    def up(length: float) -> Point:
        return spine(hip, angles.lean, angles.hunch, length)[0]

    shoulder, neck_top = up(TORSO - SHOULDER_DROP), up(TORSO + NECK)
    wide = 1.0 + TURNED_WIDTH * angles.turn
    out: list[Capsule] = []
    shapes: list[Capsule] = []  # (after the limbs: each arm's two tubes come in their order)
    hand = shoulder
    joints = {"hip": hip, "shoulder": shoulder}
    turned = hips(hip, angles.twist)
    for side in (1, 0):  # far side first, so the near limbs are drawn over it
        far = side == 1
        knee = toward(turned[side], angles.thighs[side], THIGH)
        ankle = toward(knee, angles.thighs[side] - angles.knees[side], SHIN)
        toe = _toe(ankle, angles.toes[side])
        arm_root = root_of_arm(shoulder, far, angles.twist, angles.turn)
        elbow = toward(arm_root, angles.shoulders[side], UPPER_ARM)
        wrist = toward(elbow, angles.shoulders[side] + angles.elbows[side], FOREARM)
        joints |= {f"knee{side}": knee, f"ankle{side}": ankle, f"elbow{side}": elbow,
                   f"wrist{side}": wrist}
        out += [Capsule(turned[side], knee, WIDTHS["thigh"], far, WIDTHS["knee"], "leg"),
                Capsule(knee, ankle, WIDTHS["shin"], far, WIDTHS["ankle"], "leg"),
                Capsule(ankle, toe, WIDTHS["foot"], far, limb="leg")]
        if not far:
            out.append(Capsule(hip, up(TORSO * 0.45), WIDTHS["pelvis"] * wide))
            chest = [TORSO * 0.4, TORSO - WIDTHS["chest"] / 2]
            if angles.hunch:  # a rounded back: the chest in two, bent at the middle
                chest.insert(1, sum(chest) / 2)
            out += [Capsule(up(a), up(b), WIDTHS["chest"] * wide) for a, b in pairwise(chest)]
            out.append(Capsule(shoulder, neck_top, WIDTHS["neck"]))  # (round: turned, no wider)
            hand = wrist
        out += [Capsule(arm_root, elbow, WIDTHS["upper"], far, WIDTHS["elbow"], "arm"),
                Capsule(elbow, wrist, WIDTHS["fore"], far, WIDTHS["wrist"], "arm")]
        if not angles.tucked:  # (folded, the forearms are bare and crossed: see wardrobe)
            shapes += _shaped_arm(arm_root, elbow, wrist, far, angles.elbows[side])
    return out + shapes, hand, joints


def _shaped_arm(root: Point, elbow: Point, wrist: Point, far: bool,
                fold: float) -> list[Capsule]:
    """What gives an arm its shape over its two tapering tubes: the upper arm's fullness
    (ARM_SHAPE["upper"]), the forearm's just below the elbow (["fore"]), and on a bent arm the
    point of the elbow standing out behind the bend (ELBOW_POINT)."""
    out = []
    for (a, b), (start, end, wide) in (((root, elbow), ARM_SHAPE["upper"]),
                                        ((elbow, wrist), ARM_SHAPE["fore"])):
        out.append(Capsule(_along(a, b, start), _along(a, b, end), wide, far,
                           wide * ARM_TAPER, "arm"))
    least, out_by, wide = ELBOW_POINT
    if fold >= least:
        u = _unit(elbow, root)
        v = _unit(elbow, wrist)
        x, y = -(u[0] + v[0]), -(u[1] + v[1])
        span = math.hypot(x, y) or 1.0
        reach = out_by * min(1.0, (fold - least) / least)
        point = (elbow[0] + x / span * reach, elbow[1] + y / span * reach)
        out.append(Capsule(elbow, point, wide, far, limb="arm"))
    return out


def _along(a: Point, b: Point, k: float) -> Point:
    return a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k


def _unit(a: Point, b: Point) -> Point:
    """The unit vector from a towards b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    span = math.hypot(dx, dy) or 1.0
    return dx / span, dy / span


def root_of_arm(shoulder: Point, far: bool, twist: float, turn: float) -> Point:
    """Where an arm hangs from, either side of the spine's `shoulder` point as the shoulders
    are twisted and the body turned (see Angles)."""
    apart = SHOULDER_TURN * twist + TURNED_SHOULDERS * turn
    return shoulder[0] + apart * (1 if far else -1), shoulder[1]


def _toe(ankle: Point, tip: float) -> Point:
    """The toe of a foot from `ankle`, tipped `tip` radians toe down (flat: a little below the
    ankle, TOE_DROP)."""
    if not tip:
        return ankle[0] + FOOT, ankle[1] - TOE_DROP
    flat = math.atan2(TOE_DROP, FOOT)
    length = math.hypot(FOOT, TOE_DROP)
    return (ankle[0] + length * math.cos(flat + tip), ankle[1] - length * math.sin(flat + tip))


def lowest_tip(height: float) -> float:
    """How far a foot whose ankle is `height` above the ground (y = 0, where a flat foot's
    ankle is) may tip toe down before its toe goes below a flat foot's toe."""
    flat = math.atan2(TOE_DROP, FOOT)
    return math.asin(min(1.0, max(-1.0, (height + TOE_DROP) / math.hypot(FOOT, TOE_DROP)))) \
        - flat


def on_toes(ankle: Point, tip: float) -> Point:
    """Where the ankle of a flat foot at `ankle` goes as the foot tips `tip` radians over its
    toe, the toe staying where it is (the heel rising)."""
    toe = _toe(ankle, 0.0)
    flat = math.atan2(TOE_DROP, FOOT)
    length = math.hypot(FOOT, TOE_DROP)
    return toe[0] - length * math.cos(flat + tip), toe[1] + length * math.sin(flat + tip)


def lowered(angles: Angles, drop: float) -> Angles:
    """A pose with the hip carried `drop` lower (figure heights), the knees bending over feet
    that stay where the pose sets them (they never slide on the ground)."""
    hip = (angles.hip[0], angles.hip[1] - drop)
    legs = [leg_to(joint, ankle_at(angles, side))
            for side, joint in enumerate(hips(hip, angles.twist))]
    return replace(angles, hip=hip, thighs=(legs[0][0], legs[1][0]),
                   knees=(legs[0][1], legs[1][1]))


def ankle_at(angles: Angles, side: int) -> Point:
    """Where a leg's ankle is in a pose (0 near, 1 far)."""
    return ankle_from(hips(angles.hip, angles.twist)[side], angles.thighs[side],
                      angles.knees[side])


def ankle_from(hip: Point, thigh: float, knee: float) -> Point:
    """Where the ankle is of a leg from `hip` at a thigh's angle and a knee's fold."""
    return toward(toward(hip, thigh, THIGH), thigh - knee, SHIN)


def head_at(angles: Angles) -> Point:
    neck_top, tilt = spine(angles.hip, angles.lean, angles.hunch, TORSO + NECK)
    return toward(neck_top, math.pi - tilt - angles.nod, HEAD)
