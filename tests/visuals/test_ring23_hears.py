"""The news lands on Harry: at the caller's words (the countdown's 04:06:30, `hears`) he
stiffens, his free hand off the phone box and flat on the glass over it, his head up off the
receiver, staring out, and he holds it until his hand goes to his brow at 04:08 (on main he
went on shifting his weight, his hand resting on the phone, as if nothing had been said)."""

from __future__ import annotations

from functools import cache

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.booth_call import Call
from installation.visuals.call_poses import LISTEN_NOD
from installation.visuals.poses import pose
from installation.visuals.skeleton import Body

from .helpers import shipped_program

BEFORE = "04:06:25"  # listening, his hand on the phone box
STIFF = ("04:06:50", "04:07:30", "04:07:55")  # ...after the words, until his hand goes up
BOX_TOP = 0.87  # the phone box's top, in his heights: his hand on the glass is over it
AHEAD = 0.2  # ...and this far ahead of his feet (at the phone box's middle or past it)


@cache
def bodies() -> dict[str, Body]:
    """Harry's posed body at BEFORE and STIFF in the shipped call (one per module)."""
    program = shipped_program()
    line, clock = program.timeline, program.clock
    scene = next(s for s in line.scenes if s.name == "The payphone rings")
    spec = next(spec for spec in scene.layers if spec.type == "booth")
    call = Call.of(spec.params, scene.at)
    seen = {}
    for at in (BEFORE, *STIFF):
        state = state_at(line, parse_clock(at), clock)
        now = call.at(Frame(state.story_time, state.scene_seconds, state))
        seen[at] = pose(now.name, now.phase)
    return seen


def test_at_the_words_his_hand_goes_from_the_phone_to_the_glass_over_it() -> None:
    """Before the words his free hand rests on the phone box; after them, until it goes to
    his brow, it is flat on the glass over the box, and his head is up off the receiver."""
    assert bodies()[BEFORE].joints["wrist1"][1] < BOX_TOP, bodies()[BEFORE].joints["wrist1"]
    for at in STIFF:
        body = bodies()[at]
        wrist = body.joints["wrist1"]
        assert wrist[1] > BOX_TOP and wrist[0] > AHEAD, (at, wrist)
        assert body.nod < LISTEN_NOD / 2, (at, body.nod, "his head up off the receiver")
