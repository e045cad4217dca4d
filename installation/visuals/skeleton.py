"""People as jointed, tapering capsules: poses and cycles (walk, run, sit, idle, embrace, phone,
reach, handshake, straighten)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise

from installation.visuals.base import clamp01, lerp, s_curve

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
          "foot": 0.045, "neck": 0.06, "receiver": 0.035}
RECEIVER = 0.09
POSES = ("walk", "run", "sit", "idle", "embrace", "phone", "reach", "handshake", "straighten")
# The pose the second of a pair takes in theirs (a handshake's: the shorter one's, the hand
# held a little higher, so the two hands meet at one height).
PARTNER = {"embrace": "embrace-back", "handshake": "handshake-back"}
ONCE = ("handshake", "straighten")  # played once, from when they appear, then they stand (idle)
# Repeated, but one person's layer that ends (`until`) ends them at their cycle's start, the
# pose a gesture after them begins from (a reach: where straighten takes over), whatever the
# seed.
SETTLES = ("reach",)
MOVING = ("walk", "run")
STRIDE = {"walk": 0.8, "run": 1.7}  # ground covered by one whole cycle, in figure heights
# A walker's hip above the ankles: its middle height and how far it rises as a leg passes under
# it (and dips where the feet are apart, both down); how high a swinging foot is lifted.
WALK_HIP = (0.4755, 0.0185)
WALK_LIFT = 0.05
SWING_LAG = 1.4  # the swinging foot stays behind (lifted) early in its swing, then comes through
WALK_LAND = 0.88  # this late in its swing the foot is over where it lands, and comes down
# A running foot: how far ahead of the hip it is set down, and how far behind it leaves the
# ground (STRIDE a cycle on: down for RUN_DOWN of the cycle, about a sixth, each; both feet in
# the air between).
RUN_REACH = (0.11, 0.15)
RUN_DOWN = sum(RUN_REACH) / STRIDE["run"]
# Between, the swinging leg's keys (how far through the swing, the thigh's angle, the knee's
# fold): the leg trailing out behind, the heel tucked up under, then the knee driven forward
# and high, the shin reaching out to land.
RUN_SWING = ((0.15, -0.45, 0.6), (0.45, 0.3, 2.1), (0.75, 0.95, 1.3))
RUN_LAND = (0.92, 0.04)  # this late in its swing the foot is over where it lands, this high
RUN_HIP = (0.466, 0.008)  # its middle height; how far it dips over a planted foot, rises between
RUN_ARM_LAG = 0.5  # of a cycle: the near arm furthest back (at 0.75) as the near knee drives
RUN_ARM = (-0.05, 0.85)  # a running arm's swing: its middle and how far either way
# Its elbow's fold, in powers of the swing (-1 back, 1 forward): the forearm points up past
# level through the middle of the swing, the hand rising to the chin, and down to the hip as
# the elbow drives back behind (never a level, straight-out arm for long).
RUN_ELBOW = (2.05, -0.15, -0.3)
PERIOD = {"walk": 1.1, "run": 0.62, "sit": 5.0, "idle": 4.0, "embrace": 6.0, "phone": 3.0,
          "reach": 3.5, "handshake": 6.0, "straighten": 1.2}
PERIOD["embrace-back"] = PERIOD["embrace"]
PERIOD |= {"phone-head": 4.0, "phone-slump": 5.0, "phone-down": 5.0}
CALL_MOVES = {"phone-head": 1.2, "phone-slump": 2.4, "phone-down": 0.8}  # seconds into each
PERIOD["handshake-back"] = PERIOD["handshake"]
BEND = (0.3, 0.85)  # a hunched back rounds forward between these shares of the torso
# Old age, for a stoop of 1 (radians): how much further the hips lean, the thighs come forward
# and the knees fold, and the chin lifts back against the rounded upper back (the head is
# carried forward, the face still looking ahead, not at the floor).
AGED = {"lean": 0.2, "thigh": 0.3, "knee": 0.55, "chin": 0.9, "drop": 0.06}  # (drop: walking,
# how much lower the hip is carried, the knees bent over feet that stay where they are set)
CANE = 0.016  # a walking stick's thickness, in figure heights
CANE_ARM = (-0.1, 0.45)  # the arm on the stick: the upper arm hanging, the elbow soft
CANE_TIP = 0.14  # where the stick stands, forward of the hips: clear of the legs, planted
CROOK = ((-0.012, 0.012), (0.018, 0.022), (0.034, 0.006))  # the stick's handle, from the hand
# Their arms round each other (near, far; the shoulders, then how far each elbow folds): the
# near one round the other's waist, the far one over their shoulders with the forearm laid
# down their back (folded back: seen from the side, an elbow turning round someone).
HUG_ARMS = ((0.75, 1.3), (0.95, -0.55))
# A young couple's (the same order): one holds the other round the waist, the near forearm
# across her side to the small of her back, the far arm up her back behind her; the other
# holds him round the back, under his arm, the hand up on his shoulder blade, the far arm
# round his waist behind him. Each near arm lies over the partner's body, each far arm under
# it (see figures.PARTS). The one holding the waist looks over the other's head, bowed to his
# chest (how far each nods).
WAIST_ARMS = ((0.2, 1.1), (0.15, 1.7))
BACK_ARMS = ((0.47, 1.56), (0.1, 1.4))
HUG_NODS = (0.1, 0.45)
HUG_ROCK = 0.05  # an old couple's slow rocking: how far they lean either way (feet planted)
# In each other's arms the old straighten up, holding each other: this share of their stoop
# is left (upright torsos, heads close; not a bow from the waist).
HUG_STOOP = 0.35
# A handshake, in shares of its one playing: the hand comes up to meet the other's, pumps,
# is held, then lets go and drops back to the side (where a standing pose's arm hangs).
SHAKE_BEATS = (0.2, 0.6, 0.85)  # the hands meet, the pumps end, they let go
PUMPS = 3
PUMP = 0.25  # how far the forearm rocks up and down with each pump (radians at the elbow)
# The arm held out (the shoulder forward, the elbow folded: the forearm near level, the hand
# at the waist); the taller one's elbow is folded less, the hand lower, the other's more.
CLASP = (0.7, 0.55, 0.75)  # the shoulder, the taller one's elbow, the shorter one's
SHAKE_LEAN, SHAKE_NOD = 0.06, 0.06  # leaning in a little, looking at the other
# On the phone, the free hand rests on the phone box, in front of him at his chest (before the
# feet are set on the ground): it stays there as he shifts his weight, the elbow by his side.
FREE_HAND = (0.135, 0.69)
# The call, after "phone" (listening): his free hand to his brow, then slumped back against the
# booth's glass behind him (the hip back and down, the feet where they stood), the hand still
# at his brow, then the receiver let go and both arms hanging. Played in that order, one into the
# next by a move played once (CALL_MOVES, each from its pose's phase 0 into the next's).
CALL = ("phone", "phone-head", "phone-slump", "phone-down")
HOLDING = CALL[:3]  # the poses with the receiver at his ear
BROW = (0.9, 0.25)  # the free hand on his brow, from the head's centre, in head radii
EAR_HAND = (0.032, -0.096)  # the hand holding the receiver, from his ear (as in "phone")
SLUMP_HIP, SLUMP_LEAN = (-0.045, 0.48), -0.18  # his back against the glass (0.17 behind him)
# How far each pose bows his head; how far a still pose breathes (hip up and down, nod).
CALL_NODS = {"phone-head": 0.4, "phone-slump": 0.6, "phone-down": 0.75}
BREATH = (0.004, 0.03)
HANGING_ARMS = ((0.02, 0.15), (0.06, 0.2))  # near, far: the shoulder, the elbow's fold
LEG_REACH = math.hypot(STRIDE["walk"] / 4, WALK_HIP[0] - WALK_HIP[1])  # hip to a far foot


@dataclass(frozen=True)
class Gait:
    """How one walks or runs: the stride's length, the arms' swing and the bounce of the hip,
    each 1 for the usual."""

    stride: float = 1.0
    swing: float = 1.0
    bounce: float = 1.0


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


def toward(p: Point, angle: float, length: float) -> Point:
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


def walk(t: float, gait: Gait = GAIT) -> Angles:
    """Walking: each foot planted on the ground for half the cycle, moving back under the hip
    exactly as fast as the walker moves on (STRIDE a cycle, times the gait's: it never
    slides), then lifted and swung forward to the next step; the hip dips where both feet are
    down (see _walking_hip); the arms swing against the legs."""
    w = 2 * math.pi * t
    stride = STRIDE["walk"] * gait.stride
    hip = (0.0, _walking_hip(w, gait))
    legs = [leg_to(hip, _stepping(t + shift, stride)) for shift in (0.0, 0.5)]
    arms = [(-0.34 * gait.swing * math.sin(p), 0.3 + 0.15 * max(0.0, -math.sin(p)))
            for p in (w, w + math.pi)]
    return Angles(hip, 0.05, (legs[0][0], legs[1][0]),
                  (legs[0][1], legs[1][1]), (arms[0][0], arms[1][0]), (arms[0][1], arms[1][1]))


def _walking_hip(w: float, gait: Gait) -> float:
    """A walker's hip height at angle w of the cycle: WALK_HIP's, rising and falling by the
    gait's bounce, never higher than a leg reaches (as a leg passes under it) nor, where the
    feet are furthest apart, too high for both to reach the ground (a longer stride, a deeper
    dip)."""
    if gait == GAIT:
        return WALK_HIP[0] + WALK_HIP[1] * math.cos(2 * w)
    low = math.sqrt(LEG_REACH ** 2 - (STRIDE["walk"] * gait.stride / 4) ** 2)
    rise = WALK_HIP[1] * gait.bounce
    middle = min(sum(WALK_HIP), low + 2 * rise) - rise
    return middle + rise * math.cos(2 * w)


def _stepping(t: float, stride: float = STRIDE["walk"]) -> Point:
    """Where a walking foot's ankle is at phase t (forward of the hip, up from the ground): set
    down at its furthest forward at t = 0.25 and planted, going back at the walker's pace, until
    t = 0.75; then lifted behind (the knee folding) and swung forward, to come down onto the
    ground from just above where it lands (late in the swing it moves on no further: it never
    skims the ground into place)."""
    reach = stride / 4
    if 0.25 <= t % 1.0 < 0.75:
        return reach - stride * (t % 1.0 - 0.25), 0.0
    s = (t - 0.75) % 1.0 * 2  # how far through the swing, 0 to 1
    lift = WALK_LIFT * math.sin(math.pi * math.sqrt(s))
    back = stride / 2  # how fast the ground goes back under the hip, a swing's worth
    if s >= WALK_LAND:
        return reach + back * (1.0 - s), lift
    span = 2 * reach + back * (1.0 - WALK_LAND)
    late = (s / WALK_LAND) ** SWING_LAG
    # eased out behind, and in at the ground's pace (the slope at the end, in `late`)
    slope = -back * WALK_LAND / (span * SWING_LAG)
    return -reach + span * ((slope - 2) * late ** 3 + (3 - slope) * late ** 2), lift


def leg_to(hip: Point, ankle: Point) -> Point:
    """The thigh's angle and the knee's fold (see Angles) that put the ankle on `ankle`, the
    knee bent forward (or the leg straight, pointing at it, if it is out of reach)."""
    aim, at_hip, at_knee = two_bones(hip, ankle, THIGH, SHIN)
    return aim + at_hip, math.pi - at_knee


def run(t: float, gait: Gait = GAIT) -> Angles:
    """Running: each foot planted on the ground for RUN_DOWN of the cycle, moving back under
    the hip exactly as fast as the runner moves on (STRIDE a cycle, times the gait's: it
    never slides; the reach of each foot in proportion), then
    kicked up behind and swung through, the knee high, to land ahead; both feet are off the
    ground between (the hip lowest over a planted foot, highest in the air); the arms pump
    against the legs, elbows bent, the forearm rising to the chin as the arm comes forward
    and the elbow driving back behind."""
    dip = RUN_HIP[1] * gait.bounce
    hip = (0.0, RUN_HIP[0] - dip * math.cos(4 * math.pi * (t - RUN_DOWN / 2)))
    legs = [_running_leg(hip, (t + shift) % 1.0, gait.stride) for shift in (0.0, 0.5)]
    w = 2 * math.pi * (t - RUN_ARM_LAG)
    swings = [-math.sin(p) for p in (w, w + math.pi)]  # an arm goes back as its leg goes forward
    arms = [(RUN_ARM[0] + RUN_ARM[1] * gait.swing * s,
             sum(c * s ** n for n, c in enumerate(RUN_ELBOW)))
            for s in swings]
    return Angles(hip, 0.26, (legs[0][0], legs[1][0]), (legs[0][1], legs[1][1]),
                  (arms[0][0], arms[1][0]), (arms[0][1], arms[1][1]), nod=0.1, ground=0.0)


def _running_leg(hip: Point, t: float, longer: float = 1.0) -> Point:
    """A running leg's thigh angle and knee fold at phase t: planted from t = 0 for RUN_DOWN
    of the cycle, the ankle set down RUN_REACH[0] ahead and going back at the runner's pace
    (it never slides); then through the swing's keys (RUN_SWING) from where it left the
    ground to over where it lands (RUN_LAND), and down onto it; reaching `longer` times as
    far each way for a longer stride."""
    ahead, behind = RUN_REACH[0] * longer, RUN_REACH[1] * longer
    stride = STRIDE["run"] * longer
    if t < RUN_DOWN:
        return leg_to(hip, (ahead - stride * t, 0.0))
    s = (t - RUN_DOWN) / (1.0 - RUN_DOWN)  # how far through the swing, 0 to 1
    over = (1.0 - RUN_LAND[0]) * (1.0 - RUN_DOWN) * stride  # to go before it lands
    keys = [(0.0, *leg_to(hip, (-behind, 0.0))), *RUN_SWING,
            (RUN_LAND[0], *leg_to(hip, (ahead + over, RUN_LAND[1]))),
            (1.0, *leg_to(hip, (ahead, 0.0)))]
    return _through(keys, s)


def _through(keys: list[tuple[float, float, float]], s: float) -> Point:
    """Two values at s, on a smooth curve through keys (s, a, b) in order of s (a cubic
    through each pair, its slopes from the keys either side)."""
    n = next(i for i in range(1, len(keys)) if s <= keys[i][0] or i == len(keys) - 1)
    (s0, *v0), (s1, *v1) = keys[n - 1], keys[n]
    before, after = keys[max(0, n - 2)], keys[min(len(keys) - 1, n + 1)]
    u = (s - s0) / (s1 - s0)
    h00, h10, h01, h11 = (2 * u ** 3 - 3 * u ** 2 + 1, u ** 3 - 2 * u ** 2 + u,
                          -2 * u ** 3 + 3 * u ** 2, u ** 3 - u ** 2)
    out = []
    for j in range(2):
        m0 = (v1[j] - before[1 + j]) / (s1 - before[0]) * (s1 - s0)
        m1 = (after[1 + j] - v0[j]) / (after[0] - s0) * (s1 - s0)
        out.append(h00 * v0[j] + h10 * m0 + h01 * v1[j] + h11 * m1)
    return out[0], out[1]


def sit(t: float) -> Angles:
    w = 2 * math.pi * t
    sway = 0.05 * math.sin(w)
    return Angles((0.0, SEAT), 0.12 + sway, (1.45, 1.35), (1.55, 1.35), (0.55 + sway, 0.45),
                  (1.15, 1.25), nod=0.15 + 0.12 * math.sin(w * 2), sitting=True)


def idle(t: float) -> Angles:
    w = 2 * math.pi * t
    shift = math.sin(w)
    return Angles((0.015 * shift, 0.5), 0.02 * shift, (0.06 + 0.04 * shift, -0.06),
                  (0.06, 0.1), (0.08 + 0.06 * math.sin(w + 1), -0.05), (0.25, 0.35),
                  nod=0.1 * math.sin(w * 0.5))


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


def phone(t: float) -> Angles:
    """On a payphone: the receiver at his ear, the free hand on the phone box (FREE_HAND),
    shifting his weight from foot to foot."""
    w = 2 * math.pi * t
    shift = math.sin(w)
    hip, lean = (0.02 * shift, 0.5), 0.04 + 0.03 * shift
    free = reach_to(spine(hip, lean, 0.0, TORSO - SHOULDER_DROP)[0], FREE_HAND)
    return Angles(hip, lean, (0.05, -0.08), (0.05, 0.1), (0.75, free[0]), (2.65, free[1]),
                  nod=0.18)


def _ear(hip: Point, lean: float, nod: float) -> Point:
    """Where the receiver's top lies at his ear, for a head on this spine (see pose)."""
    head = toward(spine(hip, lean, 0.0, TORSO + NECK)[0], math.pi - lean - nod, HEAD)
    return head[0] + HEAD * 0.3, head[1] - HEAD * 0.1


