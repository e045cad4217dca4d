"""The shape of a car's side, in shares of its length (from its front, and up from the
ground), and how a burnt one's roof caves in: shared by the car and the ash banked round it."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

# A car's side in shares of its length, from its front (x) and up from the ground (y).
WHEELS = (0.19, 0.79)  # the wheels' middles
WHEEL = 0.072  # a tyre's radius
RIM = 0.55  # a rim's radius, of the tyre's
ARCH = 1.3  # a wheel arch's radius, of the tyre's
SILL, WAIST, ROOF = 0.06, 0.2, 0.3  # the body's lower edge, its waist line, the roof
BONNET, BOOT = 0.015, 0.04  # the body's front and back ends slope back this much at the waist
CABIN = (0.27, 0.36, 0.67, 0.76)  # the glasshouse: its foot in front, roof front, roof back, foot
PILLAR = 0.025  # a window pillar's width
CAVE = (0.02, 0.04)  # a burnt car's roof sags in this much at most, least and most
SUNK = 0.025  # a burnt car sits this much lower, on its rims (its body, its arches nearly down
RIM_SUNK = 0.008  # on them), which sink this far into the ground

At = Callable[[float, float], tuple[int, int]]  # a point of a car's side on the picture


def caved_by(seed: int) -> float:
    """How far this burnt car's roof has caved in."""
    return CAVE[0] + (CAVE[1] - CAVE[0]) * float(np.random.default_rng(seed).random())


def roof_at(along: float, cave: float) -> float:
    """The roof's height at `along`: sagging `cave` at most, past its middle (caved in)."""
    share = np.clip((along - CABIN[1]) / (CABIN[2] - CABIN[1]), 0.0, 1.0)
    return float(ROOF - cave * math.sin(math.pi * share ** 0.8))
