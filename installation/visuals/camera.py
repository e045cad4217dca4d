"""The camera: which part of a wider picture one screen shows, and how far it has drifted."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from installation.core.span import SpanError, parse_span

Size = tuple[int, int]
__all__ = ["Camera", "SpanError", "parse_span"]  # the span's parsing lives in the core


@dataclass(frozen=True)
class Camera:
    """A viewport (`view`: left, top, width, height) into a picture of size `world`, moved by
    `offset` (a pan or drift, in pixels of the world; clamped so the view stays inside it).

    Layers are built at the world's size and draw the whole picture; the compositor shows the
    viewport. Layers at different depths sway through depth planes (visuals/parallax.py),
    not through this camera's offset."""

    world: Size
    view: tuple[int, int, int, int]
    offset: tuple[float, float] = (0.0, 0.0)

    @classmethod
    def whole(cls, size: Size) -> Camera:
        """The screen shows the whole picture: the camera changes nothing."""
        return cls(size, (0, 0, size[0], size[1]))

    @classmethod
    def span(cls, screen: Size, index: int, count: int) -> Camera:
        """Screen `index` (1 to `count`) of `count` screens side by side showing one picture."""
        if not 1 <= index <= count:
            raise SpanError(f"screen {index} of {count}: expected 1 to {count}")
        width, height = screen
        return cls((width * count, height), (width * (index - 1), 0, width, height))

    @property
    def size(self) -> Size:
        """The size of what the screen shows (the render size)."""
        return self.view[2], self.view[3]

    @property
    def is_whole(self) -> bool:
        """Does the screen show exactly the whole picture, unmoved?"""
        return self.view == (0, 0, *self.world) and self.shift == (0, 0)

    @property
    def shift(self) -> tuple[int, int]:
        """The offset in whole pixels, kept inside the world."""
        x, y, width, height = self.view
        dx = min(max(round(self.offset[0]), -x), self.world[0] - width - x)
        dy = min(max(round(self.offset[1]), -y), self.world[1] - height - y)
        return dx, dy

    def moved(self, dx: float, dy: float) -> Camera:
        """The same camera panned by (dx, dy) more pixels."""
        return Camera(self.world, self.view, (self.offset[0] + dx, self.offset[1] + dy))

    def rect(self) -> pygame.Rect:
        """The part of the world the screen shows now."""
        x, y, width, height = self.view
        dx, dy = self.shift
        return pygame.Rect(x + dx, y + dy, width, height)

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        """Where a point of the world appears on the screen."""
        left, top = self.rect().topleft
        return x - left, y - top

    def show(self, world: pygame.Surface, screen: pygame.Surface) -> None:
        """Copy the viewport of a picture drawn at the world's size onto the screen."""
        screen.blit(world, (0, 0), self.rect())
