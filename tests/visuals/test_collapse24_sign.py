"""In the flash's first frames (05:15:02) Johnie's lit sign burns in as one dark shape against
the light, its neon letters and bulbs with its board (collapse24, review 23: they showed as
holes of sky in it: a neon tube's light is nothing against the flash's)."""

from __future__ import annotations

import pygame

from .helpers import shipped_in_a_row

SIZE = (640, 360)
BLADE = pygame.Rect(478, 118, 64, 24)  # inside the pylon's blade, its letters across it
BOARD = pygame.Rect(462, 174, 64, 7)  # inside the COFFEE SHOP board under it
DARK = 40  # no channel of the burnt-in sign lighter than this (the sky round it: ~90-130)


def test_the_lit_sign_burns_in_as_one_dark_shape() -> None:
    picture = pygame.surfarray.array3d(shipped_in_a_row(("05:15:02",), SIZE)[0])
    for box in (BLADE, BOARD):
        inside = picture[box.left:box.right, box.top:box.bottom].max(axis=2)
        assert inside.max() < DARK, f"{(inside >= DARK).sum()} px of sky in the sign at {box}"
