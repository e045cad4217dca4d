"""Walking and running: each foot planted while the ground goes back under it at the pace
the figure moves on (it never slides), then swung through to the next step."""

from __future__ import annotations

import math

from installation.visuals.panic_arms import panicked
from installation.visuals.skeleton import (
    GAIT,
    Angles,
    Gait,
    Point,
    ankle_from,
    hips,
    leg_to,
    lowest_tip,
    on_toes,
)

STRIDE = {"walk": 0.8, "run": 1.7}  # ground covered by one whole cycle, in figure heights
RUNS_IN = {"run-glance": 3, "run-stumble": 4}  # runs whose cycle is this many running strides
STRIDE |= {name: strides * STRIDE["run"] for name, strides in RUNS_IN.items()}
# A walker's hip above the ankles: its middle height and how far it rises as a leg passes under
# it (and dips where the feet are apart, both down); how high a swinging foot is lifted.
WALK_HIP = (0.4755, 0.0185)
WALK_LIFT = 0.05
# A walking foot lands on its heel, toes up STRIKE radians, flat after FLAT_FOOT of the cycle;
# its heel leaves the ground at HEEL_OFF of its cycle, the foot rolling over its toes to
# TOE_OFF radians; where they leave the ground is carried ROLL_OUT into the swing.
STRIKE = -0.3
FLAT_FOOT = 0.07
HEEL_OFF = 0.6
TOE_OFF = 0.65
ROLL_OUT = 0.35
TOES_OFF = 0.75 + FLAT_FOOT  # its toes leave the ground as the other foot comes down flat
HANG = 0.75  # a swinging foot tips toe down this share of the shin's tilt back, at least
CLEAR = 0.035  # in figure heights: a hanging toe clears the ground by this much
LIFT_OFF = 0.1  # of a swing: how soon the toe is that clear of the ground
SWING_LAG = 1.4  # the swinging foot stays behind (lifted) early in its swing, then comes through
WALK_LAND = 0.88  # this late in its swing the foot is over where it lands, and comes down
# A running foot: how far ahead of the hip it is set down, and how far behind it leaves the
# ground (STRIDE a cycle on: down for RUN_DOWN of the cycle, about a fifth, each; both feet in
# the air between).
RUN_REACH = (0.12, 0.2)
RUN_DOWN = sum(RUN_REACH) / STRIDE["run"]
# Between, the swinging leg's keys (how far through the swing, the thigh's angle, the knee's
# fold): the thigh comes forward from the moment the foot leaves the ground (it reaches back
# furthest as it pushes off) and the heel flicks up at once to the seat, then is carried
# tucked under as the knee drives forward and high, and the shin reaches out to land. (Kept
# reaching back after the push-off, the thigh to half a radian behind, the knee folding
# slowly, the shin stuck out flat behind at the hem's height for three of a stride's sixteen
# drawings: a slide or the splits, 04:58; a thigh hanging under them over a shin flat out
# behind reads as kneeling: the heel passes that in a flash.)
RUN_SWING = ((0.06, 0.1, 2.3), (0.16, 0.28, 2.5), (0.3, 0.56, 2.45), (0.45, 0.9, 2.3),
             (0.6, 1.05, 1.83), (0.76, 0.8, 0.96))
# This late in its swing the foot is over where it lands, this high (within the leg's reach:
# earlier, further ahead, it was beyond it, the knee locked straight out in front).
RUN_LAND = (0.95, 0.035)
# A running foot lands flat; its heel rises after RUN_HEEL_OFF of its time on the ground, the
# foot rolling over its toes to RUN_TOE_OFF radians, pointing back as it kicks up behind, and
# level again RUN_POINTED of the way through the swing.
RUN_HEEL_OFF = 0.45
RUN_TOE_OFF = 0.8
RUN_POINTED = 0.55
RUN_HIP = (0.485, 0.008)  # its middle height; how far it dips over a planted foot, rises between
RUN_LEAN = 0.34  # the body leant forward from the hip, radians
RUN_ARM_LAG = 0.5  # of a cycle: the near arm furthest back (at 0.75) as the near knee drives
RUN_ARM = (-0.05, 0.85)  # a running arm's swing: its middle and how far either way
# Its elbow's fold, in powers of the swing (-1 back, 1 forward): the forearm points up past
# level through the middle of the swing, the hand rising to the chin, and down to the hip as
# the elbow drives back behind (never a level, straight-out arm for long).
RUN_ELBOW = (2.05, -0.15, -0.3)
# A run with more knee (a gait's `knee` over 1: Julie's, in a dress and flat shoes), for each 1
# over: the swinging thigh driven up so much further (of its own angle at the swing's keys),
# the heel folded further up under the seat, the hip carried lower (figure heights: the knee
# bent over the planted foot, the leg behind still bent as it leaves the ground, never a rod)
# and the body more upright (radians less lean).
KNEE_MORE = {"thigh": 0.7, "fold": 0.8, "drop": 0.07, "upright": 0.5}
FOLD_MOST = 2.6  # a knee folds no further than this (the heel at the seat)
# Arms carried high and close (a gait's "held" arms, Julie's): the shoulder's angle at the
# middle of its swing and how far either way (half a pump's: the elbows by her sides), and the
# elbow's fold, the forearm carried forward about level, folding more as it comes forward.
HELD = (0.0, 0.4, 1.45, 0.35)
LEG_REACH = math.hypot(STRIDE["walk"] / 4, WALK_HIP[0] - WALK_HIP[1])  # hip to a far foot


