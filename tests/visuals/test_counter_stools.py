"""The CAFE's customers sit on stools on the street's side of its counter, and its waitress
stands behind it with her head upright: a curator read them as standing behind the counter
(their backs ended at its red top, over a front as dark as they were, the stools empty under
them) and her head as tipped back (her bun high behind it)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.block_people import Back, Stir
from installation.visuals.counter_people import (
    COUNTER_TOP,
    HAIR,
    SEAT_DROP,
    SKIN,
    counter_room,
    sitter,
    stool,
    waitress,
)

UNIT = 6.0  # pixels a goods unit: twice 1080p's, to measure the shapes
WINDOW = pygame.Rect(0, 0, 240, round(30 * UNIT))
LIGHT = (220, 236, 220, 255)  # the lit glass
WHO = Back(size=1.0, lean=0.0, rise=12.0, wide=11.0, look=0.9, glass=0)
X = 120  # where the stool stands


def _seated() -> np.ndarray:
    """One customer on the stool at X, the counter behind them, as brightness per pixel."""
    image = pygame.Surface(WINDOW.size, pygame.SRCALPHA)
    image.fill(LIGHT)
    counter_room(image, WINDOW, UNIT)
    sitter(image, WINDOW, X, WHO, Stir(lift=0.0), UNIT)
    stool(image, WINDOW, X, UNIT)
    return pygame.surfarray.array3d(image).astype(int).sum(axis=2) / 3


def test_a_back_stands_out_dark_against_the_counter_s_front() -> None:
    """Under the counter's top, the back is far darker than the counter's front beside it:
    the back reads in front of the counter (against a front nearly as dark, it ended at the
    red top, as if behind it)."""
    shade = _seated()
    row = WINDOW.bottom - round((COUNTER_TOP - 4) * UNIT)  # a little above the seat
    back, front = shade[X, row], shade[X + round(8 * UNIT), row]
    assert front - back >= 90, (back, front)


def test_a_customer_s_legs_hang_from_the_seat_to_the_foot_rail() -> None:
    """Below the stool's seat, dark calves beside its post down to near the window's foot: the
    customer sits on the stool (there was nobody under the seat)."""
    shade = _seated()
    seat = WINDOW.bottom - round((COUNTER_TOP - SEAT_DROP) * UNIT)
    below = shade[X - round(4 * UNIT):X + round(4 * UNIT), seat + round(UNIT):
                  WINDOW.bottom - round(UNIT)]
    dark_columns = np.count_nonzero((below < 40).mean(axis=1) > 0.6)
    assert dark_columns >= 2 * UNIT, dark_columns


def _head(side: int) -> tuple[np.ndarray, np.ndarray]:
    """The waitress facing `side`: masks of her hair and her skin."""
    image = pygame.Surface(WINDOW.size, pygame.SRCALPHA)
    image.fill(LIGHT)
    waitress(image, WINDOW, X, side, 0.0, UNIT)
    rgb = pygame.surfarray.array3d(image).astype(int)
    return ((np.abs(rgb - np.asarray(HAIR)) < 6).all(axis=2),
            (np.abs(rgb - np.asarray(SKIN)) < 6).all(axis=2))


def test_the_waitress_holds_her_head_upright() -> None:
    """The back of her head (the hair farthest behind her face) is level with the front of her
    face, not above it: with her bun high behind and her face low in front, her head read as
    tipped back some 30 degrees."""
    for side in (1, -1):
        hair, skin = _head(side)
        hair_x = np.flatnonzero(hair.any(axis=1))
        skin_x = np.flatnonzero(skin.any(axis=1))
        back_cols = hair_x[:round(UNIT)] if side > 0 else hair_x[-round(UNIT):]
        front_cols = skin_x[-round(UNIT):] if side > 0 else skin_x[:round(UNIT)]
        back_row = np.flatnonzero(hair[back_cols].any(axis=0)).mean()
        front_row = np.flatnonzero(skin[front_cols].any(axis=0)).mean()
        assert back_row >= front_row - 0.4 * UNIT, (side, back_row, front_row)