def _breathing(t: float, nod: float) -> tuple[float, float]:
    """A still pose's breathing at phase t: how far the hip rises, and the head's nod."""
    w = math.sin(2 * math.pi * t)
    return BREATH[0] * w, nod + BREATH[1] * w


def phone_head(t: float) -> Angles:
    """Listening with his free hand at his brow, his head bowed into it, hardly moving."""
    rise, nod = _breathing(t, CALL_NODS["phone-head"])
    return _holding_head((0.0, 0.5 + rise), 0.06, (0.05, -0.08), (0.05, 0.1), nod)


def _holding_head(hip: Point, lean: float, thighs: Point, knees: Point, nod: float) -> Angles:
    """The receiver at his ear and the free hand at his brow, on this body."""
    shoulder = spine(hip, lean, 0.0, TORSO - SHOULDER_DROP)[0]
    ear = _ear(hip, lean, nod)
    head = toward(spine(hip, lean, 0.0, TORSO + NECK)[0], math.pi - lean - nod, HEAD)
    near = reach_to(shoulder, (ear[0] + EAR_HAND[0], ear[1] + EAR_HAND[1]))
    free = reach_to(shoulder, (head[0] + BROW[0] * HEAD, head[1] + BROW[1] * HEAD))
    return Angles(hip, lean, thighs, knees, (near[0], free[0]), (near[1], free[1]), nod=nod)


