"""Park La Brea (04:35-04:50), the right of the picture: their tower's wall ends at their
window's frame in a corner (on 823e887f a blank wall slab 360 px wide stood between the window
and the sky), past it the next tower stands whole on a lawn lit by its lamps and the city's
glow (not on a black band), and the caption sits in the night sky, not across the corner."""

from __future__ import annotations

import numpy as np

from .test_park_la_brea import FULL_HD, frame, show

PIER = 0.08  # of the width: their tower's wall right of their window, at most (0.186; now 0.073)
LAWN = 22  # the lawn past the corner: its median brightness at least (a black band: ~12)
LAMP_BRIGHT, LAMPS = 190, 3  # a lamp's globe on the lawn: this bright; at least this many
# (its light is added over the lawn: 200 when the near lawn kept a quarter of the far edge's
# mauve glow, down the picture by row; graded by distance it is the grass there, a few levels
# darker, and so are the globes over it)
EDGE = 2  # pixels: no tower past the corner but the farthest reaches within this of the
# picture's right edge
CAPTION_CLEAR = 0.02  # of the width: the caption starts at least this far right of the corner


def corner() -> float:
    """Where their tower's corner (its rightmost wall) stands, in pixels."""
    _, plan = show()
    return max(x for plane in plan.planes if plane.tower == 0 for x, _ in plane.outline)


def test_their_wall_ends_in_a_corner_at_their_windows_frame() -> None:
    """Right of their window the wall is a narrow pier to the corner, not a blank board."""
    _, plan = show()
    assert plan.home is not None
    pier = (corner() - plan.home.right) / FULL_HD[0]
    assert pier <= PIER, f"{pier:.3f} of the width is bare wall right of their window"


def test_past_the_corner_a_lit_lawn_with_lamps_not_a_black_band() -> None:
    """Under the towers past the corner the park is grass in the glow, with lamps on it."""
    width, height = FULL_HD
    lawn = frame("04:42")[round(corner()) + 4:, round(0.9 * height):]
    brightness = lawn.mean(axis=2)
    assert np.median(brightness) >= LAWN, f"median {np.median(brightness):.0f}"
    bright = brightness >= LAMP_BRIGHT
    globes = int((np.diff(bright.any(axis=1).astype(int)) == 1).sum())
    assert globes >= LAMPS, f"{globes} lamps on the lawn"


def test_the_towers_past_the_corner_stand_whole_but_the_farthest_runs_off_the_edge() -> None:
    """No tower past the corner is cut by the picture's right edge but the farthest, which runs
    off it, a building to the frame (whole, the night sky stood between it and the frame down
    to the lawn: a windowless mauve slab; see test_park_la_brea_trees)."""
    _, plan = show()
    far = {plane.tower for plane in plan.planes} - {0}
    farthest = max(far, key=lambda tower: plan.cores[tower])
    for tower in far:
        right = max(x for plane in plan.planes if plane.tower == tower for x, _ in plane.outline)
        if tower == farthest:
            assert right > FULL_HD[0], f"the farthest tower ends at {right:.0f}"
        else:
            assert right <= FULL_HD[0] - EDGE, f"tower {tower} reaches {right:.0f}"


def test_the_caption_is_in_the_night_sky_not_across_the_corner() -> None:
    """The caption's words begin in the sky past the corner."""
    line, _ = show()
    scene = next(s for s in line.scenes if s.name == "Park La Brea")
    caption = next(spec.params for spec in scene.layers if spec.type == "caption")
    assert caption["x"] * FULL_HD[0] >= corner() + CAPTION_CLEAR * FULL_HD[0]
