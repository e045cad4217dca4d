"""The dream's mother reads as a mammoth: her trunk hangs between her tusks (raised beside
them, it read as a third horn) and she stands on four pillars of light, a shaggy fringe over
them (locks down to her feet read as eight posts)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.mammoth_dream import STANCE, dream_mother
from installation.visuals.pen import render

from .helpers import headless

PX = 300.0  # pixels a unit
BOUNDS = (-1.2, 0.75, 0.0, 1.42)  # her box, in units (facing left, feet at 0)
COLOR = (21, 29, 68)  # the dream's


def drawn() -> tuple[np.ndarray, np.ndarray]:
    """Her picture's brightness and alpha, indexed [x, y]."""
    headless()
    image = finished(render(dream_mother, BOUNDS, PX, False, COLOR))
    rgb = pygame.surfarray.array3d(image).astype(int).sum(axis=2)
    return rgb, pygame.surfarray.array_alpha(image)


def at(x: float, y: float) -> tuple[int, int]:
    """The picture's pixel at (x, y) units."""
    return int((x - BOUNDS[0]) * PX) + 2, int((BOUNDS[3] - y) * PX) + 2


def test_her_trunk_hangs_in_front_of_her_chest_below_her_tusks() -> None:
    """In front of her chest, well below where her tusks curve out, her trunk hangs: solid
    there, from under her jaw to near her knees (raised, nothing of her was there)."""
    _, alpha = drawn()
    (left, top), (right, bottom) = at(-0.78, 0.62), at(-0.64, 0.4)
    hanging = alpha[left:right, top:bottom] > 200
    assert hanging.any(axis=0).mean() > 0.9, "her trunk, all the way down"


def test_she_stands_on_four_pillars() -> None:
    """Low on her legs, below their fringe of hair, a row across her crosses four lit
    pillars, each lit evenly across (not a bundle of locks with the dark between them)."""
    light, alpha = drawn()
    row = at(0, 0.12)[1]
    coat = sum(COLOR)
    lit = (alpha[:, row] > 200) & (light[:, row] > coat * 1.2)
    runs = int(np.count_nonzero(lit[1:] & ~lit[:-1]))
    assert runs == len(STANCE), runs
