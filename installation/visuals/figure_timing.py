"""When a figures layer's people are where: real seconds since they set off, seconds left until
they go, and a walker's or runner's place and phase in their stride at a distance along."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from installation.core.timeutil import forward
from installation.visuals.base import Frame
from installation.visuals.strides import STRIDE

# A walker's or runner's sprites step on more coarsely than this (pixels along the path from
# one drawn phase to the next: a big, fast runner's) and the body glides instead: placed where
# it is at each frame, in the nearest drawn phase (stepping, it would jump on in such steps).
GLIDE_STEP = 6.0


def walked(params: Mapping[str, Any], scene_at: float, frame: Frame) -> float:
    """Real seconds since they set off: the scene's start, or `from` (the scene's pace is
    taken as even, so a story time inside it is that share of its real seconds)."""
    start = params["from"]
    if start is None:
        return frame.seconds
    into = forward(scene_at, frame.story_time)
    return frame.seconds * forward(start, frame.story_time) / into if into > 0 else 0.0


def seconds_left(params: Mapping[str, Any], scene_at: float, frame: Frame) -> float | None:
    """Real seconds left until the layer's `until` (taking the scene's pace as even, as
    `walked` does); None without one, or at the scene's first moment (no pace yet)."""
    until = params["until"]
    into = forward(scene_at, frame.story_time)
    if until is None or into <= 0:
        return None
    return frame.seconds * (forward(scene_at, until) - into) / into


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
