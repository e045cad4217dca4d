"""Harry and Julie at the Lake Pit after their handshake: they meet, they do not stand as
statues (she holds her hand out to the calf again)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pygame
import pytest

from installation.core.program import Program
from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame, scaled
from installation.visuals.compositor import Compositor
from installation.visuals.figure_sprite import HAIR_SHADE, WHOLE
from installation.visuals.figures import Figures, Member
from installation.visuals.gestures import idle, reach
from installation.visuals.museum_shore import POST_EVERY, POST_FOOT, POST_TALL, POST_WIDE
from installation.visuals.offer import OFFER_BEATS, offer
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.skeleton import Angles, Point
from installation.visuals.wardrobe import HEAD_SCALE

from .helpers import shipped_program

SIZE = (960, 540)
# Where Julie stands (shares of the picture): at 0.5008, the calf's trunk hanging to her right,
# her feet at 0.925 (left, top, width, height); she and the calf half as large again as when
# she stood at 0.697 (its box then 0.703, 0.811, 0.008, 0.017: about her feet, the same place
# but a little lower: at their size the tar's dark near edge lies behind her shoulders).
ARM = (0.5098, 0.77, 0.012, 0.0255)  # between Julie's chest and the calf's trunk, at her hand
DARK, ARM_PIXELS = 60, 8  # her arm held out across it: this many pixels this dark, at least
FULL = (1920, 1080)
CLEAR = 6  # pixels between Harry's pointing hand and any post of the rail behind him, at least
SOLID = 250  # a sprite's pixel this opaque is of him (not its smoothed edge)
BODY = 0.13  # of his height: his body's half width, either side of his feet (his arms beyond)
TONE, HEAD_PIXELS = 6, 12  # a pixel this near a tone (levels) is of it; this many of each


@pytest.fixture(scope="module")
def shipped() -> Program:
    """The shipped day at its pace, without the film grain (it changes every frame)."""
    program = shipped_program()
    line = program.timeline
    return dataclasses.replace(program, timeline=dataclasses.replace(line, scenes=tuple(
        dataclasses.replace(scene, layers=tuple(s for s in scene.layers if s.type != "post"))
        for scene in line.scenes)))


def _drawn(program: Program, times: tuple[str, ...],
           box: pygame.Rect) -> dict[str, np.ndarray]:
    """The luminance in `box` of the shipped day at each story time (in order), at the
    shipped pace, drawn one after another as the show draws them."""
    headless()
    compositor = Compositor(program.timeline, SIZE, lambda _message: None, program.clock)
    seen = {}
    for at in times:
        picture = pygame.Surface(SIZE)
        compositor.draw(picture, state_at(program.timeline, parse_clock(at), program.clock))
        seen[at] = _luminance(picture, box)
    return seen


def _box(share: tuple[float, float, float, float]) -> pygame.Rect:
    left, top, wide, tall = share
    return pygame.Rect(round(left * SIZE[0]), round(top * SIZE[1]), round(wide * SIZE[0]),
                       round(tall * SIZE[1]))


def _luminance(picture: pygame.Surface, box: pygame.Rect) -> np.ndarray:
    pixels = pygame.surfarray.array3d(picture)[box.left:box.right, box.top:box.bottom]
    return pixels.astype(float).mean(axis=2)


def test_julie_holds_her_hand_out_to_the_calf_again(shipped: Program) -> None:
    """After the handshake she turns back to the calf and holds her hand out to its trunk
    (14:49), and once more before they go (16:12); in between (turned to Harry, talking) no
    arm of hers reaches out to it."""
    arm = {at: int(np.count_nonzero(seen < DARK))
           for at, seen in _drawn(shipped, ("14:49", "15:20", "16:12"), _box(ARM)).items()}
    assert arm["14:49"] >= ARM_PIXELS and arm["16:12"] >= ARM_PIXELS and arm["15:20"] == 0, arm


def test_an_offer_begins_and_ends_standing_without_a_jump() -> None:
    """`offer` starts and ends as a standing person does (a standing layer before and after
    it joins it without a jump), has the hand out at a reach's pose in between, and never
    moves a joint far from one drawn step (of 48) to the next."""
    assert _apart(offer(0.0), idle(0.0)) < 1e-9 and _apart(offer(1.0), idle(0.0)) < 1e-9
    assert _apart(offer(OFFER_BEATS[0]), reach(0.0)) < 1e-9
    steps = [offer(n / 48) for n in range(49)]
    assert max(_apart(a, b) for a, b in zip(steps, steps[1:], strict=False)) < 0.4


def _apart(one: Angles, other: Angles) -> float:
    """How far apart two poses are: the most any of the arms' joints, the lean or the nod
    differs (radians)."""
    return max(abs(a - b) for a, b in zip(
        (*one.shoulders, *one.elbows, one.lean, one.nod),
        (*other.shoulders, *other.elbows, other.lean, other.nod), strict=True))


def test_harrys_pointing_hand_stays_clear_of_the_rails_posts() -> None:
    """14:53: the hand he points with came to rest on the foot of a post of the rail behind
    him, as if gripping it. Every pixel of his arms held out (further than BODY of his height
    from his feet's column) over 14:52-14:55 lies CLEAR pixels from every post, at least. (Half
    as large again, he stands in front of the rail, a post behind his body: his body's own
    pixels over it are no hand on a post.)"""
    program = shipped_program()
    compositor = Compositor(program.timeline, FULL, lambda _message: None, program.clock)
    story, nearest = parse_clock("14:52"), float("inf")
    while story < parse_clock("14:55"):
        scene = state_at(program.timeline, story, program.clock).scene
        (shore,) = [spec.params for spec in scene.layers if spec.type == "museum"
                    and spec.params["part"] == "shore"]
        posts = _posts(round(shore["ground"] * FULL[1]))
        for member, sprite, at in _harry(program, compositor, story):
            xs, ys = np.nonzero(pygame.surfarray.array_alpha(sprite) > 0)
            xs, ys = xs + round(member.feet[0] - at[0]), ys + round(member.feet[1] - at[1])
            out = np.abs(xs - member.feet[0]) > BODY * member.look.height
            xs, ys = xs[out], ys[out]
            if not xs.size:  # his arms by his sides
                continue
            for left, top, right, foot in posts:
                dx = np.maximum(0, np.maximum(left - xs, xs - right))
                dy = np.maximum(0, np.maximum(top - ys, ys - foot))
                nearest = min(nearest, float(np.hypot(dx, dy).min()))
            assert nearest >= CLEAR, f"{nearest:.1f} px from a post at story {story:.0f}"
        story = story_after(program.clock, story, 0.1)


@pytest.mark.parametrize("at", ["14:49", "14:56"])
def test_harrys_head_shows_his_face_on_the_side_he_faces_and_his_hair_behind(at: str) -> None:
    """His head turned away from Julie over his shoulder read as a round blob of one colour
    (14:56): now, a silhouette against the sun, his face is the body's dark and his hair
    darker, and the face lies on the side he looks to, the hair behind it."""
    program = shipped_program()
    compositor = Compositor(program.timeline, FULL, lambda _message: None, program.clock)
    [(member, sprite, feet)] = _harry(program, compositor, parse_clock(at))
    body = pose(member.pose, member.phase)
    tall, side = member.look.height, -1 if member.left else 1
    rgb = pygame.surfarray.array3d(sprite).astype(int)
    solid = pygame.surfarray.array_alpha(sprite) >= SOLID  # (half as large again, his sprite
    #   is opaque at 254, not 255: a count of the exact 255 found none of him)
    head_x = round(feet[0] + side * body.head[0] * tall)
    head_y = round(feet[1] - body.head[1] * tall)
    reach = round(body.head_radius * HEAD_SCALE * tall * 1.4)
    box = (slice(max(0, head_x - reach), head_x + reach),
           slice(max(0, head_y - reach), head_y))  # (his head over its middle: under it his jaw,
    #   neck and shoulders, of the body's tone too and centred, drew the face's middle back to
    #   the head's once he was half as large again)
    found = {}
    for name, tone in (("skin", member.look.color),
                       ("hair", scaled(member.look.color, HAIR_SHADE))):
        near = (np.abs(rgb[box] - tone).max(axis=2) <= TONE) & solid[box]
        assert near.sum() >= HEAD_PIXELS, f"{at}: {near.sum()} pixels of his {name}"
        found[name] = float(np.nonzero(near)[0].mean())
    faces = side * (1 if math.cos(math.pi * body.look) >= 0 else -1)
    assert (found["skin"] - found["hair"]) * faces > 0, (at, found, faces)


def _posts(edge: int) -> list[tuple[int, int, int, int]]:
    """The rail's posts in the full picture (first and last column and row of each), the
    shore's edge at row `edge` (see museum_shore)."""
    width, height = FULL
    tall, wide = round(POST_TALL * height), max(2, round(POST_WIDE * height))
    foot = edge + round(POST_FOOT * height)
    step = POST_EVERY * width
    return [(round(n * step + step / 3), foot - tall, round(n * step + step / 3) + wide - 1,
             foot - 1) for n in range(int(width / step) + 1)]


def _harry(program: Program, compositor: Compositor,
           story: float) -> list[tuple[Member, pygame.Surface, Point]]:
    """Harry in the shipped day at `story` (at its pace), full size: each of him drawn (the
    member, his sprite as drawn, where his feet are on it)."""
    headless()
    state = state_at(program.timeline, story, program.clock)
    found = []
    for i, spec in enumerate(state.scene.layers):
        if spec.type != "figures" or spec.params["body"] != "harry":
            continue
        figures = Figures(spec.params, compositor.setup(state.scene, i, "figures"))
        for m in figures.members(Frame(state.story_time, state.scene_seconds, state)):
            sprite, at = figures.sprites.get(m.pose, m.phase, m.left, m.look, m.turn, WHOLE)
            found.append((m, sprite, at))
    return found
