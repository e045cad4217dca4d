"""The moments in a scene where much of its picture changes at once, which the bench times apart."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from installation.core.timeline import Timeline
from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace, story_after
from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.palette import light_at
from installation.visuals.street_asphalt import SHADOW_SUN

# Layer keys whose story time starts a change across a large part of the picture: a ruined
# tower's top falling with its dust billowing, a diner's pane smashed, a mammoth going under
# (her collar painted again each step she sinks). A scene's middle, which
# the bench times, rarely holds them.
MOMENT_KEYS: dict[str, tuple[str, ...]] = {
    "ruins": ("collapse",),
    "interior": ("broken",),
    "diner": ("broken",),
    "silhouette": ("under",),
}
SUN_LAYERS = ("street",)  # layers the low sun lays long shadows across (the posts', the cars')
SUN_SECONDS = 30.0  # real seconds into a scene that opens with them: its long shadows timed
# there (Dusk's 17:15: by its middle, 18:30, the sun is down and they are gone)
SUN_KEY = "long shadows"  # the row's name for it
MOMENT_SECONDS = 10.0  # real seconds timed from the moment (a tower's fall and its dust billowing)
MOMENT_RUNS = 8  # the timed frames come in this many runs spread over MOMENT_SECONDS
FPS = 60.0
HOUR = 3600.0


@dataclass(frozen=True)
class Moment:
    """A story time in a scene where its look changes most, and the layer keys that say so."""

    at: float
    keys: tuple[str, ...]

    def label(self, scene: Scene) -> str:
        """The bench row's name: the scene's, with the keys (e.g. "Ash (collapse)")."""
        return f"{scene.name} ({', '.join(self.keys)})"


def span(timeline: Timeline, scene: Scene, pace: Pace) -> tuple[float, float]:
    """The scene's length in story seconds, and story seconds per real second in it."""
    following = timeline.after(scene)
    story = forward(scene.at, following.at) or DAY_SECONDS
    real = pace.real_between(scene.at, following.at) or story
    return story, story / real


def real_length(timeline: Timeline, scene: Scene, pace: Pace) -> float:
    """The scene's length in real seconds at the pace."""
    story, rate = span(timeline, scene, pace)
    return story / rate


def paced(timeline: Timeline, scene: Scene, pace: Pace, seconds: float) -> float:
    """The story time `seconds` real seconds into the scene, through the pace (as the show
    draws it: a scene paced unevenly inside, 14:30's or 10:30's, steps on faster in one
    stretch than another, which its mean rate would not follow)."""
    return next(paced_each(timeline, scene, pace, (seconds,)))


def paced_each(timeline: Timeline, scene: Scene, pace: Pace,
               seconds: Iterable[float]) -> Iterator[float]:
    """`paced` for each of `seconds` in turn, worked out only as it is taken (the bench takes
    a scene's frames while its building goes on, a few hundred of its tens of thousands)."""
    story = span(timeline, scene, pace)[0]
    return (story_after(pace, scene.at, real, story) for real in seconds)


def moments(timeline: Timeline, scene: Scene, pace: Pace, frames: int) -> list[Moment]:
    """The scene's moments (MOMENT_KEYS set to a story time inside it, in story order), each
    once however many layers name it, but none the bench's `frames` from its middle hold."""
    story, _rate = span(timeline, scene, pace)
    middle = paced(timeline, scene, pace, real_length(timeline, scene, pace) / 2)
    found: dict[float, list[str]] = {}
    for layer in scene.layers:
        for key in MOMENT_KEYS.get(layer.type, ()):
            at = layer.params.get(key)
            if not isinstance(at, (int, float)) or not 0 < forward(scene.at, at) < story:
                continue
            if pace.real_between(middle, at) < frames / FPS:
                continue  # the middle's frames time it already
            keys = found.setdefault(float(at), [])
            if key not in keys:
                keys.append(key)
    return [Moment(at, tuple(found[at]))
            for at in sorted(found, key=lambda at: forward(scene.at, at))]


def sun_moments(timeline: Timeline, scene: Scene, pace: Pace) -> list[Moment]:
    """The moment SUN_SECONDS into a scene whose street the low sun lays long shadows across
    (its daylight above street_asphalt's SHADOW_SUN), if they are gone by its middle (which
    the bench times)."""
    if not any(layer.type in SUN_LAYERS for layer in scene.layers):
        return []
    length = real_length(timeline, scene, pace)
    at = paced(timeline, scene, pace, min(SUN_SECONDS, length / 4))
    middle = paced(timeline, scene, pace, length / 2)
    if not _sunlit(at) or _sunlit(middle):
        return []
    return [Moment(at, (SUN_KEY,))]


def _sunlit(story_time: float) -> bool:
    """Does the sun lay long shadows at this story time?"""
    return light_at(story_time / HOUR).daylight > SHADOW_SUN


def moment_runs(timeline: Timeline, scene: Scene, pace: Pace, moment: Moment,
                frames: int) -> list[list[float]]:
    """The story times of `frames` 60 fps frames from the moment's first MOMENT_SECONDS (not
    past the scene's end), in MOMENT_RUNS runs of frames that follow one another, each with
    the frame before it first (drawn untimed: the bench jumps to it)."""
    start = pace.real_between(scene.at, moment.at)  # real seconds into the scene
    left = real_length(timeline, scene, pace) - start  # real seconds to the scene's end
    runs = max(1, min(MOMENT_RUNS, frames))
    length = max(1, frames // runs)
    seconds = max(0.0, min(MOMENT_SECONDS, left) - length / FPS)
    return [[paced(timeline, scene, pace, max(0.0, start + seconds * run / runs + (n - 1) / FPS))
             for n in range(length + 1)] for run in range(runs)]
