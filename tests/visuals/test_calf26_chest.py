"""The calf's chest hair hangs in locks of its own dark under its head (calf26): its coat's edge
down the front of its chest, locks square to the slope in its coat's colour, read as a regular
sawtooth, rim-lit at noon (13:00) and against the morning's haze (11:30)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals import mammoth
from installation.visuals.base import finished
from installation.visuals.mammoth_coat import rounded
from installation.visuals.pen import SUPERSAMPLE, render

from .helpers import headless

PX = 150.0  # pixels a unit: about the noon calf's (scale 0.55 at 1080 rows)
BOUNDS = (-0.9, 0.75, 0.0, 1.35)  # its box, in units (facing left, feet at 0)
COAT = (74, 44, 28)  # its coat's colour (mammoth_family.CALF_COAT)
CHEST = (-0.54, -0.42)  # units across: its chest, clear of its trunk and fore legs
UNDER = 3  # pixels under its coat's outline: what hangs there is its hair
SOLID = 250  # alpha: a pixel of it, not its soft edge
DARK = 0.85  # its hair there at most this share as bright as its coat (base: 0.96, its
# coat's own colour; now 0.78)


def _outline_under(x: float) -> float:
    """The height (units) of its coat's outline, at rest, under its chest at `x`."""
    coat = rounded(rounded(mammoth.CALF))
    return min(ay + (by - ay) * (x - ax) / (bx - ax)
               for (ax, ay), (bx, by) in zip(coat, [*coat[1:], coat[0]], strict=True)
               if (ax - x) * (bx - x) <= 0 and ax != bx)


def test_its_chest_hair_hangs_darker_than_its_coat() -> None:
    headless()
    image = finished(render(mammoth.calf, BOUNDS, PX, False, COAT))
    alpha = pygame.surfarray.array_alpha(image)
    bright = pygame.surfarray.array3d(image).astype(int).sum(axis=2)
    origin = 2 / SUPERSAMPLE  # (the drawing's margin)
    hair: list[int] = []
    for column in range(int(origin + (CHEST[0] - BOUNDS[0]) * PX),
                        int(origin + (CHEST[1] - BOUNDS[0]) * PX)):
        x = (column - origin) / PX + BOUNDS[0]
        edge = int(origin + (BOUNDS[3] - _outline_under(x)) * PX)
        below = alpha[column, edge + UNDER:] >= SOLID
        hair += bright[column, edge + UNDER:][below].tolist()
    assert len(hair) >= 40, f"{len(hair)} pixels of hair hang under its chest"
    share = float(np.mean(hair)) / sum(COAT)
    assert share <= DARK, f"its chest's hair {share:.2f} as bright as its coat"