def walk(t: float, gait: Gait = GAIT) -> Angles:
    """Walking: each foot planted on the ground for half the cycle, moving back under the hip
    exactly as fast as the walker moves on (STRIDE a cycle, times the gait's: it never
    slides), then lifted and swung forward to the next step; the hip dips where both feet are
    down (see _walking_hip); the arms swing against the legs."""
    w = 2 * math.pi * t
    stride = STRIDE["walk"] * gait.stride
    hip = (0.0, _walking_hip(w, gait))
    twist = math.sin(w) * gait.swing  # the near hip forward with the near foot
    feet = [_rolling(t + shift, stride) for shift in (0.0, 0.5)]
    legs = [leg_to(joint, foot[0]) for joint, foot in zip(hips(hip, twist), feet, strict=True)]
    tips = [foot[1] if foot[2] is None else _hanging(foot[1], leg, joint, foot[2])
            for foot, leg, joint in zip(feet, legs, hips(hip, twist), strict=True)]
    arms = [(-0.34 * gait.swing * math.sin(p), 0.3 + 0.15 * max(0.0, -math.sin(p)))
            for p in (w, w + math.pi)]
    return Angles(hip, 0.05, (legs[0][0], legs[1][0]),
                  (legs[0][1], legs[1][1]), (arms[0][0], arms[1][0]), (arms[0][1], arms[1][1]),
                  toes=(tips[0], tips[1]), twist=twist)


def _rolling(t: float, stride: float) -> tuple[Point, float, float | None]:
    """Where a walking foot's ankle is at phase t and how far the foot tips toe down: set down
    on its heel at t = 0.25, toes up, and lowered flat; planted, going back at the walker's
    pace (see _stepping); then the heel rises, the foot rolling over its toes, which stay
    where they are on the ground until the other foot is down flat; then swung through (as
    _stepping swings it, from where the toes left), the toes pointing down as it leaves,
    level, and lifting again to land on the heel."""
    u = t % 1.0
    if 0.25 <= u < HEEL_OFF:
        landed = (u - 0.25) / FLAT_FOOT
        return _stepping(u, stride), STRIKE * (1.0 - _ease(landed)) if landed < 1.0 else 0.0, \
            None
    if HEEL_OFF <= u < TOES_OFF:  # the heel up, the toes where they were on the ground
        tip = TOE_OFF * _ease((u - HEEL_OFF) / (TOES_OFF - HEEL_OFF))
        return on_toes(_planted(u, stride), tip), tip, None
    s = _swung(u)
    ankle = _stepping(0.75 + s / 2, stride)
    left = on_toes(_planted(TOES_OFF, stride), TOE_OFF)  # where it left the ground
    start = _stepping(0.75, stride)
    carried = 1.0 - _ease(s / ROLL_OUT)  # from there, into the swing's own path
    x, y = ankle[0] + (left[0] - start[0]) * carried, ankle[1] + (left[1] - start[1]) * carried
    tip = TOE_OFF * (1.0 - _ease(2 * s)) if s < 0.5 else STRIKE * _ease(2 * s - 1)
    return (x, y), tip, s


def _swung(u: float) -> float:
    """How far through its swing (0 to 1, as _stepping swings it) a walking foot whose toes
    left the ground at TOES_OFF is at phase u: behind _stepping's own at first, caught up by
    where it comes down (WALK_LAND on, it moves at the ground's pace: it never slides)."""
    late = 0.75 + WALK_LAND / 2
    v = (u - TOES_OFF) % 1.0 + TOES_OFF
    if v >= late:
        return (v - 0.75) * 2
    return (v - TOES_OFF) / (late - TOES_OFF) * WALK_LAND


def _planted(u: float, stride: float) -> Point:
    """Where a walking foot set down at phase 0.25 is at phase u, flat on the ground."""
    return stride / 4 - stride * (u - 0.25), 0.0


def _hanging(tip: float, leg: Point, hip: Point, swung: float) -> float:
    """A foot off the ground tipped `tip`, or further as the shin swings back (the thigh's
    angle and the knee's fold in `leg`, from `hip`, over the ground at 0), `swung` of the way
    through its swing: it hangs off the ankle at about a right angle to the shin (HANG of the
    shin's tilt), never held level behind like a stick; its toe rises off the ground as the
    swing begins (by CLEAR over its first LIFT_OFF) and never scuffs the ground after."""
    ankle = ankle_from(hip, *leg)
    clear = CLEAR * min(1.0, swung / LIFT_OFF)
    return min(max(tip, HANG * (leg[1] - leg[0])), max(0.0, lowest_tip(ankle[1] - clear)))


