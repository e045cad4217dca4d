"""A car standing close at dusk reads as a car, not a flat dark slab with lamps: its near
glass mirrors the sky, lighter than its body, with a pale streak across it."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.boulevard_plan import Z_FAR
from installation.visuals.cars import FLANK, LID_FAR, ROOF_FAR, SCREEN_FAR, WINDOWS
from installation.visuals.street_fleet import LOOP, Car

from .helpers import NO_POST, layer, one_scene
from .test_street import SIZE, street

LANE, NEAR = -0.78, 1.0  # the car first in the queue at the stop line, coming, close
GLASS_OVER = 120  # the sum of channels: its glass's brightest is this much over its body


def inside(points: list[tuple[int, int]]) -> np.ndarray:
    """A mask (columns x rows, SIZE) of the polygon through `points`, one pixel in from its
    edges (what lies on it, not its outline)."""
    mask = pygame.Surface(SIZE)
    mask.fill((0, 0, 0))
    pygame.draw.polygon(mask, (255, 255, 255), points)
    grown = pygame.Surface(SIZE)
    grown.fill((0, 0, 0))
    pygame.draw.polygon(grown, (255, 255, 255), points, 2)
    return np.asarray((pygame.surfarray.array_red(mask) > 0)
                      & (pygame.surfarray.array_red(grown) == 0))


def test_a_near_car_at_dusk_has_glass_lighter_than_its_body() -> None:
    """At 19:30 the car first at the stop line, coming (near end 1.0 away): its windscreen's
    brightest pixels (the sky mirrored in it, a streak across it) are well over its body's
    (its hood, its roof, its flank) - it was a flat dark shape with its headlights on."""
    built = street(traffic=1.0)
    built.traffic.cars = [Car(LANE, 0.0, (Z_FAR - NEAR) / LOOP)]  # (standing)
    line = one_scene(layer("street", traffic=1.0) + NO_POST, at="17:00")
    moment = parse_clock("19:30")
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    built.draw_moving(surface, Frame(moment, 0.0, state_at(line, moment)))
    pixels = pygame.surfarray.array3d(surface).astype(int).sum(axis=-1)
    shell = list(built.traffic.seen([LANE], [NEAR])[0].shell)
    screen = inside([shell[SCREEN_FAR], shell[WINDOWS], shell[WINDOWS + 1], shell[ROOF_FAR]])
    body = [inside([shell[LID_FAR], shell[FLANK + 3], shell[LID_FAR + 2], shell[LID_FAR + 1]]),
            inside([shell[ROOF_FAR], shell[WINDOWS + 1], shell[WINDOWS + 2],
                    shell[ROOF_FAR + 1]]), inside(shell[FLANK:FLANK + 4])]
    glass = np.percentile(pixels[screen], 95)
    bodywork = np.median(np.concatenate([pixels[part] for part in body]))
    assert glass >= bodywork + GLASS_OVER, f"glass {glass}, body {bodywork}"
