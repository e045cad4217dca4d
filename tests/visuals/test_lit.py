"""Where an additive glow adds light: every pixel that is not black, and no other, whatever
the glow's depth or whether it is a window into a wider picture."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.lit import BOX_ROWS, box_in_bands, lit_box, lit_mask

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


def test_a_pictures_box_is_found_a_band_at_a_time_as_over_the_whole() -> None:
    """The box round a light (not black) or a picture with alpha (not clear) that spans
    bands, searched band by band with a pause after each, is the box over the whole; a
    picture that shows nothing gives an empty box at its middle."""
    size = (50, 2 * BOX_ROWS + 30)
    light = pygame.Surface(size)
    light.fill((0, 0, 0))
    light.set_at((9, BOX_ROWS - 3), (0, 0, 1))  # the dimmest light, in the first band
    light.set_at((31, 2 * BOX_ROWS + 4), (200, 0, 0))  # and in the last
    bodies = pygame.Surface(size, pygame.SRCALPHA)
    bodies.fill((0, 0, 0, 0))
    bodies.fill((0, 0, 0, 1), (5, BOX_ROWS + 2, 3, 40))  # black but not clear
    pieces = box_in_bands(light)
    pauses = 0
    while True:
        try:
            next(pieces)
            pauses += 1
        except StopIteration as done:
            assert done.value == pygame.Rect(9, BOX_ROWS - 3, 23, BOX_ROWS + 8)
            break
    assert pauses == 3
    assert lit_box(bodies) == pygame.Rect(5, BOX_ROWS + 2, 3, 40)
    light.fill((0, 0, 0))
    assert lit_box(light) == pygame.Rect(25, size[1] // 2, 0, 0)
