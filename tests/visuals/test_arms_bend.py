"""Arms bend as arms do: in every pose, at every phase, each elbow folds forward within what an
elbow can (never back on itself: a forearm hanging from a raised elbow read as a club), the
forearm no longer than the upper arm by much; a hand raised to the brow is at the brow, and
folded arms keep their hands inside the chest's outline (not a stub with a fist out in front)."""

from __future__ import annotations

import math

import pytest

from installation.visuals.argue import FOLDED
from installation.visuals.poses import CYCLES, pose
from installation.visuals.skeleton import HEAD, TURNED_WIDTH, limbs
from installation.visuals.wardrobe import TORSOS

STEPS = 120  # phases looked at across each pose's cycle
ELBOW = (-0.1, 2.75)  # an elbow's fold, radians: straight (a little past), to folded tight


@pytest.mark.parametrize("name", sorted(CYCLES))
def test_every_elbow_folds_within_a_human_range(name: str) -> None:
    for step in range(STEPS):
        angles = CYCLES[name](step / STEPS)
        _, _, joints = limbs(angles)
        for side, fold in enumerate(angles.elbows):
            assert ELBOW[0] <= fold <= ELBOW[1], f"{name} at {step}/{STEPS}: elbow {fold:.2f}"
            root = joints["shoulder"]
            upper = math.dist(root, joints[f"elbow{side}"])
            fore = math.dist(joints[f"elbow{side}"], joints[f"wrist{side}"])
            assert fore <= 1.2 * upper + 0.02, f"{name}: forearm {fore:.3f}, upper {upper:.3f}"


def test_a_hand_raised_to_peer_in_is_at_the_brow() -> None:
    """Held up (the middle of peer's cycle), the near hand is at the forehead: within a head's
    width of the head's centre and above the chin (on main it was at the chest, the forearm
    bent backwards down from the raised elbow)."""
    body = pose("peer", 0.5)
    wrist = body.joints["wrist0"]
    assert math.dist(wrist, body.head) < 2 * HEAD, (wrist, body.head)
    assert wrist[1] > body.head[1] - HEAD


def test_folded_arms_keep_the_hands_inside_the_chest() -> None:
    """Arms folded on a stool (turned three-quarters, the chest seen wide): the forearms cross
    the chest, each wrist inside its outline and the hands tucked out of sight under the other
    arm, so no forearm juts out level with a fist (04:22's seated man), and no elbow sticks out
    behind the back like a wing."""
    for name, t in (("argue-folded", 0.0), ("talk-glance", 2.5 / 6)):
        body = pose(name, t)
        assert body.tucked, name
        chest = max(x for x, _ in TORSOS["shirt"]) * (1 + TURNED_WIDTH * body.turn)
        back = min(x for x, _ in TORSOS["shirt"]) * (1 + TURNED_WIDTH * body.turn)
        spine = body.joints["shoulder"][0]
        for side in (0, 1):
            assert body.joints[f"wrist{side}"][0] <= spine + chest, (name, side, FOLDED)
            assert body.joints[f"elbow{side}"][0] >= spine + back, (name, side, FOLDED)
