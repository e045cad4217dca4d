"""Going under, her trunk raised over her crown (10:38-10:42) ends blunt, a trunk's end, not a
point: tapering to 0.05 units it read as a horn."""

from __future__ import annotations

from functools import partial

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.mammoth import mammoth
from installation.visuals.pen import render

from .helpers import headless

PX = 297.0  # pixels a unit: the mother's at 10:30 (scale 1.1 at 1080 rows)
BOUNDS = (-1.25, 0.75, 0.0, 1.8)  # her box, in units (facing left, feet at 0)
BELOW = 0.06  # units under its highest pixel, across her raised trunk (and its tip curled
# forward), under the finger at its end (calf26: it reaches ~0.045 past its lips) ...
BLUNT = 0.11  # ... it is at least this wide (base: 0.094, a horn's point; now 0.131)


def test_her_raised_trunk_ends_blunt() -> None:
    headless()
    image = finished(render(partial(mammoth, mired=True, lift=1.0), BOUNDS, PX, False,
                            (11, 11, 13)))
    alpha = pygame.surfarray.array_alpha(image) > 128
    front = alpha[: int((-0.6 - BOUNDS[0]) * PX)]  # before her face: her trunk and tusks
    top = int(np.flatnonzero(front.any(axis=0))[0])
    wide = int(front[:, top + round(BELOW * PX)].sum()) / PX
    assert wide >= BLUNT, f"{wide:.3f} units across, {BELOW} under its top"
