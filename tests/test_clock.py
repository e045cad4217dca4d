"""The story clock, stepped with fake time: nothing sleeps."""

from __future__ import annotations

import datetime as dt

import pytest

from installation.core.clock import ClockSettings, StoryClock, shifted
from installation.core.timeline.model import PaceSection
from installation.core.timeutil import DAY_SECONDS, parse_clock

UTC = dt.UTC
NOON = parse_clock("12:00")
OPENING = dt.datetime(2026, 3, 2, 10, 0, tzinfo=UTC).timestamp()  # a Monday, 10:00


def hourly(**kwargs: object) -> StoryClock:
    settings = ClockSettings("compressed", parse_clock("10:00"), 3600.0, UTC)
    return StoryClock(settings, NOON, **kwargs)  # type: ignore[arg-type]


def test_cycle_starts_at_the_anchor_with_the_day_start() -> None:
    assert hourly().story_time(OPENING) == NOON


def test_uniform_pace_maps_a_quarter_cycle_to_six_story_hours() -> None:
    assert hourly().story_time(OPENING + 900) == pytest.approx(NOON + 6 * 3600)


def test_story_time_is_monotonic_inside_a_cycle() -> None:
    clock = hourly(pace=[PaceSection(parse_clock("04:05"), parse_clock("05:15"), 6.0)])
    offsets = [clock.position(OPENING + s).offset for s in range(0, 3600, 7)]
    assert all(b > a for a, b in zip(offsets, offsets[1:], strict=False))


def test_wraps_at_24_story_hours_and_at_the_cycle_end() -> None:
    clock = hourly()
    late = clock.position(OPENING + 3599)
    wrapped = clock.position(OPENING + 3600)
    assert late.story_time == pytest.approx(NOON - 24, abs=0.01)
    assert wrapped.story_time == NOON and wrapped.cycle == late.cycle + 1
    # Story midnight: halfway through a cycle that starts at noon.
    assert clock.story_time(OPENING + 1800) == pytest.approx(0.0)


def test_restart_gives_what_an_uninterrupted_run_shows() -> None:
    wall = OPENING + 12_345.6
    running = hourly()
    for step in range(0, 12_000, 600):  # a long uninterrupted run
        running.position(OPENING + step)
    restarted = hourly()  # built fresh, as after a crash
    assert restarted.position(wall) == running.position(wall)


def test_two_clocks_from_the_same_settings_agree() -> None:
    times = [OPENING + k * 97.3 for k in range(50)]
    assert [hourly().story_time(t) for t in times] == [hourly().story_time(t) for t in times]


def test_pace_weight_changes_the_real_duration_of_its_interval() -> None:
    countdown = PaceSection(parse_clock("04:05"), parse_clock("05:15"), 6.0)
    clock = hourly(pace=[countdown])
    story = 70 * 60.0
    weighted = story * 6.0
    total = DAY_SECONDS - story + weighted
    expected = 3600.0 * weighted / total
    assert clock.real_between(countdown.start, countdown.end) == pytest.approx(expected)
    plain = hourly().real_between(countdown.start, countdown.end)
    assert expected / plain == pytest.approx(6.0 * DAY_SECONDS / total)


def test_realtime_mode_is_the_local_time_of_day() -> None:
    clock = StoryClock(ClockSettings("realtime", timezone=UTC), NOON)
    wall = dt.datetime(2026, 3, 2, 4, 5, 30, tzinfo=UTC).timestamp()
    assert clock.story_time(wall) == parse_clock("04:05:30")
    assert clock.real_between(parse_clock("04:05"), parse_clock("05:15")) == 70 * 60


def test_time_zone_of_the_anchor_is_honoured() -> None:
    la = ClockSettings("compressed", parse_clock("10:00"), 3600.0,
                       dt.timezone(dt.timedelta(hours=-8)))
    wall = dt.datetime(2026, 3, 2, 18, 0, tzinfo=UTC).timestamp()  # 10:00 in UTC-8
    assert StoryClock(la, NOON).story_time(wall) == NOON


def test_the_wall_time_is_passed_in_and_wall_at_inverts_it() -> None:
    clock = StoryClock(ClockSettings("compressed", parse_clock("10:00"), 3600.0, UTC), NOON)
    assert clock.story_time(OPENING + 900.0) == pytest.approx(NOON + 6 * 3600)
    assert clock.story_time(OPENING + 1050.0) == pytest.approx(NOON + 7 * 3600)
    wall = clock.wall_at(NOON + 7 * 3600, OPENING)
    assert wall == pytest.approx(OPENING + 1050.0)
    assert clock.wall_at(NOON + 7 * 3600, wall + 1.0) == pytest.approx(wall + 3600.0)


def test_shifted_time_starts_ahead_and_runs_faster() -> None:
    now = [100.0]
    fn = shifted(lambda: now[0], shift=50.0, speed=10.0)
    assert fn() == 150.0
    now[0] = 101.0
    assert fn() == 160.0


def test_wall_at_shows_the_story_time_asked_for_not_the_moment_before() -> None:
    # Read to the microsecond, a scene's first wall time worked out by arithmetic showed the
    # end of the scene before at most starts of the shipped day (a jump, --at or a render from
    # 05:15 began in the coyote's last microsecond).
    pace = (PaceSection(parse_clock("04:00"), parse_clock("05:15"), 4.0),)
    clock = StoryClock(ClockSettings("compressed", parse_clock("10:00"), 3600.0, UTC), NOON, pace)
    for story in (parse_clock("05:15"), parse_clock("04:05"), NOON, parse_clock("17:00")):
        for i in range(200):
            reference = OPENING + i * 1.2345678
            shown = clock.story_time(clock.wall_at(story, reference))
            assert 0.0 <= (shown - story) % DAY_SECONDS < 0.01, (story, reference, shown)
