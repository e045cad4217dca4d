"""Drawing what the opening hours ask for: black, the fade before closing, the closing notice."""

from __future__ import annotations

import pygame

NOTICE_COLOR = (225, 220, 205)
NOTICE_ALPHA = 200
NOTICE_HEIGHT = 0.028  # letter height as a share of the picture
NOTICE_BOTTOM = 0.06  # distance of the notice from the bottom edge, as a share


class NoticePainter:
    """Paints the hours' effects over a finished frame; fonts are made once per size."""

    def __init__(self) -> None:
        self._fonts: dict[int, pygame.font.Font] = {}
        self._text = ""
        self._image: pygame.Surface | None = None

    def black(self, surface: pygame.Surface) -> None:
        surface.fill((0, 0, 0))

    def fade(self, surface: pygame.Surface, amount: float) -> None:
        """Darken the whole frame: 0 leaves it, 1 makes it black."""
        if amount <= 0:
            return
        if amount >= 1:
            surface.fill((0, 0, 0))
            return
        shade = pygame.Surface(surface.get_size())
        shade.set_alpha(round(255 * amount))
        surface.blit(shade, (0, 0))

    def notice(self, surface: pygame.Surface, text: str) -> None:
        """A quiet line of text at the bottom centre (the closing-soon cue)."""
        if not text:
            return
        if text != self._text or self._image is None:
            size = max(12, round(surface.get_height() * NOTICE_HEIGHT))
            if size not in self._fonts:
                pygame.font.init()
                self._fonts[size] = pygame.font.Font(None, size)
            self._image = self._fonts[size].render(text, True, NOTICE_COLOR)
            self._image.set_alpha(NOTICE_ALPHA)
            self._text = text
        width, height = surface.get_size()
        x = (width - self._image.get_width()) // 2
        y = height - round(height * NOTICE_BOTTOM) - self._image.get_height()
        surface.blit(self._image, (x, y))
