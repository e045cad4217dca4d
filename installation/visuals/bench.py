"""Frame-time benchmark: every scene and its transition, headless, against the 60 fps budget."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from ..timeline import Timeline, state_at
from ..timeline.model import Scene
from ..timeline.state import Pace
from ..timeutil import DAY_SECONDS, forward
from .compositor import Compositor
from .render import headless

BUDGET_MS = 1000.0 / 60.0
FPS = 60.0
Clock = Callable[[], float]


@dataclass(frozen=True)
class SceneTiming:
    """Frame times of one scene: its transition in, and its steady middle."""

    name: str
    steady: tuple[float, ...]
    transition: tuple[float, ...]
    build_ms: float  # the first frame, which builds the scene's layers

    @property
    def frames(self) -> tuple[float, ...]:
        return self.steady + self.transition

    @property
    def median_ms(self) -> float:
        return statistics.median(self.frames)

    @property
    def p95_ms(self) -> float:
        return percentile(list(self.frames), 0.95)

    @property
    def budget_share(self) -> float:
        return self.p95_ms / BUDGET_MS


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def story_times(timeline: Timeline, scene: Scene, pace: Pace,
                frames: int) -> tuple[list[float], list[float]]:
    """60 fps frames from the scene's middle, and from its start while its transition runs."""
    following = timeline.scenes[(timeline.scenes.index(scene) + 1) % len(timeline.scenes)]
    story = forward(scene.at, following.at) or DAY_SECONDS
    real = pace.real_between(scene.at, following.at) or story
    rate = story / real
    fading = scene.transition.type != "cut" and scene.transition.seconds > 0
    count = min(frames // 2, int(scene.transition.seconds * FPS)) if fading else 0
    transition = [(scene.at + (n + 1) / FPS * rate) % DAY_SECONDS for n in range(count)]
    middle = scene.at + story / 2
    steady = [(middle + n / FPS * rate) % DAY_SECONDS for n in range(frames - count)]
    return steady, transition


def bench_scenes(timeline: Timeline, pace: Pace, size: tuple[int, int], frames: int,
                 output: tuple[int, int] | None = None, clock: Clock = time.perf_counter,
                 warn: Callable[[str], None] = print) -> list[SceneTiming]:
    """Time every scene; with `output`, also scale each frame up to it as the show would."""
    headless()
    compositor = Compositor(timeline, size, warn, pace)
    surface = pygame.Surface(size)
    screen = pygame.Surface(output) if output else None

    def timed(story_time: float) -> float:
        state = state_at(timeline, story_time, pace)
        start = clock()
        compositor.draw(surface, state)
        if screen is not None:
            pygame.transform.scale(surface, screen.get_size(), screen)
        return (clock() - start) * 1000.0

    results = []
    for scene in timeline.scenes:
        steady, transition = story_times(timeline, scene, pace, frames)
        build = timed(scene.at)  # the first frame of a scene builds its layers
        into = tuple(timed(t) for t in transition)
        middle = tuple(timed(t) for t in steady)
        results.append(SceneTiming(scene.name, middle, into, build))
    return results


def table(results: list[SceneTiming], title: str) -> str:
    """A plain-text table of the timings."""
    width = max(len(r.name) for r in results) + 2
    lines = [title, f"{'scene':<{width}}{'median':>8}{'p95':>8}{'p95/16.7':>10}"
                    f"{'steady p95':>12}{'transition p95':>16}{'build':>8}   (ms)"]
    for r in results:
        fade = f"{percentile(list(r.transition), 0.95):>16.2f}" if r.transition else f"{'-':>16}"
        lines.append(f"{r.name:<{width}}{r.median_ms:>8.2f}{r.p95_ms:>8.2f}"
                     f"{r.budget_share:>10.2f}{percentile(list(r.steady), 0.95):>12.2f}{fade}"
                     f"{r.build_ms:>8.1f}")
    worst = max(results, key=lambda r: r.p95_ms)
    lines.append(f"worst p95: {worst.p95_ms:.2f} ms ({worst.name}), "
                 f"{worst.budget_share:.0%} of the 16.7 ms frame")
    return "\n".join(lines)
