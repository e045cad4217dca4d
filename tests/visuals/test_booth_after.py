"""The payphone close-up after Harry lets the receiver fall is something to watch: it swings on
its cord for most of the minute he stands there, slower and slower; his shoulders heave; and
the cars going by behind bloom over the booth's glass behind him."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.booth_call import FALL, swinging
from installation.visuals.booth_handset import HEAVE, HEAVE_SECONDS, heave, heaving
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_scene

SIZE = (960, 540)
BLACK_SKY = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
CALL = {"hand_to_head": "04:05:02", "slumps": "04:05:04", "lets_go": "04:05:06"}
LET_GO = 8.0  # about when he has let it go (real seconds into the scene: story = real here)
Draw = Callable[[float], np.ndarray]


def drawing(**keys: object) -> Draw:
    """A lit booth with Harry in it (red, to find him) over black, drawn by one compositor at
    real seconds into its scene."""
    headless()
    body = BLACK_SKY + layer("booth", x=0.5, ground=0.95, scale=0.8, ring=0,
                             caller_color="#ff0000", **CALL, **keys) + NO_POST
    line = one_scene(body, at="04:05")
    compositor = Compositor(line, SIZE, print)

    def draw(seconds: float) -> np.ndarray:
        surface = pygame.Surface(SIZE)
        compositor.draw(surface, state_at(line, parse_clock("04:05") + seconds))
        return pygame.surfarray.array3d(surface).astype(int)

    return draw


@pytest.fixture(scope="module")
def still_night() -> Draw:
    return drawing()


def test_the_receiver_swings_on_for_half_a_minute_slower_and_slower() -> None:
    """Half a minute after the fall it still swings a good way either side of hanging (at the
    close-up's 04:18 it hung all but still), less than just after, and in the end it rests."""
    rest, held = 0.0, 1.5

    def reach(after: float) -> float:
        angles = [swinging(FALL + after + t, rest, held)[0] for t in np.arange(0.0, 2.0, 0.05)]
        return max(abs(a - rest) for a in angles)

    early, half_a_minute, late = reach(3.0), reach(30.0), reach(60.0)
    assert half_a_minute > math.radians(10), math.degrees(half_a_minute)
    assert early > 1.5 * half_a_minute
    assert late == 0.0


def redness(frame: np.ndarray) -> np.ndarray:
    return (frame[..., 0] > 2 * frame[..., 1] + 60) & (frame[..., 0] > 2 * frame[..., 2] + 60)


def test_his_shoulders_heave_and_his_feet_stay(still_night: Draw) -> None:
    """After he lets the receiver go, the top of him rises and falls: over a heave his head's
    top row moves, his feet do not."""
    times = [LET_GO + 10.0 + k * HEAVE_SECONDS / 8 for k in range(9)]
    masks = [redness(still_night(t)) for t in times]
    tops = [int(np.flatnonzero(m.any(axis=0)).min()) for m in masks]
    feet = [int(np.flatnonzero(m.any(axis=0)).max()) for m in masks]
    assert max(tops) - min(tops) >= 3, tops
    assert max(feet) == min(feet), feet


def test_a_heave_raises_what_is_above_the_cut_and_keeps_the_rest() -> None:
    """The sprite's rows above the cut are drawn `rise` higher, with no gap at the cut; the
    rows below where they were."""
    sprite = pygame.Surface((4, 10), pygame.SRCALPHA)
    for row in range(10):
        sprite.fill((row * 20, 0, 0, 255), (0, row, 4, 1))
    out = pygame.Surface((4, 20), pygame.SRCALPHA)
    heaving(out, sprite, (0, 5), 6, 2)
    column = [out.get_at((1, y)) for y in range(20)]
    assert [c[0] for c in column[3:9]] == [0, 20, 40, 60, 80, 100], "the top, 2 px up"
    assert all(c[3] == 255 for c in column[3:15]), "no gap at the cut"
    assert [c[0] for c in column[11:15]] == [120, 140, 160, 180], "the rest where it was"
    assert 0 < max(heave(t) for t in np.arange(5.0, 12.0, 0.1)) <= HEAVE


def test_cars_passing_behind_bloom_over_the_glass_behind_him() -> None:
    """With cars going by, the booth's lit glass beside his legs brightens as one passes
    behind it and dims again; with none it stays as it is."""
    glass = (slice(int(0.42 * SIZE[0]), int(0.47 * SIZE[0])),
             slice(int(0.8 * SIZE[1]), int(0.92 * SIZE[1])))
    times = [float(t) for t in np.arange(LET_GO, LET_GO + 12.0, 0.5)]
    busy = drawing(traffic=20, traffic_y=0.84)
    lit = [busy(t)[glass].mean() for t in times]
    assert max(lit) > min(lit) + 12, lit
    quiet = drawing(traffic=0)
    assert len({round(quiet(t)[glass].mean(), 3) for t in times[:6]}) == 1
