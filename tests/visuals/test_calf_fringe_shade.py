"""At noon the calf's chest and belly hair hangs in its own shade, soft dark locks: lit by the
high sun as its back is, the locks read as a row of bright sawteeth (x 1225-1270)."""

from __future__ import annotations

import pygame

from installation.visuals.shapes import UNIT

from .helpers import headless
from .test_calf_noon import noon_silhouettes

HAIR = (0.3, 0.6)  # units above its feet: its chest's and belly's hanging hair
SOLID = 250  # alpha: a pixel of it
BRIGHT = 200  # levels summed over its coat's: the brightest of its hair there at most (base:
# 562, the rim's teeth, over a dark coat of ~50; since calf22 noon's coat is lit lighter, 166)
BACK = 300  # ... while its lit back keeps its rim, at least this bright


def test_its_belly_hair_hangs_dark() -> None:
    headless()
    (calf,) = noon_silhouettes("calf")
    image = calf.image
    colours = pygame.surfarray.array3d(image).astype(int).sum(axis=2)
    alpha = pygame.surfarray.array_alpha(image)
    feet = image.get_height()
    px = calf.params["scale"] * UNIT * 1080
    rows = slice(int(feet - HAIR[1] * px), int(feet - HAIR[0] * px))
    hair = colours[:, rows][alpha[:, rows] >= SOLID]
    coat = sum(calf.params["color"])
    assert hair.max() <= coat + BRIGHT, f"its hanging hair as bright as {hair.max()}"
    assert colours[alpha >= SOLID].max() >= BACK, "its back still catches the sun"
