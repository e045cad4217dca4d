"""Every skyline of the shipped day is Los Angeles' (the Miracle Mile's low city), not New
York's: nothing narrower than an office slab rises over the low roofs (no spire, mast or
stepped crown), and the slabs stand few and apart over a low city."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.core.timeutil import format_clock

from .helpers import NO_POST, draw, layer, one_scene
from .test_skyline22_lowrise import SHIPPED, SKY, standing

SIZE = (1920, 1080)
LOW = 0.5  # of the skyline's height: the 2-6 storey blocks and the palms over them stand under
SPIRE = 0.012  # of the width: over the low blocks nothing standing is narrower (a slab's roof
# box 0.016 or more; a mast 1 pixel here, a deco tower's top tier 4-7)
TALL_SHARE = 0.36  # the columns where anything rises over LOW are at most this share of the
# width (a few slabs and the May Company: 0.26-0.32; the towers of before: 0.44-0.57)
KEYS = ("style", "ground", "height", "landmark", "look", "color")

def _cities() -> list[str]:
    """The shipped scenes with a skyline of the city (not Park La Brea's towers), one of
    those that show the same city with the same keys."""
    seen: dict[str, str] = {}
    for scene in load_timeline(SHIPPED).scenes:
        for spec in scene.layers:
            if spec.type == "skyline" and spec.params["style"] != "towers":
                seen.setdefault(repr([spec.params.get(k) for k in KEYS]), scene.name)
                break
    return list(seen.values())


SCENES = _cities()


@cache
def skyline(name: str) -> tuple[np.ndarray, int, int]:
    """The shipped scene's skyline alone over a magenta sky two minutes into the scene: its
    pixels (x, y, rgb), the row its ground is on and its tallest building in pixels."""
    scene = next(s for s in load_timeline(SHIPPED).scenes if s.name == name)
    keys = next(spec for spec in scene.layers if spec.type == "skyline").params
    shown = {k: keys[k] for k in KEYS if keys.get(k) is not None}
    shown["color"] = "#{:02x}{:02x}{:02x}".format(*shown["color"])
    at = format_clock(scene.at)
    line = one_scene(layer("sky", top=SKY, bottom=SKY, stars=0, clouds=0, sun=False)
                     + layer("skyline", restless=0, **shown) + NO_POST, at=at)
    picture = draw(line, format_clock(scene.at + 120), size=SIZE)
    pixels = pygame.surfarray.array3d(picture).astype(int)
    return pixels, int(SIZE[1] * keys["ground"]), int(SIZE[1] * keys["height"])


@pytest.mark.parametrize("name", SCENES)
def test_no_spire_rises_over_the_low_city(name: str) -> None:
    """Over the low blocks and their palms only slabs stand, flat-topped: every run of
    building along a row over them is a slab's width or more."""
    pixels, ground, tallest = skyline(name)
    built = standing(pixels)
    least = SPIRE * SIZE[0]
    for y in range(max(0, ground - tallest - SIZE[1] // 40), ground - int(LOW * tallest)):
        row = np.concatenate(([0], built[:, y].astype(np.int8), [0]))
        edges = np.flatnonzero(np.diff(row))
        widths = edges[1::2] - edges[::2]
        narrow = (widths < least) & (edges[::2] > 0) & (edges[1::2] < SIZE[0])  # (the
        # picture's sides cut a slab)
        assert not narrow.any(), (
            f"{name}: at row {y} something {widths[narrow].min()} px wide stands over the low "
            f"city (at x {edges[::2][narrow].tolist()}): a spire, not a slab")


@pytest.mark.parametrize("name", SCENES)
def test_the_city_is_low_with_a_few_slabs(name: str) -> None:
    """Most of the width is low roofs: what rises over half the skyline's height (its slabs,
    the May Company) stands over a small share of it, and the low city runs along the
    ground."""
    pixels, ground, tallest = skyline(name)
    built = standing(pixels)
    high = built[:, max(0, ground - tallest - SIZE[1] // 40):ground - int(LOW * tallest)]
    assert high.any(axis=1).mean() <= TALL_SHARE, (name, high.any(axis=1).mean())
    assert built[:, ground - max(1, tallest // 20)].mean() > 0.9, "no low city along the ground"