def _slumped(t: float, name: str) -> tuple[Point, float, Point, Point, float]:
    """The slumped body at phase t: the hip, the lean, the thigh angles and knee folds that
    keep his feet where "phone" stands them, and the nod."""
    rise, nod = _breathing(t, CALL_NODS[name])
    hip = (SLUMP_HIP[0], SLUMP_HIP[1] + rise)
    stand = phone(0.0)
    feet = [toward(toward(stand.hip, stand.thighs[i], THIGH),
                   stand.thighs[i] - stand.knees[i], SHIN) for i in (0, 1)]
    legs = [leg_to(hip, foot) for foot in feet]
    return hip, SLUMP_LEAN, (legs[0][0], legs[1][0]), (legs[0][1], legs[1][1]), nod


def phone_slump(t: float) -> Angles:
    """Slumped back against the glass, the receiver still at his ear, his hand at his brow."""
    return _holding_head(*_slumped(t, "phone-slump"))


def phone_down(t: float) -> Angles:
    """Against the glass, the receiver let go: both arms hanging, his head down."""
    hip, lean, thighs, knees, nod = _slumped(t, "phone-down")
    return Angles(hip, lean, thighs, knees, (HANGING_ARMS[0][0], HANGING_ARMS[1][0]),
                  (HANGING_ARMS[0][1], HANGING_ARMS[1][1]), nod=nod)


