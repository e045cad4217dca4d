"""Across Wilshire at first light, the runner who leaves the far doorway for the near lanes and
the one running right for the far kerb cross each other's way once a loop: at one depth they
never run through each other (on d3fc999b, at 05:09:12.7, one was drawn inside the other).
Her loop is now twice his, so they keep the same turns, and she sets off when their turns
never meet."""

from __future__ import annotations

import pygame

from installation.core.timeline import state_at
from installation.core.timeline.state import story_after
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures, Member
from installation.visuals.render import headless

from .helpers import shipped_program
from .test_dawn_crossing import DAWN, END, PICTURE, SAME_DEPTH, SIZE, box

STEP = 0.1  # real seconds between the moments looked at
DOORWAY = [0.68, 0.614]  # where his path begins (out of the far doorway, to the near left)
KERB = [0.4, 0.664]  # and hers (right, for the far kerb)


def test_the_doorway_runner_and_the_kerb_runner_never_overlap() -> None:
    headless()
    program = shipped_program()
    line, clock = program.timeline, program.clock
    compositor = Compositor(line, SIZE, print, clock)
    scene = next(one for one in line.scenes if one.name == DAWN)
    pair = [Figures(spec.params, compositor.setup(scene, n, "figures"))
            for n, spec in enumerate(scene.layers)
            if spec.type == "figures" and list(spec.params["path"][0]) in (DOORWAY, KERB)]
    assert len(pair) == 2, "the two runners are in the scene"
    met = []
    for n in range(int(clock.real_between(scene.at, parse_clock(END)) / STEP)):
        state = state_at(line, story_after(clock, scene.at, n * STEP), clock)
        frame = Frame(state.story_time, state.scene_seconds, state)
        seen: list[list[Member]] = [[m for m in runners.members(frame)
                                     if box(m).colliderect(PICTURE)] for runners in pair]
        for one in seen[0]:
            for other in seen[1]:
                tall = max(one.look.height * one.share, other.look.height * other.share)
                if abs(one.feet[1] - other.feet[1]) >= SAME_DEPTH * tall:
                    continue  # (one passing behind the other, far off: no knot)
                both: pygame.Rect = box(one).clip(box(other))
                if both.w * both.h:
                    met.append((round(n * STEP, 1), both.w * both.h))
    assert not met, f"one drawn into the other (real s into the scene, pixels): {met}"
