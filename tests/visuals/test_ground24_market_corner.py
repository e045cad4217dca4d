"""At dusk the people waiting on the corner by MARKET live: they shift about where they stand,
turned to each other, and over the evening one goes and another comes (two stood in the same
spots, side by side, for minutes: review 23)."""

from __future__ import annotations

from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.figures import Member
from installation.visuals.poses import MOVING

from .helpers import shipped_crowd

SIZE = (480, 270)  # (small: only where they stand and who they are is read)
SCENE = "Dusk on the Miracle Mile"
CORNER = ((0.93, 1.0), (0.72, 0.76))  # where they wait: shares of the width and the height
WINDOW = 30.0  # real seconds in which they are seen to move
STEP = 2.0  # real seconds between the moments looked at
MOVED = 1.0  # pixels: the furthest one of them shifts in the window, at least
EARLY, LATE = "18:00", "19:30"


def _waiting(story: float) -> list[tuple[Member, tuple[int, int]]]:
    """Those standing on the corner at story time `story` (not the crossing's, nor anyone
    walking by), and who they are (their layer, their place in it)."""
    crowd = shipped_crowd(SCENE, SIZE)
    frame = crowd.frame(story)
    (left, right), (top, bottom) = CORNER
    return [(member, (n, i)) for n, one in enumerate(crowd.layers) if not one.params["crossing"]
            for i, member in enumerate(one.members(frame)) if member.pose not in MOVING
            and left * SIZE[0] <= member.feet[0] <= right * SIZE[0]
            and top * SIZE[1] <= member.feet[1] <= bottom * SIZE[1]]


def test_they_shift_about_turned_to_each_other() -> None:
    clock = shipped_crowd(SCENE, SIZE).program.clock
    start = parse_clock(EARLY)
    moments = [_waiting(story_after(clock, start, k * STEP)) for k in range(int(WINDOW / STEP))]
    first = {n: member for member, n in moments[0]}
    assert len(first) == 2, "two wait on the corner"
    left, right = sorted(first.values(), key=lambda member: member.feet[0])
    assert not left.left and right.left, "turned to each other"
    moved = max(abs(member.feet[0] - first[n].feet[0]) for people in moments
                for member, n in people if n in first)
    assert moved >= MOVED, f"they stand still: {moved:.2f} px in {WINDOW} real s"


def test_one_goes_and_another_comes() -> None:
    early = {n for _member, n in _waiting(parse_clock(EARLY))}
    late = {n for _member, n in _waiting(parse_clock(LATE))}
    assert len(late) == 2 and early & late and early != late, (early, late)
