"""The calf stands on legs, not posts (from the side, with straight hairy posts, it read a little
like a table): a knee standing out of each fore leg, a hock behind each hind leg, and a fringe
of hair hanging under its belly (its ear, hidden in its hair: see test_calf_mammoth)."""

from __future__ import annotations

import numpy as np

from .helpers import NO_POST, frame_at
from .test_calf_form import BLACK, CALF, FEET, PX, SIZE

FORE_FRONT = -0.38  # units: the near fore leg's front edge (it faces left)
KNEE_OUT = 0.01  # units: a knee stands out in front of the leg at least this far above and below
HOCK_OUT = 0.03  # units: the hock's point stands out behind the cannon under it at least this far
BETWEEN = (-0.2, 0.2)  # units: across the belly between its fore and hind legs ...
FRINGE_ROW = 0.31  # ... at this height (the belly's middle hangs at 0.4), its locks' ends hang
LOCKS = 3  # apart: at least this many of them


def calf() -> np.ndarray:
    """The white calf on black, lit (columns x rows)."""
    frame = frame_at(BLACK + CALF + NO_POST, "12:00", 1.0, SIZE)
    return frame.min(axis=2)


def row(y: float) -> int:
    return int(FEET[1] - y * PX)


def column(x: float) -> int:
    return int(FEET[0] + x * PX)


def edge(lit: np.ndarray, ys: tuple[float, float], front: bool) -> float:
    """The leg's edge (units) over these heights: the furthest forward (`front`: the least x)
    or back its pixels reach in any of their rows, near the legs' columns."""
    rows = range(row(ys[1]), row(ys[0]) + 1)
    cols = [np.flatnonzero(lit[column(-0.5):column(0.6), r] > 128) + column(-0.5) for r in rows]
    reach = [c.min() if front else c.max() for c in cols if c.size]
    return ((min(reach) if front else max(reach)) - FEET[0]) / PX


def test_its_fore_legs_have_knees() -> None:
    lit = calf()
    knee = edge(lit, (0.2, 0.23), True)
    above, below = edge(lit, (0.27, 0.3), True), edge(lit, (0.13, 0.15), True)
    assert knee <= min(above, below) - KNEE_OUT, f"knee {knee:.3f}, {above:.3f} / {below:.3f}"
    assert knee >= FORE_FRONT - 0.06, "the near fore leg's"


def test_its_hind_legs_have_hocks() -> None:
    lit = calf()
    hock = edge(lit, (0.17, 0.22), False)
    cannon = edge(lit, (0.1, 0.12), False)
    assert hock >= cannon + HOCK_OUT, f"hock {hock:.3f}, cannon {cannon:.3f}"


def test_hair_hangs_in_locks_under_its_belly() -> None:
    lit = calf()[column(BETWEEN[0]):column(BETWEEN[1]), row(FRINGE_ROW)] > 128
    runs = int(np.count_nonzero(lit[1:] & ~lit[:-1])) + int(lit[0])
    assert runs >= LOCKS, f"{runs} locks of hair between its legs"


FIRM = 3  # px: the fore leg's front edge wanders at most this far over its forearm ...
FIRM_STEP = 0.6  # ... and this far a row on average (a bulge at each joint and the whole
# coat's ragged edge on the legs: 5 px and 0.74, the rim light at 10:50 tracing a wobble)


def test_its_fore_leg_is_a_firm_column_over_the_knee() -> None:
    """At 10:50 under the rim light its legs read as soft tubes: over the forearm, between the
    body and the knee, the near fore leg's front edge runs straight down."""
    lit = calf()
    edges = []
    for y in range(row(0.4), row(0.26) + 1):
        found = np.flatnonzero(lit[column(-0.5):column(-0.25), y] > 128)
        edges.append(float(found.min()) if found.size else np.nan)
    front = np.array(edges)
    assert np.nanmax(front) - np.nanmin(front) <= FIRM, f"wanders {np.ptp(front)} px"
    assert np.nanmean(np.abs(np.diff(front))) <= FIRM_STEP, "a ragged edge row to row"
