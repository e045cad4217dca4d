"""The mother's trunk ends as a trunk does (calf26): hanging in the shallows at noon and in the
afternoon, it tapers to a tip curled in a little towards her chest, the finger at its end (its
tip curled forward and up, flared 1.4 times, it ended in a club at noon and a blunt stub going
under at 10:41)."""

from __future__ import annotations

from functools import cache, partial

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.mammoth import mammoth
from installation.visuals.pen import render

from .helpers import headless

PX = 150.0  # pixels a unit: about half the noon mother's (scale 1.05 at 1080 rows)
BOUNDS = (-1.25, 0.75, 0.0, 1.8)  # her box, in units (facing left, feet at 0)
FRONT = -0.6  # units: before her face, only her trunk and tusks ...
UNDER = 0.85  # ... and under this, below her tusks' lower sweep, only her trunk
END = 4  # rows: its end, from its lowest row up
ABOVE = 0.15  # units over its lowest row: its length above its tip
BEHIND = 2  # pixels: its end's middle at least this far behind its middle ABOVE higher
# (towards her chest; base: 10 in front, curled forward; now 7 behind)
WIDE = 1.15  # no row of its last 0.1 units wider than this many times its width ABOVE
# higher (base: 1.61, a club; now 1.06)


@cache
def hanging() -> np.ndarray:
    """Her trunk at rest in the shallows, alone under her tusks (columns x rows: drawn?)."""
    headless()
    image = finished(render(partial(mammoth, mired=True, hanging=True), BOUNDS, PX, False,
                            (11, 11, 13)))
    alpha = pygame.surfarray.array_alpha(image) > 128
    return alpha[: int((FRONT - BOUNDS[0]) * PX), int((BOUNDS[3] - UNDER) * PX):]


def _row(trunk: np.ndarray, up: int) -> np.ndarray:
    """The columns of its first stretch across the row `up` rows over its lowest."""
    bottom = int(np.flatnonzero(trunk.any(axis=0))[-1])
    columns = np.flatnonzero(trunk[:, bottom - up])
    breaks = np.flatnonzero(np.diff(columns) > 1)
    return columns[: breaks[0] + 1] if breaks.size else columns


def test_its_tip_curls_in_towards_her_chest() -> None:
    trunk = hanging()
    end = np.mean([_row(trunk, up).mean() for up in range(END)])
    above = _row(trunk, round(ABOVE * PX)).mean()
    assert end >= above + BEHIND, f"its end's middle at {end:.1f}, above it {above:.1f}"


def test_it_tapers_to_its_tip_not_a_club() -> None:
    trunk = hanging()
    widest = max(len(_row(trunk, up)) for up in range(round(0.1 * PX)))
    above = len(_row(trunk, round(ABOVE * PX)))
    assert widest <= WIDE * above, f"{widest} px across near its tip, {above} above it"
