"""The noon sun: a white glare in a pale sky, not a cream disk that reads as the moon."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.landmark import landmark
from installation.visuals.palette import sun_position
from installation.visuals.sky import SUN_DISK
from installation.visuals.skyline import DAY_HAZE

from .helpers import NO_POST, draw, layer, one_scene

SIZE = (960, 540)
HORIZON = 0.72  # the sky's default
WHITE = 248  # the high sun's disk: every channel at least this (a cream moon's blue is ~226)
GLARE = 235  # and the sky just past its edge (at GLARE_AT of its radius): no crisp rim
GLARE_AT = 1.3
HAZED = 0.25  # the granite at noon is at least this bright, of the pale day haze (old: 0.17)


def _sun(at: str) -> tuple[np.ndarray, tuple[int, int], int]:
    """A clear sky alone at `at`, where its sun's middle is and its radius."""
    frame = draw(one_scene(layer("sky", stars=0, clouds=0) + NO_POST), at, size=SIZE)
    position = sun_position(int(at[:2]) + int(at[3:]) / 60)
    assert position is not None
    horizon = SIZE[1] * HORIZON
    middle = (int(SIZE[0] * position[0]), int(horizon - position[1] * horizon * 0.8))
    return pygame.surfarray.array3d(frame).astype(int), middle, max(2, int(SIZE[1] * SUN_DISK))


def test_the_noon_sun_is_white_and_its_edge_lost_in_its_glare() -> None:
    """At 12:30 the sun's disk is white, and the sky just past its edge nearly so: it blazes
    (a cream disk with a crisp rim on a bluish halo read as the moon)."""
    frame, (x, y), radius = _sun("12:30")
    assert frame[x, y].min() >= WHITE, frame[x, y]
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        rim = frame[x + round(dx * GLARE_AT * radius), y + round(dy * GLARE_AT * radius)]
        assert rim.min() >= GLARE, rim


def test_the_low_sun_keeps_its_colour() -> None:
    """At 17:30, low over the horizon, the sun is still warm: the glare is noon's alone."""
    frame, (x, y), _ = _sun("17:30")
    red, _, blue = frame[x, y]
    assert red - blue > 100, frame[x, y]


def test_the_may_company_is_in_the_noon_haze() -> None:
    """By day the May Company's dark granite frame is hazed towards the pale noon, not
    the night's blue: it reads as far off in the light, not as a dark cut-out."""
    line = one_scene(layer("sky", stars=0, clouds=0, sun=False) + layer("skyline") + NO_POST)
    frame = pygame.surfarray.array3d(draw(line, "13:00", size=SIZE)).astype(int)
    where = landmark(SIZE[0], int(SIZE[1] * 0.78), int(SIZE[1] * 0.34))  # (on the screen)
    granite = frame[where.frame.left + 1, where.frame.top + where.frame.height // 3]
    assert granite.mean() > HAZED * np.mean(DAY_HAZE), granite
