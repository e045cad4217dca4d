"""The dream's mother (02:00-03:50) stands on legs, not stumps: in her glow each fore leg shows
its knee standing out in front low down, each hind leg its hock's point behind (straight
columns lit through, her legs read as four stumps as she heaved)."""

from __future__ import annotations

import numpy as np

from installation.visuals.mammoth_dream import STANCE

from .test_dream_trunk_legs import at, drawn

KNEE_OUT = 0.008  # units: the knee stands out in front of the leg above and below it at least
HOCK_OUT = 0.02  # units: the hock's point stands out behind the cannon under it at least
PX = 300.0  # (test_dream_trunk_legs' pixels a unit)


def _edge(alpha: np.ndarray, leg: tuple[float, float, bool], ys: tuple[float, float],
          front: bool) -> float:
    """A leg's edge (units) over these heights: the furthest forward (`front`: the least x) or
    back its opaque pixels reach, in the columns round it (a near leg's: the far ones stand a
    little apart from them, behind)."""
    x0, x1, _far = leg
    left, right = at(x0 - 0.03, 0.0)[0], at(x1 + 0.03, 0.0)[0]
    reach = []
    for row in range(at(0.0, ys[1])[1], at(0.0, ys[0])[1] + 1):
        found = np.flatnonzero(alpha[left:right, row] > 200) + left
        if found.size:
            reach.append(found.min() if front else found.max())
    edge = min(reach) if front else max(reach)
    return float(edge - at(0.0, 0.0)[0]) / PX


def test_her_near_fore_leg_has_a_knee() -> None:
    _light, alpha = drawn()
    for leg in (leg for leg in STANCE if leg[0] < 0 and not leg[2]):
        knee = _edge(alpha, leg, (0.2, 0.23), True)
        above, below = _edge(alpha, leg, (0.28, 0.31), True), _edge(alpha, leg, (0.12, 0.14), True)
        assert knee <= min(above, below) - KNEE_OUT, (leg, knee, above, below)


def test_her_near_hind_leg_has_a_hock() -> None:
    _light, alpha = drawn()
    for leg in (leg for leg in STANCE if leg[0] > 0 and not leg[2]):
        hock = _edge(alpha, leg, (0.17, 0.22), False)
        cannon = _edge(alpha, leg, (0.08, 0.11), False)
        assert hock >= cannon + HOCK_OUT, (leg, hock, cannon)
