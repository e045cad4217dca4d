"""Panic in the diner, 04:23:24-51: the runners held jammed at the door are a crowd pushing to
get out, not people standing at ease in a queue (panic25's stood stiff, arms hanging): each
leans into the one ahead, an arm up on the one in front or on the door frame, the shoulders
turning as the weight shifts; each their own way, never two in step."""

from __future__ import annotations

from installation.core.timeutil import parse_clock
from installation.visuals.figures import Figures, Member
from installation.visuals.poses import MOVING
from installation.visuals.skeleton import Body

from .helpers import shipped_crowd

SCENE = "Panic in the diner"
SPAN = ("04:23:26", "04:23:51")  # story times looked at, STEP story seconds (~0.23 real s) apart
STEP = 1.0
JAM = "door-jam-"  # the looks of the five held at the door
HELD_TOGETHER = 3  # at least this many held there at once
ARM_UP = 0.0  # figure heights: a hand this far above the shoulder or higher is up on someone
LEANS = 0.2  # radians: leaning into the crush at least this far at some moment
TURNS = 0.1  # the shoulders' turn to us changes at least this much over a hold (the first
#              held is held ~1 real s)
APART = 0.08  # two held at once are in step if their pose and phase (of a cycle) are this near


def _held() -> dict[float, list[tuple[Figures, Member]]]:
    """Those held at the door (standing at their path's end), at each moment looked at."""
    crowd = shipped_crowd(SCENE)
    jam = [one for one in crowd.layers if str(one.params["look"]).startswith(JAM)]
    story, end = (parse_clock(t) for t in SPAN)
    held: dict[float, list[tuple[Figures, Member]]] = {}
    while story < end:
        frame = crowd.frame(story)
        held[story] = [(one, m) for one in jam for m in one.members(frame)
                       if m.pose not in MOVING]
        story += STEP
    return held


HELD = _held()


def _body(layer: Figures, member: Member) -> Body:
    return layer.sprites.body(member.pose, member.phase, member.turn, member.look.outfit)


def _by_person() -> dict[str, list[Body]]:
    people: dict[str, list[Body]] = {}
    for moment in HELD.values():
        for layer, member in moment:
            people.setdefault(str(layer.params["look"]), []).append(_body(layer, member))
    return people


def test_several_are_held_at_the_door_at_once() -> None:
    assert max(len(moment) for moment in HELD.values()) >= HELD_TOGETHER


def test_each_held_pushes_an_arm_up_leaning_in_the_shoulders_turning() -> None:
    people = _by_person()
    assert len(people) >= HELD_TOGETHER, f"held: {sorted(people)}"
    for who, bodies in people.items():
        up = max(max(body.joints[f"wrist{side}"][1] for side in (0, 1))
                 - body.joints["shoulder"][1] for body in bodies)
        assert up >= ARM_UP, f"{who}: no hand up on the one in front ({up:.2f} below)"
        assert max(body.lean for body in bodies) >= LEANS, f"{who} never leans into the crush"
        turns = [body.turn for body in bodies]
        assert max(turns) - min(turns) >= TURNS, f"{who}: the shoulders never turn ({turns})"


def test_no_two_held_together_push_in_step() -> None:
    for story, moment in HELD.items():
        for n, (_, one) in enumerate(moment):
            for _, other in moment[n + 1:]:
                near = abs((one.phase - other.phase + 0.5) % 1.0 - 0.5)
                assert one.pose != other.pose or near > APART, (
                    f"{one.pose} in step at {story - parse_clock('04:23'):.1f} s after 04:23")
