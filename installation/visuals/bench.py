"""Frame-time benchmark: every scene and its transition, headless, against the 60 fps budget."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, count, islice

import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace
from installation.core.timeutil import DAY_SECONDS
from installation.core.types import TimeFn, Warn
from installation.visuals.bench_moments import (
    moment_runs,
    moments,
    paced,
    paced_each,
    real_length,
    sun_moments,
)
from installation.visuals.bench_table import LEAD_SECONDS, SceneTiming
from installation.visuals.compositor import SETTLE_SECONDS, URGENT_SECONDS, Compositor
from installation.visuals.layers import load_all
from installation.visuals.render import headless

FPS = 60.0
URGENT_FRAMES = int(URGENT_SECONDS * FPS)  # a scene's last frames, which build every frame
LEAD_IN_SECONDS = 120.0  # the day's last scene drawn at most this long (real seconds, untimed)
# before the first is timed, while both are built: the tar pits' lean shares took ~21 s
BLITS_PER_SCENE = 15  # opaque full-frame blits timed after each scene, the yardstick


def blit_ms(size: tuple[int, int], clock: TimeFn, count: int = BLITS_PER_SCENE) -> float:
    """The median time of one opaque full-frame blit at `size` (the cheapest possible frame)."""
    source, target = pygame.Surface(size), pygame.Surface(size)
    source.fill((40, 80, 120))
    times = []
    for _ in range(count):
        start = clock()
        target.blit(source, (0, 0))
        times.append((clock() - start) * 1000.0)
    return statistics.median(times)


def story_times(timeline: Timeline, scene: Scene, pace: Pace,
                frames: int) -> tuple[list[float], list[float]]:
    """60 fps frames from the scene's middle, and from its start while its transition runs."""
    fading = scene.transition.type != "cut" and scene.transition.seconds > 0
    fade = min(frames // 2, int(scene.transition.seconds * FPS)) if fading else 0
    # (through the pace, as the show draws them: at the scene's mean rate the frames of a
    # scene paced unevenly inside, 10:30's, stepped on too fast, each a new wipe's tick)
    transition = [paced(timeline, scene, pace, (n + 1) / FPS) for n in range(fade)]
    return list(islice(onward(timeline, scene, pace), frames - fade)), transition


def building_times(timeline: Timeline, scene: Scene, pace: Pace) -> Iterator[float]:
    """The story times of the scene's 60 fps frames from the first that may build the next
    scene ahead (its first SETTLE_SECONDS and its fade past) to its last URGENT_SECONDS: the
    show builds in them, each frame its share of what is left for the time left, so they are
    drawn in order (from the middle on, every frame would look a hurried one). Each is one
    real sixtieth of a second after the last, through the pace; each worked out as it is
    taken (the bench takes them until the next scene is built: all of a day's, made at once,
    were ~210,000 story times through the pace a run)."""
    begin = max(SETTLE_SECONDS, fade_frames(scene) / FPS)
    end = real_length(timeline, scene, pace) - URGENT_SECONDS
    return paced_each(timeline, scene, pace, (
        n / FPS for n in range(math.ceil(begin * FPS), max(0, int(end * FPS)))))


def onward(timeline: Timeline, scene: Scene, pace: Pace, start: int = 0) -> Iterator[float]:
    """The story times of the scene's 60 fps frames from its middle on, from frame `start`
    of them (-1: the one before the middle), each after the last as the show draws them.

    Never back to an earlier moment (the show never goes back): the frame after such a jump
    paints the whole kept background again, tens of milliseconds the show never spends. Only
    if they reach the scene's last URGENT_SECONDS (the next scene would have to take over
    half this one to build) do they start again from the middle."""
    real = real_length(timeline, scene, pace)
    frames = max(1, int((real / 2 - URGENT_SECONDS) * FPS))  # the middle to the end
    yield from paced_each(timeline, scene, pace, (real / 2 + (start + (n - start) % frames) / FPS
                                                  for n in count(start)))


def approach_times(timeline: Timeline, scene: Scene, pace: Pace, count: int) -> list[float]:
    """The story times of the last `count` frames before a scene begins, at 60 fps (through
    the pace of the scene before it)."""
    before = timeline.scenes[timeline.scenes.index(scene) - 1]
    real = real_length(timeline, before, pace)
    return [paced(timeline, before, pace, max(0.0, real - (count - n) / FPS))
            for n in range(count)]


def approach(timeline: Timeline, scene: Scene, pace: Pace, reached: float) -> list[float]:
    """The story times of the last LEAD_SECONDS and URGENT_SECONDS of frames before `scene`
    begins, from the frame before them (none before `reached`, the moment drawn last: the
    show never goes back)."""
    frames = int(LEAD_SECONDS * FPS) + URGENT_FRAMES + 1
    before = timeline.scenes[timeline.scenes.index(scene) - 1]
    since = pace.real_between(before.at, reached)
    times = approach_times(timeline, scene, pace, frames)
    return [t for t in times if pace.real_between(before.at, t) > since] or times[-1:]


def lead_in(compositor: Compositor, timed: Callable[[float], float],
            times: list[float]) -> list[float]:
    """A scene's last seconds drawn on at `times` as the show draws them, building (the
    first untimed: the bench jumps there, the show does not), so that the cut after them is
    reached as in the show; the times of the frames that built a piece of the next scene."""
    if not times:
        return []
    timed(times[0])
    return build_on(compositor, timed, times[1:], len(times), True)


def bench_scenes(timeline: Timeline, pace: Pace, size: tuple[int, int], frames: int,
                 clock: TimeFn = time.perf_counter, warn: Warn = print,
                 timed_scene: Callable[[], None] | None = None,
                 started: Callable[[], None] | None = None,
                 cpu_cover: bool = False) -> list[SceneTiming]:
    """Time every scene in story order, drawn at `size` as the render loop draws it.

    The loop only draws at the render size: the GPU scales that to the screen and lays the
    post's cover (grain and vignette) over it, which costs the CPU nothing, so it is not
    timed (the frames whose cover the CPU lays, light being laid over it, lay it here too);
    with `cpu_cover` the CPU lays every frame's cover, as a window without a GPU renderer
    does. The frame's upload into the window's texture is timed apart (`frame_upload_ms`).
    After its fade, each scene is drawn on from its
    first second, building the next scene ahead as the show does (each frame its share of
    what is left for the time left: see `building_times`), until it is built; then its
    steady frames from its middle (or on from where the building ended), then its last
    URGENT_SECONDS, building every frame: every frame that built a piece is timed (`ahead`)
    and counted once in the p95, the steady ones for the rest of the scene. Each scene's
    frames follow one another as the show draws them (see `onward`); the frame after a jump
    the show never makes (from the fade on, to the middle, from the middle to the last
    seconds) is drawn untimed. Before its last seconds, each moment of the scene whose look
    changes most (a tower falling: see `bench_moments`), which the middle misses, is timed
    as a row of its own after it, in runs over its first seconds (the frame before each run
    untimed). `timed_scene` is called after each scene (for a progress bar). Every layer's
    module is loaded first, as the show loads them once its first frame is up: no timed frame
    waits on an import. `started` is called once the lead-in's frames are up, before the
    first timed one, as the show calls it after its first frame (the collector set going,
    past what start-up left alive: see commands.common.start_collecting).
    """
    headless()
    load_all()
    compositor = Compositor(timeline, size, warn, pace, timer=clock)  # slack in the same time
    surface = pygame.Surface(size)

    reached = [0.0]  # the story time drawn last

    def timed(story_time: float) -> float:
        state = state_at(timeline, story_time, pace)
        start = clock()
        compositor.draw(surface, state, leave_cover=not cpu_cover)
        reached[0] = story_time
        return (clock() - start) * 1000.0

    scenes = timeline.scenes
    # Lead in through the end of the day, untimed, as a show running since morning would.
    steady, _ = story_times(timeline, scenes[-1], pace, frames)
    compositor.built_ahead(scenes[-1])  # (drawn cold, it owed its warm-up, drawn first: the
    # day's first scene was left to the last 3 s and built in its own fade, 33 ms a frame)
    for story_time in _cycle(steady, int(LEAD_IN_SECONDS * FPS)):
        if compositor.ready(scenes[0]) and compositor.ready(scenes[-1]):
            break
        timed(story_time)
    for story_time in approach_times(timeline, scenes[0], pace, URGENT_FRAMES):
        timed(story_time)  # the end of the day, as the show draws it
    if started is not None:
        started()
    results = []
    for number, scene in enumerate(scenes):
        following = scenes[(number + 1) % len(scenes)]
        steady, transition = story_times(timeline, scene, pace, frames)
        first = timed(scene.at)
        into = tuple(timed(t) for t in transition)
        early = iter(building_times(timeline, scene, pace))
        timed(next(early, scene.at))  # untimed: the show drew the fade's last frames, not these
        ahead = build_on(compositor, timed, early, scene_frames(timeline, scene, pace))
        if pace.real_between(scene.at, reached[0]) < real_length(timeline, scene, pace) / 2:
            times: Iterator[float] = onward(timeline, scene, pace, -1)  # on to the middle
            timed(next(times))  # untimed, as after the fade
        else:  # built past the middle: on from there, then round from the middle again
            times = chain(early, onward(timeline, scene, pace))
        middle = steady_frames(compositor, timed, islice(times, len(steady)), ahead)
        rows = [time_moment(compositor, timed, moment.label(scene), ahead,
                            moment_runs(timeline, scene, pace, moment, frames))
                for moment in (*moments(timeline, scene, pace, frames),
                               *sun_moments(timeline, scene, pace))]
        shown, faded = scene_frames(timeline, scene, pace), fade_frames(scene)
        blit = blit_ms(size, clock)  # (before the lead-in: no surface of its made or freed
        # between the scene's last frames and the next one's first)
        ahead += lead_in(compositor, timed, approach(timeline, following, pace, reached[0]))
        results.append(SceneTiming(scene.name, tuple(middle), into, first, tuple(ahead),
                                   blit, shown, faded, not compositor.ready(following),
                                   cut=not faded))
        results.extend(SceneTiming(name, *moment_frames(took), blit, moment=True)
                       for name, took in rows if took)
        if timed_scene is not None:
            timed_scene()
    return results


def steady_frames(compositor: Compositor, timed: Callable[[float], float],
                  times: Iterable[float], ahead: list[float]) -> list[float]:
    """The scene's frames from its middle at `times`, each its own drawing: a frame that also
    built a piece of a scene further on goes to `ahead` whole and to the steady ones without
    its pieces (kept out of them, the steady frames were only those with no room for a piece,
    the slowest: Johnie's at night's steady p95 was 9.35 ms in the run whose middle still
    built the panic, 3.7-4.1 in the two that had it built; its frames draw in ~3.5)."""
    middle = []
    for story_time in times:
        built, building = compositor.pieces_built, compositor.ahead.seconds_built
        took = timed(story_time)
        if compositor.pieces_built != built:
            ahead.append(took)
            took -= (compositor.ahead.seconds_built - building) * 1000.0
        middle.append(took)
    return middle


def time_moment(compositor: Compositor, timed: Callable[[float], float], name: str,
                ahead: list[float], runs: list[list[float]]
                ) -> tuple[str, tuple[tuple[float, bool], ...]]:
    """The frames of a moment's runs timed (each run's first drawn untimed: the bench jumps
    there, the show does not), under the row's `name`, each with whether it built a piece of
    the next scene (those go to the scene's `ahead` too)."""
    took: list[tuple[float, bool]] = []
    for lead, *run in runs:
        timed(lead)
        for story_time in run:
            built = compositor.pieces_built
            ms = timed(story_time)
            building = compositor.pieces_built != built
            took.append((ms, building))
            if building:
                ahead.append(ms)
    return name, tuple(took)


def moment_frames(took: tuple[tuple[float, bool], ...]
                  ) -> tuple[tuple[float, ...], tuple[()], float, tuple[float, ...]]:
    """A moment row's steady frames, transition (none), first frame and frames that built
    ahead: every frame of the moment as the show draws it (its frames that build ahead
    left out, a moment in a scene building its successor kept a handful: at 06:10, 16 of
    120, and its p95 was its first frame alone)."""
    rest = took[1:]
    return (tuple(ms for ms, building in rest if not building), (), took[0][0],
            tuple(ms for ms, building in rest if building))


def scene_frames(timeline: Timeline, scene: Scene, pace: Pace) -> int:
    """How many 60 fps frames the scene plays for in the show."""
    following = timeline.after(scene)
    return int((pace.real_between(scene.at, following.at) or DAY_SECONDS) * FPS)


def fade_frames(scene: Scene) -> int:
    """How many 60 fps frames the scene's transition in takes."""
    return 0 if scene.transition.type == "cut" else int(scene.transition.seconds * FPS)


def build_on(compositor: Compositor, timed: Callable[[float], float], times: Iterable[float],
             frames: int, every: bool = False) -> list[float]:
    """Go on drawing the scene at `times`, as the show does for its minutes,
    until the next scene is built (at most `frames`; with `every`, all of them): the times of
    the frames that built a piece. (A slow scene builds in one frame of SLOW_SKIPS + 1, so
    its 120 timed frames alone would leave the build to the next scene's first frame, which
    the show never does.)"""
    ahead: list[float] = []
    for story_time in islice(times, max(0, frames)):
        if compositor.prepared_ahead and not every:
            break
        built = compositor.pieces_built
        took = timed(story_time)
        if compositor.pieces_built != built:
            ahead.append(took)
    return ahead


def _cycle(values: list[float], count: int) -> list[float]:
    """`count` values, going round `values` again as often as needed."""
    return [values[n % len(values)] for n in range(count)] if values else []
