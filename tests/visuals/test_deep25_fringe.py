"""The calf's fringe (the lower edge of its coat, 10:30-17:00) hangs in uneven locks of hair,
not in regular teeth: the tips along its lower edge lie at uneven spacings, in clumps and gaps
(every other lock's place drawn, at one spacing, rim-lit against the haze, it read as a
sawtooth)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.visuals import mammoth, mammoth_calf
from installation.visuals.base import finished
from installation.visuals.pen import Pen, render
from installation.visuals.render import headless

PX = 300.0  # the drawing's pixels a unit (the calf at 10:30 is ~260 px long at 1080 rows)
SOLID = 128  # alpha: a pixel of its hair
PROMINENT = 3  # rows: a tip hangs at least this far below the edge either side of it
UNEVEN = 0.45  # the tips' spacings' spread (standard deviation over mean) at least (base
# 0.32: a tooth every other lock's place, each moved a little; now 0.55)


def _fringe(pen: Pen, color: tuple[int, int, int]) -> None:
    mammoth._fringe(pen, color, *mammoth_calf.FRINGE, mammoth_calf.BELLY_HEM, mammoth.CALF_SAG,
                    mammoth_calf.BELLY_DROP, mammoth.CALF_FRINGE)


@cache
def edge() -> np.ndarray:
    """The fringe's lowest row of hair in each column it covers (rows down)."""
    headless()
    left, right = mammoth_calf.FRINGE
    drawn = finished(render(_fringe, (left - 0.2, right + 0.2, 0.0, 0.7), PX, False,
                            (90, 60, 40)))
    solid = pygame.surfarray.array_alpha(drawn) > SOLID
    columns = np.flatnonzero(solid.any(axis=1))
    rows = np.array([np.flatnonzero(solid[x])[-1] for x in columns], float)
    inner = len(rows) // 6  # (its ends, shortening to none, left out)
    return rows[inner:-inner]


def tips() -> np.ndarray:
    """Where along the edge a lock's tip hangs: a lowest point PROMINENT rows under the edge
    either side of it, before the next tip."""
    rows, found, last = edge(), [], -1
    for x in range(1, len(rows) - 1):
        if rows[x] >= rows[max(0, x - 6):x + 7].max() and x - last > 2:
            left, right = rows[max(0, x - 12):x].min(), rows[x + 1:x + 13].min()
            if rows[x] - max(left, right) >= PROMINENT:
                found.append(x)
                last = x
    return np.array(found)


def test_its_locks_hang_at_uneven_spacings_not_as_teeth() -> None:
    spacing = np.diff(tips())
    assert len(spacing) >= 6, f"{len(spacing) + 1} tips along its lower edge"
    spread = float(spacing.std() / spacing.mean())
    assert spread >= UNEVEN, f"tips {spacing.tolist()} apart: spread {spread:.2f}"
