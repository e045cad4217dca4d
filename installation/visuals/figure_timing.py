"""When a figures layer's people are where: real seconds since they set off, seconds left until
they go (at the day's pace, however uneven), and a walker's or runner's place and phase in
their stride at a distance along."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from installation.core.clock import Warp
from installation.core.timeline import Timeline
from installation.core.timeutil import forward
from installation.visuals.base import Frame
from installation.visuals.strides import STRIDE

# A walker's or runner's sprites step on more coarsely than this (pixels along the path from
# one drawn phase to the next: a big, fast runner's) and the body glides instead: placed where
# it is at each frame, in the nearest drawn phase (stepping, it would jump on in such steps).
GLIDE_STEP = 6.0
REMEMBERED = 64  # story times a pace keeps the day's share of (a frame's few, and its keys')
REAL_TIME_SLACK = 1e-6  # real seconds: a scene whose real seconds are its story's is told in
#                         real time (the operator's realtime clock: every stretch at one pace)


class ScenePace:
    """How a scene's real seconds fall over its story times, at the timeline's pace (its
    stretches' weights): a gesture or a stride takes the same real time wherever it falls,
    however unevenly the scene's story is paced."""

    def __init__(self, timeline: Timeline, scene_at: float) -> None:
        self.warp = Warp(timeline.day_start, timeline.pace)
        self.day_start = timeline.day_start
        self.scene_at = scene_at
        self._ats: dict[float, float] = {}  # the day's share at story times lately asked
        self._now: tuple[float, tuple[float, float]] = (math.nan, (0.0, 0.0))  # see _into

    def share(self, story_a: float, story_b: float) -> float:
        """The day's real time from story time a forward to b, as a share of the day."""
        return (self._at(story_b) - self._at(story_a)) % 1.0

    def _at(self, story: float) -> float:
        """The day's real time at story time `story`, as a share of the day: worked out once
        for a frame's time and the layer's own (a panic's layers asked ~115 times a frame)."""
        found = self._ats.get(story)
        if found is None:
            if len(self._ats) >= REMEMBERED:
                self._ats.clear()
            found = self._ats[story] = self.warp.fraction(forward(self.day_start, story))
        return found

    def _into(self, story: float) -> tuple[float, float]:
        """Story seconds from the scene's start to `story`, and the day's real time between
        them as a share of the day (the last frame's kept: its layers ask it again and again)."""
        if self._now[0] != story:
            self._now = (story, (forward(self.scene_at, story), self.share(self.scene_at, story)))
        return self._now[1]

    def since(self, story: float, frame: Frame) -> float:
        """Real seconds from story time `story` (in the scene) to the frame's."""
        return self.real(story, frame.story_time, frame)

    def until(self, story: float, frame: Frame) -> float:
        """Real seconds from the frame's story time forward to `story` (in the scene)."""
        return self.real(frame.story_time, story, frame)

    def real(self, story_a: float, story_b: float, frame: Frame) -> float:
        """Real seconds from story time a forward to b: their share of the real seconds since
        the scene began, as the story clock paces them (a story told in real time: as many as
        the story's, every stretch at one pace); 0 at the scene's first moment."""
        into, whole = self._into(frame.story_time)
        if into <= 0:
            return 0.0
        if whole <= 0 or abs(frame.seconds - into) < REAL_TIME_SLACK:
            return frame.seconds * forward(story_a, story_b) / into
        return frame.seconds * self.share(story_a, story_b) / whole


def walked(params: Mapping[str, Any], pace: ScenePace, frame: Frame) -> float:
    """Real seconds since they set off: the scene's start, or `from`."""
    start = params["from"]
    return frame.seconds if start is None else pace.since(start, frame)


def under_way(params: Mapping[str, Any], pace: ScenePace, frame: Frame) -> float:
    """Real seconds at full pace their distance along is worth: since they set off (see
    walked), less what getting up to speed from standing over `start` seconds cost them (the
    distance grows with the square of the time until then: no one is at full tilt at once)."""
    seconds, start = walked(params, pace, frame), params["start"]
    if seconds >= start:
        return seconds - start / 2
    return max(0.0, seconds) ** 2 / (2 * start)


def seconds_left(params: Mapping[str, Any], pace: ScenePace, frame: Frame) -> float | None:
    """Real seconds left until the layer's `until`; None without one, or at the scene's first
    moment (no pace yet)."""
    until = params["until"]
    if until is None or forward(pace.scene_at, frame.story_time) <= 0:
        return None
    return pace.until(until, frame)


def stepped(name: str, distance: float, own: float, stride: float,
            steps: int) -> tuple[float, float, int]:
    """Where along the path a walker or runner is drawn, and their cycle's phase: the
    phase at `distance`, rounded down to the sprite drawn for it (of `steps` a cycle), and the
    distance at which that phase is exact. The feet on the ground are where the sprite's pose
    puts them, so a planted foot stays put while it is down (the body steps on a sprite at a
    time) and never creeps on with the body and snaps back. Where those steps are coarser than
    GLIDE_STEP the body glides on instead, in the nearest phase drawn. A `stride` (pixels, a
    whole cycle's) covers that much ground. (And how many strides that is.)"""
    if stride / steps > GLIDE_STEP:
        phase = distance / stride + own + 0.5 / steps
        return distance, phase, math.floor(phase)
    step = math.floor((distance / stride + own) * steps)
    return (step / steps - own) * stride, step / steps, step // steps


def stride_of(name: str, height: float, longer: float) -> float:
    """A whole cycle's ground, in pixels, for someone `height` pixels tall in pose `name`
    whose stride is `longer` times the pose's."""
    return STRIDE[name] * height * longer
