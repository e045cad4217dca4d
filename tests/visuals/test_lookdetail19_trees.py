"""Park La Brea's trees (04:35-04:45) read as trees at night under the path lamps: the clumps at
the near tower's foot, beside the lamps along the path there, warm underneath in the lamps'
light and cool on top in the city's glow, on trunks that flare at the foot and taper (on
a2f51b4f one cool tone top to bottom on sticks)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest
from scipy import ndimage

from installation.visuals import xplan, xplan_trees
from installation.visuals.render import headless

from .test_park_la_brea_trees import FOOT_ROWS, picture, trees

WIDE = 30  # pixels: a clump of trees at the near tower's foot, at least (a far tree is a few)
WARM = 10  # levels: the warmest tenth of a clump's lower half is this much redder than blue...
WARMER = 8  # ...and this much warmer than the warmest tenth of its upper half (a2f51b4f: -3
# and -1: the same cool grey under and over)
FLARE_LEAST = 1.6  # a big tree's trunk at its foot, this much wider than 0.6 of the way up it
# at least (a2f51b4f: 1.2, a stick)
INK = (10, 10, 10), (20, 20, 20), (30, 30, 30)  # a tree's shade, body and lit tops, dark on white
NEAR = 120.0  # pixels a storey measures: a tree seen close, on a surface of its own
PAPER = (600, 600)


def _warmest(pixels: np.ndarray) -> float:
    """How much redder than blue the warmest tenth of `pixels` (rows of r, g, b) are."""
    return float(np.percentile(pixels[:, 0] - pixels[:, 2], 90))


def test_the_clumps_by_the_lamps_are_lit_warm_from_below() -> None:
    """At 04:42 each clump of trees at the near tower's foot is warm in its lower half, where the
    path lamps beside it light it, and cool over it, in the city's glow."""
    mask, _ = trees("04:42")
    with pytest.MonkeyPatch.context() as patch:  # (the path's lamps now stand in front of the
        patch.setattr(xplan, "paint_lamps", lambda *_args: None)  # clumps: their globes' glow
        drawn = picture("04:42")  # over a crown is the lamp's, not the tree's)
    labels, _ = ndimage.label(mask)
    clumps = [(k, across, down) for k, (across, down) in enumerate(ndimage.find_objects(labels), 1)
              if down.stop >= FOOT_ROWS and across.stop - across.start >= WIDE]
    assert clumps
    for k, across, down in clumps:
        half = (down.start + down.stop) // 2
        lower = drawn[across, half:down.stop][labels[across, half:down.stop] == k]
        upper = drawn[across, down.start:half][labels[across, down.start:half] == k]
        under, over = _warmest(lower), _warmest(upper)
        assert under >= WARM and under - over >= WARMER, (across.start, under, over)


def test_a_trunk_flares_at_its_foot_and_tapers() -> None:
    """A tree seen close stands on a trunk FLARE_LEAST times as wide at its foot as 0.6 of the
    way up it, each of several trees."""
    headless()
    for n in range(6):
        paper = pygame.Surface(PAPER)
        paper.fill((255, 255, 255))
        tree = xplan_trees.Tree((PAPER[0] / 2, PAPER[1] - 40.0), NEAR, 10.0, n)
        xplan_trees.paint_tree(paper, tree, (0, 0), INK, 3)
        ink = pygame.surfarray.array3d(paper)[..., 0] < 128
        trunk = xplan_trees.shape(tree, 3).trunk
        foot, up = ink[:, round(tree.foot[1]) - 1].sum(), ink[:, round(tree.foot[1] - 0.6 * trunk)]
        assert foot >= FLARE_LEAST * up.sum(), (n, foot, up.sum())
