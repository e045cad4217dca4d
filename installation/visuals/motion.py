"""How much of each scene visibly moves: the share of the picture that changes within ten
real seconds, on frames shrunk 8x so that film grain and single pixels do not count."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace, story_after
from installation.core.timeutil import DAY_SECONDS, format_clock, forward
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

WINDOW_SECONDS = 10.0  # real seconds over which a change counts
SAMPLES = 9  # frames across the window, 1.25 s apart (a light that blinks or sweeps by counts)
SHRINK = 8  # frames are compared at 1/8 of their width and height
VISIBLE = 8  # a change of more than this (of 255) in some channel is one a visitor sees
GOAL = 0.03  # at least this share of every scene should move, in any window
MOST_WINDOWS = 300  # a longer scene is sampled in this many windows spread along it


@dataclass(frozen=True)
class SceneMotion:
    """The share of one scene's picture that changed within its stillest window of
    `WINDOW_SECONDS` (and within its median one), and the story time that window begins."""

    name: str
    share: float
    median: float = 0.0
    stillest_at: float = 0.0

    @property
    def meets_goal(self) -> bool:
        return self.share >= GOAL


def shrunk(surface: pygame.Surface) -> np.ndarray:
    width, height = surface.get_size()
    small = pygame.transform.smoothscale(surface, (max(1, width // SHRINK),
                                                   max(1, height // SHRINK)))
    return pygame.surfarray.array3d(small).astype(np.int16)


def changed_share(frames: list[np.ndarray]) -> float:
    """The share of positions where any later frame differs visibly from the first."""
    first = frames[0]
    moved = np.zeros(first.shape[:2], dtype=bool)
    for frame in frames[1:]:
        moved |= np.abs(frame - first).max(axis=2) > VISIBLE
    return float(moved.mean())


def window_starts(frames: int, most: int = MOST_WINDOWS) -> list[int]:
    """The first frame of each window of `SAMPLES` frames: every one, or `most` spread evenly."""
    last = frames - SAMPLES
    if last < 0:
        return []
    if last + 1 <= most:
        return list(range(last + 1))
    return sorted({round(last * n / (most - 1)) for n in range(most)})


def scene_motion(compositor: Compositor, timeline: Timeline, scene: Scene, pace: Pace,
                 size: tuple[int, int], most: int = MOST_WINDOWS) -> SceneMotion:
    """Frames every quarter window across the whole scene, drawn as the show draws them; each
    run of `SAMPLES` of them is one window, and the stillest window is the scene's figure."""
    following = timeline.after(scene)
    story = forward(scene.at, following.at) or DAY_SECONDS
    real = pace.real_between(scene.at, following.at) or story
    step = WINDOW_SECONDS / (SAMPLES - 1)
    starts = window_starts(max(SAMPLES, int(real / step) + 1), most)
    surface = pygame.Surface(size)
    frames: dict[int, np.ndarray] = {}

    def frame(n: int) -> np.ndarray:
        if n not in frames:
            seconds = min(n * step, real - 1e-6)
            compositor.draw(surface, state_at(
                timeline, story_after(pace, scene.at, seconds, story), pace))
            frames[n] = shrunk(surface)
        return frames[n]

    shares = []
    for first in starts:
        for n in [n for n in frames if n < first]:
            del frames[n]  # windows go forward: an earlier frame is not needed again
        shares.append(changed_share([frame(first + k) for k in range(SAMPLES)]))
    stillest = int(np.argmin(shares))
    return SceneMotion(scene.name, shares[stillest], float(np.median(shares)),
                       story_after(pace, scene.at, starts[stillest] * step, story))


def measure(timeline: Timeline, pace: Pace, size: tuple[int, int],
            warn: Callable[[str], None] = print, most: int = MOST_WINDOWS) -> list[SceneMotion]:
    """Every scene's motion, in story order."""
    headless()
    compositor = Compositor(timeline, size, warn, pace)
    return [scene_motion(compositor, timeline, scene, pace, size, most)
            for scene in timeline.scenes]


def table(results: list[SceneMotion]) -> str:
    """A plain-text table of the shares, marking the scenes below the goal."""
    width = max(len(r.name) for r in results) + 2
    lines = [f"motion: share of the picture that visibly changes within {WINDOW_SECONDS:g} real "
             f"seconds, in every such window of each scene (frames shrunk {SHRINK}x; goal "
             f"{GOAL:.0%} in the stillest)",
             f"{'scene':<{width}}{'stillest':>9}{'at':>10}{'median':>8}"]
    for r in results:
        mark = "" if r.meets_goal else "   below the goal"
        lines.append(f"{r.name:<{width}}{r.share:>9.1%}{format_clock(r.stillest_at):>10}"
                     f"{r.median:>8.1%}{mark}")
    return "\n".join(lines)
