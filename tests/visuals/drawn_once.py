"""Moments a test file draws in a row, each scene built once (one picture: shipped_picture)."""

from __future__ import annotations

from collections.abc import Iterable

import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.made_once import MadeOnce
from installation.visuals.render import headless

from .helpers import compositor_finding


def in_a_row(line: Timeline, times: Iterable[str], size: tuple[int, int],
             made: MadeOnce | None = None) -> list[pygame.Surface]:
    """The frames one compositor draws at these story times, in order (each scene built once,
    not once a moment: a kept compositor draws what a fresh one draws, tests/visuals/
    test_ahead.py and assert_as_fresh see to that), finding what `made` holds (the shipped
    day's: helpers.shared_made)."""
    headless()
    compositor = compositor_finding(line, size, made, lambda _message: None)
    frames = []
    for at in times:
        surface = pygame.Surface(size)
        compositor.draw(surface, state_at(line, parse_clock(at)))
        frames.append(surface)
    return frames