def call_move(name: str) -> str:
    """The move played once into call pose `name`, from the one before it."""
    return f"{CALL[CALL.index(name) - 1]}>{name}"


def _moving_on(before: str, after: str) -> Callable[[float], Angles]:
    """The move from one pose (at its phase 0) into the next (at its phase 0), played once."""
    return lambda t: _moved(CYCLES[before](0.0), CYCLES[after](0.0), s_curve(clamp01(t)))


def _moved(a: Angles, b: Angles, k: float) -> Angles:
    """The body k of the way from a to b, each hand going straight from where it was to where
    it goes (not swung through the angles between: a hand coming down from the ear or the
    brow would first rise over the head)."""
    body = between(a, b, k)
    shoulder = spine(body.hip, body.lean, body.hunch, TORSO - SHOULDER_DROP)[0]
    starts, ends = _limbs(a)[2], _limbs(b)[2]
    arms = [reach_to(shoulder, (lerp(starts[f"wrist{i}"][0], ends[f"wrist{i}"][0], k),
                                lerp(starts[f"wrist{i}"][1], ends[f"wrist{i}"][1], k)))
            for i in (0, 1)]
    return replace(body, shoulders=(arms[0][0], arms[1][0]), elbows=(arms[0][1], arms[1][1]))


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


def reach(t: float) -> Angles:
    """Leaning in, the near arm held out and down (a hand offered to an animal), coaxing."""
    w = 2 * math.pi * t
    coax = math.sin(w)
    return Angles((0.0, 0.5), 0.14 + 0.03 * coax, (0.1, -0.1), (0.12, 0.06),
                  (1.15 + 0.12 * coax, 0.05), (0.12 + 0.1 * max(0.0, coax), 0.3),
                  nod=0.3 + 0.05 * coax)


