"""The people seen through the Neon block's windows have shoulders: a back at the bar or the
counter is broad and square across the top, with elbows out, narrowing to the waist; drawn as
an ellipse under a head it read as a pill."""

from __future__ import annotations

import pygame

from installation.visuals.block_people import BACK_LONG, Back, Stir, back

UNIT = 6.0  # pixels a goods unit: large enough to measure the shape
WHO = Back(size=1.0, lean=0.0, rise=12.0, wide=11.0, look=0.9, glass=0)  # bare head, no glass


def row_widths() -> tuple[list[int], int]:
    """The back's width in pixels, row by row from its head down, and the row its torso starts."""
    surface = pygame.Surface((200, 400))
    floor = 290
    back(surface, 100.0, floor, WHO, Stir(), UNIT)
    lit = pygame.surfarray.array3d(surface).max(axis=2) > 0
    rows = [int(lit[:, y].sum()) for y in range(surface.get_height())]
    shoulders = floor - round(WHO.rise * UNIT) + round(3.2 * UNIT)
    return rows, shoulders


def test_a_back_is_square_across_the_shoulders() -> None:
    """Just under the neck the back is broader than at the waist (an ellipse is narrower)."""
    rows, top = row_widths()
    shoulders, waist = (rows[top + round(share * BACK_LONG * UNIT)] for share in (0.1, 0.9))
    assert shoulders >= 1.15 * waist, (shoulders, waist)


def test_a_back_narrows_from_the_elbows_to_the_waist() -> None:
    """Across the elbows it is a good deal broader than at the waist."""
    rows, top = row_widths()
    elbows, waist = rows[top + round(7 * UNIT)], rows[top + round(0.9 * BACK_LONG * UNIT)]
    assert elbows >= 1.5 * waist, (elbows, waist)
