"""The road at our feet on Wilshire under ash (the picture's lowest ~250 rows at 1080) is not a
smooth grey plane: grit, broken asphalt and glass lie strewn in the ash at the scale of the road
near us, glass glinting, and the ash there is rippled by the wind (on main the debris farther off,
a few pixels across, and drifts worked out for the far road left it smooth)."""

from __future__ import annotations

import random

import numpy as np
import pygame
import pytest

from installation.visuals.street_ash_debris import littering
from installation.visuals.street_ash_near import gritting
from installation.visuals.street_ash_road import Ground, ash_at
from installation.visuals.street_view import Perspective
from installation.visuals.street_walls import WALK

SIZE = (960, 540)
HORIZON = 302  # the street's horizon row (0.56 of the height)
ASH = (120, 114, 108)
NEAR_ROWS = 125  # the picture's foot: this many rows (250 at 1080)...
LEFT = 0.6  # ... left of this share of the width (the near heap lies to the right)
STREWN = 0.08  # ... at least this share of it strewn with something (main: 0.037)
GLINTS = 20  # ... at least this many pixels of glass glinting (main: 3)
RIPPLED = 0.012  # the ash's light at our feet: this much from one row to the next, on the
# mean, at least (wind ripples; main: 0.005-0.006, its broad drifts alone)


@pytest.fixture(scope="module")
def near() -> np.ndarray:
    """What lies at our feet on flat ash, left of the heap (x, y, rgb): the grit, then the
    debris (as the burnt street draws them)."""
    image = pygame.Surface(SIZE)
    image.fill(ASH)
    project = Perspective(SIZE, SIZE[0] // 2, HORIZON)
    for _ in gritting(image, project, random.Random(1)):
        pass
    for _ in littering(image, project, 1, None):
        pass
    rgb = pygame.surfarray.array3d(image).astype(int)
    return rgb[: round(LEFT * SIZE[0]), SIZE[1] - NEAR_ROWS:]


def test_the_road_at_our_feet_is_strewn_with_grit_asphalt_and_glass(near: np.ndarray) -> None:
    strewn = (near != np.array(ASH)).any(axis=2).mean()
    assert strewn >= STREWN, f"{strewn:.1%} of the road at our feet strewn"


def test_glass_glints_in_the_ash_at_our_feet(near: np.ndarray) -> None:
    glints = int((near.min(axis=2) >= 200).sum())
    assert glints >= GLINTS, f"{glints} pixels of glinting glass"


def test_the_ash_at_our_feet_is_rippled_by_the_wind() -> None:
    ground = Ground(SIZE, SIZE[0] // 2, HORIZON, 1.0, WALK, (), 1)
    rows = np.arange(SIZE[1] - NEAR_ROWS, SIZE[1], dtype=np.float64)[None, :]
    _amount, shade, _bare = ash_at(ground, rows, np.arange(380, 580, dtype=np.float64))
    step = float(np.abs(np.diff(shade, axis=1)).mean())
    assert step >= RIPPLED, f"its light changes {step:.4f} a row: smooth"
