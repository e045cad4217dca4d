"""Over the mall: the searchlights' beams crossing the helicopter's bright cone grow towards
white as light in haze does, with no flat white shape; and the helicopter's cone stays in the
picture as long as the helicopter does."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.helicopter import BOUNDS, Helicopter
from installation.visuals.render import headless
from installation.visuals.searchlight import Searchlight

from .helpers import NO_POST, layer, one_scene

SIZE = (640, 360)
CONE = (196, 198, 214)  # the helicopter's cone near its nose, over the sky, as beams cross it
WHITE = 254  # every channel this bright: a flat white patch


def test_beams_crossing_a_bright_cone_brighten_it_without_a_flat_white_patch() -> None:
    """Five beams swept over a pale, cone-bright picture brighten it where they pass (they
    still show), yet nowhere turn it flat white: added, two beams and the cone clipped to a
    white oval under the helicopter's nose (04:55:00)."""
    headless()
    line = one_scene(layer("searchlight", beams=5, speed=1.5, ground=0.8) + NO_POST,
                     at="04:50")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "searchlight")
    lights = Searchlight(line.scenes[0].layers[0].params, setup)
    for seconds in (0.0, 7.0, 19.0, 31.0):
        surface = pygame.Surface(SIZE)
        surface.fill(CONE)
        state = state_at(line, parse_clock("04:50") + seconds)
        lights.draw(surface, Frame(state.story_time, seconds, state))
        picture = pygame.surfarray.array3d(surface).astype(int)
        white = int((picture.min(axis=2) >= WHITE).sum())
        assert picture.sum(axis=2).max() >= sum(CONE) + 30, f"no beam shows at {seconds} s"
        assert white == 0, f"{white} pixels flat white at {seconds} s"


def _copter(seconds: float) -> tuple[Helicopter, pygame.Surface]:
    """The helicopter over black `seconds` into its scene (its first pass flies out to the
    right 18 s in), drawn."""
    headless()
    black = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
    line = one_scene(black + layer("helicopter", y=0.3, ground=0.9) + NO_POST, at="04:50")
    state = state_at(line, parse_clock("04:50") + seconds)
    setup = Compositor(line, SIZE, print).setup(state.scene, 1, "helicopter")
    copter = Helicopter(line.scenes[0].layers[1].params, setup)
    surface = pygame.Surface(SIZE)
    copter.draw(surface, Frame(state.story_time, seconds, state))
    return copter, surface


def test_its_cone_stays_in_the_picture_while_it_flies_out_of_it() -> None:
    """Every tenth of a second as it flies out of the picture, while any of its drawing is
    in sight, its cone lights the picture under it (leaning ahead, the cone left with its
    nose and the tail flew on without it, 04:55:05)."""
    seen = 0
    for seconds in np.arange(12.0, 19.0, 0.1):
        copter, surface = _copter(float(seconds))
        x, y, face = copter.where(float(seconds))
        tail = x + BOUNDS[0] * copter.length * face
        if tail >= SIZE[0] - 2:
            continue  # wholly out (past the edge but for a rotor tip)
        seen += 1
        below = pygame.surfarray.array3d(surface)[:, round(y + BOUNDS[3] * copter.length):]
        lit = int((below.astype(int).sum(axis=2) > 60).sum())
        assert lit > 100, f"{lit} pixels of its cone in sight {seconds:.1f} s in, tail at {tail}"
    assert seen > 10
