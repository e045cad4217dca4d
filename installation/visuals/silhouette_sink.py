"""How far a silhouette in the tar has sunk at a story time (a step of rows at a time), the sky
its tar glints with, and when either next changes (what to make ahead)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from installation.visuals.base import HOUR, Color, Frame
from installation.visuals.palette import light_at

MAX_SINK = 2.0  # sinking, it goes on until it has gone under (tilted, its top is this low;
# her trunk raised over her crown as she goes under stood over 1.2 and never went; at 1.35 its
# fingers, 11 rows of them, stood on at 10:43; reaching up for the air, her picture's top is
# over 1.8)
SINK_STEPS = 200  # a sinking animal goes down in at most this many steps over her height:
# each step paints her and the tar round her again (at the dream's 2.2x, 5 rows a step)
SKY_STEP_HOURS = 1 / 6  # the sky's colour on the tar round a sinking animal: 10-minute steps
AHEAD_MARGIN = 1.0  # story seconds: the collar made ahead is the one just after the change
AHEAD_CHANGES = 4  # changes of the sky or depth looked through for one that changes the collar
PLUNGE = 7.4  # her heights an hour she goes down once she has gone under (`under`) RAMP
# hours: the tar closes over her back, then her head, the raised trunk last, in about eight
# story minutes (going slowly at the end, her crown, trunk and a tusk's tip stood apart in
# the tar: a shark's fin and a Loch Ness neck) ...
RAMP = 0.12  # ... reaching that speed from her slow sinking over this many story hours, evenly
# (at once, 14 an hour from 10:40, she lay at one depth from 10:33 and was gone in 7 real s:
# "going under" happened between the pictures, not while we watched)
HOLDS = (0.84, 0.905, 1.15)  # going under, from this share sunk she holds on, slowly, her
# face turned up, her eye over the tar by her crown, her tusks and her trunk reaching for the
# air (SKYWARD), till the tar is at her eye: she has sunk this share, where she would have
# sunk the last at one speed; then it takes her GULP times as fast (her head, tusks and trunk
# under as one, in about a real second). At one speed her eye went five real
# seconds before her crown and trunk, which stood in the tar without it: the Loch Ness monster
GULP = 8.0
DAY = 24 * HOUR
Collar = tuple[int, Color]  # rows of her above the tar, and the sky: what her collar shows


@dataclass(frozen=True)
class Sinking:
    """A figure `span` pixels high sunk `sink` of it, `sinking` more each story hour since the
    scene began at `scene_at` (story time, so the same moment always shows the same depth),
    and from the story time `under` (None: never) faster and faster, PLUNGE more once RAMP
    hours on (its depth never jumps), held back and then taken GULP times as fast at the
    end (HOLDS); the sky over its tar the
    scene's own (`sky_top`) or the hour's."""

    sink: float
    sinking: float
    span: float
    scene_at: float
    sky_top: Color | None
    under: float | None = None

    @property
    def moves(self) -> bool:
        """Whether it sinks in this scene, slowly or going under."""
        return bool(self.sinking) or self.under is not None

    def _under_hours(self) -> float | None:
        """Story hours from the scene's start until it goes under (None: never)."""
        return None if self.under is None else ((self.under - self.scene_at) % DAY) / HOUR

    def share(self, hours: float) -> float:
        """Its share sunk `hours` story hours into the scene."""
        plunge = self._under_hours()
        if plunge is None:
            return min(MAX_SINK, self.sink + self.sinking * hours)
        steady = self.sink + self.sinking * hours + _plunged(hours - plunge)
        return min(MAX_SINK, _warped(steady, _HOLD_POINTS))

    def _hours_to(self, share: float) -> float:
        """Story hours into the scene at which it has sunk `share` (inf: never)."""
        plunge = self._under_hours()
        if plunge is not None:  # (the share it would have sunk at one speed)
            share = _warped(share, [(b, a) for a, b in _HOLD_POINTS])
        if plunge is None or self.share(plunge) >= share:
            return (share - self.sink) / self.sinking if self.sinking else math.inf
        left = share - self.sink - self.sinking * plunge  # to go, once she goes under
        if self.sinking * RAMP + _plunged(RAMP) >= left:  # while she gathers speed
            half = PLUNGE / (2 * RAMP)  # solving half t^2 + sinking t = left
            return plunge + (math.sqrt(self.sinking ** 2 + 4 * half * left)
                             - self.sinking) / (2 * half)
        return plunge + (left + PLUNGE * RAMP / 2) / (self.sinking + PLUNGE)

    def gone_at(self, rows: int) -> float | None:
        """The story time it has sunk `rows` rows (out of sight), if it ever does."""
        hours = self._hours_to(rows / self.span) if self.moves else math.inf
        return None if hours == math.inf else self.scene_at + hours * HOUR

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
        share = self.share(self.hours(frame))
        step = self.step()
        return int(share * self.span) // step * step

    def depth(self, frame: Frame) -> int:
        """Rows sunk at this frame: sinking, or at rest."""
        return self.sunk(frame) if self.moves else self.rest

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
        if self.moves and deeper <= MAX_SINK and self._hours_to(deeper) < math.inf:
            waits.append((self._hours_to(deeper) - self.hours(frame)) * HOUR)
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


def _plunged(hours: float) -> float:
    """How much further it has gone down `hours` story hours after going under (none before):
    its speed growing evenly to PLUNGE over RAMP hours, then PLUNGE."""
    if hours <= 0:
        return 0.0
    if hours < RAMP:
        return PLUNGE * hours * hours / (2 * RAMP)
    return PLUNGE * (hours - RAMP / 2)


def _hold_points() -> list[tuple[float, float]]:
    """The shares sunk at one speed and held (HOLDS, GULP) that going under passes through."""
    start, eye, gone = HOLDS
    taken = gone - (gone - eye) / GULP
    return [(start, start), (taken, eye), (taken + (MAX_SINK - eye) / GULP, MAX_SINK)]


_HOLD_POINTS = _hold_points()


def _warped(share: float, points: list[tuple[float, float]]) -> float:
    """`share` carried through the line through `points` (from, to), itself outside them."""
    for (x0, y0), (x1, y1) in pairwise(points):
        if x0 <= share <= x1:
            return y0 + (y1 - y0) * (share - x0) / (x1 - x0)
    return share
