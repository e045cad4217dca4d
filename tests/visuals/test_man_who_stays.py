"""The man who stays at Johnie's counter after the rush (04:23 on, in the shipped day): for
minutes the only one in the room, he sits at the counter as a man does, his elbows on it and
both hands over it, and he moves: his head goes into his hands and comes up again (an armless
bust with arms folded into his chest read as a mannequin)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import forward, parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.counter import COUNTER_EDGE
from installation.visuals.figures import Figures, Member
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.skeleton import HEAD, Point

from .helpers import shipped_program as shipped
from .test_caption_places import scene_named

SIZE = (1920, 1080)
AFTER = "04:24:30"  # the rush is out of the door: he is the only one at the counter
MOMENTS = [n * 0.75 for n in range(17)]  # real seconds on from AFTER: one cycle and more
NEAR_COUNTER = 0.1  # of his height: a hand this near above the counter's far edge rests on it
CHANGED = 0.4  # at least this share of his pixels above the counter changes over the cycle
# (folded arms, rocking a little on his stool, 20% of him did: a bust breathing)


def the_man() -> Figures:
    """The figures layer of the one man at the counter after the rush, set up as the show sets
    it up."""
    headless()
    program = shipped()
    line = program.timeline
    scene = scene_named(line, "Panic in the diner")
    compositor = Compositor(line, SIZE, lambda _message: None, program.clock)
    into = forward(scene.at, parse_clock(AFTER))
    found = [n for n, spec in enumerate(scene.layers) if spec.type == "figures"
             and spec.params["path"][0][1] > 0.9 and spec.params["count"] == 1
             and spec.params["speed"] == 0  # (sitting on: not one running from the counter)
             and forward(scene.at, spec.params["from"] or scene.at) <= into
             and (spec.params["until"] is None
                  or forward(scene.at, spec.params["until"]) > into)]
    assert len(found) == 1, found
    index = found[0]
    return Figures(scene.layers[index].params, compositor.setup(scene, index, "figures"))


def frame_at(seconds: float) -> Frame:
    """The moment `seconds` real seconds after AFTER (the scene's story time moved on by as
    much as its pace carries it)."""
    program = shipped()
    scene = scene_named(program.timeline, "Panic in the diner")
    start = parse_clock(AFTER)
    rate = forward(scene.at, scene.at + 600) / program.clock.real_between(scene.at,
                                                                          scene.at + 600)
    state = state_at(program.timeline, start + seconds * rate, program.clock)
    into = program.clock.real_between(scene.at, start)
    return Frame(state.story_time, into + seconds, state)


def on_picture(member: Member, point: Point) -> tuple[int, int]:
    """Where a point of his posed body (figure heights, feet at 0) is on the picture."""
    height = member.look.height * member.share
    x = member.feet[0] + (-point[0] if member.left else point[0]) * height
    return round(x), round(member.feet[1] - point[1] * height)


def test_he_sits_at_the_counter_with_both_hands_on_it_then_his_head_in_them() -> None:
    """Through a cycle of his: both his hands always show above the counter's far edge (drawn
    there, not hidden), each at times resting just over it, and at times both up at his head
    (within a head's height of its middle): his head in his hands."""
    man = the_man()
    edge = round(COUNTER_EDGE * SIZE[1])
    resting = up = 0
    for seconds in MOMENTS:
        frame = frame_at(seconds)
        (member,) = man.members(frame)
        surface = pygame.Surface(SIZE, pygame.SRCALPHA)
        surface.fill((0, 0, 0, 0))
        man.draw(surface, frame)
        seen = pygame.surfarray.pixels_alpha(surface)
        steps = man.sprites.steps(member.pose)  # the phase his sprite is drawn at
        body = pose(member.pose, int(member.phase % 1.0 * steps) / steps)
        head = on_picture(member, body.head)
        height = member.look.height * member.share
        hands = [on_picture(member, body.joints[f"wrist{side}"]) for side in (0, 1)]
        for x, y in hands:
            assert y < edge, f"a hand under the counter {seconds} s on: {hands}, edge {edge}"
            assert seen[x, y] > 200, f"a hand not drawn at {(x, y)} {seconds} s on"
        del seen
        resting += all(edge - y < NEAR_COUNTER * height for _x, y in hands)
        up += all(abs(y - head[1]) < 2 * HEAD * height for _x, y in hands)
    assert resting >= 3, f"his hands rest on the counter in {resting} moments"
    assert up >= 3, f"his head in his hands in {up} moments"


def test_he_moves_over_the_counter() -> None:
    """Over one of his cycles, a good share of his pixels above the counter changes (the
    shoulders, the arms, the head): he is never a still bust."""
    man = the_man()
    edge = round(COUNTER_EDGE * SIZE[1])
    shapes = []
    for seconds in (0.0, 3.0, 6.0, 9.0):
        frame = frame_at(seconds)
        surface = pygame.Surface(SIZE, pygame.SRCALPHA)
        surface.fill((0, 0, 0, 0))
        man.draw(surface, frame)
        shapes.append(pygame.surfarray.array_alpha(surface)[:, :edge] > 128)
    anywhere = np.logical_or.reduce(shapes)
    always = np.logical_and.reduce(shapes)
    share = 1 - always.sum() / anywhere.sum()
    assert share > CHANGED, f"only {share:.1%} of him above the counter moves"


def test_his_arms_are_in_his_shirt_sleeves_down_to_his_hands() -> None:
    """Through a cycle of his, the middle of his near forearm (between elbow and wrist) is his
    faded blue work shirt (its blue above its red), not the dark of his skin, and so is the
    far one's where it is not behind his head: sleeves, not a vest on bare arms; his hand,
    past the cuff, is skin (warm: its red above its blue)."""
    man = the_man()
    sleeves, hands = [0, 0], 0
    for seconds in MOMENTS[::4]:
        frame = frame_at(seconds)
        (member,) = man.members(frame)
        surface = pygame.Surface(SIZE)
        surface.fill((255, 255, 255))
        man.draw(surface, frame)
        steps = man.sprites.steps(member.pose)
        body = pose(member.pose, int(member.phase % 1.0 * steps) / steps)
        for side in (0, 1):
            elbow, wrist = (body.joints[f"{joint}{side}"] for joint in ("elbow", "wrist"))
            middle = ((elbow[0] + wrist[0]) / 2, (elbow[1] + wrist[1]) / 2)
            red, _green, blue = surface.get_at(on_picture(member, middle))[:3]
            sleeves[side] += blue > red + 20
        ex, ey = body.joints["elbow0"]
        wx, wy = body.joints["wrist0"]
        past = (wx + (wx - ex) * 0.25, wy + (wy - ey) * 0.25)  # (the hand, on from the wrist)
        red, _green, blue = surface.get_at(on_picture(member, past))[:3]
        hands += red > blue
    assert sleeves[0] == len(MOMENTS[::4]), f"sleeved near forearm: {sleeves}"
    assert sleeves[1] >= len(MOMENTS[::4]) - 2, f"sleeved far forearm: {sleeves}"
    assert hands == len(MOMENTS[::4]), f"bare hands: {hands}"
