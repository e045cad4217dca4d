"""The sun breaking through the ash strengthens in steps: each step goes down the picture a
band of rows a frame, so no frame repaints (or changes) more than a small share of the
picture; a whole step at once lit up half the picture in one frame (~16 blits' work)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.ash_sun import Sunbreak
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, layer, timeline

SIZE = (1920, 1080)  # the bands are rows of the screen: their share is the shipped size's
SUN = {"x": 0.24, "y": 0.56, "size": 0, "color": "#d8906a", "light": 1.0, "ground": 0.64,
       "from": "05:45"}  # the shipped Ash's
ASH = ('[[scene]]\nat = "05:30"\nname = "Ash"\n' + layer("sky", clouds=0)
       + layer("sunbreak", **SUN) + NO_POST + '[[scene]]\nat = "06:35"\nname = "next"\n'
       + layer("sky", clouds=0))
FRAME = 1 / 60  # story seconds a frame (no pace: real seconds)
STEP_AT = parse_clock("06:10")  # a step of its light (half way from 05:45 to 06:35)
MOST = 0.06  # share of the picture one frame may change, at most


def frames_through_a_step() -> tuple[list[np.ndarray], list[float]]:
    """The sunbreak drawn alone on grey, a frame at a time from just before a step to well
    after it; and the share of the picture each frame asked to be repainted."""
    headless()
    line = timeline(ASH)
    scene = line.scenes[0]
    setup = Compositor(line, SIZE, print).setup(scene, 1, "sunbreak")
    sun = Sunbreak(dict(scene.layers[1].params), setup)
    pictures, asked, was = [], [], None
    for n in range(-3, 60):
        frame = Frame(STEP_AT + n * FRAME, 0.0, state_at(line, STEP_AT + n * FRAME))
        look = sun.look(frame)
        if was is not None:
            asked.append(sum(area.width * area.height for area in sun.changed(was, look)))
        was = look
        surface = pygame.Surface(SIZE, 0, 32)
        surface.fill((70, 66, 62))
        sun.draw(surface, frame)
        pictures.append(pygame.surfarray.array2d(surface))
    return pictures, [area / (SIZE[0] * SIZE[1]) for area in asked]


PICTURES, ASKED = frames_through_a_step()


def test_a_step_changes_a_band_of_the_picture_a_frame() -> None:
    """Between any two frames at most MOST of the picture changes, and at most MOST is
    repainted; over the step, the light really grows where it shines."""
    moved = [float((a != b).mean()) for a, b in zip(PICTURES, PICTURES[1:], strict=False)]
    assert max(moved) <= MOST, f"one frame changed {max(moved):.0%} of the picture"
    assert max(ASKED) <= MOST, f"one frame repainted {max(ASKED):.0%} of the picture"
    first, last = (np.stack([(p >> s) & 255 for s in (16, 8, 0)]).astype(int)
                   for p in (PICTURES[0], PICTURES[-1]))
    assert ((last - first).max(axis=0) > 0).mean() > 0.2, "the step lit up the glow's pixels"
    assert (last >= first).all(), "nothing grew darker"
