"""Finding thin dark strokes in a picture (a dead neon tube's dark glass on a lighter blade):
pixels darker than the mean round them, for the tests of Johnie's fallen sign."""

from __future__ import annotations

import numpy as np


def dark_strokes(lum: np.ndarray, dip: float, around: int) -> np.ndarray:
    """Where `lum` (x, y) is at least `dip` darker than its mean over `around` pixels square."""
    pad = around // 2
    sums = np.pad(np.pad(lum, pad, mode="edge").cumsum(axis=0).cumsum(axis=1), ((1, 0), (1, 0)))
    box = (
        sums[around:, around:]
        - sums[:-around, around:]
        - sums[around:, :-around]
        + sums[:-around, :-around]
    ) / around**2
    return np.asarray(lum < box - dip)
