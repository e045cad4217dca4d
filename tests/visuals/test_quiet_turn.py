"""Harry and Julie quiet together (15:31:30): heads bowed a little, hands clasped at the small
of the back, never a head hanging forward on a thin neck or arms out behind as a hump."""

from __future__ import annotations

import math

from installation.visuals.poses import pose
from installation.visuals.talk import TURN_STEPS, turn_pose

BOWED_MOST = math.radians(20)  # how far a quiet head may bow (it hung 0.6 rad: 34 degrees)
BACK_MOST = 0.065  # figure heights a clasped hand may lie behind the hip (the jacket's back
#                    is 0.078 behind the spine: hands at 0.1 stuck out past it as a block)


def test_a_quiet_head_bows_twenty_degrees_at_most() -> None:
    nods = [turn_pose("quiet", n / TURN_STEPS).nod for n in range(TURN_STEPS)]
    assert max(nods) <= BOWED_MOST, max(nods)


def test_hands_clasped_behind_stay_inside_the_back() -> None:
    for n in range(TURN_STEPS):
        body = pose("talk-quiet", n / TURN_STEPS)
        hip = body.joints["hip"][0]
        for side in (0, 1):
            behind = hip - body.joints[f"wrist{side}"][0]
            assert behind <= BACK_MOST, (n, side, behind)
