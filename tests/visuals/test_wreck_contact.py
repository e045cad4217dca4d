"""Wilshire under ash (06:35-08:00): the panic's burnt-out cars sit on the road: the dark under
their bodies and their shadow on the ash along the foot of each side we see (on main the
street's wrecks had none: wreck_shadow's under-body and foot shadow were the side-on wrecks'
alone, and the nearest cars stood on the pale ash as if pasted on it)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.burnt_paint import HOLE
from installation.visuals.stranded import HALF_LONG, HALF_WIDE, Stranded
from installation.visuals.street_view import Perspective
from installation.visuals.street_wrecks import burnt_car, wrecked

SIZE = (1920, 1080)
HORIZON = 604  # the burnt street's horizon row at this size
ASH = (128, 122, 114)
LUMA = np.array([0.3, 0.59, 0.11])
SHADED = 0.73  # the ash just under a car's side: this much of the ash's light at most (main:
# 0.74 to 0.8 under two of these three cars)
FOOT = 4  # ... over this many rows under its foot...
ALONG = np.linspace(-0.5, 0.5, 9)  # ... at these points along its middle half (its wheels apart)


@pytest.mark.parametrize("seed", [3, 7])
@pytest.mark.parametrize("place", [(-0.5, 3.3, 0.95), (0.6, 4.6, -0.55), (-0.25, 7.0, 2.5)])
def test_a_burnt_car_sits_on_the_road_in_its_shadow(
        place: tuple[float, float, float], seed: int) -> None:
    project = Perspective(SIZE, SIZE[0] // 2, HORIZON)
    image = pygame.Surface(SIZE)
    image.fill(ASH)
    car = Stranded(*place, HOLE, HOLE, 0)
    burnt_car(image, project, car, seed)
    left = wrecked(car, seed).car
    side = next(s for s in (-1, 1) if left.faces_us(0, s)) * HALF_WIDE
    light = pygame.surfarray.array3d(image).astype(float) @ LUMA
    under = []
    for along in ALONG:
        x, y = project(*left.point(along * HALF_LONG, side), 0.0)
        under.append(light[x, y:y + FOOT].mean())
    ash = float(np.array(ASH) @ LUMA)
    assert np.mean(under) <= SHADED * ash, (
        f"the ash under its side at {np.mean(under) / ash:.0%} of its light: no shadow")
