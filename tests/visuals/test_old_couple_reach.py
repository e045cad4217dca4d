"""Lucy and Ivan, apart as Park La Brea opens (04:35), reach for each other as two people: his
hand on her shoulder, hers low on his chest, the room's light between their two arms (both
reached for the other's upper arm at arm's length, and their arms met as one bar)."""

from __future__ import annotations

import numpy as np

from .test_old_couple import dark

OPENING = (2.0, 6.0, 10.0)  # real seconds into the scene: apart, reaching
ACROSS = 0.72  # of the room's height: a row through their bodies, below their arms


def _runs(column: np.ndarray) -> list[tuple[int, int]]:
    """The dark stretches of a column, top to bottom: (first row, last row)."""
    rows = np.flatnonzero(column)
    if not len(rows):
        return []
    breaks = np.flatnonzero(np.diff(rows) > 1)
    starts = [rows[0], *rows[breaks + 1]]
    ends = [*rows[breaks], rows[-1]]
    return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]


def test_their_reaching_arms_are_two_with_light_between() -> None:
    """Midway across the lit gap between their bodies, the column crosses two arms, one over
    the other, with the room's light between them (there was one dark bar)."""
    for real in OPENING:
        mask = dark(real)
        row = mask[:, round(ACROSS * mask.shape[1])]
        bodies = _runs(row)
        assert len(bodies) >= 2, (real, bodies)
        gap = max(zip(bodies, bodies[1:], strict=False),
                  key=lambda pair: pair[1][0] - pair[0][1])
        middle = (gap[0][1] + gap[1][0]) // 2  # (the widest lit gap: between them)
        arms = _runs(mask[middle, :round(ACROSS * mask.shape[1])])
        assert len(arms) == 2, (real, middle, arms)
        assert arms[1][0] - arms[0][1] > 6, (real, arms)
