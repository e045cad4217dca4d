"""A car standing close at dusk reads as a car, not a flat dark slab with lamps nor a pale roof:
its near glass is darker than its body, framed by it, with a pale streak of the sky across it."""

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
GLASS_UNDER = 20  # ...and at sunset, most of the glass this much under it


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


def near_car(clock: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The car first at the stop line, coming (near end NEAR away), alone at story time
    `clock`: the sums of channels of the picture, and masks of its windscreen and of its
    bodywork over the glass (its hood and its roof)."""
    built = street(traffic=1.0)
    built.traffic.cars = [Car(LANE, 0.0, (Z_FAR - NEAR) / LOOP)]  # (standing)
    line = one_scene(layer("street", traffic=1.0) + NO_POST, at="17:00")
    moment = parse_clock(clock)
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    built.draw_moving(surface, Frame(moment, 0.0, state_at(line, moment)))
    pixels = pygame.surfarray.array3d(surface).astype(int).sum(axis=-1)
    shell = list(built.traffic.seen([LANE], [NEAR])[0].shell)
    screen = inside([shell[SCREEN_FAR], shell[WINDOWS], shell[WINDOWS + 1], shell[ROOF_FAR]])
    body = (inside([shell[LID_FAR], shell[FLANK + 3], shell[LID_FAR + 2], shell[LID_FAR + 1]])
            | inside([shell[ROOF_FAR], shell[WINDOWS + 1], shell[WINDOWS + 2],
                      shell[ROOF_FAR + 1]]))
    return pixels, screen, body


def test_a_near_car_at_dusk_has_glass_lighter_than_its_body() -> None:
    """At 19:30 the car first at the stop line, coming (near end 1.0 away): its windscreen's
    brightest pixels (the sky mirrored in it, a streak across it) are well over its body's
    (its hood, its roof, its flank) - it was a flat dark shape with its headlights on."""
    pixels, screen, body = near_car("19:30")
    shell = list(street(traffic=1.0).traffic.seen([LANE], [NEAR])[0].shell)
    flank = inside(shell[FLANK:FLANK + 4])
    glass = np.percentile(pixels[screen], 95)
    bodywork = np.median(np.concatenate([pixels[body], pixels[flank]]))
    assert glass >= bodywork + GLASS_OVER, f"glass {glass}, body {bodywork}"


def test_a_near_windscreen_at_sunset_is_dark_glass_under_a_roof_of_paint() -> None:
    """At 17:00:20 the car first at the stop line, coming: most of its windscreen is darker
    than its hood and roof round it (the dark inside the car), with a pale streak of the sky
    across it well over them - sky-coloured all over, lighter than the car, it read as a
    tan roof with a stripe."""
    pixels, screen, body = near_car("17:00:20")
    glass, bodywork = np.median(pixels[screen]), np.median(pixels[body])
    streak = np.percentile(pixels[screen], 95)
    assert glass + GLASS_UNDER <= bodywork, f"glass {glass}, body {bodywork}"
    assert streak >= bodywork + GLASS_OVER, f"streak {streak}, body {bodywork}"
