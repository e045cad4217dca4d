"""Panic in the diner (04:20-04:35): the man who stays at the counter, turned three-quarters to
the visitor, has a neck under his head, not a column as deep as his head (on 514f45fc a body
turned towards the visitor had its neck widened as its chest is, 1.4 times at a full turn: his
was as deep as his jaw); so has everyone in the diner's crowd who turns, in every pose."""

from __future__ import annotations

from installation.visuals.heads import HEAD
from installation.visuals.headwear import HEAD_SCALE
from installation.visuals.poses import CYCLES, pose

STEPS = 16  # phases looked at through each pose's cycle
NECK_SHARE = 0.75  # a neck is at most this share of the head's depth at the jaw, as drawn
# (514f45fc: 0.86 for the man who stays; 0.61 for anyone in profile)
JAW = -0.46  # head radii under the head's centre: the jaw's row (see heads.HEAD)


def _depth_at_jaw() -> float:
    """The head's depth from the nape to the jaw's front, in head radii."""
    near = [x for x, y in HEAD if abs(y - JAW) < 0.15]
    return max(near) - min(near)


def test_the_man_who_stays_has_a_neck_not_a_column() -> None:
    """Through his whole cycle at the counter (turned three-quarters to the visitor) his neck
    is NECK_SHARE of his head's depth at the jaw at most."""
    for step in range(STEPS):
        body = pose("stay", step / STEPS)
        (neck,) = [c for c in body.capsules if c.limb == "body" and c.a == body.joints["shoulder"]]
        assert body.turn > 0.5, "turned to the visitor"
        jaw = _depth_at_jaw() * body.head_radius * HEAD_SCALE  # (the head drawn)
        assert neck.width <= NECK_SHARE * jaw, (step, round(neck.width / jaw, 2))


def test_no_pose_turned_to_the_visitor_widens_the_neck() -> None:
    """In every pose, at every phase, the neck is no wider than in profile."""
    widths = set()
    for name in CYCLES:
        for step in range(0, STEPS, 4):
            body = pose(name, step / STEPS)
            widths |= {round(c.width, 6) for c in body.capsules
                       if c.limb == "body" and c.a == body.joints["shoulder"]}
    assert len(widths) == 1, sorted(widths)
