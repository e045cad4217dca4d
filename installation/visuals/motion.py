"""How much of each scene visibly moves: the share of the picture that changes within ten
real seconds, on frames shrunk 8x so that film grain and single pixels do not count."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.model import Scene
from installation.core.timeline.state import Pace
from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

WINDOW_SECONDS = 10.0  # real seconds over which a change counts
SAMPLES = 5  # frames across the window (a light that blinks off and on again still counts)
SHRINK = 8  # frames are compared at 1/8 of their width and height
VISIBLE = 8  # a change of more than this (of 255) in some channel is one a visitor sees
GOAL = 0.03  # at least this share of every scene should move


@dataclass(frozen=True)
class SceneMotion:
    """The share of one scene's picture that changed within the window, from its middle."""

    name: str
    share: float

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


def scene_motion(compositor: Compositor, timeline: Timeline, scene: Scene, pace: Pace,
                 size: tuple[int, int]) -> SceneMotion:
    """Frames from the scene's middle across the window, drawn as the show draws them."""
    following = timeline.scenes[(timeline.scenes.index(scene) + 1) % len(timeline.scenes)]
    story = forward(scene.at, following.at) or DAY_SECONDS
    rate = story / (pace.real_between(scene.at, following.at) or story)
    middle = scene.at + story / 2
    surface = pygame.Surface(size)
    frames = []
    for n in range(SAMPLES):
        seconds = WINDOW_SECONDS * n / (SAMPLES - 1)
        compositor.draw(surface, state_at(timeline, (middle + seconds * rate) % DAY_SECONDS,
                                          pace))
        frames.append(shrunk(surface))
    return SceneMotion(scene.name, changed_share(frames))


def measure(timeline: Timeline, pace: Pace, size: tuple[int, int],
            warn: Callable[[str], None] = print) -> list[SceneMotion]:
    """Every scene's motion, in story order."""
    headless()
    compositor = Compositor(timeline, size, warn, pace)
    return [scene_motion(compositor, timeline, scene, pace, size) for scene in timeline.scenes]


def table(results: list[SceneMotion]) -> str:
    """A plain-text table of the shares, marking the scenes below the goal."""
    width = max(len(r.name) for r in results) + 2
    lines = [f"motion: share of the picture that visibly changes within {WINDOW_SECONDS:g} real "
             f"seconds from each scene's middle (frames shrunk {SHRINK}x; goal {GOAL:.0%})",
             f"{'scene':<{width}}{'moving':>8}"]
    for r in results:
        mark = "" if r.meets_goal else "   below the goal"
        lines.append(f"{r.name:<{width}}{r.share:>8.1%}{mark}")
    return "\n".join(lines)
