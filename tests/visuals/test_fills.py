"""A rectangle filled a cache line at a time is the rectangle surface.fill paints."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from installation.visuals.fills import fill
from installation.visuals.render import headless

RECTS = [pygame.Rect(x, y, w, h) for x in (0, 1, 5, 13, 16, 21, 300) for y in (0, 7)
         for w in (0, 1, 15, 16, 17, 28, 64, 101) for h in (1, 30)]
Filler = Callable[[pygame.Surface, pygame.Rect], object]


def painted(target: pygame.Surface, clip: pygame.Rect | None, how: Filler,
            rect: pygame.Rect) -> bytes:
    """The target's pixels after clearing it and filling `rect` `how`, under `clip`."""
    target.set_clip(None)
    target.fill((9, 8, 7))
    target.set_clip(clip)
    how(target, rect)
    target.set_clip(None)
    return pygame.image.tobytes(target, "RGB")


def test_a_fill_is_the_same_pixels_as_surface_fill() -> None:
    """On a picture, a subsurface of it (rows not starting alike: left to SDL) and under a
    clip, every rectangle filled is the one surface.fill paints, pixel for pixel."""
    headless()
    picture = pygame.Surface((400, 60))
    color = (200, 100, 50)
    for target in (picture, picture.subsurface((3, 2, 390, 50))):
        for rect in RECTS:
            for clip in (None, pygame.Rect(9, 3, 40, 20)):
                ours = painted(target, clip, lambda s, r: fill(s, color, r), rect)
                assert ours == painted(target, clip, lambda s, r: s.fill(color, r), rect), \
                    (rect, clip)
