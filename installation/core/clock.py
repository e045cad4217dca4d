"""The story clock: story time as a pure function of wall time (nothing about 'now' is stored)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from installation.core.timeutil import DAY_SECONDS, forward
from installation.core.types import TimeFn

WALL_RESOLUTION = 1e-6  # wall time is read to the microsecond (datetime.fromtimestamp)
WALL_STEPS = 64  # microseconds wall_at may step on to show the story time, not the one before

if TYPE_CHECKING:  # the clock needs only the shape of a pace section, not the loader
    from installation.core.timeline.model import PaceSection

Mode = Literal["compressed", "realtime"]


@dataclass(frozen=True)
class ClockSettings:
    """How wall time maps to story time (from the operator's config)."""

    mode: Mode = "compressed"
    anchor: float = 10 * 3600.0  # local time of day at which a cycle starts
    cycle_seconds: float = 3600.0
    timezone: dt.tzinfo | None = None  # None: the machine's local time zone


@dataclass(frozen=True)
class ClockPosition:
    """Where the story is at one wall time."""

    wall: float  # the (possibly shifted) wall time this was computed for
    cycle: int  # increases by one each story day
    offset: float  # story seconds since the day start
    story_time: float  # story seconds after midnight
    rate: float  # story seconds per real second here
    real_to_cycle_end: float  # real seconds until this story day naturally ends


class Warp:
    """Monotonic piecewise-linear map between cycle fraction and story offset (pace weights)."""

    def __init__(self, day_start: float, pace: Sequence[PaceSection] = ()) -> None:
        cuts = {0.0, DAY_SECONDS}
        for section in pace:
            start = forward(day_start, section.start)
            cuts |= {start, start + section.story_seconds}
        self.offsets = sorted(c for c in cuts if c <= DAY_SECONDS)
        weights = [self._weight(a, day_start, pace) for a in self.offsets[:-1]]
        spans = [(b - a) * w for a, b, w in zip(self.offsets, self.offsets[1:], weights,
                                                 strict=False)]
        total = sum(spans)
        self.fractions = [0.0]
        for span in spans:
            self.fractions.append(self.fractions[-1] + span / total)
        self.fractions[-1] = 1.0

    @staticmethod
    def _weight(offset: float, day_start: float, pace: Sequence[PaceSection]) -> float:
        for section in pace:
            start = forward(day_start, section.start)
            if start <= offset < start + section.story_seconds:
                return section.weight
        return 1.0

    def offset(self, fraction: float) -> float:
        """Story offset (seconds since day start) at a fraction of the cycle."""
        i = min(bisect.bisect_right(self.fractions, fraction) - 1, len(self.offsets) - 2)
        f0, f1 = self.fractions[i], self.fractions[i + 1]
        o0, o1 = self.offsets[i], self.offsets[i + 1]
        return o0 + (fraction - f0) * (o1 - o0) / (f1 - f0)

    def fraction(self, offset: float) -> float:
        """Fraction of the cycle at a story offset (the inverse of `offset`)."""
        i = min(bisect.bisect_right(self.offsets, offset) - 1, len(self.offsets) - 2)
        f0, f1 = self.fractions[i], self.fractions[i + 1]
        o0, o1 = self.offsets[i], self.offsets[i + 1]
        return f0 + (offset - o0) * (f1 - f0) / (o1 - o0)

    def slope(self, offset: float) -> float:
        """Story seconds per unit of cycle fraction at a story offset."""
        i = min(bisect.bisect_right(self.offsets, offset) - 1, len(self.offsets) - 2)
        return (self.offsets[i + 1] - self.offsets[i]) / (
            self.fractions[i + 1] - self.fractions[i])


class StoryClock:
    """Story time from wall time, for compressed cycles or real local time.

    It holds no time source: callers pass the wall time, so nothing here knows 'now'.
    """

    def __init__(self, settings: ClockSettings, day_start: float,
                 pace: Sequence[PaceSection] = ()) -> None:
        self.settings = settings
        self.day_start = day_start
        self.warp = Warp(day_start, pace)

    def story_time(self, wall: float) -> float:
        return self.position(wall).story_time

    def position(self, wall: float) -> ClockPosition:
        local = dt.datetime.fromtimestamp(wall, self.settings.timezone or dt.UTC)
        if self.settings.timezone is None:
            local = dt.datetime.fromtimestamp(wall).astimezone()
        since_midnight = (local.hour * 3600 + local.minute * 60 + local.second
                          + local.microsecond / 1e6)
        ordinal = local.date().toordinal()
        if self.settings.mode == "realtime":
            return self._realtime(wall, since_midnight, ordinal)
        return self._compressed(wall, since_midnight, ordinal)

    def _realtime(self, wall: float, since_midnight: float, ordinal: int) -> ClockPosition:
        offset = forward(self.day_start, since_midnight)
        cycle = ordinal - (1 if since_midnight < self.day_start else 0)
        return ClockPosition(wall, cycle, offset, since_midnight, 1.0, DAY_SECONDS - offset)

    def _compressed(self, wall: float, since_midnight: float, ordinal: int) -> ClockPosition:
        cycle_seconds = self.settings.cycle_seconds
        since_anchor = forward(self.settings.anchor, since_midnight)
        anchor_day = ordinal - (1 if since_midnight < self.settings.anchor else 0)
        per_day = int(-(-DAY_SECONDS // cycle_seconds))
        index, into = divmod(since_anchor, cycle_seconds)
        fraction = into / cycle_seconds
        offset = self.warp.offset(fraction)
        story = (self.day_start + offset) % DAY_SECONDS
        rate = self.warp.slope(offset) / cycle_seconds
        return ClockPosition(wall, anchor_day * per_day + int(index), offset, story, rate,
                             cycle_seconds - into)

    def real_between(self, story_a: float, story_b: float) -> float:
        """Real seconds the story takes to go forward from story time a to story time b."""
        if self.settings.mode == "realtime":
            return forward(story_a, story_b)
        fa = self.warp.fraction(forward(self.day_start, story_a))
        fb = self.warp.fraction(forward(self.day_start, story_b))
        return ((fb - fa) % 1.0) * self.settings.cycle_seconds

    def wall_at(self, story_time: float, reference: float) -> float:
        """The first wall time at or after `reference` at which the story shows `story_time`.

        Read to the microsecond, the wall time worked out may still show the moment before
        (at a scene's start: the scene before it); it steps on until it shows `story_time`.
        """
        wall = reference + self.real_between(self.story_time(reference), story_time)
        for _ in range(WALL_STEPS):
            if forward(story_time, self.story_time(wall)) < DAY_SECONDS / 2:
                break
            wall += WALL_RESOLUTION
        return wall

    def real_length(self, start: float, end: float) -> float:
        """Real seconds of the story interval [start, end) (a scene's duration on the wall)."""
        return self.real_between(start, end) or (
            DAY_SECONDS if self.settings.mode == "realtime" else self.settings.cycle_seconds)


class ShiftedTime:
    """A time source that runs `speed` times as fast as another and can be moved ahead."""

    def __init__(self, time_fn: TimeFn, shift: float = 0.0, speed: float = 1.0) -> None:
        self.time_fn = time_fn
        self.origin = time_fn()
        self.shift = shift
        self.speed = speed

    def __call__(self) -> float:
        return self.origin + self.shift + (self.time_fn() - self.origin) * self.speed

    def advance(self, seconds: float) -> None:
        """Move this time source `seconds` ahead (a jump, e.g. to the story time of --at)."""
        self.shift += seconds

    def set_speed(self, speed: float) -> None:
        """Run `speed` times as fast from now on, carrying on from the time it shows now."""
        now = self()
        self.origin = self.time_fn()
        self.shift = now - self.origin
        self.speed = speed


def shifted(time_fn: TimeFn, shift: float = 0.0, speed: float = 1.0) -> ShiftedTime:
    """A time source that starts `shift` seconds ahead and runs `speed` times as fast."""
    return ShiftedTime(time_fn, shift, speed)
