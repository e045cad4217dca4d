"""The tar's wobble: how far sideways its mirror is pushed at each row of the picture, a smooth
function of the row and of time (never a step of more than a pixel between neighbouring rows)."""

from __future__ import annotations

import math

import numpy as np

NEAR = 0.003  # the push at the picture's foot (16:9), as a share of its width, at its most
FOOT = 9 / 16  # the picture's foot, in widths down from its top (a 16:9 picture)
NEARER = 2.0  # the push grows as (rows down / FOOT) to this power: gentle far off
# Waves down the tar: (length, in widths of the picture; waves a second; phase; weight). At
# 1920 wide, ~86 and ~54 rows long: a push changes by at most ~0.55 px from row to row.
WAVES = ((0.045, 0.21, 0.0, 0.6), (0.028, -0.33, 1.9, 0.4))


def wobble(rows: np.ndarray, width: int, seconds: float) -> np.ndarray:
    """How far, in whole pixels, the tar's mirror at each of these rows of a picture `width`
    wide is pushed sideways at `seconds` (real time): the same for every layer mirrored in it
    (a figure's reflection moves with the tar's own), more the nearer the row."""
    down = np.asarray(rows, dtype=np.float64) / max(1, width)
    reach = NEAR * width * (np.clip(down, 0.0, FOOT) / FOOT) ** NEARER  # (at most at the foot)
    wave = sum(weight * np.sin(2 * math.pi * (down / length + rate * seconds) + phase)
               for length, rate, phase, weight in WAVES)
    return np.rint(reach * wave).astype(np.int64)
