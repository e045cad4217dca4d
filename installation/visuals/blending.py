"""Drawing a layer at an opacity, or blended with what is under it (add, multiply, screen)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pygame

from installation.visuals.base import Frame

Paint = Callable[[pygame.Surface, Frame], None]  # draws a layer, or a part of one
BLENDS = {"add": pygame.BLEND_RGB_ADD, "multiply": pygame.BLEND_RGB_MULT}


def draw_blended(surface: pygame.Surface, scratch: pygame.Surface, paint: Paint,
                 params: Mapping[str, Any], frame: Frame) -> None:
    """Draw one layer with `paint`, honouring its opacity and blend keys (`scratch`, of the
    surface's size, is scribbled on)."""
    opacity, blend = params.get("opacity", 1.0), params.get("blend", "normal")
    if opacity <= 0.0:
        return
    if opacity >= 1.0 and blend == "normal":
        paint(surface, frame)
        return
    if blend == "normal":
        scratch.blit(surface, (0, 0))
        paint(scratch, frame)
        scratch.set_alpha(round(opacity * 255))
        surface.blit(scratch, (0, 0))
        scratch.set_alpha(None)
        return
    base = 255 if blend == "multiply" else 0
    scratch.fill((base, base, base))
    paint(scratch, frame)
    if opacity < 1.0:
        level = round(opacity * 255)
        scratch.fill((level, level, level), special_flags=pygame.BLEND_RGB_MULT)
        if blend == "multiply":
            rest = 255 - level
            scratch.fill((rest, rest, rest), special_flags=pygame.BLEND_RGB_ADD)
    if blend == "screen":
        _screen(surface, scratch)
    else:
        surface.blit(scratch, (0, 0), special_flags=BLENDS[blend])


def _screen(surface: pygame.Surface, layer: pygame.Surface) -> None:
    """Screen blend: 1 - (1 - a)(1 - b), with inverted copies."""
    inverse = pygame.Surface(surface.get_size())
    inverse.fill((255, 255, 255))
    inverse.blit(surface, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    other = pygame.Surface(surface.get_size())
    other.fill((255, 255, 255))
    other.blit(layer, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    inverse.blit(other, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    surface.fill((255, 255, 255))
    surface.blit(inverse, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
