"""The flash: the picture whites out, holds, then the light decays (layer and cue)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Setup, mix

HOLD_SECONDS = 0.4  # pure white before anything shows through
AFTERGLOW = (255, 214, 170)  # the white warms as it fades
DECAY = 4.0  # e-foldings over the flash's length


def flash_level(since: float, seconds: float) -> float:
    """How white the picture is `since` real seconds after a flash of length `seconds`."""
    if since < 0:
        return 0.0
    if since <= HOLD_SECONDS:
        return 1.0
    t = (since - HOLD_SECONDS) / max(1e-6, seconds)
    return 0.0 if t >= 1.0 else math.exp(-DECAY * t) * (1.0 - t)


def white_out(surface: pygame.Surface, level: float, color: Color) -> None:
    """Mix the whole picture towards `color` by `level` (0..1)."""
    if level <= 0.002:
        return
    if level >= 0.998:
        surface.fill(color)
        return
    keep = round(255 * (1.0 - level))
    surface.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
    surface.fill((round(color[0] * level), round(color[1] * level), round(color[2] * level)),
                 special_flags=pygame.BLEND_RGB_ADD)


def flash_color(color: Color, level: float) -> Color:
    """The light warms from `color` towards amber as it fades."""
    return mix(AFTERGLOW, color, level ** 0.5) if color == (255, 255, 255) else color


class Flash:
    """A white-out at the start of the scene that decays over `seconds`."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.seconds = params["seconds"]
        self.color = params["color"]

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        level = flash_level(frame.seconds, self.seconds)
        white_out(surface, level, flash_color(self.color, level))
