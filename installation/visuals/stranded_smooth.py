"""Stranded cars drawn with smooth edges: each drawn SMOOTH times larger in a box round it and
averaged down (its alpha weighting its colours), so a slewed car's sills and roof lines do
not step in stairs across the wet road."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import pygame

from installation.visuals.cars import Project
from installation.visuals.stranded import (
    DOOR,
    HALF_LONG,
    HALF_WIDE,
    ROOF,
    WHEEL_R,
    Stranded,
    draw_stranded,
)

SMOOTH = 3  # each car is drawn this many times larger, then averaged down
MARGIN = 3  # pixels round a car's box (its soft edge may reach past its hard one)
SWING = DOOR[0] - DOOR[1]  # world units: the most an open door reaches out from its side
Fine = Callable[[float, float, float], tuple[int, int]]  # the street seen SMOOTH times larger


class Smoothed(NamedTuple):
    """A car drawn with smooth edges (with alpha), and where it lies in the picture."""

    sprite: pygame.Surface
    box: pygame.Rect


def draw_smooth(surface: pygame.Surface, project: Project, fine: Fine,
                car: Stranded) -> Smoothed:
    """The car (see draw_stranded) laid on `surface` (with alpha) with smooth edges: drawn by
    `fine` (the view of `project` SMOOTH times larger) in the box round it; what was laid."""
    box = reach(project, car).clip(surface.get_rect())
    big = pygame.Surface((max(1, box.width) * SMOOTH, max(1, box.height) * SMOOTH),
                         pygame.SRCALPHA)
    big.fill((0, 0, 0, 0))

    def shifted(x: float, z: float, up: float) -> tuple[int, int]:
        col, row = fine(x, z, up)
        return col - box.x * SMOOTH, row - box.y * SMOOTH

    draw_stranded(big, shifted, car)
    sprite = averaged(big, SMOOTH)
    surface.blit(sprite, box.topleft)
    return Smoothed(sprite, box)


def reach(project: Project, car: Stranded) -> pygame.Rect:
    """A box round all the car may show: its body from the road to its roof, an open door
    swung out from its side, its tyres, MARGIN pixels to spare."""
    points = [project(*car.point(along * HALF_LONG, side * (HALF_WIDE + SWING)), up)
              for along in (-1, 1) for side in (-1, 1) for up in (0.0, ROOF)]
    cols, rows = [x for x, _y in points], [y for _x, y in points]
    wheel = abs(project(*car.point(WHEEL_R, 0.0), 0.0)[0] - project(*car.point(0.0, 0.0), 0.0)[0])
    spare = MARGIN + wheel + 2
    return pygame.Rect(min(cols) - spare, min(rows) - spare, max(cols) - min(cols) + 2 * spare,
                       max(rows) - min(rows) + 2 * spare)


def averaged(big: pygame.Surface, factor: int) -> pygame.Surface:
    """`big` (with alpha) made `factor` times smaller, each pixel the mean of its block: its
    alpha the block's, its colour the mean of the block's colours weighted by their alpha
    (a clear pixel's black does not darken the edge): both shrunk by smoothscale, the colours
    laid on black first (weighted by their alpha), then divided by the alpha."""
    size = (big.get_width() // factor, big.get_height() // factor)
    weighted = pygame.Surface(big.get_size())
    weighted.fill((0, 0, 0))
    weighted.blit(big, (0, 0))
    colour = pygame.surfarray.array3d(pygame.transform.smoothscale(weighted, size))
    out = pygame.transform.smoothscale(big, size)
    alpha = pygame.surfarray.array_alpha(out).astype(np.float32)
    pygame.surfarray.pixels3d(out)[:] = np.clip(np.rint(
        colour * (255.0 / np.maximum(alpha, 1.0))[:, :, None]), 0, 255).astype(np.uint8)
    return out
