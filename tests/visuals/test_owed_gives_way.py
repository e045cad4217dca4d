"""A show started shortly before a scene change: the next scene's building comes before the
warm-up the scene shown owes, so it begins built (not built in its own first frames)."""

from __future__ import annotations

from itertools import count

import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.building_ahead import NEXT_FIRST_SECONDS, URGENT_SECONDS
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import SHIPPED

SIZE = (480, 270)
TICK = 0.002  # the fake clock moves this much each time it is read: a frame builds one piece
NEXT = "17:00"  # dusk on the Miracle Mile, after Harry meets Julie (people with owed sprites)
START = 600.0  # real seconds (story time is real time here) before it the show starts
BEFORE = 30.0  # ... and a frame drawn this long before it, its warm-up still owed


def test_shortly_before_a_scene_its_building_comes_before_the_owed_sprites() -> None:
    """In the bench the day's first scene, the tar pits, was built in its own fade, 33 ms a
    frame: the day's last scene, started as after a start, drew its owed sprites up to its
    last 3 s, too short for the tar pits' building. Now 30 s before a scene, with sprites
    still owed, a frame builds a piece of that scene, not of the owed sprites."""
    headless()
    line = load_timeline(SHIPPED)
    clock = count()
    compositor = Compositor(line, SIZE, print, timer=lambda: next(clock) * TICK)
    surface = pygame.Surface(SIZE)
    dusk = state_at(line, parse_clock(NEXT)).scene
    compositor.draw(surface, state_at(line, parse_clock(NEXT) - START))
    owed = compositor.ahead.owed
    assert owed is not None and not owed.done
    made = len(owed.made)
    assert URGENT_SECONDS < BEFORE <= URGENT_SECONDS + NEXT_FIRST_SECONDS
    compositor.draw(surface, state_at(line, parse_clock(NEXT) - BEFORE))
    assert compositor._layers(dusk).spent > 0.0  # the dusk's building has begun
    assert len(owed.made) == made and not owed.done  # the owed sprites wait
