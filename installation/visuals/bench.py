"""Frame-time benchmark: every scene and its transition, headless, against the 60 fps budget."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, count, islice

import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace
from installation.core.timeutil import DAY_SECONDS
from installation.core.types import TimeFn, Warn
from installation.visuals.bench_moments import (
    MOMENT_SECONDS,
    moment_runs,
    moments,
    paced,
    real_length,
    sun_moments,
)
from installation.visuals.compositor import SETTLE_SECONDS, URGENT_SECONDS, Compositor
from installation.visuals.layers import load_all
from installation.visuals.render import headless

BUDGET_MS = 1000.0 / 60.0
GOAL_SHARE = 0.5  # every scene's and transition's p95 within half the frame budget
FPS = 60.0
URGENT_FRAMES = int(URGENT_SECONDS * FPS)  # a scene's last frames, which build every frame
LEAD_IN_LAPS = 8  # at most this many passes over a scene's frames while waiting for building
BLITS_PER_SCENE = 15  # opaque full-frame blits timed after each scene, the yardstick


@dataclass(frozen=True)
class SceneTiming:
    """Frame times of one scene: its first frame, its transition in, its steady middle, the
    frames that also built a piece of the next scene, and one full-frame blit timed alongside.
    (A `moment` row: the frames from a moment the scene's look changes most, its first frame
    the moment's.)

    `shown` is how many frames the scene plays for in the show, `faded` how many of them its
    transition in takes: with them the p95 counts each kind of frame as often as the show
    draws it (every build frame once, the steady ones for the rest of the scene)."""

    name: str
    steady: tuple[float, ...]
    transition: tuple[float, ...]
    first_ms: float  # the first frame of the scene (its layers should be built already)
    ahead: tuple[float, ...] = ()  # steady frames that also built a piece of the next scene
    blit_ms: float = float("nan")  # one opaque full-frame blit, timed just after the scene
    shown: int = 0  # frames the scene plays for in the show (0: count each timed frame once)
    faded: int = 0  # of them, frames of its transition in
    next_unbuilt: bool = False  # the next scene's build was not done when it began
    moment: bool = False  # a row of its own for a moment its scene's look changes most
    cut: bool = False  # the scene begins on a cut: its first frame is all of it at once

    @property
    def frames(self) -> tuple[float, ...]:
        """Every frame the goal counts: the first, the transition, the steady ones and the
        ones that built a piece ahead."""
        return (self.first_ms, *self.steady, *self.transition, *self.ahead)

    def kinds(self) -> tuple[str, ...]:
        """What each of `frames` is: the first, steady, a fade's or one that built ahead."""
        return ("first", *("steady",) * len(self.steady), *("fade",) * len(self.transition),
                *("ahead",) * len(self.ahead))

    @property
    def p95_kind(self) -> str:
        """Which kind of frame the p95 is (where to cut: the scene's steady drawing, or the
        building ahead)."""
        return self.kinds()[weighted_rank(self.frames, self.weights(), 0.95)]

    def weights(self) -> tuple[float, ...]:
        """How many of the show's frames each timed frame stands for, in `frames`' order."""
        if not self.shown:
            return (1.0,) * len(self.frames)
        fades = self.faded / len(self.transition) if self.transition else 0.0
        rest = max(0, self.shown - self.faded - len(self.ahead) - 1)
        steady = rest / len(self.steady) if self.steady else 0.0
        return (1.0, *(steady,) * len(self.steady), *(fades,) * len(self.transition),
                *(1.0,) * len(self.ahead))

    @property
    def median_ms(self) -> float:
        return weighted_percentile(self.frames, self.weights(), 0.5)

    @property
    def p95_ms(self) -> float:
        return weighted_percentile(self.frames, self.weights(), 0.95)

    @property
    def transition_p95_ms(self) -> float:
        """The p95 of its transition's frames alone (nan for a cut): the goal holds for it
        apart, since in the scene's p95 a fade of seconds weighs little against minutes."""
        return percentile(list(self.transition), 0.95) if self.transition else float("nan")

    def misses(self, goal_ms: float) -> bool:
        """Whether the scene's p95 or its transition's p95 is over the goal."""
        return self.p95_ms > goal_ms or self.transition_p95_ms > goal_ms  # nan is never over

    @property
    def budget_share(self) -> float:
        return self.p95_ms / BUDGET_MS

    @property
    def blits(self) -> float:
        """The p95 as a multiple of one full-frame blit measured in the same run."""
        return self.p95_ms / self.blit_ms

    @property
    def ahead_max_ms(self) -> float:
        return max(self.ahead, default=float("nan"))


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


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def weighted_percentile(values: tuple[float, ...], weights: tuple[float, ...],
                        share: float) -> float:
    """The value below which `share` of the total weight lies (each value counted `weight`
    times)."""
    if not values or sum(weights) <= 0:
        return float("nan")
    return values[weighted_rank(values, weights, share)]


def weighted_rank(values: tuple[float, ...], weights: tuple[float, ...], share: float) -> int:
    """Where in `values` the one lies below which `share` of the total weight lies (-1 if
    none: no values, or no weight)."""
    order = sorted(range(len(values)), key=lambda n: values[n])
    total = sum(weights)
    if not order or total <= 0:
        return -1
    seen = 0.0
    for n in order:
        seen += weights[n]
        if seen >= share * total:
            return n
    return order[-1]


def story_times(timeline: Timeline, scene: Scene, pace: Pace,
                frames: int) -> tuple[list[float], list[float]]:
    """60 fps frames from the scene's middle, and from its start while its transition runs."""
    fading = scene.transition.type != "cut" and scene.transition.seconds > 0
    fade = min(frames // 2, int(scene.transition.seconds * FPS)) if fading else 0
    # (through the pace, as the show draws them: at the scene's mean rate the frames of a
    # scene paced unevenly inside, 10:30's, stepped on too fast, each a new wipe's tick)
    transition = [paced(timeline, scene, pace, (n + 1) / FPS) for n in range(fade)]
    return list(islice(onward(timeline, scene, pace), frames - fade)), transition


def building_times(timeline: Timeline, scene: Scene, pace: Pace) -> list[float]:
    """The story times of the scene's 60 fps frames from the first that may build the next
    scene ahead (its first SETTLE_SECONDS and its fade past) to its last URGENT_SECONDS: the
    show builds in them, each frame its share of what is left for the time left, so they are
    drawn in order (from the middle on, every frame would look a hurried one). Each is one
    real sixtieth of a second after the last, through the pace."""
    begin = max(SETTLE_SECONDS, fade_frames(scene) / FPS)
    end = real_length(timeline, scene, pace) - URGENT_SECONDS
    return [paced(timeline, scene, pace, n / FPS)
            for n in range(math.ceil(begin * FPS), max(0, int(end * FPS)))]


def onward(timeline: Timeline, scene: Scene, pace: Pace, start: int = 0) -> Iterator[float]:
    """The story times of the scene's 60 fps frames from its middle on, from frame `start`
    of them (-1: the one before the middle), each after the last as the show draws them.

    Never back to an earlier moment (the show never goes back): the frame after such a jump
    paints the whole kept background again, tens of milliseconds the show never spends. Only
    if they reach the scene's last URGENT_SECONDS (the next scene would have to take over
    half this one to build) do they start again from the middle."""
    real = real_length(timeline, scene, pace)
    frames = max(1, int((real / 2 - URGENT_SECONDS) * FPS))  # the middle to the end
    for n in count(start):
        yield paced(timeline, scene, pace, real / 2 + (start + (n - start) % frames) / FPS)


def approach_times(timeline: Timeline, scene: Scene, pace: Pace, count: int) -> list[float]:
    """The story times of the last `count` frames before a scene begins, at 60 fps (through
    the pace of the scene before it)."""
    before = timeline.scenes[timeline.scenes.index(scene) - 1]
    real = real_length(timeline, before, pace)
    return [paced(timeline, before, pace, max(0.0, real - (count - n) / FPS))
            for n in range(count)]


def bench_scenes(timeline: Timeline, pace: Pace, size: tuple[int, int], frames: int,
                 clock: TimeFn = time.perf_counter, warn: Warn = print,
                 timed_scene: Callable[[], None] | None = None) -> list[SceneTiming]:
    """Time every scene in story order, drawn at `size` as the render loop draws it.

    The loop only draws at the render size: SDL scales that to the screen on the GPU, which
    costs the CPU nothing, so it is not timed. After its fade, each scene is drawn on from its
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
    waits on an import.
    """
    headless()
    load_all()
    compositor = Compositor(timeline, size, warn, pace, timer=clock)  # slack in the same time
    surface = pygame.Surface(size)

    reached = [0.0]  # the story time drawn last

    def timed(story_time: float) -> float:
        state = state_at(timeline, story_time, pace)
        start = clock()
        compositor.draw(surface, state)
        reached[0] = story_time
        return (clock() - start) * 1000.0

    scenes = timeline.scenes
    # Lead in through the end of the day, untimed, as a show running since morning would.
    steady, _ = story_times(timeline, scenes[-1], pace, frames)
    for story_time in _cycle(steady, frames * LEAD_IN_LAPS):
        if compositor.ready(scenes[0]) and compositor.ready(scenes[-1]):
            break
        timed(story_time)
    for story_time in approach_times(timeline, scenes[0], pace, URGENT_FRAMES):
        timed(story_time)  # the end of the day, as the show draws it
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
        middle: list[float] = []
        for story_time in islice(times, len(steady) * LEAD_IN_LAPS):
            built = compositor.pieces_built
            took = timed(story_time)
            (middle if compositor.pieces_built == built else ahead).append(took)
            if len(middle) >= len(steady):
                break
        rows = [time_moment(compositor, timed, moment.label(scene), ahead,
                            moment_runs(timeline, scene, pace, moment, frames))
                for moment in (*moments(timeline, scene, pace, frames),
                               *sun_moments(timeline, scene, pace))]
        shown, faded = scene_frames(timeline, scene, pace), fade_frames(scene)
        before, *last = approach_times(timeline, following, pace, URGENT_FRAMES + 1)
        timed(before)  # untimed, as before the middle: the frame before the last seconds
        ahead += build_on(compositor, timed, last, URGENT_FRAMES, True)
        results.append(SceneTiming(scene.name, tuple(middle), into, first, tuple(ahead),
                                   blit_ms(size, clock), shown, faded,
                                   not compositor.ready(following), cut=not faded))
        results.extend(SceneTiming(name, took[1:], (), took[0], (), blit_ms(size, clock),
                                   moment=True) for name, took in rows if took)
        if timed_scene is not None:
            timed_scene()
    return results


def time_moment(compositor: Compositor, timed: Callable[[float], float], name: str,
                ahead: list[float], runs: list[list[float]]) -> tuple[str, tuple[float, ...]]:
    """The frames of a moment's runs timed (each run's first drawn untimed: the bench jumps
    there, the show does not), under the row's `name`; those that built a piece of the next
    scene go to the scene's `ahead`."""
    took: list[float] = []
    for lead, *run in runs:
        timed(lead)
        for story_time in run:
            built = compositor.pieces_built
            ms = timed(story_time)
            (took if compositor.pieces_built == built else ahead).append(ms)
    return name, tuple(took)


def scene_frames(timeline: Timeline, scene: Scene, pace: Pace) -> int:
    """How many 60 fps frames the scene plays for in the show."""
    following = timeline.scenes[(timeline.scenes.index(scene) + 1) % len(timeline.scenes)]
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


def table(results: list[SceneTiming], title: str) -> str:
    """A plain-text table of the timings, with the goal and how far each scene is from it."""
    width = max(len(r.name) for r in results) + 2
    lines = [title, f"{'scene':<{width}}{'median':>8}{'p95':>8}{'p95 is':>8}{'p95/16.7':>10}"
                    f"{'blits':>7}"
                    f"{'steady p95':>12}{'transition p95':>16}{'first':>8}{'built':>7}"
                    f"{'ahead p95':>11}{'ahead max':>11}{'next':>9}   (ms)"]
    for r in results:
        lines.append(f"{r.name:<{width}}{r.median_ms:>8.2f}{r.p95_ms:>8.2f}{r.p95_kind:>8}"
                     f"{r.budget_share:>10.2f}{r.blits:>7.1f}{_p95(r.steady, 12)}"
                     f"{_p95(r.transition, 16)}{r.first_ms:>8.1f}{len(r.ahead):>7}"
                     f"{_p95(r.ahead, 11)}{r.ahead_max_ms:>11.1f}"
                     f"{_next(r):>9}")
    worst = max(results, key=lambda r: r.p95_ms)
    first = max((r for r in results if not r.moment), key=lambda r: r.first_ms)
    ahead = max(results, key=lambda r: r.ahead_max_ms if r.ahead else 0.0)
    blit = statistics.median(r.blit_ms for r in results)
    goal = GOAL_SHARE * BUDGET_MS
    missed = [r.name for r in results if r.misses(goal)]
    fades = [r for r in results if r.transition]
    worst_fade = max(fades, key=lambda r: r.transition_p95_ms) if fades else None
    lines.append(f"one opaque full-frame blit: {blit:.2f} ms (median, timed after each scene); "
                 f"blits: each scene's p95 as a multiple of the blit timed with it")
    lines.append(f"worst p95: {worst.p95_ms:.2f} ms ({worst.name}), "
                 f"{worst.budget_share:.0%} of the 16.7 ms frame, {worst.blits:.1f} blits")
    if worst_fade is not None:
        lines.append(f"worst transition p95: {worst_fade.transition_p95_ms:.2f} ms "
                     f"({worst_fade.name}), "
                     f"{worst_fade.transition_p95_ms / BUDGET_MS:.0%} of the 16.7 ms frame")
    lines.append(f"goal: every scene's p95 and every transition's p95 at most "
                 f"{GOAL_SHARE:g} x 16.7 = {goal:.2f} ms: "
                 + ("met" if not missed else f"missed by {len(missed)}: {', '.join(missed)}"))
    lines.append(f"slowest first frame of a scene: {first.first_ms:.1f} ms ({first.name}); "
                 f"slowest frame building ahead: {ahead.ahead_max_ms:.1f} ms ({ahead.name})")
    lines.append(first_after_cuts(results, goal))
    unbuilt = [r.name for r in results if r.next_unbuilt]
    lines.append("next scene unbuilt at its start, after: "
                 + (", ".join(unbuilt) if unbuilt else "none"))
    lines.extend(COLUMNS)
    return "\n".join(lines)


def first_after_cuts(results: list[SceneTiming], goal: float) -> str:
    """A line on the first frames after a cut (the cut shows all of the next scene at once:
    a slow first frame is a stall at the cut): the slowest, and those over the goal."""
    cuts = [r for r in results if r.cut and not r.moment]
    if not cuts:
        return "first frame after a cut: no cuts"
    slowest = max(cuts, key=lambda r: r.first_ms)
    over = [f"{r.name} {r.first_ms:.1f}" for r in cuts if r.first_ms > goal]
    return (f"first frame after a cut ({len(cuts)} cuts): slowest {slowest.first_ms:.1f} ms "
            f"({slowest.name}); goal: each at most {goal:.2f} ms, as cheap as a steady "
            "frame: " + ("met" if not over else f"missed by {len(over)}: {', '.join(over)}"))


COLUMNS = (
    "p95, median: over the scene as the show plays it: each steady frame stands for its share "
    "of the scene's",
    "  frames, each transition frame for its share of the fade, each frame that built a piece "
    "ahead counts once",
    "p95 is: the kind of frame the p95 is: steady, fade, ahead (built a piece of the next "
    "scene) or first",
    "steady p95, transition p95: over the timed frames from the middle (not building) and of "
    "the fade in",
    "first: the frame a scene begins on (both scenes drawn if it fades in); after a cut it "
    "should cost no more",
    "  than a steady frame (its first frame was drawn ahead, offscreen, with the building)",
    "a scene (key): the frames of the scene's first "
    f"{MOMENT_SECONDS:g} s from the story time that layer key gives (a tower collapsing),",
    "  which its middle misses: p95 and steady p95 over them, first: the moment's first frame",
    "built: frames of the scene that built a piece of the next (middle and last "
    f"{URGENT_SECONDS:g} s, all timed);",
    "  ahead p95, ahead max: their p95 and slowest; next: whether the next scene was built "
    "when it began")


def _next(timing: SceneTiming) -> str:
    """Whether the next scene was built when it began ("-" on a moment's row)."""
    return "-" if timing.moment else "unbuilt" if timing.next_unbuilt else "built"


def _p95(values: tuple[float, ...], width: int) -> str:
    return f"{percentile(list(values), 0.95):>{width}.2f}" if values else f"{'-':>{width}}"
