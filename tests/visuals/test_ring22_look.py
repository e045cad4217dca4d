"""The phone rings to a man on his way out: before the first ring's beat is over he is seen
looking out of the booth over his shoulder (his face turned clearly away from the phone: at
0.55 his hair's edge cut across it and he read as the back of a head), then his head comes
round to the phone and it stays on the phone through the second ring."""

from __future__ import annotations

from functools import cache

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.booth_call import Call
from installation.visuals.call_poses import CALL_LOOK
from installation.visuals.poses import pose

from .helpers import one_scene
from .test_booth_pickup import BODY

OUT = 0.65  # his head turned at least this far (0.5: facing us; past it, out to the lot)
OUT_UNTIL = 0.4  # real seconds into the first ring he is still seen looking out
ROUND_BY = 1.0  # ...and his head has come round to the phone by this
SECOND_RING = (6.0, 8.0)  # real seconds of the second ring


@cache
def looks() -> dict[float, float]:
    """The caller's head turn at some real seconds into the ringing scene (one per module)."""
    line = one_scene(BODY, at="04:05")
    spec = next(spec for spec in line.scenes[0].layers if spec.type == "booth")
    call = Call.of(spec.params, line.scenes[0].at)
    seen = {}
    for seconds in (0.0, OUT_UNTIL, ROUND_BY, *SECOND_RING):
        state = state_at(line, parse_clock("04:05") + seconds)
        now = call.at(Frame(state.story_time, seconds, state))
        seen[seconds] = pose(now.name, now.phase).look
    return seen


def test_he_looks_out_a_beat_into_the_ring_then_at_the_phone() -> None:
    """At the first ring's start and a beat into it, his face is turned out to the lot; by a
    second into the ring, and all through the second ring, he looks at the phone."""
    seen = looks()
    assert seen[0.0] >= OUT, seen
    assert seen[OUT_UNTIL] >= OUT, seen
    for seconds in (ROUND_BY, *SECOND_RING):
        assert abs(seen[seconds] - CALL_LOOK) < 0.05, (seconds, seen)
