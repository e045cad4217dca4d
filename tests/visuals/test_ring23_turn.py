"""The first ring turns Harry round to the phone, his body and not only his head: at the cut
he stands turned out of the booth, his chest to us; a second and a half later his shoulders
have come round after his head, and through the rest of the ring his chest faces the phone
(his near shoulder, ours, forward of his spine towards it; the booth draws him facing it). On
main only his head turned: his near shoulder stayed behind his spine, his chest out of the
booth's side, and he read as a man with his back to the ringing phone."""

from __future__ import annotations

from functools import cache

from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.booth_call import Call
from installation.visuals.poses import pose
from installation.visuals.skeleton import Body

from .helpers import shipped_program

OUT = 0.8  # at the cut his shoulders are turned out to us at least this far (1: 3/4 front)
ROUND_BY = 1.6  # real seconds into the ring by which his chest faces the phone
FACING = ("04:05:30", "04:05:45", "04:06:00")  # ...and still does, through the ring
FORWARD = 0.005  # his near shoulder at least this far ahead of his spine (figure heights)


@cache
def bodies() -> dict[str, tuple[Body, float]]:
    """Harry's posed body at the cut, ROUND_BY into the ring and at FACING, each with its turn
    (one per module)."""
    program = shipped_program()
    line, clock = program.timeline, program.clock
    scene = next(s for s in line.scenes if s.name == "The payphone rings")
    spec = next(spec for spec in scene.layers if spec.type == "booth")
    call = Call.of(spec.params, scene.at)
    times = {"cut": scene.at, "round": story_after(clock, scene.at, ROUND_BY, 3600)}
    times |= {at: parse_clock(at) for at in FACING}
    seen = {}
    for name, story in times.items():
        state = state_at(line, story, clock)
        now = call.at(Frame(story, state.scene_seconds, state))
        body = pose(now.name, now.phase)
        seen[name] = (body, body.turn)
    return seen


def near_shoulder_ahead(body: Body) -> float:
    """How far his near shoulder (the near arm's root) is ahead of the top of his spine,
    towards what he faces (the phone), in figure heights."""
    near = next(c for c in body.capsules if c.limb == "arm" and not c.far)
    return near.a[0] - body.joints["shoulder"][0]


def test_at_the_cut_he_is_turned_out_of_the_booth() -> None:
    body, turn = bodies()["cut"]
    assert turn >= OUT, turn
    assert near_shoulder_ahead(body) < 0, "his chest to us, his near shoulder back"


def test_his_chest_comes_round_to_the_phone_and_stays() -> None:
    for name in ("round", *FACING):
        body, turn = bodies()[name]
        assert near_shoulder_ahead(body) >= FORWARD, (name, near_shoulder_ahead(body), turn)
