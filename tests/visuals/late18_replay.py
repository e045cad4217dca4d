"""The shipped day's building ahead replayed on a fake clock: the real schedule (BuildingAhead)
deciding, each scene's build the pieces it took on the bench (recorded, see RECORDED), each
frame what the bench timed its scene's frames at; nothing drawn."""

from __future__ import annotations

import dataclasses
import gzip
import json
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from installation.core.config import load_config
from installation.core.program import Program
from installation.core.timeline import Timeline, load_timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace, SceneState, story_after
from installation.visuals.building_ahead import FIRST_FRAME, GOAL_SECONDS, BuildingAhead
from installation.visuals.piece_times import Place

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "timelines" / "miracle-mile.toml"
RECORDED = Path(__file__).resolve().parent / "data" / "late18_day_pieces.json.gz"  # made by
# bench_pieces.day_pieces (1920x1080, CPU time, one compositor through the day; its "about")
FRAME = 1.0 / 60.0  # a refresh: a frame that takes longer shows one (or more) refreshes late
SLOW_EVERY = 20  # one steady frame in this many takes the scene's p95, the rest its median
PIECE_OVERHEAD = 0.00002  # seconds the schedule's own deciding adds to each piece (guessing)


class Clock:
    """The fake timer: seconds of CPU the frames and pieces have taken."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Held:
    """A scene's building replayed: each step takes the next recorded piece's seconds."""

    def __init__(self, clock: Clock, scene: Scene, pieces: list[tuple[Place, float]]) -> None:
        self.clock, self.scene = clock, scene
        self._pieces, self._next = pieces, 0
        self.spent = 0.0
        self.owed = False
        self.entries: list[Any] = []

    @property
    def ready(self) -> bool:
        return self._next >= len(self._pieces)

    @property
    def left(self) -> float:
        """Seconds of building not done yet."""
        return sum(took for _place, took in self._pieces[self._next:])

    @property
    def place(self) -> Place:
        return None if self.ready else self._pieces[self._next][0]

    def step(self) -> None:
        if not self.ready:
            self.clock.now += self._pieces[self._next][1] + PIECE_OVERHEAD
            self._next += 1

    def finish(self) -> None:
        self.clock.now += self.left
        self._next = len(self._pieces)

    def made_ahead(self, _frame: object) -> Iterator[None]:
        yield from ()

    def close(self) -> None:
        pass


class NoMasks:
    """The dissolve and light wipe, their pieces part of the recorded builds."""

    def wanted(self, _kind: str) -> bool:
        return False


class Spares:
    def surface(self, _size: object) -> None:
        return None


@dataclass
class Owner:
    """What BuildingAhead asks of its compositor, over Held scenes and the fake clock."""

    timeline: Timeline
    pace: Pace
    recorded: dict[str, list[tuple[Place, float]]]
    timer: Clock = field(default_factory=Clock)
    scenes: dict[int, Held] = field(default_factory=dict)
    following: dict[int, Scene] = field(init=False)  # timeline.after, by the scene's index
    bare: Timeline = field(init=False)  # the day without its cues and countdown
    masks: NoMasks = field(default_factory=NoMasks)
    spares: Spares = field(default_factory=Spares)
    size: tuple[int, int] = (1920, 1080)
    world: tuple[int, int] = (1920, 1080)

    def __post_init__(self) -> None:
        scenes = self.timeline.scenes
        self.following = {scene.index: self.timeline.after(scene) for scene in scenes}
        # (the frames' states are the bare day's: BuildingAhead reads neither cues nor
        # countdown, and state_at's walk over the cues was a third of the replay's time)
        self.bare = dataclasses.replace(self.timeline, cues=(), countdown=None)

    def _layers(self, scene: Scene) -> Held:
        if scene.index not in self.scenes:
            self.scenes[scene.index] = Held(self.timer, scene, list(self.recorded[scene.name]))
        return self.scenes[scene.index]

    def further(self, state: SceneState) -> Scene:
        return self.following[state.next.index]

    def gone_by(self, state: SceneState) -> list[Held]:
        wanted = (state.scene.index, state.next.index, self.further(state).index)
        return [self.scenes.pop(i) for i in [i for i in self.scenes if i not in wanted]]

    def _let_go(self, _built: Held) -> None:
        pass

    def opening_frame(self, _scene: Scene) -> None:
        return None

    def draw_scene(self, *_args: object) -> None:
        pass


@dataclass(frozen=True)
class Unbuilt:
    """A scene that began before its building was done, and what was left of it (ms)."""

    scene: str
    left_ms: float


@dataclass
class Replay:
    """A day's frames: those that built a piece ahead (ms each), and the scenes begun unbuilt."""

    ahead_ms: list[float] = field(default_factory=list)
    unbuilt: list[Unbuilt] = field(default_factory=list)
    frames: Counter[str] = field(default_factory=Counter)  # each scene's frames played
    late: Counter[str] = field(default_factory=Counter)  # its frames building past the goal

    def late_share(self) -> dict[str, float]:
        """Each scene's share of its frames that built ahead past the goal (a scene's p95 is
        over the goal where it passes 5%)."""
        return {name: self.late[name] / frames for name, frames in self.frames.items()}

    def over(self, goal_ms: float = GOAL_SECONDS * 1000) -> float:
        """The share of frames building ahead that went past `goal_ms`."""
        return sum(ms > goal_ms for ms in self.ahead_ms) / max(1, len(self.ahead_ms))


