"""The state of the day at a story time, and cues that fire exactly once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from installation.core.clock import ClockPosition, ClockSettings, StoryClock
from installation.core.timeline import (
    CueCursor,
    Timeline,
    cues_due,
    load_timeline,
    parse_timeline,
    state_at,
)
from installation.core.timeline.model import PaceSection
from installation.core.timeline.state import CUE_LEAD_SECONDS, story_after
from installation.core.timeutil import parse_clock

DAY = """
[timeline]
day_start = "12:00"

[[scene]]
at = "12:00"
name = "Tar pits"

[[scene]]
at = "20:00"
name = "Neon"
transition = { type = "crossfade", seconds = 60 }

[[scene]]
at = "04:05"
name = "Payphone"
transition = { type = "cut" }

[[cue]]
at = "23:30"
name = "before midnight"
type = "mark"

[[cue]]
at = "00:10"
name = "after midnight"
type = "mark"

[[cue]]
at = "04:05"
name = "the call"
type = "mark"

[[cue]]
at = "11:59:30"
name = "last"
type = "mark"

[countdown]
cue = "the call"
to = "05:15"
"""
OPENING = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC).timestamp()


@pytest.fixture
def timeline():  # type: ignore[no-untyped-def]
    return parse_timeline(DAY, "day.toml")


def hourly(timeline) -> StoryClock:  # type: ignore[no-untyped-def]
    settings = ClockSettings("compressed", parse_clock("10:00"), 3600.0, dt.UTC)
    return StoryClock(settings, timeline.day_start, timeline.pace)


def test_active_and_next_scene_across_midnight(timeline) -> None:  # type: ignore[no-untyped-def]
    state = state_at(timeline, parse_clock("02:00"))
    assert (state.scene.name, state.previous.name, state.next.name) == (
        "Neon", "Tar pits", "Payphone")
    early = state_at(timeline, parse_clock("11:00"))
    assert (early.scene.name, early.next.name) == ("Payphone", "Tar pits")


def test_transition_progress_in_real_seconds(timeline) -> None:  # type: ignore[no-untyped-def]
    clock = hourly(timeline)
    # 60 real seconds of crossfade under a one-hour cycle cover 24 story minutes.
    half = state_at(timeline, parse_clock("20:12"), clock)
    assert half.progress == pytest.approx(0.5)
    assert half.in_transition
    assert state_at(timeline, parse_clock("20:30"), clock).progress == 1.0
    assert state_at(timeline, parse_clock("04:05"), clock).progress == 1.0  # a cut


def test_countdown_value_in_story_time(timeline) -> None:  # type: ignore[no-untyped-def]
    assert state_at(timeline, parse_clock("04:05")).countdown == 70 * 60
    assert state_at(timeline, parse_clock("05:00")).countdown == 15 * 60
    assert state_at(timeline, parse_clock("05:15")).countdown is None
    assert state_at(timeline, parse_clock("03:00")).countdown is None


def slower_at_the_end(timeline) -> StoryClock:  # type: ignore[no-untyped-def]
    """The hour-long day with the countdown's last ten minutes told three times as slowly
    as its first hour (the coyote and the run at first light given more of the wall)."""
    pace = (PaceSection(parse_clock("04:05"), parse_clock("05:05"), 4.0),
            PaceSection(parse_clock("05:05"), parse_clock("05:15"), 12.0))
    settings = ClockSettings("compressed", parse_clock("10:00"), 3600.0, dt.UTC)
    return StoryClock(settings, timeline.day_start, pace)


def test_story_after_is_the_story_time_that_many_real_seconds_on(timeline) -> None:  # type: ignore[no-untyped-def]
    clock = slower_at_the_end(timeline)
    for at in ("04:05", "04:59:30", "05:05", "05:12:10"):
        for real in (0.5, 12.0, 95.0):
            later = story_after(clock, parse_clock(at), real)
            assert clock.real_between(parse_clock(at), later) == pytest.approx(real, abs=1e-6)


def test_the_countdown_agrees_with_the_story_clock_where_its_pace_changes(timeline) -> None:  # type: ignore[no-untyped-def]
    """A countdown paced unevenly (slower for its last ten minutes) shows, at each real
    second's tick, the story time left then: at 05:08 it reads about seven minutes left (as a
    bank's clock there reads 5:08), not the share of its real time gone (ten and a half)."""
    clock = slower_at_the_end(timeline)
    for at, left in (("04:35", 40 * 60), ("05:05", 10 * 60), ("05:08", 7 * 60),
                     ("05:14:30", 30)):
        shown = state_at(timeline, parse_clock(at), clock).countdown_shown
        assert shown is not None  # (within a tick of the first hour's story seconds of it)
        story_a_tick = 3600.0 / clock.real_between(parse_clock("04:05"), parse_clock("05:05"))
        assert abs(shown - left) <= story_a_tick, f"{at}: {shown:.1f} s left shown"


