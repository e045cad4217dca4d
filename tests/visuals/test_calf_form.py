"""The calf reads as a woolly mammoth's calf, not an elephant under a howdah: from the hump over
its shoulders its back slopes down to low hindquarters, with no box-like bump on the rump."""

from __future__ import annotations

import numpy as np

from installation.visuals.mammoth import CALF_TAIL_ROOT
from installation.visuals.mammoth_calf import SHAG
from installation.visuals.mammoth_coat import FUR_PIXELS, LIES, SHAG_PIXELS

from .helpers import NO_POST, frame_at, layer

SIZE = (1280, 720)
SCALE = 2.0
PX = SCALE * 0.25 * SIZE[1]  # its pixels to a unit (scale times UNIT times the height)
FEET = (0.5 * SIZE[0], 0.95 * SIZE[1])
BLACK = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
CALF = layer("silhouette", shape="calf", x=0.5, y=0.95, scale=SCALE, color="#ffffff")
SHOULDERS = (-0.25, 0.1)  # units: the hump over its shoulders lies somewhere across these
# The most its back's edge may stand above the straight line from the hump to the tail's root:
# the longest lock of its coat on its back (its fur, 1.4 times a mother's, up to 2.2 times
# its length; its shag, SHAG of hers, lying flat but for 1 - LIES of it), and 0.02 units for the
# rump rounding off (the old calf's level back and boxy rump stood 0.06-0.07 units above it).
LOCK = 1.4 * FUR_PIXELS * 2.2 + SHAG * SHAG_PIXELS * (1 - LIES)
ROUNDING = 0.02


def column(x: float) -> int:
    return int(FEET[0] + x * PX)


def test_the_calfs_back_slopes_from_its_shoulders_to_its_tail_with_no_bump() -> None:
    frame = frame_at(BLACK + CALF + NO_POST, "12:00", 1.0, SIZE)
    lit = frame.min(axis=2) > 128
    tops = np.array([np.flatnonzero(c)[0] if c.any() else SIZE[1] for c in lit], dtype=float)
    shoulders = range(column(SHOULDERS[0]), column(SHOULDERS[1]))
    hump = min(shoulders, key=lambda x: tops[x])
    tail = column(CALF_TAIL_ROOT[0])
    xs = np.arange(hump, tail + 1)
    chord = tops[hump] + (tops[tail] - tops[hump]) * (xs - hump) / (tail - hump)
    above = float((chord - tops[xs]).max())  # rows its back stands above the line
    assert tops[tail] - tops[hump] > 0.25 * PX, "its hindquarters lie low"
    assert above <= LOCK + ROUNDING * PX, f"{above:.1f} rows of bump over the rump"
