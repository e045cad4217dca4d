"""Park La Brea (04:35-04:50): a tree warm from below has its path lamp in sight (on 514f45fc
the clumps at the next tower's foot glowed from lamps standing hidden behind its wings: a glow
with no lamp to make it), and on a 4:3 picture the caption stands in the night past their
tower's corner, clear of its wall and inside the picture (on 514f45fc at 1440x1080 its words
began 80 px over the wall and ran across the corner)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.caption import Caption
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.xplan import layout
from installation.visuals.xplan_park import LAMP_HIGH, lamps
from installation.visuals.xplan_trees import LAMP_REACH

from .helpers import with_and_without
from .test_park_la_brea import FULL_HD, show
from .test_park_la_brea_trees import picture

GLOBE = 150  # a lamp's globe seen: its middle pixel's red channel at least this (the wall or
# a crown where a hidden lamp stands: under 80)
SIZES_4_3 = ((1440, 1080), (1024, 768))


def test_every_tree_lit_from_below_is_lit_by_lamps_in_sight() -> None:
    """At 04:42 the light on each tree a path lamp lights from below is no more than the
    lamps whose globes are seen in the picture give it (each lights the trees within
    LAMP_REACH storeys of it, the nearer the more): none comes from a lamp hidden by a wall."""
    headless()
    line, _ = show()
    scene = next(s for s in line.scenes if s.name == "Park La Brea")
    (n, spec), = [(n, s) for n, s in enumerate(scene.layers) if s.type == "skyline"]
    seed = Compositor(line, FULL_HD, lambda _message: None).setup(scene, n, "skyline").seed
    p = spec.params
    plan = layout(FULL_HD, p["ground"], p["height"], p["home"], seed)
    assert plan.view is not None
    view, drawn = plan.view, picture("04:42")

    def across(foot: tuple[float, float], z: float) -> float:
        return (foot[0] - view.centre) * z / view.focal

    seen = [lamp for lamp in lamps(view, drawn.shape[0], plan.seed)
            if drawn[round(lamp.foot[0]), round(lamp.foot[1] - LAMP_HIGH * lamp.storey), 0]
            >= GLOBE]
    lit = [tree for tree in plan.trees if tree.lamp > 0]
    assert len(lit) >= 5, "the clumps at the next tower's foot are lit by the path's lamps"
    for tree in lit:
        given = sum(max(0.0, 1.0 - math.hypot(across(lamp.foot, lamp.z) - across(tree.foot, tree.z),
                                              lamp.z - tree.z) / LAMP_REACH) for lamp in seen)
        assert tree.lamp <= min(1.0, given) + 1e-6, (tree.n, round(tree.lamp, 2), round(given, 2))


@pytest.mark.parametrize("size", SIZES_4_3)
def test_at_4_3_the_caption_stands_past_their_towers_corner(size: tuple[int, int]) -> None:
    """On a 4:3 picture the caption's stamp and words lie right of their tower's corner and
    end inside the picture."""
    headless()
    line, _ = show()
    scene = next(s for s in line.scenes if s.name == "Park La Brea")
    p = next(spec.params for spec in scene.layers if spec.type == "skyline")
    plan = layout(size, p["ground"], p["height"], p["home"])
    corner = max(x for plane in plan.planes if plane.tower == 0 for x, _ in plane.outline)
    compositor = Compositor(line, size, lambda _message: None)
    (k, words), = [(k, s) for k, s in enumerate(scene.layers) if s.type == "caption"]
    box = Caption(words.params, compositor.setup(scene, k, "caption")).box()
    assert box.left > corner, (box.left, corner)
    assert box.right <= size[0], (box.right, size[0])


def test_at_4_3_the_words_are_drawn_on_the_night_not_on_the_wall() -> None:
    """At 1440x1080 the caption's letters (where the picture changes with them) lie right of
    their tower's corner: none of the wall left of it is lit by them."""
    headless()
    line, _ = show()
    size = SIZES_4_3[0]
    at = state_at(line, parse_clock("04:35:20"))
    p = next(s.params for s in at.scene.layers if s.type == "skyline")
    plan = layout(size, p["ground"], p["height"], p["home"])
    corner = max(x for plane in plan.planes if plane.tower == 0 for x, _ in plane.outline)
    words, bare = with_and_without(Compositor(line, size, lambda _message: None), at, Caption,
                                   "draw_at")
    brighter = (words.astype(float) - bare).max(axis=2) > 40  # (a letter's ink, not its shade)
    assert brighter.any(), "the words are drawn"
    assert not brighter[:math.floor(corner)].any(), int(np.flatnonzero(brighter.any(axis=1))[0])
