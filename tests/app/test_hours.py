"""Opening hours: the model on fake wall times, and the messages an operator sees."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest

from installation.core.config import build_config
from installation.core.errors import ConfigError
from installation.core.hours import OpeningHours, Span, describe_week, opening_hours
from installation.core.tomlsource import TomlSource, parse_toml

LA = zoneinfo.ZoneInfo("America/Los_Angeles")
H = 3600.0


def wall(year: int, month: int, day: int, hour: int, minute: int = 0,
         tz: dt.tzinfo = LA) -> float:
    return dt.datetime(year, month, day, hour, minute, tzinfo=tz).timestamp()


def config_text(body: str) -> str:
    return "[clock]\ntimezone = \"America/Los_Angeles\"\n\n[hours]\n" + body


def load(body: str) -> OpeningHours:
    source = parse_toml(config_text(body), "config.toml")
    assert isinstance(source, TomlSource)
    config = build_config(source, Path("config.toml"))
    return opening_hours(config["hours"], config["clock"]["timezone"])


def problems_of(body: str) -> list[str]:
    source = parse_toml(config_text(body), "config.toml")
    assert isinstance(source, TomlSource)
    with pytest.raises(ConfigError) as caught:
        build_config(source, Path("config.toml"))
    return [str(p) for p in caught.value.problems]


# 2026-11-23 is a Monday.
WEEK = """enabled = true
default = "10:00-18:00"
tuesday = "closed"
friday = "10:00-13:00, 14:00-22:00"
saturday = "18:00-02:00"
closing_cue_minutes = 10
"""


def test_disabled_by_default_means_always_open() -> None:
    hours = load("")
    assert not hours.enabled
    assert hours.is_open(wall(2026, 11, 24, 3))
    assert hours.state(wall(2026, 11, 24, 3)).label == "always open"
    assert hours.next_change(wall(2026, 11, 24, 3)) is None


@pytest.mark.parametrize(("day", "hour", "minute", "expected"), [
    (23, 9, 59, False), (23, 10, 0, True), (23, 17, 59, True), (23, 18, 0, False),
    (24, 12, 0, False),  # Tuesday closed
    (27, 13, 30, False), (27, 14, 0, True), (27, 21, 59, True),  # Friday lunch break
    (28, 12, 0, False), (28, 23, 30, True),  # Saturday evening
    (29, 0, 0, True), (29, 1, 59, True), (29, 2, 0, False),  # ... into Sunday morning
    (29, 10, 0, True),  # Sunday's own hours (default)
])
def test_is_open_across_the_week(day: int, hour: int, minute: int, expected: bool) -> None:
    assert load(WEEK).is_open(wall(2026, 11, day, hour, minute)) is expected


def test_next_change_crosses_midnight_and_closed_days() -> None:
    hours = load(WEEK)
    assert hours.next_change(wall(2026, 11, 23, 12)) == wall(2026, 11, 23, 18)
    # Monday evening: Tuesday is closed, so the next opening is Wednesday 10:00.
    assert hours.next_change(wall(2026, 11, 23, 18)) == wall(2026, 11, 25, 10)
    # Saturday night: closes at 02:00 on Sunday.
    assert hours.next_change(wall(2026, 11, 28, 23)) == wall(2026, 11, 29, 2)


def test_adjacent_spans_over_midnight_are_one_opening() -> None:
    hours = load('enabled = true\ndefault = "00:00-24:00"\n')
    assert hours.is_open(wall(2026, 11, 23, 23, 59))
    assert hours.is_open(wall(2026, 11, 24, 0, 0))
    assert hours.next_change(wall(2026, 11, 23, 12)) is None


def test_closing_soon_only_in_the_last_minutes() -> None:
    hours = load(WEEK)
    assert not hours.state(wall(2026, 11, 23, 17, 49)).closing_soon
    state = hours.state(wall(2026, 11, 23, 17, 50))
    assert state.open and state.closing_soon and state.label == "closing soon"
    assert not hours.state(wall(2026, 11, 23, 18, 0)).closing_soon
    # Friday's lunch break is a closing too.
    assert hours.state(wall(2026, 11, 27, 12, 55)).closing_soon


def test_no_closing_cue_unless_configured() -> None:
    hours = load('enabled = true\n')
    assert not hours.state(wall(2026, 11, 23, 17, 59)).closing_soon


def test_daylight_saving_end_keeps_the_wall_clock_hours() -> None:
    # 2026-11-01: Los Angeles falls back at 02:00; a Sunday opening still starts at 10:00 local.
    hours = load('enabled = true\n')
    assert hours.next_change(wall(2026, 11, 1, 1)) == wall(2026, 11, 1, 10)
    assert hours.is_open(wall(2026, 11, 1, 10))


def test_describe_week() -> None:
    text = describe_week(load(WEEK))
    assert text.startswith("mon 10:00-18:00; tue closed; wed 10:00-18:00")
    assert "fri 10:00-13:00, 14:00-22:00; sat 18:00-02:00" in text
    assert describe_week(load('enabled = true\ndefault = "00:00-24:00"')).startswith(
        "mon 00:00-24:00")


def test_spans_are_parsed() -> None:
    assert load(WEEK).week[4] == (Span(10 * H, 13 * H), Span(14 * H, 22 * H))
    assert load(WEEK).week[5] == (Span(18 * H, 26 * H),)


# --- what the operator reads ---------------------------------------------------------------

HOURS_EXPECTED = ('expected opening hours like "10:00-18:00" (24-hour clock; several separated '
                  'by commas; a close after midnight like "18:00-02:00" runs into the next day), '
                  'or "closed"')


def test_hour_out_of_range_names_line_key_and_value() -> None:
    assert problems_of('monday = "25:00-18:00"\n') == [
        f"config.toml:5: [hours], key 'monday': {HOURS_EXPECTED}; found '25:00-18:00'. "
        "'25:00' is not a time of day: hours go from 00 to 23 and minutes from 00 to 59."]


def test_misspelt_weekday_suggests_the_right_one() -> None:
    assert problems_of('mondey = "10:00-18:00"\n') == [
        "config.toml:5: [hours], key 'mondey': expected a known key; found unknown key "
        "'mondey'. Did you mean 'monday'?"]


def test_missing_dash() -> None:
    assert problems_of('friday = "10:00 18:00"\n') == [
        f"config.toml:5: [hours], key 'friday': {HOURS_EXPECTED}; found '10:00 18:00'. "
        "Write the opening and closing time with a dash between them, e.g. \"10:00-18:00\"."]


def test_overlapping_spans() -> None:
    assert problems_of('default = "10:00-14:00, 13:00-18:00"\n') == [
        f"config.toml:5: [hours], key 'default': {HOURS_EXPECTED}; found "
        "'10:00-14:00, 13:00-18:00'. 10:00-14:00 and 13:00-18:00 overlap."]


def test_outside_and_closing_minutes_are_checked() -> None:
    assert problems_of('outside = "blank"\nclosing_cue_minutes = 500\n') == [
        "config.toml:5: [hours], key 'outside': expected one of black, standby; found 'blank'. "
        "Did you mean 'black'?",
        "config.toml:6: [hours], key 'closing_cue_minutes': expected a whole number from 0 to "
        "120; found 500",
    ]


def test_same_open_and_close() -> None:
    [message] = problems_of('sunday = "10:00-10:00"\n')
    assert message.endswith("Opening and closing times are the same; write \"closed\", or "
                            "\"00:00-24:00\" for all day.")
