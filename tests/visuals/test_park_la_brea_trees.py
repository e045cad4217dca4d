"""Park La Brea (04:35-04:50) past their tower's corner: the trees at the towers' feet are trees
before dawn, crowns massed in clumps lit on top by the city's glow and shaded under, taller than
a storey on trunk and limbs (on ee6075ee flat blobs on sticks, kept under the lowest windows);
the farthest tower runs off the picture's right edge, windows and all (on ee6075ee the night
sky stood between it and the frame, a windowless mauve slab at x 1890-1920, y 780-846); the
countdown and the caption under it stand apart, the night between their shades."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame
import pytest
from scipy import ndimage

import installation.visuals.xplan as xplan
from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.caption import Caption
from installation.visuals.countdown import Countdown
from installation.visuals.render import headless
from installation.visuals.xplan_geometry import _inside
from installation.visuals.xplan_park import park_top

from .helpers import one_frame
from .test_park_la_brea import FULL_HD, show
from .test_park_la_brea_corner import corner

LUMA = np.array([0.3, 0.59, 0.11])
TREE = 6  # levels a pixel changes by, at least, when the trees are painted: a tree's
FOOT_ROWS = 1000  # a clump at a near tower's foot stands on the lawn below this row
NARROW = 8  # pixels: a piece of tree narrower than this is a far tree's trunk, left out
TALL = 85  # pixels: the tallest clump at a near tower's foot, at least (~1.8 storeys there;
# ee6075ee: 57, under the first row of windows)
LIT_OVER_SHADE = 3.0  # the lit tops' brightness (90th percentile of a tree's pixels) over its
# shaded undersides' (10th), at least (ee6075ee: 1.8, one flat tone and a thin rim)
STRIP = pygame.Rect(1890, 780, 30, 66)  # the picture's right edge over the lawn
WARM, LIT_SHARE = 30, 0.05  # a lit window's pixel is this much redder than blue; at least this
# share of the strip's pixels are (the farthest tower's windows, most lit by 04:49)
APART = 0.025  # of the picture's height: rows of untouched night between the countdown's shade
# and the caption's, at least (ee6075ee: none, one dark slab)
MOVED = 1.0  # levels: a row is under a shade where SHADED of its pixels over the caption's
SHADED = 75  # columns (right of CAPTION_X of the width) are darker than this with them than
CAPTION_X = 0.6  # without (the night sky is dark: a shade darkens it by 3-10 levels)


def picture(at: str, trees: bool = True, overlays: bool = True) -> np.ndarray:
    """The show's frame at `at` (no pace), with or without the park's trees, or the caption and
    the countdown."""
    headless()
    line, _ = show()
    with pytest.MonkeyPatch.context() as patch:
        if not trees:
            patch.setattr(xplan, "paint_tree", lambda *_args: None)
        if not overlays:
            patch.setattr(Caption, "draw_at", lambda *_args: None)
            patch.setattr(Countdown, "draw", lambda *_args: None)
        surface = one_frame(line, FULL_HD, state_at(line, parse_clock(at)), None,
                            lambda _message: None)
    return pygame.surfarray.array3d(surface).astype(float)


@cache
def trees(at: str) -> tuple[np.ndarray, np.ndarray]:
    """Where the trees past the corner are (True) and the frame's brightness."""
    drawn = picture(at)
    mask = np.abs(drawn - picture(at, trees=False)).max(axis=2) > TREE
    mask[:round(corner()) + 1] = False
    return mask, drawn @ LUMA


def test_the_trees_at_the_towers_feet_rise_over_their_lowest_floors() -> None:
    """The clumps of trees at the near towers' feet stand TALL pixels at least: crowns on
    trunks and limbs in front of the lowest floors, not blobs under their windows."""
    mask, _ = trees("04:42")
    labels, _ = ndimage.label(mask)
    heights = [down.stop - down.start for across, down in ndimage.find_objects(labels)
               if down.stop >= FOOT_ROWS and across.stop - across.start >= NARROW]
    assert heights and max(heights) >= TALL, heights


@pytest.mark.parametrize("at", ["04:37", "04:49"])
def test_the_trees_crowns_are_lit_on_top_and_shaded_under(at: str) -> None:
    """A tree's pixels span from the deep shade under its clumps to their tops in the city's
    glow: the brightest tenth LIT_OVER_SHADE times the darkest tenth, at least."""
    mask, light = trees(at)
    lit, shade = np.percentile(light[mask], [90, 10])
    assert lit >= LIT_OVER_SHADE * shade, (lit, shade)


def test_the_farthest_tower_runs_off_the_right_edge_to_the_lawn() -> None:
    """Down the picture's right edge from the farthest tower's roof to the lawn it is that
    tower's wall, not a strip of the night sky (a mauve slab beside it)."""
    _, plan = show()
    assert plan.view is not None
    edge = park_top(plan.view, list(plan.cores[1:]))
    x = FULL_HD[0] - 3
    for y in range(STRIP.top, edge - 2):
        assert any(_inside((x, y), plane.outline) for plane in plan.planes
                   if plane.tower != 0), f"sky at ({x}, {y})"


def test_the_right_edge_over_the_lawn_shows_lit_windows() -> None:
    """At 04:49 the strip at the right edge over the lawn holds the farthest tower's lit
    windows (it was a flat mauve, windowless)."""
    strip = picture("04:49")[STRIP.left:STRIP.right, STRIP.top:STRIP.bottom]
    warm = (strip[..., 0] - strip[..., 2] > WARM).mean()
    assert warm >= LIT_SHARE, warm


def test_the_countdown_and_the_caption_have_the_night_between_them() -> None:
    """20 s into the scene (no pace: its caption typed and held), under the countdown and over
    the caption's stamp, APART of the picture's height is night untouched by either's shade:
    two things, the countdown over the caption, not one dark slab."""
    with_them = picture("04:35:20") @ LUMA
    without = picture("04:35:20", overlays=False) @ LUMA
    under = (without - with_them)[round(CAPTION_X * FULL_HD[0]):]  # (their columns)
    shaded = np.percentile(under, SHADED, axis=0) > MOVED
    rows = np.flatnonzero(shaded[:FULL_HD[1] // 2])
    gaps = np.diff(rows) - 1
    assert gaps.max() >= APART * FULL_HD[1], (rows.min(), rows.max(), gaps.max())
