"""What the timeline shows at a story time, and which cues fire as the story moves on."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Protocol

from installation.core.timeline.model import Cue, Scene, Timeline
from installation.core.timeutil import DAY_SECONDS, forward

CUE_MEMORY_SECONDS = 600.0  # how long after firing a cue is still reported (flash, captions)
EPSILON = 1e-6  # story seconds: rounding never decides whether a landing is on a cue
CUE_LEAD_SECONDS = 0.5  # real seconds: a start or jump this soon after a cue still plays it


class Pace(Protocol):
    """Converts story intervals to real seconds (the StoryClock is one)."""

    def real_between(self, story_a: float, story_b: float) -> float: ...


class RealTime:
    """Pace for a story told in real time: one story second per real second."""

    def real_between(self, story_a: float, story_b: float) -> float:
        return forward(story_a, story_b)


@dataclass(frozen=True)
class SceneState:
    """The timeline at one story time: everything a frame or an audio block needs."""

    story_time: float
    scene: Scene
    previous: Scene
    next: Scene
    progress: float  # 0 at the start of the scene's transition, 1 when it is complete
    scene_seconds: float  # real seconds since the scene began
    countdown: float | None  # story seconds left, or None outside the countdown
    recent_cues: tuple[tuple[Cue, float], ...]  # cues fired lately, with real seconds since

    @property
    def in_transition(self) -> bool:
        return self.progress < 1.0 and self.previous is not self.scene


def scene_index_at(timeline: Timeline, story_time: float) -> int:
    """Index (in play order) of the scene showing at a story time."""
    offsets = [timeline.offset(s.at) for s in timeline.scenes]
    return (bisect.bisect_right(offsets, timeline.offset(story_time)) - 1) % len(offsets)


def state_at(timeline: Timeline, story_time: float, pace: Pace | None = None) -> SceneState:
    """The state of the day at a story time; `pace` turns story time into real seconds."""
    pace = pace or RealTime()
    scenes = timeline.scenes
    i = scene_index_at(timeline, story_time)
    scene, previous, following = scenes[i], scenes[i - 1], scenes[(i + 1) % len(scenes)]
    since = pace.real_between(scene.at, story_time)
    length = scene.transition.seconds
    progress = 1.0 if length <= 0 or scene.transition.type == "cut" else min(1.0, since / length)
    countdown = timeline.countdown.remaining(story_time) if timeline.countdown else None
    recent = tuple(
        (cue, pace.real_between(cue.at, story_time)) for cue in timeline.cues
        if forward(cue.at, story_time) < DAY_SECONDS / 2
        and pace.real_between(cue.at, story_time) <= CUE_MEMORY_SECONDS
    )
    return SceneState(story_time, scene, previous, following, progress, since, countdown, recent)


def next_cue(timeline: Timeline, story_time: float) -> Cue | None:
    """The cue the story reaches next (a cue right now counts as a whole day away)."""
    if not timeline.cues:
        return None
    return min(timeline.cues, key=lambda c: forward(story_time, c.at) or DAY_SECONDS)


class PositionLike(Protocol):
    """Where the story is (the clock's ClockPosition is one)."""

    @property
    def wall(self) -> float: ...

    @property
    def cycle(self) -> int: ...

    @property
    def offset(self) -> float: ...

    @property
    def real_to_cycle_end(self) -> float: ...

    @property
    def rate(self) -> float: ...


class CueScheduler:
    """Fires each cue once as the story passes it; a jump fires nothing that was skipped."""

    def __init__(self, timeline: Timeline, max_gap: float = 2.0) -> None:
        self.timeline = timeline
        self.max_gap = max_gap  # wall seconds between two calls beyond which it is a jump
        self._by_offset = sorted(timeline.cues, key=lambda c: timeline.offset(c.at))
        self._offsets = [timeline.offset(c.at) for c in self._by_offset]
        self._last: PositionLike | None = None
        self._landed = -1.0  # after a landing, cues up to here (same story day) have played

    def follow(self, timeline: Timeline) -> CueScheduler:
        """A scheduler for an edited timeline that carries on from where this one is."""
        successor = CueScheduler(timeline, self.max_gap)
        successor._last, successor._landed = self._last, self._landed
        return successor

    def reset(self) -> None:
        """Forget where we were: the next call fires nothing (used after a jump)."""
        self._last = None

    def advance(self, position: PositionLike) -> list[Cue]:
        """The cues passed since the last call, in story order."""
        last, self._last = self._last, position
        landed, self._landed = self._landed, -1.0
        if last is None:  # a start or a jump: only a cue just behind us still plays
            lead = position.rate * CUE_LEAD_SECONDS
            self._landed = position.offset + EPSILON
            return self._between(position.offset - lead - EPSILON, self._landed)
        gap = position.wall - last.wall
        if gap < 0 or gap > self.max_gap:
            return []
        if position.cycle == last.cycle:
            return self._between(max(last.offset, landed), position.offset)
        if position.cycle == last.cycle + 1 and last.real_to_cycle_end <= gap:
            return self._between(last.offset, DAY_SECONDS) + self._between(-1.0, position.offset)
        return []

    def _between(self, after: float, upto: float) -> list[Cue]:
        lo = bisect.bisect_right(self._offsets, after)
        hi = bisect.bisect_right(self._offsets, upto)
        return self._by_offset[lo:hi]
