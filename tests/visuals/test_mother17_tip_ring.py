"""The last of the mother going under (10:41-10:41:20): the tar closes round her trunk's tip
in a ring, so the tip's foot on the tar is rounded, lowest under its middle and drawn up its
sides (it met the tar in a straight soft row, as if cut by a ruler)."""

from __future__ import annotations

import numpy as np

from .test_going_under_tip import alone, built

SCENE = "The sun comes back to the tar pits"
DARK = 60  # a pixel of her, over the grey she is drawn alone on
ROUND = 6  # rows: each end of the tip's foot stands at least this far above its lowest row
# (base: 3 at 10:41 and 10:41:10, 4 at 10:41:20 on its left end)
TIMES = ("10:41", "10:41:10", "10:41:20")


def foot(at: str) -> np.ndarray:
    """The lowest row of her in each column of what stands over the tar near it, at `at`."""
    her = built(SCENE)
    dark = alone(at)[:, :her.line + 3] < DARK
    columns = np.flatnonzero(dark[:, her.line - 120:].any(axis=1))
    assert columns.size, f"{at}: the tip of her trunk shows"
    return np.array([np.flatnonzero(dark[x])[-1] for x in columns])


def test_the_tar_closes_round_her_trunk_tip_in_a_ring_not_a_ruler_line() -> None:
    for at in TIMES:
        rows = foot(at)
        lowest = rows.max()
        ends = (lowest - rows[0], lowest - rows[-1])
        assert min(ends) >= ROUND, f"{at}: the ends of its foot stand {ends} rows over it"
