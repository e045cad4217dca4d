"""The collapse paints the kept background again only where it changes (perf26): while a
storey holds, none of the tower is painted again (every floor and chunk was, 30 times a real
second), and a step of its dust only where the cloud shows at either step, not over the clear
air in the box round it."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.collapse import (
    CRACK_SECONDS,
    CRUSH_SECONDS,
    FALL_STEPS,
    Collapse,
    Dust,
    Moment,
)
from installation.visuals.render import headless

SIZE = (900, 500)
PLACE = (380, 100)  # where the tower stands (its picture's top left)
GROUND = 420  # its foot
TALL, WIDE = 320, 140
WALL = (60, 50, 40, 255)
DUST = Dust((200, 190, 180), 4.0, 140.0)
HELD = 20  # steps of the crush (of 108) at least in which nothing of the tower moves
CLEAR_AIR = 0.92  # the dust is painted again over at most this share of the box round it (the
# shipped Ash's lobed cloud, ~0.75)


def collapse() -> Collapse:
    """A plain tower's fall, all its pictures made."""
    headless()
    tower = pygame.Surface((WIDE, TALL), pygame.SRCALPHA)
    tower.fill(WALL)
    falls = Collapse(tower, PLACE, GROUND, DUST, np.random.default_rng(3), 1)
    for _ in falls.pieces():
        pass
    return falls


def laid(blits: list[tuple[pygame.Surface, tuple[int, int]]]) -> bytes:
    """The pixels the blits lay, on a clear picture."""
    picture = pygame.Surface(SIZE, pygame.SRCALPHA)
    picture.fblits(blits)
    return pygame.image.tobytes(picture, "RGBA")


def test_a_held_storey_paints_nothing_again() -> None:
    falls = collapse()
    first = round(CRACK_SECONDS * FALL_STEPS)
    last = round((CRACK_SECONDS + CRUSH_SECONDS) * FALL_STEPS)
    held = 0
    for step in range(first + 1, last):
        was, now = Moment(step - 1, -1), Moment(step, -1)
        if falls.changed_round(was, now) == []:
            held += 1
            assert laid(falls.fall_blits(was)) == laid(falls.fall_blits(now)), f"step {step}"
    assert held >= HELD  # the storeys hold between their drops


def test_dust_is_painted_again_only_where_it_shows() -> None:
    falls = collapse()
    for step in (45, 90, 150):
        was, now = Moment(-1, step - 1), Moment(-1, step)
        shown = np.zeros(SIZE, bool)
        boxes = []
        for moment in (was, now):
            for picture, (x, y), _strength in falls.dust_blits(moment):
                alpha = pygame.surfarray.array_alpha(picture) > 0
                box = pygame.Rect((x, y), picture.get_size()).clip(pygame.Rect((0, 0), SIZE))
                shown[box.left:box.right, box.top:box.bottom] |= alpha[
                    box.left - x:box.right - x, box.top - y:box.bottom - y]
                boxes.append(pygame.Rect((x, y), picture.get_size()))
        painted = np.zeros(SIZE, bool)
        for area in falls.changed_round(was, now):
            area = area.clip(pygame.Rect((0, 0), SIZE))
            painted[area.left:area.right, area.top:area.bottom] = True
        assert not (shown & ~painted).any(), f"step {step}: dust left unpainted"
        box = boxes[0].unionall(boxes[1:]).clip(pygame.Rect((0, 0), SIZE))
        assert painted.sum() <= CLEAR_AIR * box.width * box.height, f"step {step}"
