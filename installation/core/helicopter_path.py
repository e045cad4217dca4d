"""The helicopter's passes over the scene: in from one side fast, slowing to a drift over the
crowd (its spot on them), out the other side fast; it turns round out of sight and comes back
the other way. The picture flies it and the sound follows it from this one path (pure: the
visuals' helicopter and the audio's flight read it for the same scene seconds)."""

from __future__ import annotations

import math
from typing import NamedTuple

from installation.core.timeline import Scene, Timeline
from installation.core.timeline.model import Cue
from installation.core.timeline.state import Pace, RealTime, scene_index_at

PASS_SECONDS = 36.0  # real seconds from the edge of the picture it comes in at to the other
GAP_SECONDS = 10.0  # out of sight between two passes (turning round to come back)
HOVER = 0.88  # how much it slows over the crowd: its slowest speed is 1 - HOVER of its mean
# (fastest 1 + HOVER at the edges), the speeds in between smooth (never stopping: it always
# flies nose first, and never turns round in sight)
SOUND_SECONDS = 16.0  # the helicopter sound's length (audio/sounds.py HELICOPTER_S): its pass
# is over the crowd halfway through it, as the sound is nearest then
SOUND = "helicopter"  # the synth of the cue that times its passes
REACH = 0.7  # its drawing's farthest point from its middle, in lengths (visuals/helicopter.py
# BOUNDS): a pass begins and ends this far outside the picture, out of sight
DIP = (0.5, 0.6)  # its nose dips with its speed (this share at its fastest) and with its
# speeding up (this share at its hardest; lifting as hard as it brakes into the hover)


class Place(NamedTuple):
    """Where along its pass it is: `across` the picture (0 its left edge, 1 its right; beyond
    them out of sight), the way it flies (1 to the right, -1 to the left), how fast, of its
    mean speed, and how far its nose dips (1 the most; below 0 it lifts)."""

    across: float
    way: float
    speed: float
    tilt: float = 0.0


class Passes:
    """Passes one after another, the one that begins `first` real seconds into the scene
    flying to the right, each from `margin` (of the picture's width) outside one edge to as
    far outside the other."""

    def __init__(self, first: float, margin: float) -> None:
        self.first, self.margin = first, margin

    def at(self, seconds: float) -> Place:
        """Its place `seconds` into the scene."""
        period = PASS_SECONDS + GAP_SECONDS
        number = math.floor((seconds - self.first) / period)
        way = 1.0 if number % 2 == 0 else -1.0
        u = min(1.0, (seconds - self.first - number * period) / PASS_SECONDS)
        share = u + HOVER * math.sin(2 * math.pi * u) / (2 * math.pi)  # slowest halfway
        speed = 1.0 + HOVER * math.cos(2 * math.pi * u) if u < 1.0 else 0.0
        gone = -self.margin + (1 + 2 * self.margin) * share
        tilt = DIP[0] * speed / (1 + HOVER) - DIP[1] * math.sin(2 * math.pi * u)
        return Place(gone if way > 0 else 1.0 - gone, way, speed, tilt)


def first_pass(timeline: Timeline, scene: Scene, pace: Pace | None) -> float:
    """When (real seconds into `scene`) the pass its helicopter cue plays under begins: the
    first such cue in the scene (over the crowd halfway through the sound); without one, half
    a pass before the scene begins (it is over the crowd as the scene opens)."""
    pace = pace or RealTime()
    length = _scene_seconds(timeline, scene, pace)
    for cue in timeline.cues:
        if cue.type == "sound" and cue.params.get("synth") == SOUND:
            since = pace.real_between(scene.at, cue.at)
            if since < length:
                return since + SOUND_SECONDS / 2 - PASS_SECONDS / 2
    return -PASS_SECONDS / 2


def flight(timeline: Timeline, scene: Scene, pace: Pace | None) -> Passes | None:
    """The passes of the helicopter in `scene`'s picture (None: it has none), as the picture
    flies them (its `scale` of the picture's width sets how far outside it a pass begins)."""
    for layer in scene.layers:
        if layer.type == "helicopter":
            return Passes(first_pass(timeline, scene, pace), REACH * layer.params["scale"])
    return None


def flown(timeline: Timeline, cue: Cue) -> bool:
    """Is `cue` a helicopter sound in a scene whose picture has a helicopter? It times the
    passes there (see first_pass); every pass is heard with the picture's flight, so the cue's
    own one-shot (a second schedule) is not played."""
    if cue.type != "sound" or cue.params.get("synth") != SOUND:
        return False
    scene = timeline.scenes[scene_index_at(timeline, cue.at)]
    return any(layer.type == "helicopter" for layer in scene.layers)


def _scene_seconds(timeline: Timeline, scene: Scene, pace: Pace) -> float:
    """How long `scene` plays, in real seconds (to the next scene's start)."""
    scenes = timeline.scenes
    following = scenes[(scenes.index(scene) + 1) % len(scenes)]
    return pace.real_between(scene.at, following.at) or math.inf
