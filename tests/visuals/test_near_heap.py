"""The heap of broken concrete nearest the viewer on Wilshire under ash: each slab a solid
block, not a flat cut-out of one tone: its top lit by the grey sky, its side away from the light
dark, its near edge catching the light, rebar out of it."""

from __future__ import annotations

import random

import numpy as np
import pygame
import pytest

from installation.visuals import street_ash_debris, street_ash_heap
from installation.visuals.street_ash_heap import ROD, heaped

SIZE = (960, 540)
GROUND = (120, 114, 108)  # the ash round it
SPAN = 2.6  # its lightest faces (the 95th percentile of its greys): this many times its darkest
# (the 5th) at least (3.2 until heap26: its darkest were black crevices at 24; its shade is
# lifted short of black now, 41 to 112 for this seed)
RUST = 12  # a pixel of rebar: this near ROD in each channel


def _project(x: float, z: float, up: float) -> tuple[int, int]:
    """The street's perspective, near enough: the horizon at 0.56 of the height, the eye a
    little over the ash."""
    horizon, focal, eye = 0.56 * SIZE[1], 0.44 * SIZE[1], 0.25
    return round(SIZE[0] / 2 + x * focal / z), round(horizon + (eye - up) * focal / z)


def test_the_near_heaps_slabs_have_lit_tops_dark_sides_and_rebar(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(street_ash_heap, "shadow", lambda *_args, **_kw: None)
    image = pygame.Surface(SIZE)
    image.fill(GROUND)
    heaped(image, _project, random.Random(5))
    rgb = pygame.surfarray.array3d(image).astype(int)
    heap = np.abs(rgb - np.array(GROUND)).sum(axis=2) > 0
    grey = rgb[heap].mean(axis=1)
    low, high = np.percentile(grey, [5, 95])
    assert high >= SPAN * low, f"its faces from {low:.0f} to {high:.0f}: flat"
    assert (np.abs(rgb[heap] - np.array(ROD)).max(axis=1) <= RUST).any(), "no rebar"


PASTED = 25  # a strewn stone's lit top over a slab's dark side: this many levels paler...
PASTED_SHARE = 0.002  # ... over no more than this share of the heap's dark sides
DARK_SIDE = 75  # a pixel of a slab's dark side: its grey this low at most


@pytest.mark.parametrize("seed", range(8))
def test_no_stone_lies_pasted_on_the_near_heaps_dark_sides(seed: int) -> None:
    """The heap is the nearest thing on the road: the strewn stones behind it are hidden by
    it (drawn over it, one read as a pale hexagon on a slab's dark side at x 1460-1560)."""
    alone = pygame.Surface(SIZE)
    alone.fill(GROUND)
    heaped(alone, _project, random.Random(seed + 1))
    strewn = pygame.Surface(SIZE)
    strewn.fill(GROUND)
    for _ in street_ash_debris.littering(strewn, _project, seed, None):
        pass
    heap, seen = (pygame.surfarray.array3d(s).astype(int).mean(axis=2) for s in (alone, strewn))
    sides = heap <= DARK_SIDE
    pasted = (seen - heap > PASTED) & sides
    assert pasted.sum() <= PASTED_SHARE * sides.sum(), (
        f"{pasted.sum()} pale pixels over {sides.sum()} of the heap's dark sides")
