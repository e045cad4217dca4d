"""Across Wilshire at first light (05:05-05:12): the blowing papers read from across the room
(on 4a551ad6, 30 small grey sheets, most specks far off, were too faint): fewer, larger, light
newsprint, its face to the sky catching the low sun, warm."""

from __future__ import annotations

import math
import statistics

import numpy as np

from installation.visuals.palette import light_at
from installation.visuals.papers import LENGTH, shade_of, sheets

from .helpers import shipped_program as shipped
from .test_caption_places import scene_named

SCENE = "Across Wilshire at first light"
WIDTH = 1920
FEW = (12, 20)  # the shipped sheets: a street's worth, few enough to read
MEDIAN_LONG = 12  # pixels at full size: the median sheet is at least this long (7.5 then)
LIGHT = 190  # a newspaper's face to the sky is at least this bright (its brightest channel)
WARM = 30  # ... and this much redder than blue: the low sun on it (it was bluish grey)


def _shipped() -> tuple[int, float]:
    """The shipped sheets' count and the daylight as the scene begins."""
    scene = scene_named(shipped().timeline, SCENE)
    (count,) = [spec.params["papers"] for spec in scene.layers
                if spec.type == "panic" and spec.params["part"] == "all"]
    return int(count), light_at(scene.at / 3600.0).daylight


def test_fewer_larger_sheets_that_read_across_the_room() -> None:
    count, daylight = _shipped()
    assert FEW[0] <= count <= FEW[1], count
    found = sheets(count, np.random.default_rng(1988), daylight)
    longs = [2 * LENGTH * one.size * WIDTH * 0.5 / one.z for one in found]
    assert statistics.median(longs) >= MEDIAN_LONG, statistics.median(longs)


def test_newsprint_is_light_and_catches_the_low_sun() -> None:
    count, daylight = _shipped()
    news = next(one for one in sheets(count, np.random.default_rng(1988), daylight) if one.news)
    face = shade_of(news, math.pi / 4)  # turned up to the sky, half way over
    assert max(face) >= LIGHT, face
    assert face[0] - face[2] >= WARM, face
