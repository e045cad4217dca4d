"""The ash at our feet on Wilshire under ash (the picture's lowest ~250 rows at 1080) is not a
smooth grey plane: it is rippled by the wind at the scale of the road near us (on main its drifts,
worked out for the far road, left it smooth)."""

from __future__ import annotations

import numpy as np

from installation.visuals.street_ash_road import Ground, ash_at
from installation.visuals.street_walls import WALK

SIZE = (960, 540)
HORIZON = 302  # the street's horizon row (0.56 of the height)
NEAR_ROWS = 125  # the picture's foot: this many rows (250 at 1080)
RIPPLED = 0.012  # the ash's light at our feet: this much from one row to the next, on the
# mean, at least (wind ripples; main: 0.005-0.006, its broad drifts alone)


def test_the_ash_at_our_feet_is_rippled_by_the_wind() -> None:
    ground = Ground(SIZE, SIZE[0] // 2, HORIZON, 1.0, WALK, (), 1)
    rows = np.arange(SIZE[1] - NEAR_ROWS, SIZE[1], dtype=np.float64)[None, :]
    _amount, shade, _bare = ash_at(ground, rows, np.arange(380, 580, dtype=np.float64))
    step = float(np.abs(np.diff(shade, axis=1)).mean())
    assert step >= RIPPLED, f"its light changes {step:.4f} a row: smooth"
