"""Lucy and Ivan's lit room is not one still picture for minutes: every few real seconds the
lights of a car passing in the street below sweep across its wall, left to right."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.lamp_room import SWEEP_EVERY, SWEEP_TAKES, headlights

ROOM = pygame.Rect(100, 50, 400, 300)


def lit_columns(seconds: float) -> np.ndarray:
    """How much light the sweep adds to each column of the room's upper wall at `seconds`."""
    surface = pygame.Surface((600, 400))
    surface.fill((90, 70, 50))
    headlights(surface, ROOM, seconds)
    wall = pygame.surfarray.array3d(surface)[ROOM.left:ROOM.right, ROOM.top + 10, 0]
    return wall.astype(int) - 90


def test_a_cars_lights_cross_the_room_left_to_right() -> None:
    early, late = (lit_columns(SWEEP_EVERY * 3 + SWEEP_TAKES * k) for k in (0.3, 0.7))
    assert early.max() >= 30 and late.max() >= 30, (early.max(), late.max())
    assert np.argmax(late) > np.argmax(early) + ROOM.width // 4, (np.argmax(early), np.argmax(late))


def test_between_cars_the_room_is_as_the_lamp_lights_it() -> None:
    assert lit_columns(SWEEP_EVERY * 3 + SWEEP_TAKES + 0.5).max() == 0


def test_the_light_stays_inside_the_room() -> None:
    surface = pygame.Surface((600, 400))
    headlights(surface, ROOM, SWEEP_EVERY + SWEEP_TAKES * 0.02)
    lit = pygame.surfarray.array3d(surface).max(axis=2) > 0
    lit[ROOM.left:ROOM.right, ROOM.top:ROOM.bottom] = False
    assert not lit.any()
