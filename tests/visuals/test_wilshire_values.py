"""Wilshire under ash has a value structure a visitor reads from across the room: the burnt
fronts dark, the lit ash on the road pale against them, the sky's glow low behind the ruins
(on main road, ruins and sky were all one mid grey: the road's median 1.9 times the fronts')."""

from __future__ import annotations

import numpy as np
import pytest

from .helpers import shipped_frame

FRONTS = ((slice(0, 640), slice(560, 760)), (slice(1400, 1880), slice(560, 760)))  # (x, y) at
# 1920x1080: the near burnt fronts either side, their shop windows and fascias
ROAD = (slice(500, 1400), slice(760, 1000))  # the road's ash between them, ahead of us
SKY_TOP, SKY_LOW = (slice(0, 1920), slice(0, 120)), (slice(200, 1700), slice(150, 300))
ROAD_OVER_FRONTS = 2.0  # the road's median luminance at least this many times the fronts' (2.32
# before the near right block's roof was bitten, the fires' glow behind showing through: 2.26;
# 2.06 since ashroad24 made the ash a darker grey-brown with char showing through: pale, it
# read as snow; the fault this guards against, all one mid grey, was 1.9)
GLOW = 1.35  # the sky low behind the ruins at least this many times as light as at its top


@pytest.mark.parametrize("at", ["06:40", "07:30"])
def test_dark_burnt_fronts_pale_ash_road_and_a_glow_low_in_the_sky(at: str) -> None:
    frame = shipped_frame(at)
    fronts = np.median(np.concatenate([frame[box].ravel() for box in FRONTS]))
    road = np.median(frame[ROAD])
    assert road >= ROAD_OVER_FRONTS * fronts, f"the road {road:.0f}, the fronts {fronts:.0f}"
    top, low = np.median(frame[SKY_TOP]), np.median(frame[SKY_LOW])
    assert low >= GLOW * top, f"the sky {top:.0f} at its top, {low:.0f} low behind the ruins"
