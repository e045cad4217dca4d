"""A car left on the mall's lot with its door open (04:50 in the shipped day) shows an open car
door: the door's inside, darker than the paint, and above it the door's window frame with its
glass (a red panel alone, swung out, read as a wedge or a fin)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.render import headless
from installation.visuals.wrecks import DOOR, WAIST, Wreck, draw_wreck

SIZE = (400, 200)
LENGTH = 300  # the car's length, in pixels (the lot's nearest red car is about this long)
GROUND = 170
PAINT = (150, 30, 26)  # a red car's paint
LIGHT = (220, 230, 255)  # the searchlights' light on its edges
FRAME_SHARE = 0.2  # of the door's window's box: drawn with the door open, bare when shut


def drawn(door_open: bool) -> np.ndarray:
    """The car drawn alone on black, facing right, its door open or shut."""
    headless()
    surface = pygame.Surface(SIZE)
    draw_wreck(surface, SIZE[0] // 2, GROUND, LENGTH, Wreck(PAINT, 1, False, door_open, LIGHT),
               np.random.default_rng(0))
    return pygame.surfarray.array3d(surface).astype(int)


def test_an_open_door_has_its_window_frame_and_glass_above_the_waist() -> None:
    """Ahead of the hinge, where the door swings out, above the car's waist line (where with
    the door shut there is only the night over the bonnet): the door's window, a frame in the
    paint round glass that is neither the paint nor black."""
    opened, shut = drawn(True), drawn(False)
    hinge = round(SIZE[0] / 2 - (DOOR[0] - 0.5) * LENGTH)
    waist = round(GROUND - WAIST * LENGTH)
    reach = round((DOOR[1] - DOOR[0]) * LENGTH * 0.5)  # the free edge's reach, ahead
    box = (slice(hinge + 2, hinge + reach), slice(waist - round(0.08 * LENGTH), waist - 2))
    added = (np.abs(opened[box] - shut[box]).sum(axis=2) > 30)
    assert added.mean() > FRAME_SHARE, f"{added.mean():.0%} of the window's box drawn"
    red = opened[box][..., 0] > 1.6 * opened[box][..., 2]
    glass = added & ~red & (opened[box].sum(axis=2) > 40)
    assert glass.sum() > 20 and (added & red).sum() > 20, "both frame and glass"


def test_the_doors_inside_is_darker_than_the_paint() -> None:
    """Below the waist, at the door's swung-out free half, its inside trim shows: darker than
    the car's paint beside it."""
    opened = drawn(True)
    hinge = round(SIZE[0] / 2 - (DOOR[0] - 0.5) * LENGTH)
    waist = round(GROUND - WAIST * LENGTH)
    reach = round((DOOR[1] - DOOR[0]) * LENGTH * 0.5)
    inside = opened[hinge + reach // 3:hinge + reach * 2 // 3, waist + 14:waist + 30]
    body = opened[hinge - 60:hinge - 30, waist + 14:waist + 30]
    assert inside.sum(axis=2).mean() < 0.75 * body.sum(axis=2).mean()
