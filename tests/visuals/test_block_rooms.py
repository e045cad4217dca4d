"""The block's upper windows through the night: rooms go dark one by one towards midnight, and
now and then a dark one is lit for a while (none of them changed in three and a half hours)."""

from __future__ import annotations

import random

import pygame

from installation.visuals.block_fronts import fronts_painting
from installation.visuals.block_plan import layout
from installation.visuals.block_rooms import Rooms
from installation.visuals.render import headless

from .helpers import NO_POST, frame_at, layer, pieces_of

SIZE = (640, 360)
NIGHT = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
EARLY, LATE = 20.2, 23.9  # story hours: just after nightfall, just before midnight
DIMMED = 40  # a room gone dark: its window this much darker (mean of its channels)
GONE_DARK = 5  # at least this many of them


def _rooms() -> Rooms:
    headless()
    picture = pygame.Surface(SIZE, pygame.SRCALPHA)
    (_, rooms), _ = pieces_of(fronts_painting(picture, layout(random.Random(1)), 1))
    return rooms


def test_rooms_go_dark_towards_midnight_and_some_come_on() -> None:
    rooms = _rooms()
    early, late = rooms.look(EARLY), rooms.look(LATE)
    assert sum(late) <= 0.7 * sum(early), (sum(early), sum(late))
    hours = [EARLY + k * 0.1 for k in range(round((LATE - EARLY) / 0.1))]
    came_on = {n for hour in hours for n, lit in enumerate(rooms.look(hour)) if lit} - \
        {n for n, lit in enumerate(early) if lit}
    assert came_on, "no dark room is lit all night"


def test_rooms_gone_dark_are_dark_in_the_picture() -> None:
    """In the block's frame, of its upper windows, several lit at 20:12 are dark by 23:54."""
    body = NIGHT + layer("block", cars=0) + NO_POST
    before, after = (frame_at(body, "20:00", (hour - 20.0) * 3600, SIZE) for hour in (EARLY, LATE))
    dimmed = 0
    for room in _rooms().rooms:  # (where the windows are: the same whatever the seed)
        box = (slice(room.rect.left, room.rect.right), slice(room.rect.top, room.rect.bottom))
        dimmed += before[box].mean() - after[box].mean() > DIMMED
    assert dimmed >= GONE_DARK, dimmed
