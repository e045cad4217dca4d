"""At 04:30 the counter stool left standing in Johnie's aisle stands on the floor by the
booths, not over a table: its seat right above a booth table's pale top (the stool's post in
front of the table's) read as a stool standing on the table."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.diner_after import Aisle

from .test_diner_aftermath import BEFORE, SIZE, frame_at, moving, part

PALE, CREAM = 650, 30  # a table's cream top: this pale (sum of its channels) and its red over its
#                        blue by this (the booths' white trim is as pale, but grey)
UNDER = 60  # pixels below the seat's top where a table's top would hold it up


def test_no_table_top_under_the_standing_stool_s_seat() -> None:
    aisle = Aisle(SIZE, (255, 220, 170))
    seen = pygame.surfarray.array_alpha(aisle.standing) > 200
    rows = np.flatnonzero(seen.any(axis=0))
    columns = np.flatnonzero(seen[:, rows[0]:rows[0] + 6].any(axis=1))  # the seat's
    left, top = aisle.standing_at
    room = moving(part("room"), frame_at(BEFORE))  # (the stool not yet left there)
    behind = room[left + columns[0]:left + columns[-1] + 1, top + rows[0]:top + rows[0] + UNDER]
    cream = (behind.sum(axis=2) > PALE) & (behind[..., 0] - behind[..., 2] > CREAM)
    pale = int(cream.sum())
    assert pale < 20, f"{pale} pixels of a table's top under the seat"
