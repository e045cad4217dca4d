"""Her last reach (10:41:30-10:41:48): the trunk she raises for the air tapers up its length to
its curled tip, not a stump as thick at its top as where it leaves the tar (review 26 #5)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color, finished
from installation.visuals.mammoth_trunk import mired_trunk
from installation.visuals.pen import Pen, render

from .helpers import headless
from .test_going_under_trunk import PX

COAT = (11, 11, 13)  # her colour in the shipped day
BOUNDS = (-1.25, 0.0, 0.8, 1.9)  # round her trunk, in units (facing left)
REACH = 2.0  # her head and trunk as far up as they go, reaching for the air
FUR = 0.0034  # her coat's edge at the scene's size (units a pixel)
HIGH, LOW = 0.1, 0.35  # units under its highest pixel: under its curled tip, and lower down
# where it comes out of the tar at 10:41:41 ...
TAPER = 0.62  # ... it is at most this share as wide up there (base 0.77: a stump; now 0.55)


def _reaching(pen: Pen, color: Color) -> None:
    mired_trunk(pen, color, REACH, REACH, FUR)


def test_her_last_reach_tapers_to_its_tip() -> None:
    headless()
    image = finished(render(_reaching, BOUNDS, PX, False, COAT))
    solid = pygame.surfarray.array_alpha(image) > 128
    top = int(np.flatnonzero(solid.any(axis=0))[0])
    high, low = (int(solid[:, top + round(share * PX)].sum()) for share in (HIGH, LOW))
    assert high <= TAPER * low, f"{high} px wide under its tip, {low} lower down: a stump"
