"""The searchlights' skyline (04:50) and the one through the diner's glass (04:20) are Los
Angeles, not New York: a low city with a few flat-topped slabs, no spire or mast over it, and
windows of many sizes, some buildings dark."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np
import pygame
import pytest
from scipy import ndimage

from installation.core.timeline import load_timeline

from .helpers import NO_POST, draw, layer, one_scene

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (1920, 1080)  # (the diner's far windows are 2-5 px: at half size they ran together)
SKY = "#ff00ff"  # a sky no building is painted in
LOW = 0.5  # of the skyline's height: the 2-6 storey blocks (6 of 20 storeys: 0.3) and the palms
# over them (0.48 at most) stand under this
SPIRE = 0.012  # of the width: over the low blocks nothing standing is narrower (a slab 0.03
# or more, its roof's box 0.016, a far downtown tower 0.015; a mast 2 pixels at 1920, a stepped
# crown's top tier 8-14)
SIZES = 4  # lit windows of at least this many different sizes...
SAME_SIZE = 0.6  # ...and at most this share of them of one size (the old grid: 0.84 and 0.94
# of them 8x9 px; now 0.51 and 0.27)
SCENES = {"Panic in the diner": ("04:20", "04:22"),
          "Searchlights over the mall": ("04:50", "04:52")}


@cache
def skyline(name: str) -> tuple[np.ndarray, int, int]:
    """The shipped scene's skyline alone over a magenta sky at SIZE: its pixels (x, y, rgb),
    the row its ground is on and its tallest tower in pixels."""
    scene = next(s for s in load_timeline(SHIPPED).scenes if s.name == name)
    keys = next(spec for spec in scene.layers if spec.type == "skyline").params
    shown = {k: keys[k] for k in ("style", "ground", "height", "landmark") if k in keys}
    line = one_scene(layer("sky", top=SKY, bottom=SKY, stars=0, clouds=0, sun=False)
                     + layer("skyline", restless=0, **shown) + NO_POST, at=SCENES[name][0])
    pixels = pygame.surfarray.array3d(draw(line, SCENES[name][1], size=SIZE)).astype(int)
    return pixels, int(SIZE[1] * keys["ground"]), int(SIZE[1] * keys["height"])


def standing(pixels: np.ndarray) -> np.ndarray:
    """Where a building stands (not the magenta sky)."""
    return ~((pixels[..., 0] > 200) & (pixels[..., 2] > 200) & (pixels[..., 1] < 120))


@pytest.mark.parametrize("name", list(SCENES))
def test_nothing_narrower_than_a_slab_rises_over_the_low_city(name: str) -> None:
    """Over the 2-6 storey blocks and their palms only slabs stand, flat-topped: no spire,
    mast or stepped crown's narrow top (the Empire State-style tower at x~1690 of 04:52)."""
    pixels, ground, tallest = skyline(name)
    built = standing(pixels)
    least = SPIRE * SIZE[0]
    for y in range(ground - tallest - SIZE[1] // 40, ground - int(LOW * tallest)):
        row = np.concatenate(([0], built[:, y].astype(np.int8), [0]))
        edges = np.flatnonzero(np.diff(row))
        widths = edges[1::2] - edges[::2]
        narrow = widths < least
        assert not narrow.any(), (
            f"{name}: at row {y} a building {widths[narrow].min()} px wide stands over the low "
            f"city (at x {edges[::2][narrow].tolist()}): a spire, not a slab")
    assert built[:, ground - tallest // 20].mean() > 0.9, "no low city along the ground"


@pytest.mark.parametrize("name", list(SCENES))
def test_windows_differ_in_size_and_some_buildings_are_dark(name: str) -> None:
    """The lit windows are not one big square repeated: several sizes, none bigger than an
    office's window at this distance, and long stretches of the city dark."""
    pixels, ground, tallest = skyline(name)
    band = pixels[:, ground - tallest:ground]
    lit = (band[..., 0] > 150) & (band[..., 1] > 100) & (band[..., 2] < 170)
    labels, count = ndimage.label(lit)
    boxes = ndimage.find_objects(labels)
    sizes = Counter((b[0].stop - b[0].start, b[1].stop - b[1].start) for b in boxes)
    assert len(sizes) >= SIZES, f"{name}: the lit windows come in {sorted(sizes)} only"
    size, most = sizes.most_common(1)[0]
    assert most <= SAME_SIZE * count, (
        f"{name}: {most} of the {count} lit windows are {size} px (one square repeated)")
    columns = lit.any(axis=1) & standing(pixels)[:, ground - 2]
    assert columns.mean() < 0.8, f"{name}: lit windows over {columns.mean():.0%} of the width"
