"""The clouds drift as fast in real seconds whatever the day's length (a 20-minute day, the
shipped hour, a day told in real time), and still the same sky at the day's seam."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.clock import ClockSettings, StoryClock
from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, one_frame, timeline

SKY = layer("sky", horizon=0.64, clouds=0.8, stars=0, sun=False)
SECONDS = 10.0  # real seconds between the two pictures compared
WIDE = 1920  # the show's width: its clouds drift ~7.5 px a real second there
DRIFT = (5.0, 10.0)  # px a real second at WIDE: the drift the shipped hour-long day has (7.5)


def day() -> Timeline:
    return timeline('[[scene]]\nat = "12:00"\nname = "noon"\n' + SKY + NO_POST)


def clock(line: Timeline, minutes: float | None) -> StoryClock:
    """The story clock of a day told in `minutes` real minutes (None: in real time)."""
    settings = ClockSettings("realtime") if minutes is None else \
        ClockSettings(cycle_seconds=minutes * 60)
    return StoryClock(settings, line.day_start, line.pace)


def sky(line: Timeline, pace: StoryClock, story: float) -> np.ndarray:
    """The grey levels of the top half of the picture (its clouds) at a story time."""
    headless()
    surface = one_frame(line, SIZE, state_at(line, story, pace), pace=pace)
    return pygame.surfarray.array3d(surface)[:, : SIZE[1] // 2].mean(axis=2)


def drifted(before: np.ndarray, after: np.ndarray) -> int:
    """How many pixels sideways the band moved from one picture to the other."""
    return int(np.argmin([np.abs(np.roll(before, shift, axis=0) - after).mean()
                          for shift in range(-SIZE[0] // 4, SIZE[0] // 4)])) - SIZE[0] // 4


@pytest.mark.parametrize("minutes", [20, 60, None])
def test_the_clouds_drift_alike_in_real_seconds_whatever_the_day_s_length(
        minutes: float | None) -> None:
    """Ten real seconds apart, the band has moved about 7.5 px a real second (at the show's
    width): on a 20-minute day not three times that, on a day told in real time not still."""
    line = day()
    pace = clock(line, minutes)
    start = parse_clock("13:00")
    story = start + SECONDS * (86400 / (minutes * 60) if minutes else 1.0)
    assert pace.real_between(start, story) == pytest.approx(SECONDS)
    moved = drifted(sky(line, pace, start), sky(line, pace, story)) * WIDE / SIZE[0] / SECONDS
    assert DRIFT[0] <= abs(moved) <= DRIFT[1], moved


@pytest.mark.parametrize("minutes", [20, None])
def test_the_clouds_at_the_day_s_end_are_the_clouds_at_its_start(minutes: float | None) -> None:
    line = day()
    pace = clock(line, minutes)
    last, first = sky(line, pace, parse_clock("11:59:59")), sky(line, pace, parse_clock("12:00"))
    assert np.abs(last - first).mean() < 3.0
