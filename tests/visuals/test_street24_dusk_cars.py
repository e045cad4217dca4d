"""The dusk crossing's cars cost a frame only what changes: they are placed once a frame for
the street and the people who meet them (car_passing), not once for each; and a car standing at
the lights, laid down from the picture of it made as it stopped, has its body's points no
longer worked out every frame it stands."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals import street_queue, street_traffic
from installation.visuals.cars import Seen
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import SHIPPED

SIZE = (320, 180)  # (neither count depends on the size)
AT = "18:30:00"  # the cars coming to a stop at the lights, then waiting (16 near at 18:30:11)
STORY_STEP = 0.5  # story seconds a frame at 60 fps (dusk: 30 story seconds a real second)
FRAMES = 24  # a standing car's picture is made its second frame or later (one car a frame),
# laid from the next


def dusk_frames(count: int) -> Iterator[int]:
    """The dusk scene built ahead, drawn at SIZE `count` frames in a row from AT: yields each
    frame's number before it is drawn (its first, n = 0, drawn before)."""
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, SIZE, print)
    start = state_at(line, parse_clock(AT))
    compositor.built_ahead(start.scene)
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, start)  # (its first frame: the people find the street's drive)
    for n in range(1, count + 1):
        yield n
        compositor.draw(surface, state_at(line, parse_clock(AT) + n * STORY_STEP))


def test_the_crossings_cars_are_placed_once_a_frame_for_the_street_and_its_people(
        monkeypatch: pytest.MonkeyPatch) -> None:
    worked_out: list[float] = []
    placed = street_queue.placed

    def counted(drive: street_queue.Drive, seconds: float) -> list[street_queue.Place]:
        worked_out.append(seconds)
        return placed(drive, seconds)

    monkeypatch.setattr(street_queue, "placed", counted)
    frames = list(dusk_frames(4))  # (and the first)
    assert len(worked_out) == len(frames) + 1 == len(set(worked_out))


def test_the_cars_standing_at_the_lights_are_laid_without_their_shells_worked_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    shells, seen = street_traffic.shells, street_traffic.Traffic.seen
    worked_out: list[int] = []  # cars whose shells were worked out in the frame
    near: list[int] = []  # ...of those near enough to be seen whole

    def counted(middle: int, size: tuple[int, int], horizon: int, lanes: np.ndarray,
                depths: np.ndarray) -> list[list[tuple[int, int]]]:
        worked_out.append(len(lanes))
        return shells(middle, size, horizon, lanes, depths)

    def seeing(traffic: street_traffic.Traffic, lanes: list[float], depths: list[float],
               *laid: Sequence[bool]) -> list[Seen]:
        if len(lanes) > 1:  # (the street's cars, not one laid back over a walker)
            near.append(sum(z < street_traffic.WHOLE_WITHIN for z in depths))
        return seen(traffic, lanes, depths, *laid)

    monkeypatch.setattr(street_traffic, "shells", counted)
    monkeypatch.setattr(street_traffic.Traffic, "seen", seeing)
    shares = []  # each frame: the near cars whose shells were worked out, of all of them
    for _n in dusk_frames(FRAMES):
        if near:  # (the street's cars are seen first in a frame, before any laid back over
            shares.append((worked_out[0], near[0]))  # a walker)
        worked_out.clear()
        near.clear()
    fewest = min(shares, key=lambda share: share[0] / share[1])
    assert fewest[1] > 10  # (the rush: cars near enough to be seen whole)
    assert fewest[0] < fewest[1] / 2  # most of them stand, laid from their pictures
