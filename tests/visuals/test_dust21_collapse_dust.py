"""The falling tower's dust reads as a building's dust: grey-brown, no lighter than the grey
sky round it and nowhere white, soft-edged (it thins into the air over many pixels, no
cotton-wool rim), and large (the event of the Ash scene)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame
import pytest

from installation.visuals.ruins import Ruins

from .helpers import shipped_in_a_row

SIZE = (960, 540)
TIMES = ("06:11:00", "06:12:30")  # the crack's dust along the break, then the billowing cloud
WEIGHTS = np.array([0.3, 0.59, 0.11])
SKY = ((0.10, 0.20), (0.10, 0.40))  # open grey sky left of the tower (shares of width, height)
SEEN = 6  # a pixel's luminance the dust changes by this much: the dust shows there
LIGHTER = 30  # the dust (but its lightest 1%) no lighter than the sky's median + this
MIDDLING = 13  # its median no lighter than the sky's + this (~3, ~4 till collapse25: its puffs
# high up, lit as the sky is lighter towards the horizon where they climb, ~12 at 06:11:00; the
# cotton puffs' ~11, ~16 stood white over a dark sky: their p99 and max are still held below)
WHITE = 150  # nor any of its pixels this light (the cotton puffs' tops were ~138, ~153)
SOFT = 6  # its edge: from where it shows to where it is thick, at least this many pixels
THICK = 0.8  # thick: this share of the dust's strongest change on its row
LARGE = 0.05  # at its largest it covers this share of the picture


THINNING = tuple(f"06:{m:02d}:{s:02d}" for m in range(13, 22) for s in (0, 30))  # 1.7 real s
DROP = 0.12  # apart, through its thinning: its strength never drops by more than this share
# of its greatest (it thins by ~0.07 a sample into the haze: no pop; 0.1 till collapse24, whose
# dust, rolling out over the ruins from the foot, drifts in behind the May Company's drum: 0.112)


@cache
def drawn(dust: bool, times: tuple[str, ...] = TIMES) -> list[np.ndarray]:
    """The shipped Ash at `times`, (x, y, rgb), with or without the dust."""
    if dust:
        return [pygame.surfarray.array3d(p).astype(float) for p in shipped_in_a_row(times, SIZE)]
    patch = pytest.MonkeyPatch()
    patch.setattr(Ruins, "_dust", lambda self, surface, now: None)
    try:
        return [pygame.surfarray.array3d(p).astype(float)
                for p in shipped_in_a_row(times, SIZE)]
    finally:
        patch.undo()


def change(n: int, times: tuple[str, ...] = TIMES) -> np.ndarray:
    """How much the dust changes each pixel's luminance at times[n], (x, y)."""
    return np.abs((drawn(True, times)[n] - drawn(False, times)[n]) @ WEIGHTS)


def sky_median(n: int) -> float:
    """The median luminance of the open sky beside the tower at TIMES[n]."""
    (x0, x1), (y0, y1) = SKY
    w, h = SIZE
    return float(np.median(drawn(True)[n][int(x0 * w):int(x1 * w), int(y0 * h):int(y1 * h)]
                           @ WEIGHTS))


@pytest.mark.parametrize("n", range(len(TIMES)))
def test_the_dust_is_grey_brown_no_lighter_than_the_sky_and_never_white(n: int) -> None:
    behind = drawn(False)[n] @ WEIGHTS
    dusty = (change(n) > SEEN) & (behind < sky_median(n) + LIGHTER)  # not the fires' flames
    assert dusty.sum() > 0  # (laid over the dust), its own colour
    light = drawn(True)[n][dusty] @ WEIGHTS
    assert np.median(light) <= sky_median(n) + MIDDLING
    assert np.percentile(light, 99) <= sky_median(n) + LIGHTER
    assert light.max() < WHITE


def edge_widths(n: int) -> list[int]:
    """On each row the dust crosses, the pixels from where it first shows (left) to where it
    is thick (THICK of its strongest change on the row)."""
    out = []
    moved = change(n)
    for row in moved.T:
        if row.max() < 4 * SEEN:
            continue
        shows = int(np.argmax(row > SEEN))
        out.append(int(np.argmax(row >= THICK * row.max())) - shows)
    return out


@pytest.mark.parametrize("n", range(len(TIMES)))
def test_the_dust_thins_into_the_air_over_a_soft_edge(n: int) -> None:
    widths = edge_widths(n)
    assert widths
    assert np.median(widths) >= SOFT


def test_the_dust_is_large_the_event_of_the_scene() -> None:
    assert (change(1) > SEEN).mean() >= LARGE


def test_the_dust_thins_into_the_haze_without_a_pop() -> None:
    """(A guard: main's dust thinned evenly too.)"""
    strength = [float(change(n, THINNING).sum()) for n in range(len(THINNING))]
    assert strength[0] > 0 and strength[-1] == 0  # there as it spreads, gone by 06:21
    for was, now in zip(strength, strength[1:], strict=False):
        assert was - now <= DROP * max(strength), strength
