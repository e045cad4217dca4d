"""Park La Brea (04:35-04:50): past Lucy and Ivan's window and their tower's corner, the right
of the picture is the night: the sky over the park and the next towers' lit windows (on
4a551ad6 the wall beside their window and their tower's side in shade filled it to 0.84 of
the width: a blank wall for the right half of the picture). This replaces the test that their
side in shade was one opaque wall: that side is turned away now, out of the picture."""

from __future__ import annotations

from .test_park_la_brea import FULL_HD, frame, show

CORNER = 0.7  # of the width: their tower's wall ends left of this
NIGHT = 0.6  # at least this share of the right third's upper half is night sky (bluish; 0.33 then)
SKY_BLUE = 12  # a pixel of night sky is this much bluer than red
GOLD = 40  # a pixel this much redder than blue is a lit window's lamplight
LIT = 0.03  # at least this share of the right third is lit windows of the towers beyond (0.1
# when each window took 0.84 x 0.66 of its bay; a third of that now: see xplan_geometry.FAR_PANE)


def test_past_their_corner_the_night_and_the_next_towers_not_a_wall() -> None:
    _, plan = show()
    width, height = FULL_HD
    corner = max(x for p in plan.planes if p.tower == 0 for x, _y in p.outline)
    assert corner < CORNER * width, f"their tower's walls reach {corner / width:.2f} across"
    right = frame("04:42")[round(CORNER * width):, round(0.15 * height):round(0.85 * height)]
    upper = right[:, :right.shape[1] // 2]
    sky = (upper[..., 2] - upper[..., 0] > SKY_BLUE).mean()
    assert sky >= NIGHT, f"{sky:.2f} of the right third's upper half is night sky"
    lit = (right[..., 0] - right[..., 2] > GOLD).mean()
    assert lit >= LIT, f"{lit:.3f} of the right third is lit windows"
