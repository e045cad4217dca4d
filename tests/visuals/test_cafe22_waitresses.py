"""Through the CAFE's two windows at night, two different waitresses, each at the customers'
scale: two alike side by side (same bun, pose and height) read as one woman cloned, and her
head twice a customer's stood out in the brightest window on the block (20:30)."""

from __future__ import annotations

import random

import numpy as np
import pygame

from installation.visuals import block_fronts
from installation.visuals.counter_people import SKIN

from .helpers import headless

UNIT = 2
LIGHT = (236, 244, 222)
SIZE = (900, 110)
LEFT, RIGHT = pygame.Rect(10, 10, 375, 85), pygame.Rect(420, 10, 375, 85)
DOOR = pygame.Rect(388, 10, 30, 85)


def _drawn(door: int) -> tuple[np.ndarray, np.ndarray]:
    """The window on the door's left (door 1) or right (-1) with its waitress alone, and
    with nobody, as arrays."""
    headless()
    image = pygame.Surface(SIZE, pygame.SRCALPHA)
    image.fill((40, 30, 30, 255))
    rect = LEFT if door > 0 else RIGHT
    window = block_fronts._counter_window(image, rect, LIGHT, random.Random(7), UNIT, door, DOOR)
    window.keep(image)
    staff, sitting = window.look(30.0)
    empty = tuple(None for _ in sitting)
    alone = image.copy()
    window.draw(alone, (staff, empty))
    bare = image.copy()
    window.draw(bare, ((-999, 1, 0, None), empty))
    return (pygame.surfarray.array3d(alone).astype(int),
            pygame.surfarray.array3d(bare).astype(int))


def _her(door: int) -> np.ndarray:
    alone, bare = _drawn(door)
    return np.abs(alone - bare).sum(axis=2) > 30


def test_the_two_windows_waitresses_differ() -> None:
    """Her colours in one window are not the other's: another dress, other hair."""
    tones = []
    for door in (1, -1):
        alone, _ = _drawn(door)
        her = _her(door)
        tones.append({tuple(c) for c in (alone[her] // 16).tolist()})
    shared = len(tones[0] & tones[1]) / min(len(tones[0]), len(tones[1]))
    assert shared < 0.5, f"{shared:.0%} of one waitress's tones are the other's"


def test_her_head_is_no_bigger_than_a_customer_s() -> None:
    """Her face and neck (skin) stand no taller than the largest seated customer's head
    (2.6 of a seated unit round, 0.7 of the window's, at most 1.05 the size: ~3.8 goods units
    across) and a unit (on main: 19 px against the heads' 11)."""
    for door in (1, -1):
        alone, _ = _drawn(door)
        face = (np.abs(alone - np.asarray(SKIN)) < 12).all(axis=2) & _her(door)
        rows = np.flatnonzero(face.any(axis=0))
        unit = 85 / 30
        tall = rows[-1] - rows[0] + 1
        assert tall <= 2 * 2.6 * 0.7 * 1.05 * unit + unit, (door, tall)
        assert tall >= 2 * unit, (door, tall)
