"""Walking and running: each foot planted while the ground goes back under it at the pace
the figure moves on (it never slides), then swung through to the next step."""

from __future__ import annotations

import math

from installation.visuals.skeleton import GAIT, Angles, Gait, Point, leg_to

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
LEG_REACH = math.hypot(STRIDE["walk"] / 4, WALK_HIP[0] - WALK_HIP[1])  # hip to a far foot


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