def straighten(t: float) -> Angles:
    """Straightening up from a reach, played once over t from 0 to 1: from leaning in with the
    hand held out (a reach between two coaxings), the arm comes down to the side, easing in
    and out, and they stand as idle does at its start."""
    return between(reach(0.0), idle(0.0), s_curve(clamp01(t)))


def between(a: Angles, b: Angles, k: float) -> Angles:
    """The pose k of the way from a to b (every angle, and the hip's place; seated as b)."""
    def pair(x: tuple[float, float], y: tuple[float, float]) -> tuple[float, float]:
        return lerp(x[0], y[0], k), lerp(x[1], y[1], k)

    return Angles(pair(a.hip, b.hip), lerp(a.lean, b.lean, k), pair(a.thighs, b.thighs),
                  pair(a.knees, b.knees), pair(a.shoulders, b.shoulders),
                  pair(a.elbows, b.elbows), lerp(a.nod, b.nod, k), b.sitting,
                  lerp(a.hunch, b.hunch, k))


def hold(t: float) -> Angles:
    """An old couple's embrace: arms round each other's waist and shoulders, swaying
    slowly together, their feet planted (a partner facing the other way is half a cycle on,
    so both lean the same way across the picture)."""
    rock = math.sin(2 * math.pi * t)
    return Angles((0.0, 0.5), 0.08 + HUG_ROCK * rock, (0.06, -0.04),
                  (0.06, 0.04), HUG_ARMS[0], HUG_ARMS[1], nod=0.2)


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


