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
KEYS: tuple[tuple[float, Color, Color, float, float, float], ...] = (
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


def light_at(hour: float) -> Light:
    """The look of the story hour (0..24), blended between the keys."""
    hour %= 24.0
    i = min(bisect.bisect_right(_HOURS, hour) - 1, len(KEYS) - 2)
    a, b = KEYS[i], KEYS[i + 1]
    t = (hour - a[0]) / (b[0] - a[0])
    return Light(mix(a[1], b[1], t), mix(a[2], b[2], t), lerp(a[3], b[3], t),
                 lerp(a[4], b[4], t), lerp(a[5], b[5], t))


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
