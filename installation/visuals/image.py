"""A curator's picture (PNG or JPG): fitted or filled, with a slow pan and zoom."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Frame, Setup, clamp01

PLACEHOLDER = (48, 44, 52)
PLACEHOLDER_INK = (150, 140, 150)
PANS = {"none": (0.0, 0.0), "left": (-1.0, 0.0), "right": (1.0, 0.0), "up": (0.0, -1.0),
        "down": (0.0, 1.0)}


def placeholder(size: tuple[int, int], name: str, fonts: Any, where: str) -> pygame.Surface:
    """A visible stand-in for a missing picture: a crossed panel naming the file."""
    surface = pygame.Surface(size)
    surface.fill(PLACEHOLDER)
    width, height = size
    pygame.draw.line(surface, PLACEHOLDER_INK, (0, 0), (width, height), max(1, height // 300))
    pygame.draw.line(surface, PLACEHOLDER_INK, (0, height), (width, 0), max(1, height // 300))
    font = fonts.get("mono", max(10, height // 28), where)
    label = font.render(f"missing picture: {name}", True, (230, 220, 230), PLACEHOLDER)
    surface.blit(label, ((width - label.get_width()) // 2, (height - label.get_height()) // 2))
    return surface


class Image:
    """Scaled once to cover the frame plus the zoom margin; each frame crops and scales."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.params = params
        self.size = setup.size
        name = params["file"]
        path = setup.file(name)
        try:
            picture = pygame.image.load(str(path))
        except (FileNotFoundError, OSError, pygame.error):
            setup.warn(f"{setup.where()}: picture file '{path}' could not be read; "
                       "showing a placeholder")
            picture = placeholder(setup.size, name, setup.fonts, setup.where())
        self.picture = self._prepare(picture)
        self.buffer = pygame.Surface(setup.size)

    def _prepare(self, picture: pygame.Surface) -> pygame.Surface:
        width, height = self.size
        pw, ph = picture.get_size()
        zoom = 1.0 + self.params["zoom"]
        if self.params["fit"] == "fill":
            k = max(width / pw, height / ph) * zoom
        else:
            k = min(width / pw, height / ph)
        scaled_size = (max(1, round(pw * k)), max(1, round(ph * k)))
        plain = pygame.Surface(picture.get_size())  # any file's format -> the frame's format
        plain.blit(picture, (0, 0))
        return pygame.transform.smoothscale(plain, scaled_size)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        width, height = self.size
        picture = self.picture
        pw, ph = picture.get_size()
        if self.params["fit"] == "fit":
            surface.blit(picture, ((width - pw) // 2, (height - ph) // 2))
            return
        t = clamp01(frame.seconds / self.params["seconds"])
        zoom = 1.0 + self.params["zoom"]
        scale = 1.0 + (zoom - 1.0) * t  # 1 shows the most, `zoom` the closest
        crop_w, crop_h = min(pw, round(pw / scale)), min(ph, round(ph / scale))
        crop_w, crop_h = max(crop_w, min(pw, width)), max(crop_h, min(ph, height))
        dx, dy = PANS[self.params["pan"]]
        spare_x, spare_y = pw - crop_w, ph - crop_h
        x = round(spare_x * (0.5 + 0.5 * dx * (2 * t - 1)))
        y = round(spare_y * (0.5 + 0.5 * dy * (2 * t - 1)))
        area = picture.subsurface((x, y, crop_w, crop_h))
        if (crop_w, crop_h) == (width, height):
            surface.blit(area, (0, 0))
        else:
            pygame.transform.scale(area, (width, height), self.buffer)
            surface.blit(self.buffer, (0, 0))
