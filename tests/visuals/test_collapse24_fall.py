"""The tower at 06:10 comes down as a tall building does (collapse24, review 23 #5): its top in
separate chunks that drop and turn apart, the floors under it pancaking, dust rolling out from
its foot wider than the tower, a jagged stump left."""

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
SKY = (0x80, 0x90, 0xA0)  # a colour nothing in the ruins or the dust has
GROUND = 0.8
FALLS = parse_clock("06:01")  # no pace: a real second is a story second
LINE = one_scene(layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False, clouds=0)
                 + layer("ruins", ground=GROUND, height=0.3, fires=0, color="#404040",
                         collapse="06:01", collapse_x=0.4, collapse_size=2) + NO_POST, at="06:00")
BEFORE, APART, DUSTY, AFTER = -10.0, 3.6, 9.0, 60.0  # real seconds after the crack
DARK = 80  # the ruins' brightest channel is below this; the dust's and the sky's above
CHUNKS = 3  # falling pieces apart from each other and from the stump, at least
CHUNK_PX = 30  # a piece this many pixels or more
JAGGED = 25  # the stump's top rows spread over more than this (on main: 15, a level line
# with crenellations; now 34)


@cache
def frames() -> dict[float, np.ndarray]:
    """The picture at BEFORE, APART, DUSTY and AFTER, drawn in a row, (x, y, rgb)."""
    headless()
    compositor = Compositor(LINE, SIZE, print)
    return {seconds: drawn(compositor, seconds) for seconds in (BEFORE, APART, DUSTY, AFTER)}


def drawn(compositor: Compositor, seconds: float) -> np.ndarray:
    """The picture `seconds` after the crack, (x, y, rgb)."""
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state_at(LINE, FALLS + seconds))
    return pygame.surfarray.array3d(surface).astype(int)


def sky(seconds: float) -> np.ndarray:
    return (frames()[seconds] == np.array(SKY)).all(axis=2)


def columns() -> tuple[int, int]:
    """The columns the tower's fallen top stood over (its first and last)."""
    found = np.flatnonzero((~sky(BEFORE) & sky(AFTER)).sum(axis=1) > 2)
    return int(found[0]), int(found[-1])


def stump_top() -> np.ndarray:
    """The stump's top row in each of the tower's columns, after the fall."""
    left, right = columns()
    return (~sky(AFTER)[left:right + 1]).argmax(axis=1)


def test_its_top_falls_in_separate_chunks() -> None:
    """Dark pieces where sky stands before and after (over the stump, beside it): at least
    CHUNKS apart from one another, not one card."""
    falling = (frames()[APART].max(axis=2) < DARK) & sky(BEFORE) & sky(AFTER)
    shape = pygame.Surface(SIZE, pygame.SRCALPHA)
    alpha = pygame.surfarray.pixels_alpha(shape)
    alpha[:] = np.where(falling, 255, 0).astype(np.uint8)
    del alpha
    parts = [part.count() for part in pygame.mask.from_surface(shape).connected_components()]
    assert sum(size >= CHUNK_PX for size in parts) >= CHUNKS, sorted(parts, reverse=True)[:6]


def test_the_stumps_top_is_jagged() -> None:
    """The stump's top rows spread over more than JAGGED rows (its middle 80% of columns):
    torn at different floors, bare columns of frame standing over it."""
    tops = stump_top()
    low, high = np.percentile(tops, (10, 90))
    assert high - low > JAGGED, f"its top's rows span {high - low:.0f}"


def test_dust_rolls_out_wider_than_the_tower_at_its_foot() -> None:
    """Nine seconds after the crack, low over the ground (the lowest fifth of the tower's
    height), the ruins are veiled paler than after the fall on both sides of the tower, out
    past its edges by half its width."""
    left, right = columns()
    wide = right - left
    ground = int(SIZE[1] * GROUND)
    rows = slice(ground - (ground - int(stump_top().min())) // 5, ground)
    paler = (frames()[DUSTY][:, rows].sum(axis=2) > frames()[AFTER][:, rows].sum(axis=2) + 24)
    veiled = np.flatnonzero(paler.any(axis=1))
    assert veiled.size, "no dust over the ruins round the foot"
    assert veiled.min() < left - wide // 2 and veiled.max() > right + wide // 2, (
        veiled.min(), veiled.max(), left, right)
