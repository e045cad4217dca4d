"""Johnie's at night, 04:03:30-04:05: the man the eye follows across the lot is Harry, and he
walks into the booth. The night walker crossed again, large, in the foreground, out to the
left, while Harry, small, went into the booth: the cut to the booth at 04:05 showed someone the
visitor had not watched go in."""

from __future__ import annotations

from installation.core.timeutil import parse_clock
from installation.visuals.figures import Figures, Member
from installation.visuals.poses import MOVING

from .test_crowd_places import placed_at

SCENE = "03:50"
SETS_OFF, CUT = "04:03:30", "04:05"  # he leaves the glass for the phone; the cut to the booth
STEP = 5.0  # story seconds between the moments looked at (about half a real second)
NEARER = 1.8  # crossing the lot he comes this much taller than at the glass, at least


def _moments() -> list[list[tuple[Figures, Member]]]:
    """Everyone in sight on the lot from when Harry sets off to the cut, STEP apart."""
    story, end = parse_clock(SETS_OFF), parse_clock(CUT)
    seen = []
    while story < end:
        seen.append(placed_at(story, SCENE))
        story += STEP
    return seen


def _height(layer: Figures, member: Member) -> float:
    return member.look.height * member.share


def test_the_only_one_walking_the_lot_as_harry_goes_to_the_phone_is_harry() -> None:
    for seen in _moments():
        walking = [(layer, m) for layer, m in seen if m.pose in MOVING]
        others = [layer.params["body"] for layer, _ in walking if layer.params["body"] != "harry"]
        assert not others, f"someone else walks the lot as Harry goes to the phone: {others}"


def test_harry_comes_nearer_and_larger_walking_right_into_the_booth() -> None:
    tracks = [(m.feet[0], _height(layer, m), m)
              for seen in _moments() for layer, m in seen if layer.params["body"] == "harry"]
    assert tracks, "Harry is on the lot"
    at_glass = tracks[0][1]
    assert max(h for _, h, _ in tracks) >= NEARER * at_glass, (
        "he goes to the phone far off, no larger than at the glass")
    walking = [(x, m) for x, _, m in tracks if m.pose in MOVING]
    assert walking and all(not m.left for _, m in walking), "he walks to the right"
    xs = [x for x, _ in walking]
    assert xs == sorted(xs), "always on towards the booth"
