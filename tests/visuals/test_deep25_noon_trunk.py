"""At noon (12:00-14:30) the mother strains every ~11 real seconds, her head lifted: her trunk
keeps hanging and moving as a trunk does in the strain, its tip below its root at every
height of it (swung on up to raised over her crown, half way through each strain it passed
level and curled before her tusk for a moment: a pose)."""

from __future__ import annotations

import numpy as np

from installation.visuals.mammoth_lift import POSES
from installation.visuals.mammoth_trunk import HANGING_TRUNKS, trunk_line

HEIGHTS = np.linspace(0.0, 1.0, 4 * (POSES - 1) + 1)  # her strain's heights, and between
BELOW = 0.05  # units: its tip at least this far below its root


def test_through_a_strain_her_trunks_tip_hangs_below_its_root() -> None:
    for lift in HEIGHTS:
        line = trunk_line(HANGING_TRUNKS, float(lift), float(lift))
        (_x0, root), (_x1, tip) = line[0], line[-1]
        assert tip <= root - BELOW, f"lifted {lift:.2f}: its tip {tip:.2f}, its root {root:.2f}"
