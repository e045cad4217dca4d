"""The tar's ripples: how far sideways each band of rows of its mirror is pushed at a moment,
more the nearer it is, slowly enough down the pool that a palm's trunk sways, not zigzags."""

from __future__ import annotations

import numpy as np

from installation.visuals.base import Level, smooth_noise
from installation.visuals.noise import smooth_noise_at

BAND = 4  # rows per ripple band of the reflection
RIPPLE = 0.003  # sideways wobble of the reflection, share of the width
RIPPLE_WAVES = 2.3  # how far along the ripples' noise the mirror reaches, top to bottom: slow
# enough that bands next to each other are pushed at most a pixel apart (at 35, up to 14: the
# palms' trunks mirrored as zigzags, the skyline in blocks)
RIPPLE_SPEED = 0.5  # how far along the noise the ripples move in a second


def ripple(seed: int, y: int, rows: int, moment: float, width: int) -> float:
    """How far sideways, in pixels, the mirror's band `y` rows down a `rows`-deep mirror is
    pushed at `moment` (seconds) in a picture `width` wide: more the nearer it is."""
    return _pushed(smooth_noise(seed, _along(y, rows, moment)), y, rows, width)


def ripples(seed: int, rows: int, moment: float, width: int) -> np.ndarray:
    """`int(ripple(...))` for each band of BAND rows down a `rows`-deep mirror, all at once."""
    down = np.arange(0, rows, BAND, dtype=np.float64)
    return _pushed(smooth_noise_at(seed, _along(down, rows, moment)), down, rows,
                   width).astype(int)


def _along(y: Level, rows: int, moment: float) -> Level:
    """Where along the ripples' noise the band `y` rows down a `rows`-deep mirror lies at
    `moment`."""
    return y / max(1, rows) * RIPPLE_WAVES + moment * RIPPLE_SPEED


def _pushed(noise: Level, y: Level, rows: int, width: int) -> Level:
    """How far the band `y` rows down is pushed for a `noise` in [0, 1)."""
    return (noise - 0.5) * (width * RIPPLE) * (1 + 3 * y / max(1, rows))
