"""First light: the glow the sun throws up over the east while it is still under the horizon."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color
from installation.visuals.glow import radial
from installation.visuals.palette import SUN_DAY, sun_across

# How far under the horizon the glow's middle lies (of its half height: 1, none of it shows
# over the horizon; 0, the sun is rising) at story hours: it comes up fast at first light, so
# the run across Wilshire (05:05) starts under a rose east and the coyote's minutes are amber.
DEPTHS: tuple[tuple[float, float], ...] = (
    (4 + 54 / 60, 1.0),
    (5 + 5 / 60, 0.5),
    (5 + 11 / 60, 0.3),
    (SUN_DAY[0], 0.0),
)
REACH = (1.0, 0.45)  # the glow's half width and half height, of the picture's height: low, wide
COLOR: Color = (150, 84, 62)  # at its middle: rose, going amber where the sky's own colour adds
FALLOFF = 1.6
MINUTE = 1 / 60  # the glow rises a story minute's step at a time, as the gradient moves on


def under(hour: float) -> float | None:
    """How far under the horizon the glow's middle is at `hour` (see DEPTHS), taken at the
    start of its story minute, or None outside first light (before it, and once the sun is up)."""
    hour = hour // MINUTE * MINUTE
    if not DEPTHS[0][0] <= hour < SUN_DAY[0]:
        return None
    return float(np.interp(hour, [at for at, _ in DEPTHS], [depth for _, depth in DEPTHS]))


def where(hour: float, size: tuple[int, int], horizon: float) -> tuple[int, int] | None:
    """The glow's middle in the picture at `hour` (under the sky's `horizon`, a share of the
    height), where the sun will rise, or None outside first light."""
    depth = under(hour)
    if depth is None:
        return None
    width, height = size
    return int(width * sun_across(0.0)), int(height * (horizon + depth * REACH[1]))


def glow(height: int) -> pygame.Surface:
    """The glow for a picture `height` tall, for BLEND_RGB_ADD: a wide, low ellipse."""
    half_width, half_height = (round(height * share) for share in REACH)
    round_glow = radial(half_height, COLOR, FALLOFF)
    return pygame.transform.smoothscale(round_glow, (2 * half_width, 2 * half_height))
