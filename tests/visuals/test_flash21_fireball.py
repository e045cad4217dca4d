"""The flash is not the sun: at 05:15:02, the beat after the negative, what is blown out white
over the city is a flare along the horizon and a point, far wider than tall, not a clean disc
rising behind the palm (a half disc as wide as twice its height, the noon sun's and the moon's
shape: it read as a moonrise)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (960, 540)
AT = "05:15:02"
HORIZON = 0.72  # the flash scene's horizon, of the height (its flash's y)
WHITE = 240  # every channel at least this: blown out
WIDE = 4.0  # the white spans this many times as many columns as rows, at least
SMALL = 0.015  # and covers at most this share of the sky (a disc covered 3.4%)


def test_the_white_over_the_city_is_a_flare_on_the_horizon_not_a_disc() -> None:
    headless()
    program = shipped_program()
    line = program.timeline
    state = state_at(line, parse_clock(AT), program.clock)
    assert state.scene.name == "The flash"
    surface = pygame.Surface(SIZE)
    Compositor(line, SIZE, lambda _message: None, program.clock).draw(surface, state)
    sky = pygame.surfarray.array3d(surface)[:, : round(HORIZON * SIZE[1]) + 2].astype(int)
    white = sky.min(axis=2) >= WHITE
    cols, rows = np.nonzero(white)
    assert cols.size, "something is blinding white"
    wide, tall = np.ptp(cols) + 1, np.ptp(rows) + 1
    assert wide >= WIDE * tall, f"white {wide} px wide and {tall} tall: a disc's shape"
    assert white.mean() <= SMALL, f"{white.mean():.1%} of the sky blown out"
