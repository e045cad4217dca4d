"""The motion measurement counts what a visitor sees move, not film grain; the scenes after
the flash meet its goal in the shipped day."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from installation.core.clock import ClockSettings, StoryClock
from installation.core.timeline import load_timeline
from installation.core.timeline.state import RealTime
from installation.core.timeutil import parse_clock
from installation.visuals.motion import GOAL, measure, table

from .helpers import NO_POST, layer, one_scene

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (480, 270)
STILL = layer("sky", top="#101830", bottom="#303850", stars=0, sun=False, clouds=0)
AFTER_THE_FLASH = ("The flash", "Ash", "The tar keeps everything",
                   "The sun comes back to the tar pits")


def share(body: str) -> float:
    [result] = measure(one_scene(body, at="06:00"), RealTime(), SIZE, warn=print)
    return result.share


def test_a_still_picture_does_not_move() -> None:
    assert share(STILL + NO_POST) == 0.0


def test_film_grain_does_not_count_as_motion() -> None:
    # The shipped day's heaviest grain is 0.28 (the ash).
    assert share(STILL + layer("post", grain=0.3, vignette=0.6)) == 0.0


def test_falling_ash_counts() -> None:
    assert share(STILL + layer("particles", kind="ash", amount=0.8) + NO_POST) > GOAL


def test_the_table_marks_a_scene_below_the_goal() -> None:
    [result] = measure(one_scene(STILL + NO_POST, at="06:00"), RealTime(), SIZE, warn=print)
    assert "below the goal" in table([result])


@functools.cache
def shipped() -> dict[str, float]:
    """Each shipped scene's motion at the default clock (a 60-minute day)."""
    line = load_timeline(SHIPPED)
    clock = StoryClock(ClockSettings("compressed", parse_clock("10:00"), 3600.0, dt.UTC),
                       line.day_start, line.pace)
    return {r.name: r.share for r in measure(line, clock, SIZE, warn=print)}


@pytest.mark.parametrize("name", AFTER_THE_FLASH)
def test_the_shipped_scenes_after_the_flash_move_enough(name: str) -> None:
    assert shipped()[name] >= GOAL
