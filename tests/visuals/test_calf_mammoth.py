"""The calf reads as a mammoth's calf, living and in stone, not a baby elephant's: a short, thick
trunk hanging only to the top of its fore legs (down to its belly, under a big dark ear with a
lit rim, it read as an elephant's), its ear hidden in its hair, a short tail."""

from __future__ import annotations

from functools import cache

import numpy as np

from .helpers import NO_POST, frame_at, layer
from .test_calf_form import BLACK, CALF, FEET, PX, SCALE, SIZE

TRUNK = ((-0.72, -0.56), 0.45)  # units: in the columns before its face, nothing of the stone
# calf (its trunk hanging at rest) reaches lower than this (an elephant calf's reached 0.39)
STATUE = layer("silhouette", shape="calf", x=0.5, y=0.95, scale=SCALE, color="#ffffff",
               statue=True)
SEEN = 20  # a pixel brighter than this (of 255) on the black is the calf
EAR = ((-0.34, -0.27), (0.9, 1.0))  # units: behind its eye, across and up, where an ear shows
EAR_DARK = 0.85  # a pixel there darker than this share of the white coat is a flap ...
EAR_MOST = 0.1  # ... and this share of them at most (the old round ear: more than half)
TAIL = ((0.46, 0.6), 0.47)  # units: behind its rump its tail hangs no lower than this (0.41)


@cache
def calf(stone: bool = False) -> np.ndarray:
    """The white calf (`stone`: the statue, still) on black, lit (columns x rows)."""
    return frame_at(BLACK + (STATUE if stone else CALF) + NO_POST, "12:00", 1.0, SIZE).min(axis=2)


def column(x: float) -> int:
    return int(FEET[0] + x * PX)


def row(y: float) -> int:
    return int(FEET[1] - y * PX)


def lowest(across: tuple[float, float], stone: bool = False) -> float:
    """The lowest any of it reaches in these columns, in units above its feet."""
    lit = calf(stone)[column(across[0]):column(across[1])] > SEEN
    rows = np.flatnonzero(lit.any(axis=0))
    return float((FEET[1] - rows.max()) / PX)


def test_its_trunk_is_short() -> None:
    across, least = TRUNK
    assert lowest(across, True) >= least, f"its trunk hangs to {lowest(across, True):.2f} units"


def test_its_ear_is_hidden_in_its_hair() -> None:
    (left, right), (low, high) = EAR
    patch = calf()[column(left):column(right), row(high):row(low)]
    flap = float((patch < EAR_DARK * 255).mean())
    assert flap <= EAR_MOST, f"{flap:.2f} of it a dark flap"


def test_its_tail_is_short() -> None:
    across, least = TAIL
    assert lowest(across) >= least, f"its tail hangs to {lowest(across):.2f} units"
