"""A car standing at the dusk crossing's lights is laid down from the picture of it made as it
stopped: where its body's points are seen is not worked out again every frame it stands."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals import street_traffic
from installation.visuals.cars import Seen
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import SHIPPED

SIZE = (320, 180)  # (which cars stand does not depend on the size)
AT = "18:30:00"  # the cars coming to a stop at the lights, then waiting (16 near at 18:30:11)
FRAMES = 24  # at 60 fps: a standing car's picture is made its second frame or later (one car
# a frame), laid from the next
STORY_STEP = 0.5  # story seconds a frame (dusk: 30 story seconds a real second)


def test_the_cars_standing_at_the_lights_are_laid_without_their_shells_worked_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    headless()
    line = load_timeline(SHIPPED)
    compositor = Compositor(line, SIZE, print)
    start = state_at(line, parse_clock(AT))
    compositor.built_ahead(start.scene)
    surface = pygame.Surface(SIZE)
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
    for n in range(FRAMES):
        worked_out.clear()
        near.clear()
        compositor.draw(surface, state_at(line, parse_clock(AT) + n * STORY_STEP))
        shares.append((worked_out[0], near[0]))  # (the street's cars are seen first in a
        # frame, before any laid back over a walker)
    fewest = min(shares, key=lambda share: share[0] / share[1])
    assert fewest[1] > 10  # (the rush: cars near enough to be seen whole)
    assert fewest[0] < fewest[1] / 2  # most of them stand, laid from their pictures