CYCLES: dict[str, Callable[[float], Angles]] = {
    "walk": walk, "run": run, "sit": sit, "idle": idle, "embrace": embrace,
    "embrace-back": embrace_back, "phone": phone, "reach": reach, "handshake": handshake,
    "handshake-back": handshake_back, "straighten": straighten}
CYCLES |= {"phone-head": phone_head, "phone-slump": phone_slump, "phone-down": phone_down}
CYCLES |= {call_move(name): _moving_on(before, name) for before, name in pairwise(CALL)}
OLD_CYCLES: dict[str, Callable[[float], Angles]] = {"embrace": hold, "embrace-back": hold}
GAITED: dict[str, Callable[[float, Gait], Angles]] = {"walk": walk, "run": run}


def aged(angles: Angles, stoop: float) -> Angles:
    """A pose as someone old holds it: the upper back rounded by `stoop` radians, the hips
    leaning a little, the knees a little bent, the head carried forward."""
    if angles.sitting:
        return replace(angles, hunch=stoop, nod=angles.nod - AGED["chin"] * stoop)
    bend, fold = AGED["thigh"] * stoop, AGED["knee"] * stoop
    return replace(angles, lean=angles.lean + AGED["lean"] * stoop, hunch=stoop, ground=None,
                   thighs=(angles.thighs[0] + bend, angles.thighs[1] + bend),
                   knees=(angles.knees[0] + fold, angles.knees[1] + fold),
                   nod=angles.nod - AGED["chin"] * stoop)


