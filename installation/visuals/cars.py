"""Cars on the boulevard in perspective: a body, a cabin, lamps, and the light they throw."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled

Project = Callable[[float, float, float], tuple[int, int]]
HALF_WIDTH = 0.16  # world units (the road is 2 wide)
BODY, ROOF = 0.13, 0.24  # heights of the waist and the roof
LAMP_GAP = 0.11  # from the middle of the car to each lamp
PAINTS: tuple[Color, ...] = ((58, 60, 66), (84, 30, 28), (34, 44, 70), (96, 92, 82),
                             (30, 30, 32), (66, 70, 52))
CONE_LENGTH = 2.2  # how far a car's headlights light the road, in widths of the car


def body(surface: pygame.Surface, project: Project, lane: float, z: float,
         paint: Color, glass: Color) -> None:
    """The car seen from straight ahead or behind: a wide low body, a narrower cabin."""
    left, right = lane - HALF_WIDTH, lane + HALF_WIDTH
    (x0, y0), (x1, _) = project(left, z, 0.02), project(right, z, 0.02)
    _, waist = project(left, z, BODY)
    _, top = project(left, z, ROOF)
    inset = max(1, (x1 - x0) // 7)
    pygame.draw.rect(surface, paint, (x0, waist, max(2, x1 - x0), max(2, y0 - waist)),
                     border_radius=max(1, (x1 - x0) // 10))
    cabin = [(x0 + inset, waist), (x0 + 2 * inset, top), (x1 - 2 * inset, top),
             (x1 - inset, waist)]
    pygame.draw.polygon(surface, paint, cabin)
    rim = max(1, inset // 2)
    shade = [(x + (rim if x < (x0 + x1) / 2 else -rim), y + (rim // 2 if y == top else 0))
             for x, y in cabin]
    pygame.draw.polygon(surface, glass, shade)


def paint_of(index: int, daylight: float) -> tuple[Color, Color]:
    """A car's paint and window colour for the light of the hour (dark at night)."""
    paint = PAINTS[index % len(PAINTS)]
    return scaled(paint, 0.35 + 0.65 * daylight), mix((6, 8, 12), (120, 136, 150), daylight * 0.6)


def cone(width: int, height: int, color: Color, toward_us: bool) -> pygame.Surface:
    """Headlight on the road: a soft wedge, brightest at the car, fading as it widens."""
    w, h = max(4, width), max(4, height)
    y = np.linspace(0.0, 1.0, h, dtype=np.float32)[None, :]
    x = np.linspace(-1.0, 1.0, w, dtype=np.float32)[:, None]
    spread = 0.25 + 0.75 * y
    falloff = np.clip(1 - np.abs(x) / spread, 0, 1) ** 1.5 * (1 - y) ** 1.6
    if not toward_us:
        falloff = falloff[:, ::-1]
    rgb = (falloff[:, :, None] * np.array(color, dtype=np.float32)[None, None, :])
    out = pygame.Surface((w, h))
    pygame.surfarray.blit_array(out, rgb.astype(np.uint8))
    return out
