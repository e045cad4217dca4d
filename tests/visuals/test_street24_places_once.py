"""At the dusk crossing the street's cars and the people who meet them (car_passing) are where
the one drive puts them: looked up once a frame for both, not once for each."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals import street_queue
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import SHIPPED

SIZE = (320, 180)  # (the count does not depend on the size)
AT = "18:30:00"
FRAMES = 4


def test_the_crossings_cars_are_placed_once_a_frame_for_the_street_and_its_people(
        monkeypatch: pytest.MonkeyPatch) -> None:
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, SIZE, print)
    start = state_at(line, parse_clock(AT))
    compositor.built_ahead(start.scene)
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, start)  # (its first frame: the people find the street's drive)
    worked_out: list[float] = []
    placed = street_queue.placed

    def counted(drive: street_queue.Drive, seconds: float) -> list[street_queue.Place]:
        worked_out.append(seconds)
        return placed(drive, seconds)

    monkeypatch.setattr(street_queue, "placed", counted)
    for n in range(1, FRAMES + 1):
        compositor.draw(surface, state_at(line, parse_clock(AT) + n * 0.5))
    assert len(worked_out) == FRAMES == len(set(worked_out))
