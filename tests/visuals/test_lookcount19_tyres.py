"""A coyote in the empty diner (05:12-05:15): the car parked under the sign stands on black
tyres. On a2f51b4f its tyres, as dark as its windows, were made see-through with them: two
pale rings of the lit glass behind, a mullion running down through one of them."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import shipped_picture

AT = "05:13"
WHEELS = (pygame.Rect(1206, 864, 38, 28), pygame.Rect(1382, 864, 38, 28))  # at full HD: the
# tyres round the rear and front hubcaps (x, y, w, h)
PALE = 50  # luminance: the lit glass seen through a tyre (the tyre itself is under 10)
SEEN = 0.15  # of a wheel's box: at most this much of it pale (its hubcap's glint)


def test_the_parked_cars_tyres_are_black_not_the_glass_behind() -> None:
    picture = shipped_picture(AT)
    for wheel in WHEELS:
        rgb = pygame.surfarray.array3d(picture.subsurface(wheel)).astype(float)
        lum = rgb @ np.array([0.3, 0.59, 0.11])
        pale = float(np.mean(lum > PALE))
        assert pale <= SEEN, f"{wheel}: {pale:.0%} of the wheel shows the lit glass"
