"""The tower at 06:10 falls, it does not fade (collapse22): its top breaks off in solid chunks
that drop beside the stump behind the nearer ruins, the stump stands solid and dark through
the fall and its dust (the dust rises behind it), and its top is broken, not a flat cut."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_scene

SIZE = (640, 360)
SKY = (0x80, 0x90, 0xA0)  # a colour nothing in the ruins has
GROUND = 0.8
FALLS = parse_clock("06:01")  # no pace: a real second is a story second
LINE = one_scene(layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False, clouds=0)
                 + layer("ruins", ground=GROUND, height=0.3, fires=0, color="#404040",
                         collapse="06:01", collapse_x=0.4, collapse_size=2) + NO_POST, at="06:00")
BEFORE, AFTER = -10.0, 60.0  # real seconds after the crack
MID = 3.0  # real seconds after the crack: its top broken off and falling (at 9 s a fall, it
# still leaned on its stump here; 2.0 till collapse24, where it first rides down its floors)
THROUGH = (0.3, 0.8, 35.0)  # the crack, and once the dust has gone (3.5 to 30 till collapse24:
# its dust now rolls out over the ruins round its foot and drifts over the stump, as a fall's
# dust does, review 23; its chunks tumble past the stump's face)
DARK = 110  # the ruins' brightest channel is below this; the dust's and the sky's above
PALED = 12  # a pixel of the stump this much paler than after the fall: veiled by the dust
BREAK_BELOW = 6  # rows below the stump's lowest broken top where its solid body is looked at
NOT_FLAT = 0.04  # the broken top strays this far from any straight cut, of the stump's height


@cache
def frames() -> dict[float, np.ndarray]:
    """The picture at BEFORE, THROUGH and AFTER, drawn in a row by one compositor, (x, y, rgb)."""
    headless()
    compositor = Compositor(LINE, SIZE, print)
    out = {}
    for seconds in sorted((BEFORE, MID, *THROUGH, AFTER)):
        surface = pygame.Surface(SIZE)
        compositor.draw(surface, state_at(LINE, FALLS + seconds))
        out[seconds] = pygame.surfarray.array3d(surface).astype(int)
    return out


def sky(seconds: float) -> np.ndarray:
    return (frames()[seconds] == np.array(SKY)).all(axis=2)


def dark(seconds: float) -> np.ndarray:
    return frames()[seconds].max(axis=2) < DARK


def tower_columns() -> tuple[int, int]:
    """The columns the falling tower's top stood over (its first and last)."""
    columns = np.flatnonzero((~sky(BEFORE) & sky(AFTER)).sum(axis=1) > 2)
    return int(columns[0]), int(columns[-1])


def stump_top() -> np.ndarray:
    """The stump's top row in each of the tower's columns, after the fall."""
    left, right = tower_columns()
    standing = ~sky(AFTER)[left:right + 1]
    return standing.argmax(axis=1)


def test_at_the_falls_middle_a_solid_chunk_drops_beside_the_stump() -> None:
    """Dark pixels of the tower where there was sky before and after, lower than any part of
    its top stood and outside its columns: a chunk of it, solid, dropped beside its stump two
    real seconds after the crack."""
    left, right = tower_columns()
    lowest = int(np.flatnonzero((~sky(BEFORE) & sky(AFTER)).any(axis=0))[-1])
    chunk = dark(MID) & sky(BEFORE) & sky(AFTER)
    chunk[left:right + 1] = False
    chunk[:, :lowest + 1] = False
    assert chunk.sum() > 150, f"only {chunk.sum()} px of a chunk beside the stump at {MID:.2f} s"


def test_the_stump_stands_solid_and_dark_through_the_fall_and_its_dust() -> None:
    """Below its broken top, every pixel of the stump (dark after the fall) is as dark in every
    frame from the crack till the dust has gone: no dust veils it, no sky shows through."""
    left, right = tower_columns()
    below = int(stump_top().max()) + BREAK_BELOW
    ground = int(SIZE[1] * GROUND)
    body = np.zeros(SIZE, bool)
    body[left:right + 1, below:ground] = dark(AFTER)[left:right + 1, below:ground]
    assert body.sum() > 2000
    after = frames()[AFTER].sum(axis=2)
    for seconds in THROUGH:
        paled = (body & (frames()[seconds].sum(axis=2) > after + 3 * PALED)).sum()
        assert paled < 0.005 * body.sum(), f"{paled} px of the stump paled at {seconds} s"


def test_the_stumps_top_is_broken_not_a_flat_cut() -> None:
    """The stump's top strays from the straight line that fits it best by a good share of
    its height: steps torn at different floors, not one slanting cut with fine teeth."""
    tops = stump_top().astype(float)
    columns = np.arange(len(tops))
    fit = np.polyval(np.polyfit(columns, tops, 1), columns)
    stump = int(SIZE[1] * GROUND) - tops.mean()
    strays = np.percentile(np.abs(tops - fit), 90)
    assert strays > NOT_FLAT * stump, f"its top strays {strays:.1f} px of {stump:.0f}"
