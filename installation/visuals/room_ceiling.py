"""The ceiling of Harry's room and a passing car's light on it: its headlights, down in the
street, shine up through the blinds and lay the slats' stripes across the ceiling, sliding
the other way from the car (the light in the window goes with it)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pygame

from installation.visuals.base import mix
from installation.visuals.glow import dimmed

CEILING = 0.07  # the ceiling's line along the top of the wall, of the picture height
CEILING_FAR, CEILING_NEAR = (5, 6, 12), (13, 14, 25)  # over us, and where it meets the wall
CORNICE = (27, 27, 40)  # the moulding along the line, catching the city's light
CITY_GLOW, CITY_REACH = (9, 7, 12), 0.16  # the city's glow above the window, and how far
STRIPES = 5  # slats' stripes laid across the strip of ceiling we see
STRIPE_OPEN = 0.38  # of each stripe's pitch, the lit part (between two slats' shadows)
STRIPE_SHADE = 0.1  # the slats' shadows, of the light
PATCH_WIDE = 0.3  # the patch of light at the wall, of the picture width
PATCH_FAN = 0.7  # and how much wider it is at the top of the picture (nearer us)
PATCH_COLOR = (150, 140, 112)  # headlights' warm white, weaker for the way up
PATCH_FAR = 0.45  # its light over us, of its light by the wall (nearer the window)
TRAVEL = 1.1  # the patch goes this many picture widths while the car passes
LEVELS = 16  # steps of its light as it brightens and fades (each made once)


def ceiling(out: pygame.Surface, window: pygame.Rect) -> None:
    """The strip of ceiling over the wall, darker over us, with a faint glow of the city over
    the window, and the cornice along the wall's top."""
    width, height = out.get_size()
    line = round(CEILING * height)
    rows = np.linspace(0.0, 1.0, line)[None, :, None]
    near, far = np.array(CEILING_NEAR, float), np.array(CEILING_FAR, float)
    columns = np.exp(-(((np.arange(width) - window.centerx) / (CITY_REACH * width)) ** 2))
    glow = columns[:, None, None] * rows * np.array(CITY_GLOW, float)
    shade = far + (near - far) * rows + glow
    out.blit(pygame.surfarray.make_surface(np.clip(shade, 0, 255).astype(np.uint8)), (0, 0))
    out.fill(CORNICE, (0, line - max(2, height // 400), width, max(2, height // 400)))
    out.fill(mix(CEILING_FAR, (0, 0, 0), 0.5), (0, line, width, max(1, height // 540)))


def patch(size: tuple[int, int]) -> pygame.Surface:
    """The car's light on the ceiling at full: stripes across the strip, brightest by the
    wall, fanning wider up the picture, soft at its sides (additive)."""
    width, height = size
    line = round(CEILING * height)
    wide = round(PATCH_WIDE * (1 + PATCH_FAN) * width)
    up = 1.0 - np.linspace(0.0, 1.0, line)  # 1 at the top of the picture, 0 at the wall
    pitch = np.modf(up ** 0.8 * STRIPES)[0]  # stripes wider apart over us, nearer
    rows = np.where(pitch < STRIPE_OPEN, 1.0, STRIPE_SHADE) * (1 - (1 - PATCH_FAR) * up)
    spread = PATCH_WIDE * width * (1 + PATCH_FAN * up) / 4  # (a Gaussian's width either side)
    x = np.arange(wide)[:, None] - wide / 2
    across = np.exp(-((x / spread[None, :]) ** 2))
    light = across[..., None] * rows[None, :, None] * np.array(PATCH_COLOR, float)
    return pygame.surfarray.make_surface(light.astype(np.uint8))


@dataclass(frozen=True)
class CeilingLight:
    """A car's light on the ceiling: the patch at full, the strip it slides along, the
    window's middle (where it is as the car passes), and its brightness steps."""

    full: pygame.Surface
    strip: pygame.Rect
    middle: int
    steps: dict[int, pygame.Surface] = field(default_factory=dict)

    def draw(self, surface: pygame.Surface, across: float, level: float) -> None:
        """The light added where the car, `across` the window (0 to 1), throws it, at
        `level` of its brightness."""
        step = round(level * LEVELS)
        if step <= 0:
            return
        if step not in self.steps:
            self.steps[step] = dimmed(self.full, step / LEVELS)
        width = surface.get_width()
        x = self.middle + round((0.5 - across) * TRAVEL * width) - self.full.get_width() // 2
        kept = surface.get_clip()
        surface.set_clip(self.strip.clip(kept))
        surface.blit(self.steps[step], (x, 0), special_flags=pygame.BLEND_RGB_ADD)
        surface.set_clip(kept)


def ceiling_light(size: tuple[int, int], window: pygame.Rect) -> CeilingLight:
    """A car's light on the ceiling of a picture of `size` over this window."""
    line = round(CEILING * size[1])
    return CeilingLight(patch(size), pygame.Rect(0, 0, size[0], line), window.centerx)