def shipped() -> tuple[Timeline, Pace]:
    """The shipped day and the pace the default config plays it at."""
    timeline = load_timeline(SHIPPED)
    return timeline, Program(load_config(ROOT / "config.toml"), timeline).clock


def recorded(path: Path = RECORDED) -> tuple[dict[str, list[tuple[Place, float]]],
                                             dict[str, tuple[float, float]]]:
    """Each scene's pieces (place, seconds) and its frames' (median, p95) seconds."""
    with gzip.open(path, "rt") as file:
        data = json.load(file)
    places = [(FIRST_FRAME, place) if place.startswith(f"('{FIRST_FRAME}'") else place
              for place in data["places"]]  # (BuildingAhead's place of a first frame ahead)
    pieces = {name: [(places[place], tenths / 10_000) for place, tenths, count in runs
                     for _n in range(count)] for name, runs in data["runs"].items()}
    frames = {name: (median / 1000, p95 / 1000) for name, (median, p95) in data["frames"].items()}
    return pieces, frames


@cache
def replay_day(days: int = 1, scale: float = 1.0) -> Replay:
    """Play the shipped day `days` times from noon (the tar pits built, as after a day's
    run), 60 fps frames that take their scene's recorded times (`scale` times the pieces:
    a loaded machine), each followed by BuildingAhead.prepare as in Compositor.draw. (Made
    once a process: read it, never change it.)"""
    timeline, pace = shipped()
    pieces, frames = recorded()
    if scale != 1.0:
        pieces = {name: [(place, took * scale) for place, took in rows]
                  for name, rows in pieces.items()}
    owner = Owner(timeline, pace, pieces)
    ahead = BuildingAhead(owner)  # type: ignore[arg-type]
    owner._layers(timeline.scenes[0]).finish()
    result = Replay()
    for _day in range(days):
        for scene in timeline.scenes:
            _play_scene(owner, ahead, scene, frames[scene.name], result)
    return result


def _play_scene(owner: Owner, ahead: BuildingAhead, scene: Scene,
                frame: tuple[float, float], result: Replay) -> None:
    """The scene's frames from its first, each taking its time and then building ahead;
    a scene whose building is not done when it begins is noted and built in that frame."""
    line, pace, clock = owner.timeline, owner.pace, owner.timer
    held = owner._layers(scene)
    if not held.ready:
        result.unbuilt.append(Unbuilt(scene.name, held.left * 1000))
        held.finish()
    length = pace.real_between(scene.at, line.after(scene).at)
    span = (line.after(scene).at - scene.at) % 86400.0 or 86400.0
    real, n = 0.0, 0
    result.frames[scene.name] += round(length / FRAME)
    while real < length:
        state = state_at(owner.bare, story_after(pace, scene.at, real, span), pace)
        mixing = state.in_transition and scene.transition.type != "cut"
        took = frame[1] if n % SLOW_EVERY == 0 else frame[0]
        started = clock.now
        clock.now += took
        before = ahead.pieces_built
        ahead.prepare(state, mixing, took)
        total = clock.now - started
        if ahead.pieces_built != before:
            result.ahead_ms.append(total * 1000)
            result.late[scene.name] += total > GOAL_SECONDS
        elif ahead.prepared_ahead and owner._layers(line.after(state.next)).ready:
            return  # nothing left to build before the next scene: on to it
        real += FRAME * max(1, math.ceil(total / FRAME - 1e-9))
        n += 1
