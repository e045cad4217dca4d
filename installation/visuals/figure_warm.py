"""What a figures layer draws ahead: every sprite (and shadow) its people can show, in their
poses, facings and looks, as far as it can tell which they reach (see figure_reach); a pair's
each partner in their own pose, facing the other."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from installation.visuals.base import Frame, Pieces
from installation.visuals.budget import Budget
from installation.visuals.coyote_look import LOOK
from installation.visuals.figure_reach import (
    Reach,
    end_looks,
    once_through,
    reach,
    setting_off,
    stands_at_start,
    steps_of,
    talk_turns,
)
from installation.visuals.figure_sight import standing_shows
from installation.visuals.led import LED, led_look, led_name
from installation.visuals.poses import MOVING, PARTNER, TALKING, VARIED, then_stands
from installation.visuals.sprite_cache import PIXELS_PER_PIECE, TURNS

if TYPE_CHECKING:
    from installation.visuals.figures import Figures


def warm(layer: Figures, frame: Frame, jostle_span: float) -> Pieces:
    """Draw ahead every sprite (and shadow) `layer` can show (its people jostling as far as
    `jostle_span` heights at jostle 1)."""
    p = layer.params
    then = {way for way, _ in layer.pressing} or {p["then"]}  # (held at a door: how they push)
    names = {p["pose"], *then} if then_stands(p["pose"]) else {p["pose"]}
    if p["pose"] in TALKING:  # each turn a pose of its own: those reached while seen
        names = talk_turns(p["pose"], p, layer.scene_at, layer.story_pace)
    headings = [b[0] - a[0] for a, b in pairwise(layer.path.points)]
    lefts = {h < 0 for h in headings if h} if p["facing"] == "path" else {
        p["facing"] == "left"}
    if p["pose"] in PARTNER:
        yield from _pair(layer)
        lefts = set()
    elif not lefts:
        lefts = {False, True}
    budget = Budget(PIXELS_PER_PIECE)
    reached: Reach = {}  # (run once nearer then further: each height's phases, see
    if once_through(layer):  # figure_reach; standing, the heights at the ends)
        yield from reach(layer, frame, budget, reached)
    if p["pose"] in VARIED:  # each in their own pose
        for i in range(len(layer.looks)):
            name = layer.pose_of(i, p["pose"])
            yield from layer.sprites.fill([name], sorted(lefts), layer.looks_of(i),
                                         budget=budget)
        names.discard(p["pose"])  # (getting up: then standing, drawn below)
    if p["look_at"] is not None:  # standing, it looks (see coyote_look)
        names = {name for name in names if name in MOVING} | {LOOK}
    for name in sorted(names):  # a coyote turns its head only when it stands
        turns = TURNS if p["body"] == "coyote" and name == "idle" else 0
        looks = sorted({one for i in range(len(layer.looks))
                        for one in layer.looks_of(i)}, key=repr)
        standing = name in then and name != p["pose"]
        if reached and standing:
            looks = sorted(set(looks) & end_looks(layer, frame), key=repr)
        yield from layer.sprites.fill(
            [name], sorted(lefts), looks, turns, budget=budget,
            shows=standing_shows(layer, jostle_span, stands_at_start(layer)) if standing
            else None,
            steps_of=steps_of(reached) if reached and name == p["pose"] else None)
        if standing:  # (at the start only as they set off: that instant's)
            yield from setting_off(layer, frame, budget)
        if p["led"]:  # the children they lead, in each stride's pose
            led = [led_name(name, s) for s in sorted({False, name in MOVING})
                   if led_name(name, s) in LED]
            yield from layer.sprites.fill(led, sorted(lefts), [led_look(one) for one in looks],
                                         budget=budget)
    yield from layer.prepared([sprite for sprite, _ in layer.sprites.drawn()], budget)


def _pair(layer: Figures) -> Pieces:
    """A pair's sprites: each partner in their own pose, facing the other (an embrace's in
    parts; a handshake's, and the standing after it, whole)."""
    p = layer.params
    lefts = layer.pair_lefts()
    names = [p["pose"], p["then"]] if then_stands(p["pose"]) else [p["pose"]]
    parts = layer.parts
    budget = Budget(PIXELS_PER_PIECE)
    for i in range(len(layer.looks)):
        turned = i % 2 == 1
        for name in names:
            yield from layer.sprites.fill([layer.pose_of(i, name)],
                                         sorted(left != turned for left in lefts),
                                         layer.looks_of(i), parts=parts,
                                         budget=budget)
