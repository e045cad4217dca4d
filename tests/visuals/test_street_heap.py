"""Wilshire under ash (06:35-08:00) has something near the camera: a heap of broken concrete
slabs at the road's edge in the foreground, their ash-dusted tops over dark broken sides and
a shadow, rusted rods bent out of them (on main the near road was one low-contrast grey)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.street_ash_debris import littering
from installation.visuals.street_view import Perspective

SIZE = (960, 540)
HORIZON = 300  # the road's horizon row
ASH = (120, 114, 108)  # the ash on the road
NEAR = (0.55, 1.0, 0.75)  # the picture's lower right: its columns from this share to this,
# rows from this share down (the foreground at the road's right)
DARK = 40  # a pixel of the heap's dark sides or shadow: this many grey levels under the ash
MASS = 0.12  # ... over this share of the lower right at least (a few strewn stones: 0.01)
RUST = 10  # a rod's rust: this many levels redder than blue


def test_a_heap_of_broken_concrete_lies_near_the_camera() -> None:
    """In the picture's lower right the ash is broken by a large dark mass (the slabs' sides
    and their shadow) with rusted rods among it."""
    image = pygame.Surface(SIZE)
    image.fill(ASH)
    for _ in littering(image, Perspective(SIZE, SIZE[0] // 2, HORIZON), 11, None):
        pass
    rgb = pygame.surfarray.array3d(image).astype(int)
    near = rgb[round(NEAR[0] * SIZE[0]):round(NEAR[1] * SIZE[0]), round(NEAR[2] * SIZE[1]):]
    dark = near.mean(axis=2) < np.mean(ASH) - DARK
    assert dark.mean() >= MASS, f"{dark.mean():.1%} of the lower right dark"
    rust = (near[..., 0] - near[..., 2] > RUST) & (near.mean(axis=2) < np.mean(ASH))
    assert rust.sum() > 20, f"{rust.sum()} pixels of rusted rod"
