"""The motion measurement counts what a visitor sees move, not film grain, in every 10 real
seconds of a scene (its stillest window is its figure); every scene of the shipped day meets
its goal."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from installation.core.clock import ClockSettings, StoryClock
from installation.core.timeline import load_timeline
from installation.core.timeline.model import PaceSection
from installation.core.timeline.state import RealTime, story_after
from installation.core.timeutil import parse_clock
from installation.visuals.building_ahead import BuildingAhead
from installation.visuals.motion import (
    GOAL,
    SAMPLES,
    WINDOW_SECONDS,
    measure,
    table,
    window_starts,
)

from .helpers import NO_POST, NothingAhead, layer, one_scene, timeline

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (480, 270)
STILL = layer("sky", top="#101830", bottom="#303850", stars=0, sun=False, clouds=0)
SCENES = tuple(scene.name for scene in load_timeline(SHIPPED).scenes)
FEW = 3  # windows a one-scene day (24 real hours at real time) is sampled in


def share(body: str) -> float:
    [result] = measure(one_scene(body, at="06:00"), RealTime(), SIZE, warn=print, most=FEW)
    return result.share


def test_a_still_picture_does_not_move() -> None:
    assert share(STILL + NO_POST) == 0.0


def test_film_grain_does_not_count_as_motion() -> None:
    # The shipped day's heaviest grain is 0.28 (the ash).
    assert share(STILL + layer("post", grain=0.3, vignette=0.6)) == 0.0


def test_falling_ash_counts() -> None:
    assert share(STILL + layer("particles", kind="ash", amount=0.8) + NO_POST) > GOAL


def test_the_table_marks_a_scene_below_the_goal() -> None:
    [result] = measure(one_scene(STILL + NO_POST, at="06:00"), RealTime(), SIZE, warn=print,
                       most=FEW)
    assert "below the goal" in table([result])


def test_every_window_of_a_scene_is_one_window_or_spread_evenly() -> None:
    assert window_starts(SAMPLES + 2) == [0, 1, 2]
    assert window_starts(SAMPLES - 1) == []
    assert window_starts(1000 + SAMPLES, most=5) == [0, 250, 500, 750, 1000]


def test_a_scene_that_stops_moving_is_marked_by_its_stillest_window() -> None:
    # Someone walks across the picture for the scene's first minutes, then it is still: a
    # window from the scene's middle alone would miss the still part.
    walker = layer("figures", pose="walk", path=[[0.0, 0.9], [1.0, 0.9]], speed=0.2,
                   scale=0.5, until="06:05")
    [result] = measure(one_scene(STILL + walker + NO_POST, at="06:00"), RealTime(), SIZE,
                       warn=print, most=2)
    assert result.share == 0.0 and result.median > GOAL
    # the stillest is the day's last window, ten seconds before the scene comes round again
    assert result.stillest_at == pytest.approx(parse_clock("05:59:50"), abs=1)
    assert "below the goal" in table([result])


def test_a_scene_paced_unevenly_is_looked_at_at_its_real_seconds() -> None:
    # A scene whose first half hour is told ten times slower than its second: its middle
    # window is at the story time the show shows then (06:16), not halfway through its story
    # (06:30, as if its pace were even).
    walker = layer("figures", pose="walk", path=[[0.0, 0.9], [1.0, 0.9]], speed=0.2,
                   scale=0.5, until="06:05")  # (moving in the first window: not the stillest)
    line = timeline(f"[[scene]]\nat = \"06:00\"\nname = \"slow, then not\"\n{STILL}{walker}"
                    f"{NO_POST}[[scene]]\nat = \"07:00\"\nname = \"after\"\n{STILL}{NO_POST}")
    slow = PaceSection(parse_clock("06:00"), parse_clock("06:30"), 10.0)
    clock = StoryClock(ClockSettings("compressed", parse_clock("10:00"), 3600.0, dt.UTC),
                       line.day_start, (slow,))
    first, _after = measure(line, clock, SIZE, warn=print, most=FEW)
    step = WINDOW_SECONDS / (SAMPLES - 1)  # real seconds between frames
    real = clock.real_between(parse_clock("06:00"), parse_clock("07:00"))
    middle = window_starts(int(real / step) + 1, most=FEW)[1] * step  # its first real second
    assert first.stillest_at == pytest.approx(story_after(clock, parse_clock("06:00"), middle),
                                              abs=1.0)


@functools.cache
def shipped() -> dict[str, float]:
    """Each shipped scene's motion at the default clock (a 60-minute day), its frames drawn
    with nothing built ahead between them (NothingAhead: each scene built as its first frame
    is drawn, its people's sprites as they show; the same shares to the last digit, ~12% less
    processor time: frames 1.25 s apart drew none of the warm-up built for the frames between)."""
    line = load_timeline(SHIPPED)
    clock = StoryClock(ClockSettings("compressed", parse_clock("10:00"), 3600.0, dt.UTC),
                       line.day_start, line.pace)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BuildingAhead, "prepare", NothingAhead.prepare)
        return {r.name: r.share for r in measure(line, clock, SIZE, warn=print)}


@pytest.mark.parametrize("name", SCENES)
def test_every_shipped_scene_moves_enough_in_any_ten_seconds(name: str) -> None:
    assert shipped()[name] >= GOAL
