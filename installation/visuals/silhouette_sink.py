"""How far a silhouette in the tar has sunk at a story time (a step of rows at a time), the sky
its tar glints with, and when either next changes (what to make ahead)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from installation.visuals.base import HOUR, Color, Frame
from installation.visuals.palette import light_at

MAX_SINK = 1.2  # sinking, it goes on until it has gone under (tilted, its top is this low)
SINK_STEPS = 200  # a sinking animal goes down in at most this many steps over her height:
# each step paints her and the tar round her again (at the dream's 2.2x, 5 rows a step)
SKY_STEP_HOURS = 1 / 6  # the sky's colour on the tar round a sinking animal: 10-minute steps
AHEAD_MARGIN = 1.0  # story seconds: the collar made ahead is the one just after the change
AHEAD_CHANGES = 4  # changes of the sky or depth looked through for one that changes the collar
DAY = 24 * HOUR
Collar = tuple[int, Color]  # rows of her above the tar, and the sky: what her collar shows


@dataclass(frozen=True)
class Sinking:
    """A figure `span` pixels high sunk `sink` of it, `sinking` more each story hour since the
    scene began at `scene_at` (story time, so the same moment always shows the same depth);
    the sky over its tar the scene's own (`sky_top`) or the hour's."""

    sink: float
    sinking: float
    span: float
    scene_at: float
    sky_top: Color | None

    @property
    def rest(self) -> int:
        """Rows sunk below the feet line, not sinking."""
        return int(self.sink * self.span)

    def step(self) -> int:
        """Rows a sinking figure goes down at a time."""
        return max(1, round(self.span / SINK_STEPS))

    def hours(self, frame: Frame) -> float:
        """Story hours since the scene began."""
        return ((frame.story_time - self.scene_at) % DAY) / HOUR

    def sunk(self, frame: Frame) -> int:
        """Rows sunk below the feet line at this frame, sinking."""
        share = min(MAX_SINK, self.sink + self.sinking * self.hours(frame))
        step = self.step()
        return int(share * self.span) // step * step

    def depth(self, frame: Frame) -> int:
        """Rows sunk at this frame: sinking, or at rest."""
        return self.sunk(frame) if self.sinking else self.rest

    def sky(self, frame: Frame) -> Color:
        """The colour of the sky over the tar (the scene's own, or the hour's, taken every
        SKY_STEP_HOURS: her collar's glints need not follow each level the sky moves, and
        each change paints the tar round her again)."""
        if self.sky_top is not None:
            return self.sky_top
        return light_at(math.floor(frame.hour / SKY_STEP_HOURS) * SKY_STEP_HOURS).top

    def next_change(self, frame: Frame) -> float | None:
        """Story seconds until her collar next changes: she sinks a step, or the sky over the
        tar moves on (None: neither, in this scene)."""
        waits = []
        deeper = (self.sunk(frame) + self.step()) / self.span  # her share a step down
        if self.sinking and deeper <= MAX_SINK:
            hours = (deeper - self.sink) / self.sinking - self.hours(frame)
            waits.append(hours * HOUR)
        if self.sky_top is None:
            waits.append((SKY_STEP_HOURS - frame.hour % SKY_STEP_HOURS) * HOUR)
        return min(waits, default=None)

    def next_collar(self, frame: Frame, now: Collar,
                    visible: Callable[[int], int]) -> Collar | None:
        """The rows above the surface (`visible` of a depth) and the sky her collar will next
        have, if they change from `now` within AHEAD_CHANGES changes of the sky or her depth
        (a sky step may keep its colour)."""
        for _ in range(AHEAD_CHANGES):
            wait = self.next_change(frame)
            if wait is None:
                return None
            frame = replace(frame, story_time=frame.story_time + wait + AHEAD_MARGIN)
            coming = (visible(self.depth(frame)), self.sky(frame))
            if coming[0] <= 0:  # gone under: no tar round her to make
                return None
            if coming != now:
                return coming
        return None
