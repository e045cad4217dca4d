"""Harry after he lets the receiver fall, slumped against the booth's glass: his near arm hangs
limp a little forward, the hand in front of his hip, so that in profile against the lit glass
he has an arm (hanging straight down it lay inside his outline: 'an armless dark slab')."""

from __future__ import annotations

from installation.visuals.poses import pose

IN_FRONT = 0.06  # of his height: the near hand this far in front of his hip, at least
LIMP = 0.1  # ... and no higher than this above it (hanging, not reaching for the phone)


def test_his_near_hand_hangs_in_front_of_his_hip() -> None:
    for phase in (0.0, 0.25, 0.5, 0.75):
        joints = pose("phone-down", phase).joints
        hip, hand, elbow = joints["hip"], joints["wrist0"], joints["elbow0"]
        assert hand[0] - hip[0] >= IN_FRONT, (phase, hip, hand)
        assert hand[1] < elbow[1] and hand[1] - hip[1] <= LIMP, (phase, hip, elbow, hand)
