"""A run reads as running, not lunging: the hips carried high over the legs (the big runners of
the panic at 04:23:12 crouched with their hips low, the leg on the ground bent deep under them,
the other's shin trailing behind at knee height: a lunge, or someone kneeling)."""

from __future__ import annotations

import math

from installation.visuals.poses import pose
from installation.visuals.skeleton import Gait

STEPS = 64  # moments of a running cycle looked at
HIPS_LEAST = 0.93  # of a standing person's hip height: a runner's hips never lower (0.88 were)
STRAIGHT = 0.93  # a foot on the ground: hip to ankle at least this share of the leg's length
GROUNDED = 0.03  # figure heights: an ankle this low is on the ground
GAITS = (Gait(), Gait(1.12, 1.0, 1.7), Gait(0.88, 1.0, 1.0))  # the longest, bounciest, shortest


def test_a_runners_hips_stay_high_and_the_leg_on_the_ground_nearly_straight() -> None:
    standing = pose("idle", 0.0).joints["hip"][1]
    for gait in GAITS:
        for step in range(STEPS):
            joints = pose("run", step / STEPS, gait=gait).joints
            assert joints["hip"][1] >= HIPS_LEAST * standing, (gait, step, joints["hip"])
            for side in "01":
                hip, knee, ankle = joints["hip"], joints[f"knee{side}"], joints[f"ankle{side}"]
                if ankle[1] >= GROUNDED:
                    continue
                reach = math.dist(hip, ankle) / (math.dist(hip, knee) + math.dist(knee, ankle))
                assert reach >= STRAIGHT, (gait, step, side, reach)