def aged_steps(angles: Angles, stoop: float) -> Angles:
    """A walk or run as someone old holds it: stooped as `aged`, the hip lower and the knees
    bent, over feet where the stride sets them (they never slide on the ground)."""
    bent = aged(angles, stoop)
    hip = (angles.hip[0], angles.hip[1] - AGED["drop"] * stoop)
    legs = [leg_to(hip, _ankle(angles, side)) for side in (0, 1)]
    return replace(bent, hip=hip, thighs=(legs[0][0], legs[1][0]),
                   knees=(legs[0][1], legs[1][1]), ground=angles.ground)


def _ankle(angles: Angles, side: int) -> Point:
    knee = toward(angles.hip, angles.thighs[side], THIGH)
    return toward(knee, angles.thighs[side] - angles.knees[side], SHIN)


def pose(name: str, t: float, stoop: float = 0.0, cane: bool = False, gait: Gait = GAIT,
         hold: Callable[[Angles], Angles] | None = None) -> Body:
    """The body in pose `name` at cycle phase t (0 to 1), feet on the ground line y = 0;
    stooped by old age if `stoop` (radians), with a walking stick in the near hand if
    `cane`; walking or running in its `gait`; its arms as `hold` sets them (carrying
    something: see carried.holding)."""
    angles = (OLD_CYCLES.get(name, CYCLES[name]) if stoop else CYCLES[name])(t % 1.0) \
        if gait == GAIT or name not in GAITED else GAITED[name](t % 1.0, gait)
    if stoop and name in OLD_CYCLES:
        stoop *= HUG_STOOP
    if stoop:
        angles = aged_steps(angles, stoop) if name in MOVING else aged(angles, stoop)
    if cane:
        angles = replace(angles, shoulders=(CANE_ARM[0], angles.shoulders[1]),
                         elbows=(CANE_ARM[1], angles.elbows[1]))
    elif hold is not None and not angles.sitting:
        angles = hold(angles)
    capsules, hand, joints = _limbs(angles)
    lowest = 0.0 if angles.sitting else min(min(c.a[1], c.b[1]) for c in capsules) \
        if angles.ground is None else angles.ground - TOE_DROP
    lift = -lowest + WIDTHS["foot"] / 2 if not angles.sitting else 0.0
    moved = tuple(replace(c, a=(c.a[0], c.a[1] + lift), b=(c.b[0], c.b[1] + lift))
                  for c in capsules)
    if angles.sitting:  # a stool under them: a seat and a pedestal
        seat = angles.hip[1] - WIDTHS["pelvis"] / 2
        moved = (Capsule((-0.07, seat), (0.07, seat), WIDTHS["foot"], True),
                 Capsule((0.0, seat), (0.0, 0.01), WIDTHS["foot"] * 0.6, True)) + moved
    head = (_head(angles)[0], _head(angles)[1] + lift)
    hand = (hand[0], hand[1] + lift)
    if name in HOLDING or name in HELD_MOVES:  # the receiver, from the hand up to the ear
        ear = (head[0] + HEAD * 0.3, head[1] - HEAD * 0.1)
        moved += (Capsule(hand, toward(hand, math.atan2(ear[0] - hand[0], hand[1] - ear[1]),
                                       RECEIVER), WIDTHS["receiver"], limb="hand"),)
    if cane:  # from the hand down to the floor in front, and its crook over the hand
        moved += _cane(hand)
    placed = {name: (x, y + lift) for name, (x, y) in joints.items()}
    return Body(moved, head, hand, joints=placed, lean=angles.lean, nod=angles.nod,
                hunch=angles.hunch)


