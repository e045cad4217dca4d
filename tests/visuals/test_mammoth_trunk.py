"""The mother's trunk in the tar reads as a trunk: swung up before her face at rest, its tip
curled forward, and raised in the call up before her face, its tip flicked forward (laid back
over her brow as she strained, 08:00-12:00, it read as a cap on her head). (At rest it hung
down from her face and curled up in a J, along her near tusk's lower sweep: the tusk cut it
into a bow-tie at 10:34; see test_going_under_reads.)"""

from __future__ import annotations

from installation.visuals.mammoth import MIRED, MIRED_EYE
from installation.visuals.mammoth_pose import lifted_all
from installation.visuals.mammoth_trunk import MIRED_TRUNKS, trunk_line

SAG = 0.05  # units: at rest it dips this far below its root at most (base: 0.12, hanging) ...
UP = 0.1  # ... and its tip curls up this far over its root at least
AHEAD = 0.1  # units: raised, its highest point stands this far in front of her eye at least
# (main: over her eye, on her brow)


def test_at_rest_her_trunk_swings_up_before_her_face() -> None:
    line = trunk_line(MIRED_TRUNKS, 0.0)
    root, lowest = line[0], min(line, key=lambda p: p[1])
    assert root[1] - lowest[1] <= SAG, f"down from her face {root[1] - lowest[1]:.2f}"
    assert line[-1][1] >= root[1] + UP, "its tip curled up before her face"
    assert line[-1][0] < root[0], "in front of her face"


def test_raised_in_the_call_it_stands_before_her_face_its_tip_curled_forward() -> None:
    line = trunk_line(MIRED_TRUNKS, 1.0)
    top = max(line, key=lambda p: p[1])
    eye = lifted_all([MIRED_EYE], 1.0)[0]
    assert top[0] <= eye[0] - AHEAD, f"its top {eye[0] - top[0]:.2f} in front of her eye"
    rearmost = max(point[0] for point in line if point[1] > eye[1])
    assert line[-1][0] < rearmost - AHEAD / 2, "its tip curled forward, not back over her brow"
    crown = max(lifted_all(MIRED, 1.0), key=lambda p: p[1])
    assert crown[0] > eye[0], "her crown, behind her eye, is still her head's top"
