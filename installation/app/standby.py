"""The standby scene: which scene plays while the gallery is closed, and where in it."""

from __future__ import annotations

from installation.core.timeline import Scene, Timeline
from installation.core.timeline.state import Pace
from installation.core.timeutil import DAY_SECONDS, forward

STANDBY_START, STANDBY_SPAN = 0.25, 0.5  # standby loops the middle half of its scene


def standby_scene(timeline: Timeline, name: str | None) -> Scene:
    """The named standby scene, else the day's first scene."""
    for scene in timeline.scenes:
        if scene.name == name:
            return scene
    return timeline.scenes[0]


def unknown_standby(timeline: Timeline, name: str | None) -> str | None:
    """What to tell the operator when [hours] standby_scene names no scene of the timeline
    (None when it names one, or none is set): the doctor and the show say the same."""
    if name is None or standby_scene(timeline, name).name == name:
        return None
    return (f"[hours] standby_scene '{name}' is not a scene of {timeline.path.name}; "
            f"standby shows '{timeline.scenes[0].name}'")


def standby_time(timeline: Timeline, scene: Scene, wall: float, pace: Pace) -> float:
    """A story time inside the standby scene: its middle half, looping at its own pace."""
    index = timeline.scenes.index(scene)
    following = timeline.scenes[(index + 1) % len(timeline.scenes)]
    span = forward(scene.at, following.at) or DAY_SECONDS
    start = (scene.at + span * STANDBY_START) % DAY_SECONDS
    wander = span * STANDBY_SPAN
    loop = pace.real_between(start, (start + wander) % DAY_SECONDS)
    if loop <= 0:
        return start
    return (start + wander * ((wall % loop) / loop)) % DAY_SECONDS
