"""Opening hours: when the gallery is open, when it closes soon, and what plays outside hours."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from installation.core.params import Invalid, Param, Parser, boolean, choice, integer, text
from installation.core.timeutil import DAY_SECONDS, format_clock

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CLOSED = "closed"
OUTSIDE_BLACK = "black"
OUTSIDE_STANDBY = "standby"
SCREEN_POWER = ("none", "dpms", "cec")  # how the screen sleeps outside hours
MAX_CLOSING_CUE_MINUTES = 120
LOOKAHEAD_DAYS = 8  # a week plus the spans of the day before that may run past midnight
HOURS_EXPECTED = ("opening hours like \"10:00-18:00\" (24-hour clock; several separated by "
                  "commas; a close after midnight like \"18:00-02:00\" runs into the next day), "
                  "or \"closed\"")
_SPAN = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Span:
    """One opening on a weekday: seconds after that day's midnight; `close` may pass 24:00."""

    open: float
    close: float

    def __str__(self) -> str:
        close = "24:00" if self.close == DAY_SECONDS else format_clock(self.close, False)
        return f"{format_clock(self.open, False)}-{close}"


DayHours = tuple[Span, ...]


def _clock_part(hours: str, minutes: str, allow_24: bool) -> float:
    h, m = int(hours), int(minutes)
    if m > 59 or h > 24 or (h == 24 and (m or not allow_24)):
        raise Invalid(HOURS_EXPECTED, f"'{hours}:{minutes}' is not a time of day: hours go from "
                                      "00 to 23 and minutes from 00 to 59.")
    return h * 3600.0 + m * 60.0


def day_hours() -> Parser:
    """ "10:00-18:00", "10:00-13:00, 14:00-18:00", "18:00-02:00" or "closed" -> spans."""

    def parse(value: Any) -> DayHours:
        if not isinstance(value, str):
            raise Invalid(HOURS_EXPECTED)
        if value.strip().lower() == CLOSED:
            return ()
        spans: list[Span] = []
        for part in value.split(","):
            match = _SPAN.match(part.strip())
            if not match:
                raise Invalid(HOURS_EXPECTED, "Write the opening and closing time with a dash "
                                              "between them, e.g. \"10:00-18:00\".")
            start = _clock_part(match.group(1), match.group(2), allow_24=False)
            end = _clock_part(match.group(3), match.group(4), allow_24=True)
            if end == start:
                raise Invalid(HOURS_EXPECTED, "Opening and closing times are the same; write "
                                              "\"closed\", or \"00:00-24:00\" for all day.")
            spans.append(Span(start, end if end > start else end + DAY_SECONDS))
        spans.sort(key=lambda s: s.open)
        for first, second in zip(spans, spans[1:], strict=False):
            if second.open < first.close:
                raise Invalid(HOURS_EXPECTED, f"{first} and {second} overlap.")
        return tuple(spans)

    return parse


PARAMS: tuple[Param, ...] = (
    Param("enabled", boolean(), False, "follow opening hours (false: play all the time)"),
    Param("default", day_hours(), (Span(10 * 3600.0, 18 * 3600.0),),
          "hours for any weekday not named"),
    *(Param(day, day_hours(), None, f"hours on {day.capitalize()}") for day in WEEKDAYS),
    Param("outside", choice(OUTSIDE_BLACK, OUTSIDE_STANDBY), OUTSIDE_BLACK,
          "outside hours: a black silent screen, or the standby scene"),
    Param("standby_scene", text(), None, "the timeline scene shown outside hours (standby)"),
    Param("closing_cue_minutes", integer(0, MAX_CLOSING_CUE_MINUTES), 0,
          "minutes before closing to show the closing notice (0: none)"),
    Param("screen_power", choice(*SCREEN_POWER), SCREEN_POWER[0],
          "outside hours: leave the screen on (none), or sleep it through dpms or cec"),
)


