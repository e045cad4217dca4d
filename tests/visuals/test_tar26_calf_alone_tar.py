"""While the calf waits alone (10:45-12:00, 72 real s) the near tar is the pool's own, not a flat
brown gradient under one faint ring (review 25 #7): reeds dark at its near corner (with them, its
skin creased, sheen and leaves drifting: the `near` tar's, looked at in full size by eye)."""

from __future__ import annotations

import pygame

from .helpers import shipped_in_a_row

SIZE = (480, 270)
CORNER = pygame.Rect(0, 220, 70, 50)  # the pool's near left corner (0-280, 880-1080 at 1080)
REED = 30  # a level (the most of red, green, blue) under this: a reed against the lit tar


def test_reeds_stand_dark_at_the_near_corner_of_the_pool_while_the_calf_waits() -> None:
    for picture in shipped_in_a_row(("11:30:00", "11:50:00"), SIZE):
        rgb = pygame.surfarray.array3d(picture)[CORNER.left:CORNER.right,
                                                CORNER.top:CORNER.bottom]
        assert (rgb.max(axis=2) < REED).sum() >= 40, "no reeds at the near corner of the pool"
