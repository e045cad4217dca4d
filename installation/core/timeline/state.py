"""What the timeline shows at a story time, and which cues are due as the story moves on."""

from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass, replace
from typing import Protocol

from installation.core.timeline.model import Countdown, Cue, Scene, Timeline
from installation.core.timeutil import DAY_SECONDS, forward

CUE_MEMORY_SECONDS = 600.0  # how long after firing a cue is still reported (flash, captions)
EPSILON = 1e-6  # story seconds: rounding never decides whether a landing is on a cue
CUE_LEAD_SECONDS = 0.5  # real seconds: a start or jump this soon after a cue still plays it
REAL_SLACK = 1e-6  # real seconds: a story time this near the one asked for is it
BISECT_STEPS = 48  # halvings that find a story time where the pace is uneven (to ~1e-11 of a day)
TICK_MEMORY = 64  # countdown minutes whose steps are kept (one is asked for every frame)
MINUTE = 60.0  # story seconds: the countdown's steps fit each of its minutes
# The story seconds a countdown step may cover, each a divisor of a minute a clock counts in
# (the seconds' last figure keeps a rhythm: 50:00, 49:55, 49:50, never 49:56, 49:51, 49:47):
# a step is the smallest of them that lasts at least TICK_REAL real seconds at the pace.
ROUND_STEPS = (1, 2, 3, 5, 10, 15, 20, 30, 60)
TICK_REAL = 0.9  # real seconds a step lasts at least (about one a second: never a flicker)


class Pace(Protocol):
    """Converts story intervals to real seconds (the StoryClock is one); hashable, so what
    is worked out from one can be kept for it."""

    def real_between(self, story_a: float, story_b: float) -> float: ...

    def __hash__(self) -> int: ...


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
    countdown_shown: float | None  # the T-minus a display shows (see `countdown_tick`)

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
    clock = timeline.countdown
    countdown = clock.remaining(story_time) if clock else None
    recent = tuple(
        (cue, pace.real_between(cue.at, story_time)) for cue in timeline.cues
        if forward(cue.at, story_time) < DAY_SECONDS / 2
        and pace.real_between(cue.at, story_time) <= CUE_MEMORY_SECONDS
    )
    shown = countdown_tick(clock, story_time, pace) if clock and countdown is not None else None
    return SceneState(story_time, scene, previous, following, progress, since, countdown, recent,
                      shown)


def story_after(pace: Pace, start: float, real: float, span: float = DAY_SECONDS) -> float:
    """The story time `real` real seconds after story time `start` at `pace`, looked for within
    `span` story seconds of it (where the pace is even, at once; else by halving)."""
    whole = pace.real_between(start, (start + span) % DAY_SECONDS) or span
    guess = real * span / whole
    if abs(pace.real_between(start, (start + guess) % DAY_SECONDS) - real) > REAL_SLACK:
        low, high = 0.0, span
        for _ in range(BISECT_STEPS):
            guess = (low + high) / 2
            if pace.real_between(start, (start + guess) % DAY_SECONDS) < real:
                low = guess
            else:
                high = guess
    return (start + guess) % DAY_SECONDS


def countdown_tick(countdown: Countdown, story_time: float, pace: Pace) -> float:
    """The story seconds left as a display shows them: the story's own time left, in steps of
    about a real second, each a round number of story seconds (see `step_in`). Each minute left
    (counted back from the target, so a whole minute left falls on the story clock's whole
    minute, as the bank's sign turns) is cut into even steps, and a step shows the time left at
    its start: 67:00 from the story's 04:08:00 to its next step, as the bank reads 4:08. Only
    the last minute ends on zero, held for its last step before the flash; a countdown started
    inside a step shows the time left at its start until the first whole step is over. A pure
    function of the story time (a cut never jumps it)."""
    length = forward(countdown.start, countdown.target)
    left = length - forward(countdown.start, story_time)
    minute = max(0, math.ceil(round(left, 6) / MINUTE) - 1)  # left within its (start, top]
    top = (minute + 1) * MINUTE
    unit = step_in(countdown, pace, minute)
    steps = round(MINUTE / unit) + (1 if minute == 0 else 0)  # the last: its zero a step too
    step = min(steps - 1, math.floor((top - left) * steps / MINUTE + EPSILON))
    begun = top - step * unit  # the time left as this step began (in the last minute, shown)
    if EPSILON < length - begun < unit - EPSILON:  # the step after a first one cut short
        return length  # by a start inside it: held on with it (never a flash of one)
    return min(length, begun)


@functools.lru_cache(maxsize=TICK_MEMORY)
def step_in(countdown: Countdown, pace: Pace, minute: int) -> int:
    """The story seconds a step of the countdown's minute `minute` (that many whole minutes
    left at its end) covers: the smallest of ROUND_STEPS whose steps last TICK_REAL real
    seconds or more at the minute's pace (kept: every frame of the minute asks)."""
    end = (countdown.target - minute * MINUTE) % DAY_SECONDS
    real = pace.real_between((end - MINUTE) % DAY_SECONDS, end)
    extra = 1 if minute == 0 else 0  # the last minute shows its zero for a step of its own
    for unit in ROUND_STEPS:
        if real / (round(MINUTE / unit) + extra) >= TICK_REAL - EPSILON:
            return unit
    return ROUND_STEPS[-1]


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


@dataclass(frozen=True)
class CueCursor:
    """Where a reader of the cues (the picture, the sound) last was: a value, not a scheduler."""

    wall: float
    cycle: int
    offset: float  # story offset (since the day start) up to which cues have been taken
    real_to_cycle_end: float


CueIndex = tuple[tuple[Cue, ...], list[float]]  # the cues in day order, and their offsets


def cues_due(timeline: Timeline, cursor: CueCursor | None, position: PositionLike,
             max_gap: float = 2.0, index: CueIndex | None = None) -> tuple[list[Cue], CueCursor]:
    """The cues passed since `cursor`, in story order, and the cursor to pass next time.

    No cursor is a start or a jump: only a cue just behind (CUE_LEAD_SECONDS) still plays.
    A gap of more than `max_gap` wall seconds, or going back, is a jump: nothing fires.
    """
    offsets = index or cue_index(timeline)
    if cursor is None:
        lead = position.rate * CUE_LEAD_SECONDS
        upto = position.offset + EPSILON
        due = _between(offsets, position.offset - lead - EPSILON, upto)
        return due, CueCursor(position.wall, position.cycle, upto, position.real_to_cycle_end)
    after = CueCursor(position.wall, position.cycle, position.offset,
                      position.real_to_cycle_end)
    gap = position.wall - cursor.wall
    if gap < 0 or gap > max_gap:
        return [], after
    if position.cycle == cursor.cycle:
        upto = max(cursor.offset, position.offset)
        return _between(offsets, cursor.offset, position.offset), replace(after, offset=upto)
    if position.cycle == cursor.cycle + 1 and cursor.real_to_cycle_end <= gap:
        due = _between(offsets, cursor.offset, DAY_SECONDS)
        return due + _between(offsets, -1.0, position.offset), after
    return [], after


def cue_index(timeline: Timeline) -> CueIndex:
    """The timeline's cues in day order with their offsets (a reader may keep it)."""
    cues = tuple(sorted(timeline.cues, key=lambda c: timeline.offset(c.at)))
    return cues, [timeline.offset(c.at) for c in cues]


def _between(offsets: CueIndex, after: float,
             upto: float) -> list[Cue]:
    cues, keys = offsets
    return list(cues[bisect.bisect_right(keys, after):bisect.bisect_right(keys, upto)])
