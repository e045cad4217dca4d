"""The noon tar pits: the visitors strolling on the far shore turn behind the mother's back and
are never seen in the gaps of her head, between her raised trunk, open mouth and tusks (a
walker in yellow there read as a passer-by in her mouth, 12:20)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.render import headless

from .helpers import compositor_finding, shared_made, shipped_program

SIZE = (320, 180)
HEAD = (0.45, 0.58, 0.55, 0.655)  # her head, trunk and tusks (left, right, top, foot; of the
# picture) all through 12:00-14:30, sinking
MOMENTS = [f"{12 + minute // 60:02d}:{minute % 60:02d}:20" for minute in range(0, 150, 2)]
SHOWS = 60  # levels (red, green and blue summed): a walker shows where it changes this much


def test_no_walker_is_seen_in_the_mothers_head_at_noon() -> None:
    """Every two story minutes of 12:00-14:30 (about 4 real s apart, at the day's own pace),
    the picture within her head's box is the same with the strolling visitors as without
    them."""
    headless()
    program = shipped_program()
    line = program.timeline
    noon = next(scene for scene in line.scenes if scene.at == parse_clock("12:00"))
    bare = dataclasses.replace(noon, layers=tuple(
        layer for layer in noon.layers if layer.type != "figures"))
    empty = dataclasses.replace(line, scenes=tuple(
        bare if scene is noon else scene for scene in line.scenes))
    left, right = round(HEAD[0] * SIZE[0]), round(HEAD[1] * SIZE[0])
    top, foot = round(HEAD[2] * SIZE[1]), round(HEAD[3] * SIZE[1])
    shown, without = (compositor_finding(each, SIZE, shared_made(), lambda _m: None,
                                         program.clock) for each in (line, empty))
    for at in MOMENTS:
        pictures = []
        for compositor, each in ((shown, line), (without, empty)):
            surface = pygame.Surface(SIZE)
            compositor.draw(surface, state_at(each, parse_clock(at), program.clock))
            pictures.append(pygame.surfarray.array3d(surface)[left:right, top:foot].astype(int))
        changed = np.abs(pictures[0] - pictures[1]).sum(axis=2) > SHOWS
        assert not changed.any(), (at, int(changed.sum()))
