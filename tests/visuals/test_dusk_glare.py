"""The low sun's glare on the dusk road goes with the sun: under it as it sinks to the right
along the skyline, fading after it has set, and gone once the sun is well down."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeutil import parse_clock
from installation.visuals.base import HOUR
from installation.visuals.palette import light_at, sun_position
from installation.visuals.street_asphalt import GLARE_STEPS, glare_at
from installation.visuals.street_light import key_at

from .test_street import SIZE, street

DEPTH = 0.8  # the road row looked along: where the road is wider than the picture
UNDER_SUN = 0.03  # of the width: the glare's middle lies this near the sun's column
MOVES = 0.03  # ...and moves right at least this far from 17:30 to 18:15
SMOOTH = 0.15
GONE = 3  # the sum of channels: the glare adds no more than this anywhere by 19:00


def glare(at: str) -> np.ndarray:
    """What the low sun's glare adds to the dusk road's picture at story time `at`, as the
    street lays its asphalt for that moment's key (sum of channels, columns x rows)."""
    built = street()
    assert built.asphalt is not None
    key = key_at(parse_clock(at))
    daylight, tint = key[0] / 10, key[1]
    laid = []
    for sun in (glare_at(key[3] / GLARE_STEPS), (0.0, 0.0)):
        image = pygame.Surface(SIZE)
        image.fill((0, 0, 0))
        for _ in built.asphalt.laying(image, daylight, tint, sun):
            pass
        laid.append(pygame.surfarray.array3d(image).astype(int).sum(axis=-1))
    return np.asarray(laid[0] - laid[1])


def middle_of(row: np.ndarray) -> float:
    """The glare's middle along a row, of the width: its brightest column, the worn tracks'
    shine smoothed out (over SMOOTH of the width)."""
    wide = max(3, round(SMOOTH * len(row)))
    smooth = np.convolve(row.astype(float), np.ones(wide) / wide, mode="same")
    return float(np.argmax(smooth[wide // 2:-wide // 2]) + wide // 2) / len(row)


def test_the_glare_lies_under_the_setting_sun_and_follows_it_down() -> None:
    """At 17:30 and at 18:15 the glare on the road lies under the sun in the sky (its column);
    between the two it has moved to the right with the sun (it stood still at 0.83 all hour)."""
    row = street().project(0.0, DEPTH)[1]
    middles = {}
    for at in ("17:30", "18:15"):
        sun = sun_position(parse_clock(at) / HOUR)
        assert sun is not None
        middles[at] = middle_of(glare(at)[:, row])
        assert abs(middles[at] - sun[0]) <= UNDER_SUN, f"{at}: glare {middles[at]:.3f}, sun {sun}"
    assert middles["18:15"] >= middles["17:30"] + MOVES, middles


def test_the_glare_fades_after_sunset_and_is_gone_by_seven() -> None:
    """At 18:30, the sun just down, what is left of the glare is fainter than at 18:15, and at
    19:00 (some daylight still in the sky) there is none on the road."""
    assert light_at(19.0).daylight > 0.1  # (there was: the daylight alone kept it)
    assert glare("18:30").max() < glare("18:15").max()
    assert glare("19:00").max() <= GONE
