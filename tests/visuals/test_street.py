"""Wilshire reads as an intact street: the far buildings are upright boxes with level roofs
(the broken skyline belongs to the hours after the flash)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.street import FRONT_FROM, WALK, Street

from .helpers import NO_POST, layer, one_scene

SIZE = (960, 540)
KEY = (255, 0, 255)  # the background the street is drawn over: what shows above the roofs
FARTHEST = 3  # the farthest buildings on each side, checked one by one
LEVEL_SHARE = 0.75  # of the far roofline, at least this much runs level (the slabs: half)
END_WIDE = 8  # pixels: a far building's end is this wide at least, no sliver


def street(wet: bool = False, traffic: float = 0.0) -> Street:
    """The dusk street, as the timeline has it, at SIZE."""
    headless()
    line = one_scene(layer("street", wet=wet, traffic=traffic) + NO_POST, at="17:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "street")
    return Street(dict(traffic=traffic, lamps=(255, 150, 50), horizon=0.62, wet=wet, lit=True),
                  setup)


def still(built: Street, at: str) -> np.ndarray:
    """The still street at story time `at` over KEY, as an (x, y, rgb) array."""
    line = one_scene(layer("street") + NO_POST, at="17:00")
    moment = parse_clock(at)
    surface = pygame.Surface(SIZE)
    surface.fill(KEY)
    built.draw_still(surface, Frame(moment, 0.0, state_at(line, moment)))
    return pygame.surfarray.array3d(surface).astype(int)


def roofline(built: Street, pixels: np.ndarray, side: int) -> np.ndarray:
    """The top row of the buildings in each column of the far end of the street, on `side`."""
    near = built.project(side * WALK, FRONT_FROM)[0]
    left, right = sorted((near, built.vx - 2 * side))
    sky = (pixels[left:right + 1, :built.horizon] == KEY).all(axis=2)
    return np.argmin(sky, axis=1)  # the first row that is not sky


def test_the_far_end_of_the_street_has_level_roofs_not_slanted_slabs() -> None:
    """At dusk the distant buildings stand as boxes: most of their roofline runs level,
    stepping up and down between buildings (tall thin walls alone made it slant everywhere,
    like the shards of the ruined skyline)."""
    built = street()
    pixels = still(built, "18:30")
    for side in (-1, 1):
        tops = roofline(built, pixels, side)
        assert (tops < built.horizon).all(), "buildings all along the far end"
        level = float(np.mean(np.diff(tops) == 0))
        assert level >= LEVEL_SHARE, f"side {side}: only {level:.2f} of the roofline is level"


def test_the_farthest_buildings_are_upright_boxes() -> None:
    """The farthest walls have upright edges (the same column at their foot and their roof)
    and an end towards us with a level roof, wide enough to read as a building."""
    built = street()
    for side in (-1, 1):
        farthest = sorted((b for b in built.blocks if b[0] == side), key=lambda b: -b[1])
        for block in farthest[:FARTHEST]:
            wall, end = built.faces(block)
            assert end is not None, "a far building shows its end"
            for quad in (wall, end):
                foot, roof = quad[:2], quad[:1:-1]  # corners 0, 1 at the foot; 3, 2 above them
                assert [x for x, _ in foot] == [x for x, _ in roof], "upright edges"
                assert foot[0][1] - roof[0][1] > 0, "it stands up"
            assert end[2][1] == end[3][1] and end[0][1] == end[1][1], "a level roof and foot"
            assert abs(end[1][0] - end[0][0]) >= END_WIDE, "not a sliver"
