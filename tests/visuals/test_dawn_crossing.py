"""Across Wilshire at first light, nobody near the visitor is drawn into another runner at
their depth, at any moment of the run (the runner who crosses the whole picture came in over
the near lanes and went back across the far ones, through everyone's way: at 05:07:23,
05:07:33 and 05:10:19 he and another near runner were one shape; he now runs across the
picture's foot, nearer than anyone)."""

from __future__ import annotations

from itertools import combinations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, Member
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (1920, 1080)
PICTURE = pygame.Rect((0, 0), SIZE)
DAWN, END = "Across Wilshire at first light", "05:12"
STEP = 0.5  # real seconds between the moments looked at
SAME_DEPTH = 0.3  # feet this near (of the taller's height) stand at one depth
WIDE = 0.45  # a runner's drawing is about this wide, of their height (arms and legs out)
NEAR = 0.12  # of the picture's height: someone this tall runs near the visitor
KNOT = 0.25  # two at one depth whose drawings overlap this share of the smaller's: one shape


def box(member: Member) -> pygame.Rect:
    """About where a runner is drawn: their height over their feet, WIDE as wide."""
    tall = member.look.height * member.share
    return pygame.Rect(
        round(member.feet[0] - WIDE * tall / 2),
        round(member.feet[1] - tall),
        round(WIDE * tall),
        round(tall),
    )


@pytest.fixture(scope="module")
def moments() -> list[list[tuple[int, Member]]]:
    """Each figures layer's members in the picture (by the layer's number), every STEP real
    seconds through the scene."""
    headless()
    program = shipped_program()
    line, clock = program.timeline, program.clock
    compositor = Compositor(line, SIZE, print, clock)
    scene = next(one for one in line.scenes if one.name == DAWN)
    layers = [
        Figures(spec.params, compositor.setup(scene, n, "figures"))
        for n, spec in enumerate(scene.layers)
        if spec.type == "figures"
    ]
    seen = []
    for n in range(int(clock.real_between(scene.at, parse_clock(END)) / STEP)):
        state = state_at(line, story_after(clock, scene.at, n * STEP), clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        seen.append(
            [
                (k, m)
                for k, layer in enumerate(layers)
                for m in layer.members(frame)
                if box(m).colliderect(PICTURE)
            ]
        )
    return seen


def test_nobody_near_is_drawn_into_another_at_their_depth(
    moments: list[list[tuple[int, Member]]],
) -> None:
    for n, people in enumerate(moments):
        for (k, one), (j, other) in combinations(people, 2):
            tall = max(one.look.height * one.share, other.look.height * other.share)
            if (
                k == j
                or tall < NEAR * SIZE[1]
                or abs(one.feet[1] - other.feet[1]) >= SAME_DEPTH * tall
            ):
                continue
            both = box(one).clip(box(other))
            smaller = min(box(one).w * box(one).h, box(other).w * box(other).h)
            assert both.w * both.h <= KNOT * smaller, (
                f"{n * STEP} real s in: near runners at {one.feet} and {other.feet} one shape"
            )
