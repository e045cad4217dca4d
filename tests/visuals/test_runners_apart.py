"""The panic (04:23-04:35): looked at every half real second, no two runners of different layers
are drawn through each other at one depth (out on Wilshire, behind the diner's glass, the near
two overtook the slower knot again and again, 04:24:12, 04:26:47: each time one four-legged
figure, limbs through a body)."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock

from .helpers import placed, shipped_crowd

SIZE = (1920, 1080)
SCENES = {"Panic in the diner": ("04:23", "04:34:50")}  # (04:35 is the next scene)
LOOKED = 0.5  # real seconds from one look to the next
DEPTH = 0.25  # of the taller one's height: feet this near in the picture are at one depth
THROUGH = 0.1  # of the smaller one's pixels covered by the other: drawn through each other
SOLID = 128  # a sprite's pixel this opaque is the runner's


def _story_step(name: str, span: tuple[str, str]) -> float:
    """Story seconds a half real second is worth in the scene (at its own pace)."""
    crowd = shipped_crowd(name)
    line, clock = crowd.program.timeline, crowd.program.clock
    a, b = (state_at(line, parse_clock(t), clock).scene_seconds for t in span)
    return LOOKED * (parse_clock(span[1]) - parse_clock(span[0])) / (b - a)


@pytest.mark.parametrize("name", list(SCENES))
def test_no_two_runners_are_drawn_through_each_other(name: str) -> None:
    crowd = shipped_crowd(name)
    start, end = (parse_clock(t) for t in SCENES[name])
    step = _story_step(name, SCENES[name])
    met, looked, story = [], 0, start
    while story < end:
        frame = crowd.frame(story)
        runners = [(n, one, member) for n, one in enumerate(crowd.layers)
                   for member in one.members(frame)
                   if member.pose.startswith("run") and 0 <= member.feet[0] <= SIZE[0]]
        shapes = []
        for _, one, member in runners:
            sprite, at = placed(one, member)
            shapes.append((pygame.mask.from_surface(sprite, SOLID), at,
                           member.look.height * member.share))
        for i, (n, _, a) in enumerate(runners):
            for j in range(i + 1, len(runners)):
                (m, _, b), (mask_a, at_a, tall_a), (mask_b, at_b, tall_b) = \
                    runners[j], shapes[i], shapes[j]
                if m == n or abs(a.feet[1] - b.feet[1]) > DEPTH * max(tall_a, tall_b):
                    continue  # (a child led by the hand is of its leader's layer)
                over = mask_a.overlap_area(mask_b, (at_b[0] - at_a[0], at_b[1] - at_a[1]))
                if over > THROUGH * min(mask_a.count(), mask_b.count()):
                    met.append((round(story - start, 1), n, m, round(a.feet[0])))
        looked += len(runners)
        story += step
    assert looked > 100, "runners seen"
    assert not met, f"runners through each other (story s in, layers, x): {met[:6]}"
