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
    """Frame times of one scene (its transition in, then its middle)."""

    name: str
    frames: int
    median_ms: float
    p95_ms: float
    build_ms: float  # the first frame, which builds the scene's layers

    @property
    def budget_share(self) -> float:
        return self.p95_ms / BUDGET_MS


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def story_times(timeline: Timeline, scene: Scene, pace: Pace, frames: int) -> list[float]:
    """Consecutive 60 fps frames from the scene's start (its transition), then from its middle."""
    following = timeline.scenes[(timeline.scenes.index(scene) + 1) % len(timeline.scenes)]
    story = forward(scene.at, following.at) or DAY_SECONDS
    real = pace.real_between(scene.at, following.at) or story
    rate = story / real
    first = frames * 2 // 3
    times = [scene.at + n / FPS * rate for n in range(first)]
    middle = scene.at + story / 2
    times += [middle + n / FPS * rate for n in range(frames - first)]
    return [t % DAY_SECONDS for t in times]


def bench_scenes(timeline: Timeline, pace: Pace, size: tuple[int, int], frames: int,
                 output: tuple[int, int] | None = None, clock: Clock = time.perf_counter,
                 warn: Callable[[str], None] = print) -> list[SceneTiming]:
    """Time every scene; with `output`, also scale each frame up to it as the show would."""
    headless()
    compositor = Compositor(timeline, size, warn)
    surface = pygame.Surface(size)
    screen = pygame.Surface(output) if output else None
    results = []
    for scene in timeline.scenes:
        samples = []
        for story_time in story_times(timeline, scene, pace, frames):
            state = state_at(timeline, story_time, pace)
            start = clock()
            compositor.draw(surface, state)
            if screen is not None:
                pygame.transform.scale(surface, screen.get_size(), screen)
            samples.append((clock() - start) * 1000.0)
        build, rest = samples[0], samples[1:] or samples
        results.append(SceneTiming(scene.name, len(samples), statistics.median(rest),
                                   percentile(rest, 0.95), build))
    return results


def table(results: list[SceneTiming], title: str) -> str:
    """A plain-text table of the timings."""
    width = max(len(r.name) for r in results) + 2
    lines = [title, f"{'scene':<{width}}{'median ms':>10}{'p95 ms':>9}{'p95/16.7':>10}"
                    f"{'build ms':>10}"]
    for r in results:
        lines.append(f"{r.name:<{width}}{r.median_ms:>10.2f}{r.p95_ms:>9.2f}"
                     f"{r.budget_share:>10.2f}{r.build_ms:>10.1f}")
    worst = max(results, key=lambda r: r.p95_ms)
    lines.append(f"worst p95: {worst.p95_ms:.2f} ms ({worst.name}), "
                 f"{worst.budget_share:.0%} of the 16.7 ms frame")
    return "\n".join(lines)
