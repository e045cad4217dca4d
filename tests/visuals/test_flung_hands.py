"""Across Wilshire at first light no runner's hand (flung, reaching, on their own head, or
pumping) is drawn over the head of another runner at their depth: it reads as a blow or a
grab (at 05:08:24 the runner off from the far doorway for the near lanes ran into the one
making for the far kerb, his hand on her head)."""

from __future__ import annotations

import math

from installation.visuals.carried import holding
from installation.visuals.figures import Member
from installation.visuals.led import LED
from installation.visuals.poses import pose
from installation.visuals.skeleton import HEAD, Body, Point
from installation.visuals.wardrobe import bare_hands

from .test_dawn_crossing import SAME_DEPTH, STEP, moments  # noqa: F401  (the fixture)

ON_HEAD = 1.15  # a hand this many head radii from the centre of another's head is on it
DEPTH = SAME_DEPTH / 1.2  # feet this near (of the taller's height): one depth


def body_of(member: Member) -> Body:
    outfit = member.look.outfit
    assert outfit is not None
    return pose(
        member.pose, member.phase, outfit.stoop, outfit.cane, outfit.gait, holding(outfit.carry)
    )


def placed(member: Member, p: Point) -> Point:
    """Where a point of the member's body (figure heights, from the feet) is in the picture."""
    tall = member.look.height * member.share
    return member.feet[0] + (-p[0] if member.left else p[0]) * tall, member.feet[1] - p[1] * tall


def test_no_hand_is_drawn_over_another_runners_head(moments: list) -> None:  # noqa: F811
    for n, people in enumerate(moments):
        runners = [m for _k, m in people if m.pose not in LED and m.look.outfit is not None]
        bodies = [body_of(m) for m in runners]
        for one, body in zip(runners, bodies, strict=True):
            hands = [placed(one, c.b) for c in bare_hands(body)]
            for other, theirs in zip(runners, bodies, strict=True):
                tall = max(one.look.height * one.share, other.look.height * other.share)
                if other is one or not 0 <= one.feet[1] - other.feet[1] < DEPTH * tall:
                    continue  # (a hand drawn under a nearer head is hidden by it)
                head = placed(other, theirs.head)
                reach = ON_HEAD * HEAD * other.look.height * other.share
                assert all(math.dist(hand, head) >= reach for hand in hands), (
                    f"{n * STEP} real s in: a hand on the head of the runner at {other.feet}"
                )
