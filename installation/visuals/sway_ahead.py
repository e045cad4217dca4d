"""The sway's next step, foreseen: when the depth planes are next laid otherwise, and how.

The camera's sway moves each plane in whole pixels; at a step every row a moved plane shows in
is laid again (milliseconds at 1080p, in one frame). When that step comes and the shifts after
it follow from the sway alone, and from the depth the picture is seen from (the offset the
scene sets: a plane's depth, or 0), which the offsets of the frames drawn so far tell. So
`Planes` lays the picture after the step ahead, a few bands of rows a frame over the frames
just before it, and at the step only swaps it in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pygame

from installation.visuals.plane_rows import rows_moved

if TYPE_CHECKING:
    from installation.visuals.parallax import Drift

AFTER = 1e-4  # real seconds: the shifts after a step are those this long after it
AHEAD_FRAMES = 30  # the picture after a step is laid over at most this many frames before it
MAX_GAP = 0.25  # real seconds: frames further apart are no steady run to spread work over
BAND = 45  # rows of the picture laid ahead (or copied) in one go
Band = tuple[pygame.Rect, bool]  # rows of the picture after a step; copied as they are?


def next_change(amplitude: float, period: float, seconds: float) -> float:
    """When round(amplitude x sin(tau x t / period)) next takes another value after `seconds`
    (infinity: never)."""
    if period <= 0 or amplitude == 0:
        return math.inf
    angle = math.tau * seconds / period
    value = round(amplitude * math.sin(angle))
    soonest = math.inf
    for edge in (value - 0.5, value + 0.5):
        if abs(edge) > abs(amplitude):
            continue  # the sway turns back before it gets there
        root = math.asin(edge / amplitude)
        for crossing in (root, math.pi - root):
            ahead = (crossing - angle) % math.tau
            if ahead > 0:
                soonest = min(soonest, ahead)
    return seconds + soonest * period / math.tau


def laid(drift: Drift, depths: Sequence[float], view: float, seconds: float) -> list[int]:
    """How far each plane is laid from its place at `seconds`, seen from depth `view`."""
    seen = drift.shift(view, seconds)
    return [drift.shift(depth, seconds) - seen for depth in depths]


def foreseen(drift: Drift, depths: Sequence[float], view: float,
             seconds: float) -> tuple[float, list[int]] | None:
    """The next time after `seconds` the planes are laid otherwise, and their shifts then
    (None: never). Steps that move the view with a plane and leave it laid alike are passed."""
    now = laid(drift, depths, view, seconds)
    at = seconds
    for _ in range(len(depths) + 2):
        at = min(next_change(depth * drift.pixels, drift.seconds, at) for depth in
                 [*depths, view])
        if math.isinf(at):
            return None
        shifts = laid(drift, depths, view, at + AFTER)
        if shifts != now:
            return at, shifts
        at += AFTER
    return None


@dataclass
class Step:
    """A foreseen step: when it comes, the shifts after it, and the bands of the picture
    after it still to be made on the spare surface (None: not begun)."""

    at: float
    shifts: list[int]
    todo: list[Band] | None = field(default=None)


class Foresight:
    """What the frames drawn so far tell of the sway's next step (see the module)."""

    def __init__(self, drift: Drift, depths: Sequence[float], view: float | None = None) -> None:
        """`view`: the depth the picture is always seen from, if its scene knows it (else the
        offsets of the frames drawn tell, but not while the sway passes its middle)."""
        self.drift, self.depths = drift, list(depths)
        self.views = self._seen_from(0.0, 0) if view is None else [view]
        self.step: Step | None = None
        self.last: float | None = None  # the seconds of the last frame
        self.gap = 0.0  # real seconds between the last two frames (0: no steady run)

    def watch(self, seconds: float, offset: int) -> None:
        """A frame at `seconds`, its planes laid `offset` further (seen from a depth)."""
        gap = math.inf if self.last is None else seconds - self.last
        self.gap = gap if 0 < gap <= MAX_GAP else 0.0
        if gap < 0:
            self.step = None  # time went back
        self.last = seconds
        views = [depth for depth in self.views
                 if -self.drift.shift(depth, seconds) == offset] or self._seen_from(seconds,
                                                                                   offset)
        if views != self.views:
            self.step = None
        self.views = views

    def _seen_from(self, seconds: float, offset: int) -> list[float]:
        """The depths the picture may be seen from: those that the offset fits now."""
        return [depth for depth in sorted({0.0, *self.depths})
                if -self.drift.shift(depth, seconds) == offset]

    def next_step(self, seconds: float) -> Step | None:
        """The step coming (foreseen now if need be), if every depth the picture may be seen
        from foresees it alike."""
        if self.step is not None and seconds > self.step.at + AFTER:
            self.step = None  # it went by, and the planes were not laid as foreseen
        if self.step is None and self.views:
            plans = {(at, tuple(shifts)) for at, shifts in
                     filter(None, (foreseen(self.drift, self.depths, view, seconds)
                                   for view in self.views))}
            if len(plans) == 1:
                at, shifts = plans.pop()
                self.step = Step(at, list(shifts))
        return self.step

    def frames_left(self, seconds: float) -> float:
        """How many frames come before the step, at the pace of the last two (infinity when
        they are no steady run)."""
        if self.step is None or not self.gap:
            return math.inf
        return (self.step.at - seconds) / self.gap


def bands_for(kinds: Sequence[np.ndarray], was: list[int], shifts: list[int],
              size: tuple[int, int]) -> list[Band]:
    """The picture after a step in bands of rows: those where a moved plane is laid are laid
    again, the others copied as they are (the strips at the sides are laid at the step)."""
    width, height = size
    moved = [old != new for old, new in zip(was, shifts, strict=True)]
    again = np.zeros(height, bool)
    for first, end in rows_moved(kinds, moved):
        again[first:end] = True
    return [(pygame.Rect(0, top, width, min(BAND, height - top)),
             not again[top:top + BAND].any()) for top in range(0, height, BAND)]
