"""The alarm that never rang (00:00-03:50): the blanket's top, from his feet to his shoulder,
is one body lying on its back under it: his toes tenting it at the foot, his shins low, his
knees, then rising steadily over his hips and belly to his chest, the highest of him, and down
at his shoulder. (On 4a551ad6 it was an old wavy profile: a row of lumps, five rises from the
foot, the blanket down again over his thighs and belly between them.)"""

from __future__ import annotations

import numpy as np

from installation.visuals.room import BLANKET, TURN_FROM

from .helpers import NO_POST, frame_at, layer

SIZE = (1920, 1080)
ROOM = layer("room", digits="12:00", blink=1.0, cars=0) + NO_POST
FEET = 0.312  # of the width: the blanket's top from here (the foot of the bed's end left of it)
NEAR = 14  # a pixel this close to the blanket's colour (every channel) is the blanket
SMOOTHED = 9  # columns its top edge is averaged over (his arm and hand lie across it)
PEAKS = 3  # at most this many rises along him: toes, knees, chest
DIP = 3  # pixels: a dip smaller than this between two rises is not counted


def top_edge() -> np.ndarray:
    """The blanket's top edge (rows) in each column from his feet to his chest (where the
    sheet turned down over it begins)."""
    picture = frame_at(ROOM, "00:00", 40.0, size=SIZE)
    start, end = round(FEET * SIZE[0]), round(TURN_FROM * SIZE[0])
    rows = []
    for x in range(start, end):
        blue = np.abs(picture[x] - np.array(BLANKET)).max(axis=1) <= NEAR
        found = np.flatnonzero(blue[round(0.57 * SIZE[1]):round(0.7 * SIZE[1])])
        rows.append(found[0] + round(0.57 * SIZE[1]) if found.size else np.nan)
    edge = np.array(rows, float)
    good = ~np.isnan(edge)
    edge = np.interp(np.arange(edge.size), np.flatnonzero(good), edge[good])
    return np.convolve(edge, np.ones(SMOOTHED) / SMOOTHED, "valid")


def rises(height: np.ndarray) -> int:
    """How many separate rises (local highs, apart by a dip of at least DIP pixels)."""
    count, low, high, climbing = 0, height[0], height[0], True
    for h in height[1:]:
        if climbing:
            high = max(high, h)
            if h < high - DIP:
                count, climbing, low = count + 1, False, h
        else:
            low = min(low, h)
            if h > low + DIP:
                climbing, high = True, h
    return count + (1 if climbing else 0)


def test_the_blanket_is_one_body_lying_under_it() -> None:
    height = -top_edge()  # (up is higher)
    assert rises(height) <= PEAKS, rises(height)
    chest = int(np.argmax(height))
    assert chest > 0.8 * height.size, "his chest is the highest of him, near his head"
    toes = int(np.argmax(height[:height.size // 6]))
    assert height[toes] > height[height.size // 5] + DIP, "his toes tent it at the foot"
