"""Where an additive glow adds light: every pixel that is not black, and no other, whatever
the glow's depth or whether it is a window into a wider picture."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.lit import lit_mask

SIZE = (40, 24)


def speckled(depth: int) -> pygame.Surface:
    """A black glow of `depth` bits with a few pixels lit, one channel at a time, dimly."""
    glow = pygame.Surface(SIZE, 0, depth)
    glow.fill((0, 0, 0))
    for n, (x, y) in enumerate([(0, 0), (39, 23), (7, 3), (20, 11), (33, 17)]):
        glow.set_at((x, y), [(1, 0, 0), (0, 1, 0), (0, 0, 1), (255, 255, 255), (3, 2, 1)][n])
    return glow


def expected(glow: pygame.Surface) -> np.ndarray:
    """Each pixel lit or not, read one at a time (columns, rows)."""
    width, height = glow.get_size()
    return np.array([[glow.get_at((x, y))[:3] != (0, 0, 0) for y in range(height)]
                     for x in range(width)])


@pytest.mark.parametrize("depth", [32, 24])
def test_every_lit_pixel_is_marked_and_no_black_one(depth: int) -> None:
    glow = speckled(depth)
    assert np.array_equal(lit_mask(glow), expected(glow))


def test_a_window_into_a_glow_marks_its_own_pixels() -> None:
    glow = speckled(32)
    window = glow.subsurface((5, 2, 20, 12))
    mask = lit_mask(window)
    assert mask.shape == (20, 12)
    assert np.array_equal(mask, expected(window))


def test_the_glow_is_left_unlocked_to_be_drawn() -> None:
    glow = speckled(32)
    lit_mask(glow)
    assert not glow.get_locked()
    pygame.Surface(SIZE).blit(glow, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
