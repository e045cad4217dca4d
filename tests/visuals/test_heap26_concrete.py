"""The heap of rubble nearest the viewer on Wilshire under ash is broken concrete under a dusting
of ash, not a pale smooth drift: its faces grained (flat planes of one tone read as a drift of
snow), taken together no paler than the road's ash round it, its shade dark between the slabs
but never black (tones of 64 at an ambient of 0.42 cut black holes of 470-2700 px into it)."""

from __future__ import annotations

import random

import numpy as np
import pygame
import pytest

from installation.visuals import street_ash_heap
from installation.visuals.street_ash_heap import heaped
from installation.visuals.street_view import Perspective

SIZE = (960, 540)
HORIZON = 302  # the street's horizon row (0.56 of the height)
SEEDS = range(4)
ROAD = (89, 80, 72)  # the road's ash beside the heap at its rows (the shipped 07:45 frame)
LUMA = np.array([0.3, 0.59, 0.11])
PALER = 4  # the heap's median luminance: no more than this over the road's (main: 100 on 82)
BLACK, DARKEST = 30, 0.01  # its darkest hundredth no darker than this (main: 24, crevices)
BLOCK, FLAT, FLAT_SHARE = 4, 0.5, 0.1  # blocks this many pixels across wholly on the heap:
# at most this share of them flat (luminance std under FLAT; main: 0.41-0.51)


@pytest.fixture(scope="module")
def heaps() -> list[tuple[np.ndarray, np.ndarray]]:
    """Each seed's heap on the road's ash in the street's perspective (its shadow left out):
    its luminance, and where it is."""
    out = []
    for seed in SEEDS:
        image = pygame.Surface(SIZE)
        image.fill(ROAD)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(street_ash_heap, "shadow", lambda *_args, **_kw: None)
            heaped(image, Perspective(SIZE, SIZE[0] // 2, HORIZON), random.Random(seed))
        rgb = pygame.surfarray.array3d(image).astype(float)
        out.append((rgb @ LUMA, np.abs(rgb - np.array(ROAD)).sum(axis=2) > 0))
    return out


def test_the_heap_is_no_paler_than_the_road_round_it(
        heaps: list[tuple[np.ndarray, np.ndarray]]) -> None:
    road = float(np.array(ROAD) @ LUMA)
    median = float(np.median(np.concatenate([lum[heap] for lum, heap in heaps])))
    assert median <= road + PALER, f"its median {median:.0f} on the road's {road:.0f}"


def test_the_heaps_shade_is_dark_but_never_black(
        heaps: list[tuple[np.ndarray, np.ndarray]]) -> None:
    for lum, heap in heaps:
        darkest = float(np.percentile(lum[heap], 100 * DARKEST))
        assert darkest >= BLACK, f"its darkest hundredth at {darkest:.0f}: black"
        assert np.percentile(lum[heap], 5) < 0.6 * float(np.array(ROAD) @ LUMA), "no dark"


def test_the_heaps_faces_are_grained_like_broken_concrete(
        heaps: list[tuple[np.ndarray, np.ndarray]]) -> None:
    for lum, heap in heaps:
        w, h = (n // BLOCK * BLOCK for n in lum.shape)
        blocks = lum[:w, :h].reshape(w // BLOCK, BLOCK, h // BLOCK, BLOCK)
        whole = heap[:w, :h].reshape(w // BLOCK, BLOCK, h // BLOCK, BLOCK).all(axis=(1, 3))
        flat = (blocks.std(axis=(1, 3))[whole] < FLAT).mean()
        assert flat <= FLAT_SHARE, f"{flat:.0%} of it flat planes of one tone"
