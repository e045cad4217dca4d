"""Neon on Wilshire, the CAFE's door (20:42:20-20:43): a customer going through its dark glass
darkens into the dark inside, whole, rather than turning see-through (a pale ghost over the
door), and the CAFE sign holds steady (its underline dimmed as one came in, 20:43:00)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Frame
from installation.visuals.counter_people import apart
from installation.visuals.render import headless

from .test_cafe_door import shipped_fronts

BACK = (22, 10, 14)  # a customer's back (block_people's BODY)
GLASS = (60, 96, 80)  # the door's glass lit from inside and by the sign, over its top half
DARK = (8, 8, 10)  # the door's frame, under it
AREA = pygame.Rect(10, 10, 40, 80)
FIGURE = pygame.Rect(10, 10, 20, 60)  # within the area, across both
HALF = 5  # levels: the figure's top and bottom alike within this (none of the door through it)
SECONDS = range(0, 600 * 8)  # eighths of a real second into the scene


def through_the_door(shown: float) -> np.ndarray:
    """A figure drawn by `apart` over the door's glass and frame at `shown`, as levels."""
    headless()
    image = pygame.Surface((60, 100))
    image.fill(GLASS, (0, 0, 60, 50))
    image.fill(DARK, (0, 50, 60, 50))

    def figure(layer: pygame.Surface, shift: tuple[int, int]) -> None:
        layer.fill((*BACK, 255), FIGURE.move(shift).move(AREA.topleft))

    apart(image, AREA, figure, shown)
    return pygame.surfarray.array3d(image).astype(int)


def test_a_customer_going_through_the_door_darkens_whole_not_see_through() -> None:
    whole = through_the_door(1.0)
    for shown in (0.8, 0.6, 0.5):
        now = through_the_door(shown)
        top = now[FIGURE.centerx + AREA.x, FIGURE.top + AREA.y + 5]
        foot = now[FIGURE.centerx + AREA.x, FIGURE.bottom + AREA.y - 5]
        assert np.abs(top - foot).max() <= HALF, (shown, top, foot, "the glass shows through")
        assert (top <= whole[FIGURE.centerx + AREA.x, FIGURE.top + AREA.y + 5]).all(), \
            (shown, "paler than the customer")


def test_the_cafe_sign_holds_steady_through_the_night() -> None:
    block, at = shipped_fronts((960, 540))
    cafe = block.signs[[sign.text for sign in block.plan.signs].index("CAFE")]
    looks = {cafe.look(Frame(at, eighth / 8, None)) for eighth in SECONDS}  # type: ignore[arg-type]
    assert len(looks) == 1, sorted(looks, key=str)[:4]
