"""The morning after holds the wall as long as it has something to show: deep time about three
real minutes, and the empty tar after the mother has gone under not much more than a minute."""

from __future__ import annotations

from installation.core.clock import ClockSettings, StoryClock
from installation.core.timeutil import format_clock, parse_clock

from .test_mammoth_head import shipped
from .test_mammoth_sinks import shown

DEEP_TIME_MOST = 3.5 * 60  # real seconds: "The tar keeps everything" held 5 min 13 s
EMPTY_MOST = 90.0  # real seconds of the sun coming back after she has gone (2.3 min after 10:55)
SUN = "The sun comes back to the tar pits"


def clock() -> StoryClock:
    """The shipped day's clock, at the config's hour-long day."""
    line = shipped()
    return StoryClock(ClockSettings(), line.day_start, line.pace)


def test_the_tar_keeps_everything_holds_about_three_real_minutes() -> None:
    seconds = clock().real_between(parse_clock("08:00"), parse_clock("10:30"))
    assert 150 <= seconds <= DEEP_TIME_MOST, f"{seconds:.0f} real s"


def test_after_she_has_gone_under_the_empty_tar_holds_little_more_than_a_minute() -> None:
    minutes = (parse_clock("10:30") + minute * 60.0 for minute in range(90))
    gone = next(at for at in minutes if shown(SUN, format_clock(at)) == 0)
    seconds = clock().real_between(gone, parse_clock("12:00"))
    assert seconds <= EMPTY_MOST, f"gone at {format_clock(gone)}, then {seconds:.0f} real s"
