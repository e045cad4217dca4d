"""By day the ruins' fires are embers (ruins20): in the noon ruins at 11:59 no opening of a
broken tower glows orange (they read as lit windows of an occupied block), while in the Ash at
05:45 the towers still burn inside."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import shipped_picture

SKYLINE = slice(520, 740)  # the rows of the far ruins over the tar at noon


def orange(picture: pygame.Surface, rows: slice) -> int:
    """How many points in `rows` glow firelit orange (red and some green, little blue)."""
    rgb = pygame.surfarray.array3d(picture)[:, rows].astype(int)
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return int(((red >= 140) & (green >= 60) & (red > blue + 80)).sum())


def test_the_noon_ruins_hold_no_orange_fire() -> None:
    """At 11:59 not one point of the ruins' skyline glows orange (514 did: lit windows)."""
    assert orange(shipped_picture("11:59"), SKYLINE) == 0


def test_the_fires_inside_burn_in_the_ash_at_first_light() -> None:
    """At 05:45 the broken towers still burn inside: some of their openings glow orange over
    the ruins' foot (rows 380-640 at 1080)."""
    assert orange(shipped_picture("05:45"), slice(380, 640)) > 50


def test_the_fires_burn_down_through_the_morning() -> None:
    """Full in the night and at first light, weaker by 08:00, embers from 09:00 to 15:00."""
    from installation.visuals.burning import EMBERS, strength_at

    hours = [strength_at(hour * 3600.0) for hour in (5.5, 6.0, 8.0, 9.0, 12.0, 15.0, 21.0)]
    assert hours[0] == hours[1] == hours[-1] == 1.0
    assert EMBERS < hours[2] < 1.0
    assert hours[3] == hours[4] == hours[5] == EMBERS
    assert np.all(np.array(hours) > 0)
