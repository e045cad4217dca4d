"""Going under (10:38-10:42), her raised trunk is a trunk, not a stub (a "periscope"): it tapers
from her face and rings of creases catch the light across it (her tusks: see
test_going_under_tusks)."""

from __future__ import annotations

from functools import partial

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.mammoth import mammoth
from installation.visuals.pen import render

from .helpers import headless
from .test_going_under_trunk import BOUNDS, PX

COAT = (11, 11, 13)  # her colour in the shipped day
CREASE = 8  # levels over her coat: a crease's lit lip (her coat is one flat colour)
CREASES = 4  # at least this many cross the raised trunk's middle line ...
TAPER = 1.4  # ... which is at least this many times as wide low down as near its tip


def _raised() -> tuple[np.ndarray, np.ndarray]:
    """Her picture straining highest, going under: its colours (summed) and where it is solid,
    columns x rows, the part before her face only (her trunk and tusks)."""
    headless()
    image = finished(render(partial(mammoth, mired=True, lift=1.0), BOUNDS, PX,
                            False, COAT))
    front = int((-0.6 - BOUNDS[0]) * PX)
    colors = pygame.surfarray.array3d(image)[:front].astype(int).sum(axis=2)
    return colors, pygame.surfarray.array_alpha(image)[:front] > 200


def test_her_raised_trunk_tapers_and_is_ringed_with_creases() -> None:
    """Above her tusks, down the middle of her raised trunk, creases catch the light (lighter
    than her coat) four times or more; and it is wider low down than near its tip."""
    colors, solid = _raised()
    top = int(np.flatnonzero(solid.any(axis=0))[0])
    rows = range(top + round(0.06 * PX), top + round(0.3 * PX))
    middles = [int(np.flatnonzero(solid[:, row]).mean()) for row in rows]
    lit = np.array([colors[x - 2:x + 3, row].max() for x, row in zip(middles, rows, strict=True)])
    creases = int(np.count_nonzero(np.diff((lit > sum(COAT) + CREASE).astype(int)) == 1))
    assert creases >= CREASES, f"{creases} creases across her raised trunk"
    high, low = (int(solid[:, top + round(share * PX)].sum()) for share in (0.1, 0.3))
    assert low >= TAPER * high, f"{low} px wide low down, {high} near its tip: a stub"

