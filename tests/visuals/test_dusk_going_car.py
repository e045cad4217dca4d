"""A car going away on the dry dusk road, as a visitor sees it close: its back window is glass
(the evening sky in it, lighter than its paint, between dark pillars), and its tail lamps
light a short soft pool on the road under it, never long red needles down a dry road."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.cars import (
    FLANK,
    LAMP_MIDDLES,
    LID_FAR,
    ROAD,
    ROOF_FAR,
    SCREEN_FAR,
    WINDOWS,
    Seen,
)
from installation.visuals.street_fleet import LOOP, Z_GONE, Car

from .helpers import NO_POST, layer, one_scene
from .test_dusk_near_car import inside
from .test_street import street

LANE, NEAR = 0.78, 1.6  # a car going away in the outer right lane, its near end this far
RED_SEEN = 40  # a pixel of a tail lamp's light: its red this much at least, twice its green
POOL_MOST = 0.04  # of the picture's height: the red under a lamp on a dry road reaches no
#                   farther down it (on main it ran 0.1 of it, a needle)
GLASS_OVER = 30  # the sum of channels: the back window's middle this much over the boot lid


def going_car(clock: str) -> tuple[np.ndarray, Seen]:
    """The dry dusk street's moving part at story time `clock`, over black, with one car
    going away, standing (near end NEAR away in LANE): the picture (x, y, rgb) and the car."""
    built = street(traffic=1.0)
    built.traffic.cars = [Car(LANE, 0.0, (NEAR - Z_GONE) / LOOP)]
    line = one_scene(layer("street", traffic=1.0) + NO_POST, at="17:00")
    moment = parse_clock(clock)
    surface = pygame.Surface(built.traffic.view.size)
    surface.fill((0, 0, 0))
    built.draw_moving(surface, Frame(moment, 0.0, state_at(line, moment)))
    return pygame.surfarray.array3d(surface).astype(int), built.traffic.seen([LANE], [NEAR])[0]


def test_a_tail_lamp_on_a_dry_road_lights_a_short_pool_not_a_long_streak() -> None:
    """At 19:31 (tail lamps lit): under each tail lamp the road is lit red a little way
    (the pool is there), and no farther down than POOL_MOST of the picture."""
    rgb, car = going_car("19:31")
    height = rgb.shape[1]
    for x in car.xs[LAMP_MIDDLES:LAMP_MIDDLES + 2]:
        column = rgb[x, car.ys[ROAD]:]
        red = (column[:, 0] >= RED_SEEN) & (column[:, 0] >= 2 * column[:, 1])
        assert red.any(), f"no light on the road under the lamp at column {x}"
        reach = int(np.nonzero(red)[0].max())
        assert reach <= POOL_MOST * height, f"red {reach} px down the road under column {x}"


def test_a_going_cars_back_window_is_lighter_than_its_boot_lid_at_dusk() -> None:
    """At 17:00:03 the back window of a car going away mirrors the evening sky, lighter than
    the boot lid before it and darker pillars round it (on main the glass was the navy of
    the body, and roof, glass and lid read as one slab)."""
    rgb, car = going_car("17:00:03")
    pixels = rgb.sum(axis=-1)
    shell = list(car.shell)
    glass = inside([shell[SCREEN_FAR], shell[WINDOWS],
                    shell[WINDOWS + 1], shell[ROOF_FAR]])
    lid = inside([shell[LID_FAR], shell[FLANK + 3], shell[LID_FAR + 2], shell[LID_FAR + 1]])
    window, boot = np.median(pixels[glass]), np.median(pixels[lid])
    assert window >= boot + GLASS_OVER, f"glass {window}, lid {boot}"
