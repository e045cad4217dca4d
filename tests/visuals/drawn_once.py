"""Pictures a test file draws once: the shipped day's, cached per process, and moments in a row."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.made_once import MadeOnce
from installation.visuals.render import headless

from .helpers import compositor_finding, shipped_picture

FULL = (1920, 1080)


@cache
def _shipped(at: str, size: tuple[int, int]) -> pygame.Surface:
    return shipped_picture(at, size)


def shipped_once(at: str, size: tuple[int, int] = FULL) -> pygame.Surface:
    """The shipped day's picture at story time `at` (fresh compositor, its own pace), drawn
    once per process: each caller gets its own copy."""
    return _shipped(at, size).copy()


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