class Reader:
    """A reader of the cues (as the picture or the sound is): it keeps only its cursor."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.cursor: CueCursor | None = None

    def advance(self, position):  # type: ignore[no-untyped-def]
        due, self.cursor = cues_due(self.timeline, self.cursor, position)
        return due


def run_cycles(timeline, start: float, seconds: float, step: float,  # type: ignore[no-untyped-def]
               reader: Reader | None = None) -> list[str]:
    clock = hourly(timeline)
    reader = reader or Reader(timeline)
    fired: list[str] = []
    t = start
    while t <= start + seconds:
        fired += [cue.name for cue in reader.advance(clock.position(t))]
        t += step
    return fired


def test_each_cue_fires_once_per_day_across_midnight_and_the_wrap(timeline) -> None:  # type: ignore[no-untyped-def]
    fired = run_cycles(timeline, OPENING, 2 * 3600 + 10, 0.5)
    assert fired == ["before midnight", "after midnight", "the call", "last"] * 2


def test_a_jump_fires_only_cues_after_it(timeline) -> None:  # type: ignore[no-untyped-def]
    clock = hourly(timeline)
    reader = Reader(timeline)
    start = OPENING + clock.real_between(timeline.day_start, parse_clock("04:00"))
    reader.advance(clock.position(OPENING))
    # Jump ahead (like --at 04:00): nothing skipped fires.
    assert reader.advance(clock.position(start)) == []
    fired = run_cycles(timeline, start, 1300, 0.5, reader)
    assert fired == ["the call", "last"]


def test_shipped_timeline_fires_its_cues_in_story_order() -> None:
    timeline = load_timeline(Path(__file__).parent.parent / "timelines" / "miracle-mile.toml")
    names = run_cycles(timeline, OPENING, 3600, 1.0)
    in_story_order = sorted(timeline.cues, key=lambda c: timeline.offset(c.at))
    assert names == [c.name for c in in_story_order]


def test_scene_without_score_keeps_the_music_before() -> None:
    timeline = parse_timeline("""
[[scene]]
at = "12:00"
[scene.score.drone]
note = "D2"
[[scene]]
at = "13:00"
[[scene]]
at = "14:00"
[scene.score]
silence = true
""", "t.toml")
    first, second, third = timeline.scenes
    assert second.score is first.score and not first.score.silent
    assert third.score.silent


def test_landing_on_a_cue_plays_it_but_not_one_further_back(timeline) -> None:  # type: ignore[no-untyped-def]
    clock = hourly(timeline)
    at_call = OPENING + clock.real_between(timeline.day_start, parse_clock("04:05"))
    assert [c.name for c in Reader(timeline).advance(clock.position(at_call))] == [
        "the call"]
    later = at_call + 2 * CUE_LEAD_SECONDS
    assert Reader(timeline).advance(clock.position(later)) == []


def test_a_cue_just_ahead_of_the_landing_fires_once(timeline) -> None:  # type: ignore[no-untyped-def]
    call = timeline.offset(parse_clock("04:05"))
    reader = Reader(timeline)
    # Land a hair before the cue (inside the rounding allowance), then play on.
    landing = ClockPosition(100.0, 7, call - 1e-7, 0.0, 24.0, 1000.0)
    later = ClockPosition(100.5, 7, call + 12.0, 0.0, 24.0, 999.5)
    fired = [c.name for c in reader.advance(landing) + reader.advance(later)]
    assert fired == ["the call"]
