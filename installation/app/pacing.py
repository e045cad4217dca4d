"""Frame pacing from the clock: deadlines at start + n periods, so timing error never adds up."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from installation.core.types import TimeFn

SleepFn = Callable[[float], None]
STATS_FRAMES = 240  # frames kept for fps and frame-time figures


class FramePacer:
    """Waits until the next frame's deadline; if it falls behind, it skips ahead instead."""

    def __init__(self, fps: float, monotonic: TimeFn = time.monotonic,
                 sleep_fn: SleepFn = time.sleep) -> None:
        self.period = 1.0 / fps
        self.monotonic = monotonic
        self.sleep_fn = sleep_fn
        self.start = monotonic()
        self.frame = 0
        self.skipped = 0

    def wait(self) -> None:
        """Sleep until the next deadline; deadlines missed entirely are skipped, not chased."""
        self.frame += 1
        now = self.monotonic()
        deadline = self.start + self.frame * self.period
        if now > deadline + self.period:
            behind = math.floor((now - self.start) / self.period)
            self.skipped += behind - self.frame
            self.frame = behind
            return
        if deadline > now:
            self.sleep_fn(deadline - now)

    def lateness(self, now: float) -> float:
        """Seconds from this frame's deadline (the moment it is meant for) to `now`, if within
        a frame period either way; 0 if the frame keeps no schedule (before the first wait,
        after a stall): frames timed at their deadlines are exactly a period apart."""
        late = now - (self.start + self.frame * self.period)
        return late if self.frame and abs(late) <= self.period else 0.0


class FrameStats:
    """Frame intervals and draw times over the last few seconds, for the overlay and status."""

    def __init__(self) -> None:
        self.intervals: deque[float] = deque(maxlen=STATS_FRAMES)
        self.draw_times: deque[float] = deque(maxlen=STATS_FRAMES)
        self._last: float | None = None

    def frame(self, started: float, drawn: float) -> None:
        if self._last is not None:
            self.intervals.append(started - self._last)
        self._last = started
        self.draw_times.append(drawn - started)

    @property
    def fps(self) -> float:
        total = sum(self.intervals)
        return len(self.intervals) / total if total > 0 else 0.0

    @property
    def p95_ms(self) -> float:
        if not self.draw_times:
            return 0.0
        ordered = sorted(self.draw_times)
        return 1000.0 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
