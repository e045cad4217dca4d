"""Arms bend as arms do: in every pose, at every phase, each elbow folds forward within what an
elbow can (never back on itself: a forearm hanging from a raised elbow read as a club), the
forearm no longer than the upper arm by much; a hand raised to the brow is at the brow, and
folded arms keep their hands inside the chest's outline (not a stub with a fist out in front)."""

from __future__ import annotations

import math

import pytest

from installation.visuals.argue import FOLDED
from installation.visuals.poses import CYCLES, pose
from installation.visuals.skeleton import HEAD, TURNED_WIDTH, Body, Capsule, Point, limbs
from installation.visuals.wardrobe import CROWD, TORSOS, crossed, dressed

STEPS = 120  # phases looked at across each pose's cycle
ELBOW = (-0.1, 2.75)  # an elbow's fold, radians: straight (a little past), to folded tight
LEVEL = math.radians(25)  # a folded forearm is held this near level, at most
BELOW_SHOULDERS = 0.08  # folded forearms cross at least this far below the shoulders (heights)
BROW = (-0.15, 0.2)  # head radii above the head's centre: the brow's band (eyes to forehead)
UNDER_CROWN = 0.8  # head radii above the head's centre: the hand shading the eyes reaches this
#                    high at most (the crown is at 1: a hand up to it read as on the head)
FACE = 0.6  # head radii in front of the head's centre: the hand is out in front of the face


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


def crossing(a: Capsule, b: Capsule) -> Point | None:
    """Where two limbs' middle lines cross (None: they do not)."""
    (x1, y1), (x2, y2), (x3, y3), (x4, y4) = a.a, a.b, b.a, b.b
    den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    if not den:
        return None
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
    u = ((x1 - x3) * (y1 - y2) - (y1 - y3) * (x1 - x2)) / den
    return (x1 + t * (x2 - x1), y1 + t * (y2 - y1)) if 0 <= t <= 1 and 0 <= u <= 1 else None


def test_folded_forearms_cross_level_in_front_of_the_chest() -> None:
    """Folded arms read at a glance (04:22's seated man): the two bare forearms held near level
    and crossing each other within the torso's width, below the shoulders (on main they rose
    steeply from the elbows to the hands by the collar: a dark Y, a slingshot, on his shirt);
    the far one comes out from under the near arm (its elbow's end stuck out behind the near
    sleeve: a stray dark crescent at the back)."""
    for name, t in (("argue-folded", 0.0), ("talk-glance", 2.5 / 6)):
        body = pose(name, t)
        wide = 1 + TURNED_WIDTH * body.turn
        spine, shoulders = body.joints["shoulder"]
        fore = [c for c in crossed(body) if c.limb == "hand"]
        assert len(fore) == 2, name
        for one in fore:
            rise = math.atan2(one.b[1] - one.a[1], one.b[0] - one.a[0])
            assert abs(rise) <= LEVEL, (name, math.degrees(rise))
        where = crossing(*fore)
        assert where is not None, f"{name}: the forearms do not cross"
        assert spine + min(x for x, _ in TORSOS["shirt"]) * wide <= where[0] \
            <= spine + max(x for x, _ in TORSOS["shirt"]) * wide, (name, where)
        assert where[1] <= shoulders - BELOW_SHOULDERS, (name, where)
        assert where[1] > body.joints["hip"][1], (name, where)
        far = next(c for c in fore if c.b == body.joints["wrist1"])
        assert far.a[0] - far.width / 2 >= sleeve_back(body, far.a[1]), f"{name}: far elbow"


def sleeve_back(body: Body, y: float) -> float:
    """How far back the near upper arm's sleeve reaches at height `y` (the back of its line
    there, less half its narrower end's width)."""
    sleeve = next(c for c in body.capsules if c.b == body.joints["elbow0"])
    (x0, y0), (x1, y1) = sleeve.a, sleeve.b
    along = (y - y0) / (y1 - y0) if y1 != y0 else 0.0
    return x0 + (x1 - x0) * along - min(sleeve.width, sleeve.tip or sleeve.width) / 2


def test_a_hand_shading_the_eyes_is_at_the_brow_not_on_the_crown() -> None:
    """At the glass, peering out (04:22, the woman by the window): the near hand's centre at
    the brow's height, out in front of the face, its top well under the crown (on main the
    hand stood up from the wrist to the top of her head: a hand on the crown)."""
    for t in (0.3, 0.5, 0.7):  # held up
        body = pose("peer", t)
        limbs_, _ = dressed(body, CROWD[0])
        palm = [c for c in limbs_ if c.limb == "hand" and not c.far][-2]
        (hx, hy), mid = body.head, ((palm.a[0] + palm.b[0]) / 2, (palm.a[1] + palm.b[1]) / 2)
        assert BROW[0] <= (mid[1] - hy) / HEAD <= BROW[1], (t, (mid[1] - hy) / HEAD)
        assert (mid[0] - hx) / HEAD >= FACE, (t, (mid[0] - hx) / HEAD)
        top = max(palm.a[1] + palm.width / 2, palm.b[1] + (palm.tip or palm.width) / 2)
        assert (top - hy) / HEAD <= UNDER_CROWN, (t, (top - hy) / HEAD)