@dataclass(frozen=True)
class HoursState:
    """Whether the gallery is open at one wall time, and what changes next."""

    open: bool
    closing_soon: bool
    next_change: float | None  # wall time of the next opening or closing; None: never
    enabled: bool = True

    @property
    def label(self) -> str:
        if not self.enabled:
            return "always open"
        if self.open:
            return "closing soon" if self.closing_soon else "open"
        return "closed"


@dataclass(frozen=True)
class OpeningHours:
    """Per-weekday opening spans (Monday first) in a time zone; pure, give it the wall time."""

    week: tuple[DayHours, ...]
    enabled: bool = True
    outside: str = OUTSIDE_BLACK
    standby_scene: str | None = None
    closing_cue_seconds: float = 0.0
    timezone: dt.tzinfo | None = None  # None: the machine's local time zone

    def is_open(self, wall: float) -> bool:
        """True inside opening hours (always, when hours are not enabled)."""
        if not self.enabled:
            return True
        local = self._local(wall)
        since = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
        today = local.weekday()
        if any(s.open <= since < s.close for s in self.week[today]):
            return True
        yesterday = self.week[(today - 1) % 7]
        return any(since < s.close - DAY_SECONDS for s in yesterday)

    def next_change(self, wall: float) -> float | None:
        """Wall time of the next opening or closing after `wall`, or None if there is none."""
        if not self.enabled:
            return None
        now_open = self.is_open(wall)
        for candidate in self._boundaries(wall):
            if candidate > wall and self.is_open(candidate) != now_open:
                return candidate
        return None

    def state(self, wall: float) -> HoursState:
        """Open or closed, closing soon or not, and when that changes."""
        if not self.enabled:
            return HoursState(True, False, None, enabled=False)
        is_open = self.is_open(wall)
        change = self.next_change(wall)
        soon = (is_open and change is not None and self.closing_cue_seconds > 0
                and change - wall <= self.closing_cue_seconds)
        return HoursState(is_open, soon, change)

    def _local(self, wall: float) -> dt.datetime:
        if self.timezone is None:
            return dt.datetime.fromtimestamp(wall).astimezone()
        return dt.datetime.fromtimestamp(wall, self.timezone)

    def _boundaries(self, wall: float) -> list[float]:
        """Every opening and closing from the day before `wall` to a week after, in order."""
        first = self._local(wall).date() - dt.timedelta(days=1)
        out: list[float] = []
        for n in range(LOOKAHEAD_DAYS + 1):
            day = first + dt.timedelta(days=n)
            for span in self.week[day.weekday()]:
                out += [self._at(day, span.open), self._at(day, span.close)]
        return sorted(out)

    def _at(self, day: dt.date, seconds: float) -> float:
        """Wall time of `seconds` after local midnight of `day` (as a wall clock would read)."""
        extra_days, rest = divmod(int(seconds), int(DAY_SECONDS))
        moment = dt.datetime.combine(day + dt.timedelta(days=extra_days), dt.time()) + \
            dt.timedelta(seconds=rest)
        if self.timezone is None:
            return moment.timestamp()
        return moment.replace(tzinfo=self.timezone).timestamp()


def opening_hours(values: Mapping[str, Any], timezone: dt.tzinfo | None = None) -> OpeningHours:
    """The model from a checked [hours] table (the defaults fill anything missing)."""
    merged = {p.name: p.default for p in PARAMS} | dict(values)
    week = tuple(merged[day] if merged[day] is not None else merged["default"]
                 for day in WEEKDAYS)
    return OpeningHours(week, bool(merged["enabled"]), merged["outside"],
                        merged["standby_scene"], merged["closing_cue_minutes"] * 60.0, timezone)


def describe_week(hours: OpeningHours) -> str:
    """The week as an operator reads it: 'mon 10:00-18:00; tue closed; ...'."""
    if not hours.enabled:
        return "always open (hours not enabled)"
    parts = []
    for day, spans in zip(WEEKDAYS, hours.week, strict=True):
        when = ", ".join(str(s) for s in spans) if spans else CLOSED
        parts.append(f"{day[:3]} {when}")
    return "; ".join(parts)
