"""A hand offered to an animal once (`offer`): the arm comes out, coaxes, and comes back."""

from __future__ import annotations

from installation.visuals.base import clamp01
from installation.visuals.gestures import reach, straighten
from installation.visuals.skeleton import Angles

OFFER_SECONDS = 10.0  # one offer, from standing to standing again
OFFER_BEATS = (0.12, 0.88)  # shares of it: the hand is out by the first, starts back at the second
COAXES = 2  # the hand coaxes this many times while it is out (a reach's coaxing, ~3.8 s each)


def offer(t: float) -> Angles:
    """Played once over t from 0 to 1: from standing at ease (idle's start), the near arm
    comes out and down to an animal over 1.2 seconds as they lean in (the reverse of
    `straighten`), coaxes as `reach` does, then comes down to the side and they stand: a
    reach that begins and ends without a jump, between two standing layers."""
    t = clamp01(t)
    out, back = OFFER_BEATS
    if t < out:
        return straighten(1.0 - t / out)
    if t < back:
        return reach(COAXES * (t - out) / (back - out))
    return straighten((t - back) / (1.0 - back))
