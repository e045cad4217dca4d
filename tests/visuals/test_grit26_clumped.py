"""The grit at our feet on Wilshire under ash lies in clumps with bare ash between (along the
kerbs, the ruts and the heap), not spread evenly over the near road as a printed stipple (review
26 #8; on main every patch of the near road held a few bits of nearly one size)."""

from __future__ import annotations

import random

import numpy as np
import pygame
import pytest

from installation.visuals.street_ash_near import gritting
from installation.visuals.street_view import Perspective

SIZE = (960, 540)
HORIZON = 302  # the street's horizon row (0.56 of the height)
ASH = (120, 114, 108)
NEAR_ROWS = 125  # the picture's foot: this many rows (250 at 1080)...
CELL = 24  # ... looked at in patches this many pixels square (48 at 1080: a hand's width)
BARE = 0.2  # at least this share of the patches bare ash (main: 0.055; now 0.28)
UNEVEN = 1.0  # ... and the grit a patch holds varies by this much of its mean (main: 0.68)


@pytest.fixture(scope="module")
def patches() -> np.ndarray:
    """How much of each patch of the road at our feet the grit covers, on flat ash."""
    image = pygame.Surface(SIZE)
    image.fill(ASH)
    for _ in gritting(image, Perspective(SIZE, SIZE[0] // 2, HORIZON), random.Random(1)):
        pass
    rgb = pygame.surfarray.array3d(image).astype(int)[:, SIZE[1] - NEAR_ROWS:]
    strewn = (rgb != np.array(ASH)).any(axis=2)
    w, h = (s // CELL * CELL for s in strewn.shape)
    return strewn[:w, :h].reshape(w // CELL, CELL, h // CELL, CELL).mean(axis=(1, 3))


def test_bare_ash_lies_between_the_clumps_of_grit(patches: np.ndarray) -> None:
    bare = float((patches == 0).mean())
    assert bare >= BARE, f"{bare:.0%} of the road at our feet bare ash"


def test_the_grit_lies_in_clumps_not_an_even_stipple(patches: np.ndarray) -> None:
    uneven = float(patches.std() / patches.mean())
    assert uneven >= UNEVEN, f"grit per patch varies by {uneven:.2f} of its mean: even"
