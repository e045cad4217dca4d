"""Frames without a window: one story time to one surface (snapshots, contact sheets, tests)."""

from __future__ import annotations

import os

import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeline.state import Pace
from installation.core.types import Warn
from installation.visuals.compositor import Compositor


def headless() -> None:
    """Start only the pygame parts a frame needs, with no screen (safe to call twice)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    if not pygame.display.get_init():
        pygame.display.init()
    pygame.font.init()


def render_frame(compositor: Compositor, timeline: Timeline, story_time: float,
                 pace: Pace | None = None) -> pygame.Surface:
    """The frame at a story time, drawn by `compositor` onto a new surface of its size."""
    surface = pygame.Surface(compositor.size)
    compositor.draw(surface, state_at(timeline, story_time, pace))
    return surface


def snapshot(timeline: Timeline, story_time: float, size: tuple[int, int],
             pace: Pace | None = None, warn: Warn = print) -> pygame.Surface:
    """One frame from scratch: the same timeline, time and seed give the same pixels."""
    headless()
    return render_frame(Compositor(timeline, size, warn, pace), timeline, story_time, pace)
