"""The noon calf is a young mammoth, not a felt cut-out (review 25, item 2): its coat turns
away from the light, its middle darker than the coat lit along its back, and its legs taper
from full upper legs to slim ankles over its feet (on main: one flat tone inside its rim, and
legs as wide at the foot as at the top, or wider: slabs)."""

from __future__ import annotations

from functools import cache

import numpy as np

from .helpers import NO_POST, frame_at, layer

SIZE = (640, 360)
SCALE = 1.0
PX = SCALE * 0.25 * SIZE[1]  # its pixels to a unit (scale times UNIT times the height)
FEET = (0.5 * SIZE[0], 0.95 * SIZE[1])
BLACK = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
CALF = layer("silhouette", shape="calf", x=0.5, y=0.95, scale=SCALE, rim="#f0cc98",
             rim_from="left")  # noon's: its coat the calf's red-brown, the sun to its left
SOLID = 12  # r + g + b: a pixel of it, on the black
MIDDLE = (0.0, 0.7)  # units: the middle of its body (its belly at 0.4, its back at ~1.0)
BACK = 8  # rows under its back's top edge (past the rim's brightest): its lit coat there
DARKER = 1.3  # the coat under its back at least this many times as bright as its middle
# (main: 1.08, one flat tone; now 1.43)
LEG_TOP, LEG_FOOT = 0.27, 0.05  # units: a leg's width under its belly and at its ankle
NEAR_FORE = (-0.45, -0.2)  # units across: the near fore leg's columns
TAPER = 0.8  # its width at the ankle at most this share of its width at the top (main: 0.92,
# 12 px of 13; now 0.71, 10 of 14)


@cache
def calf() -> np.ndarray:
    """The noon calf on black at 13:00 (r + g + b, columns x rows)."""
    return frame_at(BLACK + CALF + NO_POST, "13:00", 1.0, SIZE).astype(int).sum(axis=2)


def row(y: float) -> int:
    return int(FEET[1] - y * PX)


def column(x: float) -> int:
    return int(FEET[0] + x * PX)


def test_its_coat_is_darker_in_its_middle_than_under_its_lit_back() -> None:
    lit = calf()
    x = column(MIDDLE[0])
    top = int(np.flatnonzero(lit[x] > SOLID)[0])
    back = float(np.median(lit[x - 2:x + 3, top + BACK]))
    middle = float(np.median(lit[x - 2:x + 3, row(MIDDLE[1])]))
    assert back >= DARKER * middle, (back, middle)


def test_its_legs_are_narrower_at_the_foot_than_at_the_top() -> None:
    lit = calf()[column(NEAR_FORE[0]):column(NEAR_FORE[1])] > SOLID
    widths = [int(np.count_nonzero(lit[:, row(y)])) for y in (LEG_TOP, LEG_FOOT)]
    assert 0 < widths[1] <= TAPER * widths[0], widths
