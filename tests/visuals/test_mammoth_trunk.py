"""The mother's trunk in the tar reads as a trunk: down from her face and curled at rest, and
raised in the call up before her face, its tip curled forward (laid back over her brow as she
strained, 08:00-12:00, it read as a cap on her head)."""

from __future__ import annotations

from installation.visuals.mammoth import MIRED, MIRED_EYE, MIRED_TRUNKS, trunk_line
from installation.visuals.mammoth_pose import lifted_all

DOWN = 0.1  # units: at rest it hangs this far below its root at least (main: 0.05)
AHEAD = 0.1  # units: raised, its highest point stands this far in front of her eye at least
# (main: over her eye, on her brow)


def test_at_rest_her_trunk_hangs_down_from_her_face_and_curls_up() -> None:
    line = trunk_line(MIRED_TRUNKS, 0.0)
    root, lowest = line[0], min(line, key=lambda p: p[1])
    assert root[1] - lowest[1] >= DOWN, f"down from her face {root[1] - lowest[1]:.2f}"
    assert line[-1][1] > lowest[1] + DOWN, "its tip curled up again"


def test_raised_in_the_call_it_stands_before_her_face_its_tip_curled_forward() -> None:
    line = trunk_line(MIRED_TRUNKS, 1.0)
    top = max(line, key=lambda p: p[1])
    eye = lifted_all([MIRED_EYE], 1.0)[0]
    assert top[0] <= eye[0] - AHEAD, f"its top {eye[0] - top[0]:.2f} in front of her eye"
    assert line[-1][0] < top[0], "its tip curled forward, not back over her brow"
    crown = max(lifted_all(MIRED, 1.0), key=lambda p: p[1])
    assert crown[0] > eye[0], "her crown, behind her eye, is still her head's top"