def _ease(k: float) -> float:
    """0 to 1 as k goes 0 to 1, slow at both ends (and held outside)."""
    k = min(1.0, max(0.0, k))
    return k * k * (3.0 - 2.0 * k)


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



def run(t: float, gait: Gait = GAIT) -> Angles:
    """Running: each foot planted on the ground for RUN_DOWN of the cycle, moving back under
    the hip exactly as fast as the runner moves on (STRIDE a cycle, times the gait's: it
    never slides; the reach of each foot in proportion), then
    kicked up behind and swung through, the knee high, to land ahead; both feet are off the
    ground between (the hip lowest over a planted foot, highest in the air); the arms pump
    against the legs, elbows bent, the forearm rising to the chin as the arm comes forward
    and the elbow driving back behind (or as a runner in panic moves them: see
    panic_arms)."""
    dip = RUN_HIP[1] * gait.bounce
    more = gait.knee - 1.0
    hip = (0.0, RUN_HIP[0] - KNEE_MORE["drop"] * more
           - dip * math.cos(4 * math.pi * (t - RUN_DOWN / 2)))
    w = 2 * math.pi * (t - RUN_ARM_LAG)
    swings = [-math.sin(p) for p in (w, w + math.pi)]  # an arm goes back as its leg goes forward
    twist = -swings[0] * gait.swing  # the near hip forward as the near arm goes back
    legs = [_running_leg(joint, (t + shift) % 1.0, gait.stride, more)
            for joint, shift in zip(hips(hip, twist), (0.0, 0.5), strict=True)]
    arms = [_running_arm(s, gait) for s in swings]
    angles = Angles(hip, RUN_LEAN - KNEE_MORE["upright"] * more, (legs[0][0], legs[1][0]),
                    (legs[0][1], legs[1][1]),
                    (arms[0][0], arms[1][0]), (arms[0][1], arms[1][1]), nod=0.1, ground=0.0,
                    toes=(legs[0][2], legs[1][2]), twist=twist)
    return panicked(angles, w, (swings[0], swings[1]), gait)


def _running_arm(swing: float, gait: Gait) -> Point:
    """A running arm's shoulder angle and elbow fold, `swing` forward (-1 back to 1): pumping,
    the forearm rising to the chin as it comes forward and the elbow driving back behind; or
    carried high and close ("held" arms: see HELD), swinging half as far."""
    if gait.arms == "held":
        middle, reach, fold, more = HELD
        return middle + reach * gait.swing * swing, fold + more * (1 + swing) / 2
    return (RUN_ARM[0] + RUN_ARM[1] * gait.swing * swing,
            sum(c * swing ** n for n, c in enumerate(RUN_ELBOW)))


def _running_leg(hip: Point, t: float, longer: float = 1.0,
                 more: float = 0.0) -> tuple[float, float, float]:
    """A running leg's thigh angle, knee fold and foot's tip (toe down) at phase t: planted
    from t = 0 for RUN_DOWN of the cycle, the ankle set down RUN_REACH[0] ahead and going back
    at the runner's pace (it never slides), the heel rising late, the foot rolling over its
    toes; then through the swing's keys (RUN_SWING) from where it left the ground, the toes
    pointing back, to over where it lands (RUN_LAND), and down onto it; reaching `longer`
    times as far each way for a longer stride; with `more` knee (see KNEE_MORE), the thigh
    driven higher and the heel folded further."""
    ahead, behind = RUN_REACH[0] * longer, RUN_REACH[1] * longer
    stride = STRIDE["run"] * longer
    if t < RUN_DOWN:
        k = t / RUN_DOWN
        tip = RUN_TOE_OFF * _ease((k - RUN_HEEL_OFF) / (1.0 - RUN_HEEL_OFF))
        return (*leg_to(hip, on_toes((ahead - stride * t, 0.0), tip)), tip)
    s = (t - RUN_DOWN) / (1.0 - RUN_DOWN)  # how far through the swing, 0 to 1
    over = (1.0 - RUN_LAND[0]) * (1.0 - RUN_DOWN) * stride  # to go before it lands
    swing = [(k, thigh * (1.0 + KNEE_MORE["thigh"] * more * (thigh > 0)),
              min(FOLD_MOST, fold * (1.0 + KNEE_MORE["fold"] * more)))
             for k, thigh, fold in RUN_SWING]
    keys = [(0.0, *leg_to(hip, on_toes((-behind, 0.0), RUN_TOE_OFF))), *swing,
            (RUN_LAND[0], *leg_to(hip, (ahead + over, RUN_LAND[1]))),
            (1.0, *leg_to(hip, (ahead, 0.0)))]
    thigh, knee = _through(keys, s)
    pointed = RUN_TOE_OFF * (1.0 - _ease(s / RUN_POINTED))
    return thigh, knee, _hanging(pointed, (thigh, knee), hip, s)


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

