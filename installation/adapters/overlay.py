"""The operator overlay: story time, scene, next cue, fps and health, over the picture."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

PANEL_ALPHA = 190
TEXT_COLOR = (235, 235, 220)
WARN_COLOR = (255, 170, 90)
MARGIN = 16


class Overlay:
    """A small panel in the top-left corner, drawn only while it is switched on."""

    def __init__(self, height: int) -> None:
        pygame.font.init()
        self.font = pygame.font.Font(None, max(18, height // 40))
        self.visible = False

    def toggle(self) -> None:
        self.visible = not self.visible

    def draw(self, surface: pygame.Surface, lines: Sequence[str],
             warnings: Sequence[str] = ()) -> None:
        if not self.visible:
            return
        rows = [(line, TEXT_COLOR) for line in lines] + [(w, WARN_COLOR) for w in warnings]
        images = [self.font.render(text, True, color) for text, color in rows]
        width = max(image.get_width() for image in images) + 2 * MARGIN
        height = sum(image.get_height() + 4 for image in images) + 2 * MARGIN
        width = min(width, surface.get_width() - 2 * MARGIN)
        panel = pygame.Surface((width, height), pygame.SRCALPHA)
        panel.fill((0, 0, 0, PANEL_ALPHA))
        y = MARGIN
        for image in images:
            panel.blit(image, (MARGIN, y))
            y += image.get_height() + 4
        surface.blit(panel, (MARGIN, MARGIN))
