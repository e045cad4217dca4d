"""Behind the tar pits at noon stand Hancock Park's trees, green in the sun, with the towers of
Wilshire rising over them (the skyline's `trees`)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.core.timeline import load_timeline

from .helpers import NO_POST, draw, layer, one_scene
from .test_skyline22_lowrise import SHIPPED, SKY, standing

SIZE = (960, 540)
LEAVES = (0.04, 0.2)  # the rows looked at: this far over the ground, of the skyline's height
GREEN = 4  # a leaf's green is this much over its red and its blue (the haze greys it)
WOODED = 0.7  # at least this share of the width is trees along those rows
TOWERS_OVER = 0.6  # of the skyline's height: towers still stand over this


@cache
def _noon() -> tuple[np.ndarray, int, int]:
    """The shipped tar pits' skyline alone at 12:10 over a magenta sky: its pixels (x, y,
    rgb), its ground's row and its height in pixels."""
    scene = next(s for s in load_timeline(SHIPPED).scenes if s.name == "La Brea Tar Pits")
    keys = next(spec for spec in scene.layers if spec.type == "skyline").params
    shown = {k: keys[k] for k in ("style", "ground", "height", "look", "trees")}
    line = one_scene(layer("sky", top=SKY, bottom=SKY, stars=0, clouds=0, sun=False)
                     + layer("skyline", restless=0, color="#1a1c26", **shown) + NO_POST,
                     at="12:00")
    pixels = pygame.surfarray.array3d(draw(line, "12:10", size=SIZE)).astype(int)
    return pixels, int(SIZE[1] * keys["ground"]), int(SIZE[1] * keys["height"])


def test_park_trees_stand_along_the_skyline_foot_with_towers_over_them() -> None:
    """Along the buildings' feet the park's trees stand green across most of the width; the
    slabs of Wilshire rise well over them."""
    pixels, ground, tall = _noon()
    rows = pixels[:, ground - int(LEAVES[1] * tall):ground - max(1, int(LEAVES[0] * tall))]
    red, green, blue = rows[..., 0], rows[..., 1], rows[..., 2]
    leafy = ((green > red + GREEN) & (green > blue + GREEN)).mean(axis=1) > 0.5
    assert leafy.mean() >= WOODED, f"trees along {leafy.mean():.0%} of the foot"
    assert standing(pixels)[:, ground - int(TOWERS_OVER * tall)].any(), "no tower over them"
