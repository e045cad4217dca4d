"""The colours of the story hour: sky, light, stars and lit windows follow the clock."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from installation.visuals.base import Color, lerp, mix

SODIUM = (255, 150, 50)
NEON_PINK = (255, 60, 170)
NEON_CYAN = (60, 230, 255)
ASH = (150, 146, 140)
WHITE = (255, 255, 255)


@dataclass(frozen=True)
class Light:
    """The look of one hour: sky colours, star density, daylight 0..1, windows lit 0..1."""

    top: Color
    bottom: Color
    stars: float
    daylight: float
    windows: float


# (hour, sky top, sky at the horizon, stars, daylight, share of windows lit)
Key = tuple[float, Color, Color, float, float, float]
KEYS: tuple[Key, ...] = (
    (0.0, (5, 7, 22), (22, 24, 52), 0.9, 0.0, 0.30),
    (3.0, (3, 5, 18), (16, 18, 42), 1.0, 0.0, 0.06),
    (4.0, (4, 6, 20), (20, 22, 48), 1.0, 0.0, 0.10),
    (4.6, (8, 10, 32), (40, 30, 64), 0.8, 0.02, 0.45),
    (5.2, (22, 28, 66), (150, 80, 70), 0.4, 0.12, 0.55),
    (5.8, (48, 62, 110), (232, 146, 78), 0.1, 0.35, 0.30),
    (7.0, (84, 128, 186), (236, 200, 150), 0.0, 0.75, 0.06),
    (12.0, (118, 156, 204), (226, 230, 228), 0.0, 1.0, 0.03),  # a pale, hazy LA noon
    (16.0, (98, 138, 194), (236, 214, 176), 0.0, 0.9, 0.05),
    (17.6, (64, 72, 132), (250, 150, 80), 0.0, 0.55, 0.25),
    (18.4, (40, 36, 92), (236, 96, 74), 0.1, 0.25, 0.55),
    (19.3, (16, 16, 56), (112, 52, 86), 0.5, 0.05, 0.75),
    (20.5, (7, 9, 32), (36, 28, 66), 0.8, 0.0, 0.65),
    (23.0, (5, 7, 24), (24, 24, 54), 0.9, 0.0, 0.45),
    (24.0, (5, 7, 22), (22, 24, 52), 0.9, 0.0, 0.30),
)
_HOURS = [k[0] for k in KEYS]

# First light (Across Wilshire, the coyote): from 04:50, still night over the searchlights,
# the sky pales from below, rose at 05:05 and amber by 05:11, a dawn the flash cuts off; the
# day's slow line above held the sky near night until after 05:15 (the run at first light ran
# under a night sky). Between the line's own colours at DAWN's ends: the rest of the day is
# unchanged (the flash and the ash paint skies of their own over 05:15-05:20).
DAWN = (4 + 50 / 60, 5 + 20 / 60)  # story hours
DAWN_STEP = 1 / 60  # story hours: the dawn's light moves on a story minute at a time, all of it
# at once (its colours change fast: one channel after another crossing the street's coarse
# steps, seconds apart, the street for the light to come was passed over and built in a frame)
DAWN_KEYS: tuple[Key, ...] = (
    (4 + 56 / 60, (16, 21, 52), (104, 58, 76), 0.56, 0.07, 0.5),
    (5 + 5 / 60, (30, 40, 86), (196, 112, 104), 0.3, 0.1, 0.53),  # rose along the east
    (5 + 11 / 60, (48, 62, 108), (242, 160, 110), 0.12, 0.14, 0.55),  # amber
    (5 + 15 / 60, (54, 68, 114), (248, 174, 118), 0.08, 0.16, 0.55),
)


def light_at(hour: float) -> Light:
    """The look of the story hour (0..24), blended between the keys."""
    hour %= 24.0
    if DAWN[0] < hour < DAWN[1]:  # (a story minute at a time: see DAWN_STEP)
        return _between(_DAWN_LINE, _DAWN_HOURS, math.floor(hour / DAWN_STEP) * DAWN_STEP)
    return _between(KEYS, _HOURS, hour)


def _between(keys: tuple[Key, ...], hours: list[float], hour: float) -> Light:
    """The look at `hour`, blended between the two `keys` (at `hours`) either side of it."""
    i = min(bisect.bisect_right(hours, hour) - 1, len(keys) - 2)
    a, b = keys[i], keys[i + 1]
    t = (hour - a[0]) / (b[0] - a[0])
    return Light(mix(a[1], b[1], t), mix(a[2], b[2], t), lerp(a[3], b[3], t),
                 lerp(a[4], b[4], t), lerp(a[5], b[5], t))


def _key(hour: float) -> Key:
    """The day's line at `hour` as a key (the dawn's keys begin and end on it)."""
    light = _between(KEYS, _HOURS, hour)
    return hour, light.top, light.bottom, light.stars, light.daylight, light.windows


_DAWN_LINE = (_key(DAWN[0]), *DAWN_KEYS, _key(DAWN[1]))
_DAWN_HOURS = [k[0] for k in _DAWN_LINE]


SUN_DAY = (5.9, 18.3)  # story hours: sunrise and sunset


def sun_position(hour: float) -> tuple[float, float] | None:
    """Where the sun is, as (x 0..1 across, elevation 0..1), or None when it is down."""
    day = (hour - SUN_DAY[0]) / (SUN_DAY[1] - SUN_DAY[0])
    if not 0.0 <= day <= 1.0:
        return None
    return sun_across(day), math.sin(math.pi * day)


def sun_across(day: float) -> float:
    """The sun's column (0..1 across the picture) `day` of the way from sunrise to sunset."""
    return 0.12 + 0.76 * day


def moon_position(hour: float) -> tuple[float, float] | None:
    """Where the moon is, (x, elevation), or None: it crosses the sky from dusk to dawn."""
    night = ((hour - 18.8) % 24.0) / 11.0
    if not 0.0 <= night <= 1.0:
        return None
    return 0.85 - 0.7 * night, math.sin(math.pi * night)
