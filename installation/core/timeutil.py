"""Story times: parse "HH:MM[:SS]" and format seconds after midnight."""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

DAY_SECONDS = 86_400.0
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*$")


def parse_clock(value: Any) -> float:
    """Seconds after midnight for "HH:MM", "HH:MM:SS" or a TOML local time; ValueError if not."""
    if isinstance(value, _dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    if not isinstance(value, str):
        raise ValueError(f"not a time: {value!r}")
    match = _CLOCK.match(value)
    if not match:
        raise ValueError(f"not a time: {value!r}")
    hours, minutes = int(match.group(1)), int(match.group(2))
    seconds = float(match.group(3) or 0)
    if hours > 23 or minutes > 59 or seconds >= 60:
        raise ValueError(f"not a time: {value!r}")
    return hours * 3600 + minutes * 60 + seconds


def format_clock(seconds: float, with_seconds: bool = True) -> str:
    """'HH:MM:SS' (or 'HH:MM') for seconds after midnight, wrapped into one day."""
    whole = int(seconds % DAY_SECONDS)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}" if with_seconds else f"{hours:02d}:{minutes:02d}"


def countdown_clock(seconds: float) -> str:
    """The time left as a countdown clock shows it, minutes and seconds: '07:12' (the seconds
    rounded up, so '00:00' only at the end; '70:00' at the start of a 70-minute countdown)."""
    whole = max(0, math.ceil(round(seconds, 6)))
    minutes, secs = divmod(whole, 60)
    return f"{minutes:02d}:{secs:02d}"


def format_duration(seconds: float) -> str:
    """A real duration the way an operator reads it: '45 s', '3 min 20 s', '1 h 05 min'."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    if seconds < 3600:
        minutes, secs = divmod(round(seconds), 60)
        return f"{minutes} min {secs:02d} s"
    hours, rest = divmod(round(seconds), 3600)
    return f"{hours} h {rest // 60:02d} min"


def forward(start: float, end: float) -> float:
    """Story seconds going forward from `start` to `end`, across midnight if needed."""
    return (end - start) % DAY_SECONDS
