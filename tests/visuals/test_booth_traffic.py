"""Cars passing far behind the close booth: blurred lamps that cross the picture beside the
booth, never over it, and keep coming, so the payphone's picture is never still."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.booth_traffic import Passing
from installation.visuals.render import headless

SIZE = (480, 270)
NEAR = pygame.Rect(300, 40, 100, 200)  # the booth's box


def lamps_at(passing: Passing, seconds: float) -> np.ndarray:
    """How bright each pixel the passing lamps light is, on black (x, y)."""
    surface = pygame.Surface(SIZE)
    passing.draw(surface, seconds)
    return pygame.surfarray.array3d(surface).sum(axis=2)


def test_cars_keep_passing_beside_the_booth_never_over_it() -> None:
    """At 12 a minute, every 10 s of two minutes shows a car's lamps somewhere (so the close
    shot, whose man stands still for long spells, always moves), and none is drawn on the
    booth: the cars pass behind it."""
    headless()
    passing = Passing(SIZE, 12, 0.84, 1988, NEAR)
    seen = []
    for second in np.arange(0.0, 120.0, 0.5):
        lit = lamps_at(passing, float(second))
        assert lit[NEAR.left:NEAR.right, NEAR.top:NEAR.bottom].max() == 0
        seen.append(lit.max() > 0)
    windows = [any(seen[k:k + 20]) for k in range(len(seen) - 20)]  # 10 s windows
    assert all(windows)


def test_the_same_second_shows_the_same_cars() -> None:
    headless()
    one, two = (Passing(SIZE, 12, 0.84, 7, NEAR) for _ in range(2))
    assert np.array_equal(lamps_at(one, 33.3), lamps_at(two, 33.3))