HELD_MOVES = tuple(call_move(name) for name in HOLDING[1:])  # the receiver held all through


def _cane(hand: Point) -> tuple[Capsule, ...]:
    tip = (CANE_TIP, CANE / 2)
    crook = [(hand[0] + dx, hand[1] + dy) for dx, dy in CROOK]
    return (Capsule(hand, tip, CANE, limb="hand"),
            *(Capsule(a, b, CANE, limb="hand") for a, b in pairwise([hand, *crook])))


def _limbs(angles: Angles) -> tuple[list[Capsule], Point, dict[str, Point]]:
    hip = angles.hip

    def up(length: float) -> Point:
        return spine(hip, angles.lean, angles.hunch, length)[0]

    shoulder, neck_top = up(TORSO - SHOULDER_DROP), up(TORSO + NECK)
    out: list[Capsule] = []
    hand = shoulder
    joints = {"hip": hip, "shoulder": shoulder}
    for side in (1, 0):  # far side first, so the near limbs are drawn over it
        far = side == 1
        knee = toward(hip, angles.thighs[side], THIGH)
        ankle = toward(knee, angles.thighs[side] - angles.knees[side], SHIN)
        toe = (ankle[0] + FOOT, ankle[1] - TOE_DROP)
        elbow = toward(shoulder, angles.shoulders[side], UPPER_ARM)
        wrist = toward(elbow, angles.shoulders[side] + angles.elbows[side], FOREARM)
        joints |= {f"knee{side}": knee, f"elbow{side}": elbow, f"wrist{side}": wrist}
        out += [Capsule(hip, knee, WIDTHS["thigh"], far, WIDTHS["knee"], "leg"),
                Capsule(knee, ankle, WIDTHS["shin"], far, WIDTHS["ankle"], "leg"),
                Capsule(ankle, toe, WIDTHS["foot"], far, limb="leg")]
        if not far:
            out.append(Capsule(hip, up(TORSO * 0.45), WIDTHS["pelvis"]))
            chest = [TORSO * 0.4, TORSO - WIDTHS["chest"] / 2]
            if angles.hunch:  # a rounded back: the chest in two, bent at the middle
                chest.insert(1, sum(chest) / 2)
            out += [Capsule(up(a), up(b), WIDTHS["chest"]) for a, b in pairwise(chest)]
            out.append(Capsule(shoulder, neck_top, WIDTHS["neck"]))
            hand = wrist
        out += [Capsule(shoulder, elbow, WIDTHS["upper"], far, WIDTHS["elbow"], "arm"),
                Capsule(elbow, wrist, WIDTHS["fore"], far, WIDTHS["wrist"], "arm")]
    return out, hand, joints


def _head(angles: Angles) -> Point:
    neck_top, tilt = spine(angles.hip, angles.lean, angles.hunch, TORSO + NECK)
    return toward(neck_top, math.pi - tilt - angles.nod, HEAD)
