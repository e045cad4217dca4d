"""A fire gone out sends up no more smoke: its column rises away from its dead stump and is gone,
never left hanging in the air (at 06:30 the middle fire's column, out since 06:14, hung over its
building with its foot 80 px up in the grey sky)."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import shipped_picture


def test_at_0630_no_smoke_hangs_over_the_middle_fires_dead_stump() -> None:
    """Over the middle stump (x 1025-1075, y 420-480 at 1080) the sky is within 4 levels of
    the sky either side of it (13 darker before: the column's dark foot floating there)."""
    grey = pygame.surfarray.array3d(shipped_picture("06:30")).astype(float).mean(axis=2)
    over = grey[1025:1075, 420:480].mean()
    beside = (grey[900:950, 420:480].mean() + grey[1150:1200, 420:480].mean()) / 2
    assert beside - over < 4, (over, beside)


def test_a_columns_smoke_rises_away_after_its_fire_goes_out() -> None:
    """How far up a column its smoke has risen away: none while its fire burns, some just
    after it went out, all of it a while later."""
    from installation.visuals.flames import out_since
    from installation.visuals.smoke import RISES_AWAY

    assert out_since(2, 0.44) == 0.0 and out_since(0, 0.9) == 0.0
    assert 0 < out_since(2, 0.46) < RISES_AWAY < out_since(2, 0.45 + 2 * RISES_AWAY)
    assert np.isclose(out_since(3, 0.4), 0.05)
