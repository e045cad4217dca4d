"""The payphone's receiver reads as a handset, not a stick: two round cups wider than the
slim handle between them."""

from __future__ import annotations

import pygame

from installation.visuals.booth_handset import Handset, draw_handset

SHADE = (200, 200, 200)


def widths(wide: int) -> list[int]:
    """The receiver's width, row by row, drawn upright `wide` pixels wide and 8 times as long."""
    surface = pygame.Surface((wide * 4, wide * 10))
    draw_handset(surface, Handset((wide * 2, wide * 9), (wide * 2, wide), wide), SHADE)
    lit = pygame.surfarray.array3d(surface).max(axis=2) > 0
    return [int(column.sum()) for column in lit.T if column.any()]


def test_a_receiver_has_two_cups_wider_than_its_handle() -> None:
    """Across its length it is wide at both ends (the earpiece, the mouthpiece) and slim in
    the middle (the handle): a plain bar is as wide all along."""
    rows = widths(12)
    ends, middle = (max(rows[: len(rows) // 4]), max(rows[-len(rows) // 4:])), rows[len(rows) // 2]
    assert min(ends) >= 1.5 * middle, (ends, middle)


def test_a_far_receiver_is_a_bar() -> None:
    """Too small for cups (a far booth), it is a bar with round ends, as wide as it is given."""
    rows = widths(3)
    assert max(rows) <= 4 and rows[len(rows) // 2] == 3, rows
