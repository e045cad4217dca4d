"""The fires after the flash have no straight edge: every flame's edge ragged, its light and its
smoke's foot fading to nothing (at 05:17 a flame's picture cut at its box showed as a flat bright
seam across a fire, and the smoke's foot, drawn whole down to its flat bottom, as a lit box with
a straight side through the flames)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_scene

SIZE = (1920, 1080)
TOWER = "#221c1a"  # the ruins' dark towers behind the fires
FLAME = round(SIZE[1] * 0.048 * 1.3)  # the flash's flames' width (smoke.FLAME, its size 1.3)
JUMP = 24  # a step in brightness this large from one pixel to the next is an edge...
STRAIGHT = 0.4  # ...and one running this far (of a flame's width) along a row or a column is
# a ruled line, not a flame's (its ragged edges cross a row or a column in runs of a few pixels:
# 12-19 over a second of a 67 px flame; a tongue's picture cut at its box, 30-35; the smoke's
# flat foot, the width of its foot)


def longest_run(steps: np.ndarray) -> int:
    """The longest run of True along the last axis, over all the lines of `steps`."""
    best = 0
    for line in steps.reshape(-1, steps.shape[-1]):
        change = np.diff(np.concatenate([[0], line.astype(int), [0]]))
        starts, ends = np.flatnonzero(change == 1), np.flatnonzero(change == -1)
        if len(starts):
            best = max(best, int((ends - starts).max()))
    return best


def straight_edges(picture: np.ndarray) -> tuple[int, int]:
    """The longest straight edge along a row and down a column (pixels) of `picture` (x, y)."""
    bright = picture.sum(axis=2) / 3
    down, across = np.diff(bright, axis=1), np.diff(bright, axis=0)
    rows = max(longest_run((down >= JUMP).T), longest_run((down <= -JUMP).T))
    columns = max(longest_run(across >= JUMP), longest_run(across <= -JUMP))
    return rows, columns


def test_the_flash_fires_and_their_smoke_have_no_straight_edge() -> None:
    """The flash's fires and their smoke over the dark ruins, at moments over a second and a
    half: no edge runs straight along a row, nor down a column, for 0.4 of a flame's width."""
    headless()
    body = layer("sky", top=TOWER, bottom=TOWER, stars=0, sun=False, clouds=0) + layer(
        "smoke", columns=4, ground=0.8, height=0.75, wind=0.45, color="#1e1614", amount=0.9,
        size=1.3) + NO_POST
    line = one_scene(body, at="05:15")
    compositor = Compositor(line, SIZE, lambda _message: None)
    surface = pygame.Surface(SIZE)
    for step in range(8):
        compositor.draw(surface, state_at(line, parse_clock("05:17") + step * 0.2))
        rows, columns = straight_edges(pygame.surfarray.array3d(surface).astype(int))
        assert max(rows, columns) < STRAIGHT * FLAME, (step, rows, columns, FLAME)
