"""The museum's stone calf (Harry meets Julie, 14:30-16:40): its hair carved as irregular locks,
not even grooves running down it (they read as corrugated metal), and its fore legs standing
apart, the lawn between them at every height (at their knees the two met in a dark bar)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from .helpers import NO_POST, draw, layer, one_scene

SIZE = (960, 540)
SCALE = 1.6  # the calf about 260 px tall, as at 1920x1080
PX = SCALE * 0.25 * SIZE[1]  # its pixels to a unit
FEET = (0.5 * SIZE[0], 0.95 * SIZE[1])
SKY = layer("sky", clouds=0, stars=0, sun=False, top="#8090a0", bottom="#8090a0")
FLANK = ((-0.35, 0.2), (0.5, 0.95))  # units: its flank and shoulder, across and up
LAG = 0.1  # units: a groove down its flank runs on this far ...
RUNS_ON = 0.25  # ... its light there correlated this much, at most (grooves: 0.45; locks: 0.03)
DEEP = 0.04  # the carving varies its light this much at least (a share of its brightness)
BETWEEN = (-0.3, -0.15)  # units: across the gap between its fore legs ...
LEGS_UP = (0.08, 0.32)  # ... from its feet to under its belly's hair
SKY_NEAR = 4  # a pixel this close to the sky's grey (every channel's mean) is the sky


def column(x: float) -> int:
    return int(FEET[0] + x * PX)


def row(y: float) -> int:
    return int(FEET[1] - y * PX)


@cache
def statue() -> np.ndarray:
    """The stone calf on a plain sky, brightness (columns x rows)."""
    body = SKY + layer("silhouette", shape="calf", x=0.5, y=0.95, scale=SCALE,
                       color="#4c463f", statue=True) + NO_POST
    frame = pygame.surfarray.array3d(draw(one_scene(body), "15:00", size=SIZE))
    return frame.astype(float).mean(axis=2)


def test_its_hair_is_carved_in_locks_not_grooves_running_down_it() -> None:
    picture = statue()
    (left, right), (low, high) = FLANK
    flank = picture[column(left):column(right), row(high):row(low)]
    smooth = np.apply_along_axis(lambda v: np.convolve(v, np.ones(9) / 9, "same"), 0, flank)
    carving = (flank - smooth)[5:-5]  # its light column to column, each column's own
    lag = int(LAG * PX)
    runs = float(np.corrcoef(carving[:, :-lag].ravel(), carving[:, lag:].ravel())[0, 1])
    assert runs < RUNS_ON, f"a groove runs on down its flank ({runs:.2f})"
    assert np.abs(carving).mean() > DEEP * np.median(flank), "its hair is carved"


def test_the_lawn_shows_between_its_fore_legs_at_every_height() -> None:
    picture = statue()
    sky = picture[5, 5]
    gaps = np.abs(picture[column(BETWEEN[0]):column(BETWEEN[1]), :] - sky) < SKY_NEAR
    closed = [round((FEET[1] - y) / PX, 2) for y in range(row(LEGS_UP[1]), row(LEGS_UP[0]))
              if not gaps[:, y].any()]
    assert not closed, f"its fore legs meet at heights {closed} (units)"
