"""Wilshire under ash (06:35-08:00): the heap nearest the viewer (x 1320-1920, y 900-1060) is a
heap of rubble, broken slabs at angles, each face small against the heap, and no black hole in
it (on main it was two flat planes, one a third of the heap, with a black triangle cut in one)."""

from __future__ import annotations

import random

import numpy as np
import pygame
import pytest
from scipy import ndimage

from installation.visuals.street_ash_heap import heaped
from installation.visuals.street_view import Perspective

SIZE = (1920, 1080)
HORIZON = 604  # the burnt street's horizon row at this size
ASH = (120, 114, 108)
PLANE = 0.2  # the largest face of one colour: at most this share of the heap (main: 0.18-0.34)
BLACK = 30  # a black pixel's luminance at most
HOLE = 150  # pixels: a black patch as thick as BLOT each way, at most this big (main: a black
BLOT = 5  # triangle of 300-1200; the dark lines round the slabs' feet are thinner than BLOT)


def _heap(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The heap alone on the ash at full size: its pixels, and where it is."""
    image = pygame.Surface(SIZE)
    image.fill(ASH)
    heaped(image, Perspective(SIZE, SIZE[0] // 2, HORIZON), random.Random(seed))
    rgb = pygame.surfarray.array3d(image).astype(int)
    return rgb, np.abs(rgb - np.array(ASH)).sum(axis=2) > 0


@pytest.mark.parametrize("seed", range(6))
def test_the_near_heap_is_broken_slabs_no_one_flat_plane(seed: int) -> None:
    rgb, heap = _heap(seed)
    key = (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    colours, counts = np.unique(key[heap], return_counts=True)
    largest = 0
    for colour in colours[np.argsort(-counts)[:12]]:
        pieces, count = ndimage.label(key == colour)
        if count:
            largest = max(largest, int(np.bincount(pieces.ravel())[1:].max()))
    assert largest <= PLANE * heap.sum(), (
        f"one flat face {largest} px: {largest / heap.sum():.0%} of the heap")


@pytest.mark.parametrize("seed", range(6))
def test_the_near_heap_has_no_black_hole_in_it(seed: int) -> None:
    rgb, heap = _heap(seed)
    black = (rgb @ np.array([0.3, 0.59, 0.11]) < BLACK) & heap
    blots = ndimage.binary_opening(black, np.ones((BLOT, BLOT)))
    pieces, count = ndimage.label(blots)
    biggest = int(np.bincount(pieces.ravel())[1:].max()) if count else 0
    assert biggest <= HOLE, f"a black hole of {biggest} px in the heap"
