"""Johnie's empties over the whole panic, not at once: after the rush somebody is in the room
(stragglers, a couple arguing by the door, one back for a coat, the waitress and the cook last)
until near the scene's end; it stood empty for two real minutes and more after 04:25."""

from __future__ import annotations

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock

from .helpers import shipped_crowd

PANIC = "Panic in the diner"
WIDTH = 1920
DOOR = 0.8  # of the width: left of this, inside the room
SPAN = ("04:23:45", "04:33:45")  # after the rush, until the last two go
STEP = 0.5  # real seconds between looks
EMPTY_AT_MOST = 8.0  # real seconds at a time with nobody in the room (but the man who stays)
GONE_BY = "04:34:40"  # and by the scene's end they have all gone


def _in_the_room(story: float) -> int:
    """How many people are in the room at story time `story` (the man who stays not counted:
    he is there throughout)."""
    crowd = shipped_crowd(PANIC)
    frame = crowd.frame(story)
    return sum(1 for one in crowd.layers
               if one.params["scale"] > 0.2 and one.params["pose"] != "stay"
               for member in one.members(frame) if 0 < member.feet[0] < DOOR * WIDTH)


def test_the_room_empties_only_near_the_end() -> None:
    crowd = shipped_crowd(PANIC)
    line, clock = crowd.program.timeline, crowd.program.clock
    start, end = (parse_clock(t) for t in SPAN)
    pace = (state_at(line, end, clock).scene_seconds
            - state_at(line, start, clock).scene_seconds) / (end - start)
    empty, longest, story = 0.0, 0.0, float(start)
    while story < end:
        empty = 0.0 if _in_the_room(story) else empty + STEP
        longest = max(longest, empty)
        story += STEP / pace
    assert longest <= EMPTY_AT_MOST, f"the room stood empty {longest:.1f} real seconds"
    assert _in_the_room(parse_clock(GONE_BY)) == 0, "and they have all gone by the end"
