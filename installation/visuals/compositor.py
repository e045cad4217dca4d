"""Composes the frame for a timeline state (placeholder drawing until the layers land)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from ..timeline import SceneState, Timeline
from ..timeutil import format_clock

Warn = Callable[[str], None]


class Compositor:
    """Draws the whole frame for a state onto a surface of a fixed size."""

    def __init__(self, timeline: Timeline, size: tuple[int, int], warn: Warn = print) -> None:
        self.timeline = timeline
        self.size = size
        self.warn = warn
        pygame.font.init()
        self.font = pygame.font.Font(None, max(16, size[1] // 12))
        self.small = pygame.font.Font(None, max(12, size[1] // 24))

    def set_timeline(self, timeline: Timeline) -> None:
        self.timeline = timeline

    def draw(self, surface: pygame.Surface, state: SceneState) -> None:
        hour = state.story_time / 3600.0
        light = int(40 + 60 * max(0.0, 1 - abs(hour - 12) / 8))
        surface.fill((light // 3, light // 3, light))
        width, height = surface.get_size()
        lines = [(self.font, state.scene.name), (self.small, format_clock(state.story_time))]
        if state.countdown is not None:
            label = self.timeline.countdown.label if self.timeline.countdown else ""
            lines.append((self.font, f"{label} {format_clock(state.countdown)}"))
        y = height // 3
        for font, words in lines:
            image = font.render(words, True, (230, 220, 200))
            surface.blit(image, ((width - image.get_width()) // 2, y))
            y += image.get_height() + 10
