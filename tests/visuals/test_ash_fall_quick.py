"""Wilshire's falling ash laid quicker (ashperf14): the same pixels as the veil blitted whole at
its step's strength (a surface alpha), by the blitter that reads only per-pixel alpha, and only
where the ash can be seen."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.base import finished
from installation.visuals.street_ash_fall import FALL_STEPS, Fall, Sinking

SIZE = (203, 61)  # odd sizes: the blitters' remainders after their wide steps
TOP = 17
SECONDS = 48.0


def _fall() -> Fall:
    """A fall over a picture with a clear wall on its left and things lying on the ground."""
    rng = np.random.default_rng(7)
    width, rows = SIZE
    veil = pygame.Surface(SIZE, pygame.SRCALPHA)
    pygame.surfarray.pixels3d(veil)[...] = rng.integers(120, 230, (width, rows, 3))
    alpha = rng.integers(0, 256, SIZE).astype(np.uint8)
    alpha[:40] = 0  # a wall: no fresh ash on it
    things = np.zeros(SIZE, bool)
    things[60:90, 30:50] = things[150:153, 10:60] = True
    alpha[things] = 0
    pygame.surfarray.pixels_alpha(veil)[...] = alpha
    under = pygame.Surface(SIZE, pygame.SRCALPHA)
    under.fill((0, 0, 0, 0))
    cols, at = np.nonzero(things)
    pygame.surfarray.pixels3d(under)[cols, at] = (90, 84, 80)
    count = cols.size
    sinking = Sinking(cols, at, rng.uniform(0, 20, count).astype(np.float32),
                      rng.uniform(0, 30, count).astype(np.float32),
                      rng.uniform(0.2, 0.7, count).astype(np.float32))
    fall = Fall(veil, under, TOP, SECONDS, sinking)
    finished(fall.laid())
    return fall


def _as_before(fall: Fall, ground: pygame.Surface, step: int) -> pygame.Surface:
    """The picture as the fall drew it before: the ground's ash over the sunk things, then
    the whole veil at the step's strength (its full alpha, with the sunk things' cover)."""
    fall.draw(pygame.Surface(ground.get_size()), step * SECONDS / FALL_STEPS)  # sunk to it
    veil = fall.veil.copy()
    pygame.surfarray.pixels_alpha(veil)[...] = fall.full.T
    veil.set_alpha(round(255 * step / FALL_STEPS))
    out = ground.copy()
    out.blit(fall.under, (0, TOP))
    out.blit(veil, (0, TOP))
    return out


@pytest.mark.parametrize("step", [1, 7, 24, 47, FALL_STEPS])
def test_the_fresh_ash_looks_as_it_did_blitted_at_its_strength(step: int) -> None:
    """Every pixel of the road under the fresh ash, at a few depths of it, is the one the
    veil gave blitted whole at the step's surface alpha (byte for byte)."""
    fall = _fall()
    ground = pygame.Surface((SIZE[0], SIZE[1] + TOP + 5))
    pygame.surfarray.pixels3d(ground)[...] = np.random.default_rng(3).integers(
        0, 256, (*ground.get_size(), 3))
    drawn = ground.copy()
    fall.draw(drawn, step * SECONDS / FALL_STEPS)
    expected = _as_before(fall, ground, step)
    assert (pygame.surfarray.array3d(drawn) == pygame.surfarray.array3d(expected)).all()


def test_the_fresh_ash_is_laid_without_a_surface_alpha_and_not_on_the_wall() -> None:
    """The veil carries its step's strength in its own alpha (a surface alpha sends every
    pixel through SDL's slow blitter: 1 ms a frame over Wilshire's road), and nothing is
    blitted over the clear wall."""
    fall = _fall()
    fall.draw(pygame.Surface((SIZE[0], SIZE[1] + TOP)), SECONDS / 2)
    assert fall.veil.get_alpha() == 255  # (no surface alpha: its pixels at their own)
    laid = [pygame.Rect(place, picture.get_size()) for picture, place in fall.pieces[1]]
    assert laid and all(rect.left >= 40 for rect in laid)
