"""The score's pace trimmed to the sound card's clock: the sound converges on the picture's.

One measurement of the card's pace serves the trim and the log's word on a drift (see drift):
the frames it took by each look, from its opening.

A sound card's crystal runs tens of ppm from the system clock (SDL's dummy driver: 5% fast
to 9% slow, with the machine's load); left alone the sound drifts from the picture until it
is a jump away. Here the card's rate is measured against the monotonic clock (frames it
took per second, over RATE_WINDOW_S) and each frame of the score is made to cover 1/rate of
the story's time, plus a part of the offset seen, so the offset goes to nought over about
CONVERGE_S. The voices play on sample by sample: no pitch moves (a resampler's 0.1% would
be 1.7 cents).
"""

from __future__ import annotations

import math
from collections import deque

from installation.adapters.drift import Watched

RATE_WINDOW_S = 20.0  # the card's rate is measured over the last this many seconds
RATE_FIRST_S = 4.0  # ... once it has been watched this long (until then: the trim held)
POINT_EVERY_S = 0.5  # the window holds a point (time, frames taken) this often
CONVERGE_S = 5.0  # an offset from the clock is taken back over about this long (1/e): from
# 3.5 s to under 10 ms in 30 s
TRIM_MAX = 0.1  # the trim stays this near 1 (a dummy driver taking 91% of real time's sound:
# one still slower drifts, and is put back by a jump)
TRIM_SLEW = 0.02  # the trim moves at most this much per second: faster than the offset term
# asks (a tenth of a second a second over CONVERGE_S), so it never lags it and overshoots
SAY_EVERY_S = 600.0  # the log says the card's rate and the trim this often (and when first known)


def cents(trim: float) -> float:
    """The pitch shift a resampler would make of `trim` (this trim makes none)."""
    return 1200.0 * math.log2(trim)


class PaceTrim:
    """Measures a device's rate and gives the trim for the score's pace (ScoreEngine.set_trim)."""

    def __init__(self, sample_rate: int, now: float, trim: float = 1.0) -> None:
        """Watch a device opened (or put back in step) at monotonic `now`, having taken nothing
        yet; `trim`: where to start from (a device reopened is most likely the same card)."""
        self.sample_rate = sample_rate
        self.trim = trim
        self.offset_s = 0.0  # the sound's last offset from the picture (negative: behind)
        self._points: deque[tuple[float, int]] = deque([(now, 0)])
        self._in_step = (now, 0)  # when it was last put in step (or opened), and frames taken
        self._looked = now
        self._said = -math.inf  # monotonic: when the log last said the rate

    def rate(self) -> float | None:
        """The part of real time's sound the card took over the window (None: too soon)."""
        (start, first), (end, last) = self._points[0], self._points[-1]
        if end - start < RATE_FIRST_S:
            return None
        return (last - first) / (end - start) / self.sample_rate

    def watched(self, now: float, taken: int) -> Watched:
        """What the card took from when it was last put in step (or opened) to monotonic
        `now`, having taken `taken` frames since it opened (known from the first look on:
        the rate the trim waits RATE_FIRST_S for is the window's)."""
        since, before = self._in_step
        return Watched(now - since, (taken - before) / self.sample_rate)

    def put_in_step(self, now: float, taken: int) -> None:
        """The sound was put back in step at monotonic `now` (the card had taken `taken`):
        a point of the rate's window, and where `watched` measures from."""
        self._in_step = (now, taken)
        self._point(now, taken)

    def _point(self, now: float, taken: int) -> None:
        """A point of the window, POINT_EVERY_S apart; those older than RATE_WINDOW_S go."""
        if now - self._points[-1][0] >= POINT_EVERY_S:
            self._points.append((now, taken))
            while len(self._points) > 2 and now - self._points[1][0] >= RATE_WINDOW_S:
                self._points.popleft()

    def look(self, now: float, taken: int, offset_s: float, held: bool = False) -> float:
        """A look at monotonic `now`: the device took `taken` frames since it opened, and what
        it plays next is `offset_s` real seconds from the picture's 'now' (negative: behind).
        The trim to render with from here. While `held` (a burst taken beyond real time, the
        queue's length says nothing of the offset) the trim is held too."""
        self._point(now, taken)
        elapsed, self._looked = max(0.0, now - self._looked), now
        rate = self.rate()
        if held or rate is None or rate <= 0.0:
            return self.trim
        self.offset_s = offset_s
        wanted = min(max(1.0 / rate - offset_s / CONVERGE_S, 1.0 - TRIM_MAX), 1.0 + TRIM_MAX)
        step = TRIM_SLEW * elapsed
        self.trim += min(max(wanted - self.trim, -step), step)
        return self.trim

    def said(self, now: float) -> str | None:
        """The log's line on the card's pace, once it is first known and then every
        SAY_EVERY_S; None in between."""
        rate = self.rate()
        if rate is None or now - self._said < SAY_EVERY_S:
            return None
        self._said = now
        start, end = self._points[0][0], self._points[-1][0]
        side = "behind" if self.offset_s < 0 else "ahead of"
        return (
            f"audio: the card took {rate:.3%} of real time's sound over the last "
            f"{end - start:.0f} s; the score's pace is trimmed by {self.trim - 1.0:+.3%} "
            f"(no pitch change), the sound {abs(self.offset_s) * 1000:.0f} ms {side} the picture"
        )
