"""Which of a figures layer's sprites its people can reach, so only those are drawn ahead: the
turns a talk gets to while the layer is seen, and for someone who runs a path once, nearer then
further (drawn at a few heights, see figure_levels), the phases of their stride at each height
(of a stride's 64 phases a runner crossing a height's band in a third of a stride reaches a
third); standing only at the path's ends, the heights there."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any

from installation.core.timeutil import forward
from installation.visuals.base import Frame, Pieces
from installation.visuals.budget import Budget
from installation.visuals.figure_sprite import Look
from installation.visuals.figure_timing import stride_of
from installation.visuals.poses import MOVING
from installation.visuals.sprite_cache import POSE_COST
from installation.visuals.talk import TURN_SECONDS, talking, turn_names

if TYPE_CHECKING:
    from installation.core.timeline.state import Pace
    from installation.visuals.figures import Figures

SAMPLES_PER_STEP = 3  # a path's run is sampled this many times a drawn phase's ground
SAMPLES_PER_PIECE = 64  # samples (each a member placed) worked out per POSE_COST of a piece
TALK_SLACK = TURN_SECONDS  # real seconds more than the layer's span a talk's turns are drawn for
TALK_SAMPLE = 1.0  # real seconds: a talk's turns are looked up this often over its span
Reach = dict[Look, set[int]]  # the looks someone can have, and the phase steps at each
StepsOf = Callable[[str, bool, Look], Collection[int]]  # (pose, facing, look): steps to draw


def talk_turns(pose: str, params: Mapping[str, Any], scene_at: float,
               pace: Pace | None) -> set[str]:
    """The turns (poses, see talk) someone talking in `pose` takes while their layer is seen:
    from its `from` (or the scene's start) to its `until`, at the show's `pace` (a turn of
    slack); every turn where either is unknown."""
    until = params["until"]
    if pace is None or until is None:
        return turn_names(pose)
    start = params["from"] if params["from"] is not None else scene_at
    span = pace.real_between(start, until) if forward(scene_at, until) > forward(
        scene_at, start) else 0.0
    samples = math.ceil((span + TALK_SLACK) / TALK_SAMPLE) + 1
    return {talking(pose, n * TALK_SAMPLE, None)[0] for n in range(samples)}


def once_through(layer: Figures) -> bool:
    """Whether the layer's people each run (or walk) its path once at sizes that change along
    it (drawn at several heights): where each height's phases are few."""
    p = layer.params
    return (p["pose"] in MOVING and p["speed"] > 0 and not p["loop"] and not p["crossing"]
            and not p["led"] and p["body"] != "coyote" and not layer.sunlit
            and layer.poses is None and len(layer.levelled.levels) > 1
            and layer.depth.total > 0)


def reach(layer: Figures, frame: Frame, budget: Budget, found: Reach) -> Pieces:
    """Fill `found` with the looks and phase steps the layer's people reach running its path
    once (see once_through), each placed as a frame places them along it (and a step either
    side of each, for a phase cut by a height's edge between two samples), in `budget`'s
    pieces."""
    name = layer.params["pose"]
    steps = layer.sprites.steps(name)
    ground = layer.depth.total
    for i in range(len(layer.looks)):
        stride = stride_of(name, layer.height, layer.strides[i])
        count = max(2, math.ceil(ground / (stride / steps) * SAMPLES_PER_STEP))
        for n in range(count + 1):
            if n % SAMPLES_PER_PIECE == 0 and budget.over(POSE_COST):
                yield
            member = layer.at_distance(i, ground * n / count, frame)
            if member.pose != name:  # (at the ends, standing)
                continue
            step = layer.sprites.step(name, member.phase)
            found.setdefault(member.look, set()).update(
                {(step - 1) % steps, step, (step + 1) % steps})


def steps_of(found: Reach) -> StepsOf:
    """The steps to draw ahead of each look: those `found` reached (none of a look it did not)."""
    def of(_name: str, _left: bool, look: Look) -> Collection[int]:
        return found.get(look, ())
    return of


def stands_at_start(layer: Figures) -> bool:
    """Whether someone of a walking or running layer can be seen standing at its path's start:
    not one alone who sets off at `from` after the scene began (there only at that instant:
    see setting_off), while the show's pace is known."""
    p = layer.params
    return not (p["pose"] in MOVING and p["speed"] > 0 and p["count"] == 1
                and not p["loop"] and p["from"] is not None and layer.story_pace is not None
                and forward(layer.scene_at, p["from"]) > 0)


def setting_off(layer: Figures, frame: Frame, budget: Budget) -> Pieces:
    """Draw ahead, in `budget`'s pieces, the sprite of one alone who stands at the start only
    as they set off (see stands_at_start), at that instant (a step either side), if it shows:
    a frame may fall on it (the show's pace says when it falls in the scene's real seconds)."""
    p = layer.params
    if stands_at_start(layer) or layer.story_pace is None:
        return
    instant = Frame(p["from"], layer.story_pace.real_between(layer.scene_at, p["from"]),
                    frame.state)
    member = layer.at_distance(0, 0.0, instant)
    if not layer.sprites.wanted(member.pose, member.phase, member.left, member.look,
                                member.turn, member.feet, member.share, layer.area):
        return  # (out of the picture there)
    steps = layer.sprites.steps(member.pose)
    step = layer.sprites.step(member.pose, member.phase)
    near = {(step + k) % steps for k in (-1, 0, 1)}
    yield from layer.sprites.fill([member.pose], [member.left], [member.look],
                                  parts=layer.parts, budget=budget,
                                  steps_of=lambda _name, _left, _look: near)


def end_looks(layer: Figures, frame: Frame) -> set[Look]:
    """The looks someone of a once-through layer has standing at its path's ends (the last
    alone, if they do not stand at its start: see stands_at_start)."""
    ends = (0.0, layer.depth.total)[0 if stands_at_start(layer) else 1:]
    return {layer.at_distance(i, distance, frame).look for i in range(len(layer.looks))
            for distance in ends}
