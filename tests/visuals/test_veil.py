"""The white-out and the haze's veil: the picture mixed towards a colour in one blend, no
level more than one away from the multiply and add it stands for."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.flash import white_out
from installation.visuals.veil import veil


def every_level(flags: int = 0) -> pygame.Surface:
    """A picture holding every level 0..255 in each channel (a column each), red, green and
    blue each in a different order."""
    surface = pygame.Surface((256, 3), flags)
    levels = np.arange(256)
    rgb = np.stack([levels, levels[::-1], (levels * 7) % 256], axis=1)
    pygame.surfarray.pixels3d(surface)[:] = rgb[:, None, :]
    return surface


def multiplied_and_added(levels: np.ndarray, keep: int, light: tuple[int, int, int]) -> np.ndarray:
    """What a multiply by keep then an add of light make of each level (pygame's fills)."""
    kept = np.where(levels > 0, (levels * keep + 255) >> 8, 0)
    return np.minimum(kept + np.array(light), 255)


@pytest.mark.parametrize("level", [0.003, 0.15, 0.5, 0.675, 0.997])
@pytest.mark.parametrize("color", [(255, 255, 255), (138, 129, 122), (255, 214, 170), (9, 20, 31)])
def test_every_level_is_within_one_of_the_multiply_and_add(
        level: float, color: tuple[int, int, int]) -> None:
    surface = every_level()
    before = pygame.surfarray.array3d(surface).astype(int)
    white_out(surface, level, color)
    after = pygame.surfarray.array3d(surface).astype(int)
    light = (round(color[0] * level), round(color[1] * level), round(color[2] * level))
    wanted = multiplied_and_added(before, round(255 * (1.0 - level)), light)
    assert np.abs(after - wanted).max() <= 1


def test_most_levels_come_out_exactly() -> None:
    surface = every_level()
    before = pygame.surfarray.array3d(surface).astype(int)
    veil(surface, 160, (60, 55, 50))
    after = pygame.surfarray.array3d(surface).astype(int)
    assert (after == multiplied_and_added(before, 160, (60, 55, 50))).mean() > 0.6


def test_a_see_through_picture_keeps_its_alpha() -> None:
    surface = every_level(pygame.SRCALPHA)
    pygame.surfarray.pixels_alpha(surface)[:] = 90
    before = pygame.surfarray.array3d(surface).astype(int)
    veil(surface, 200, (30, 30, 30))
    assert (pygame.surfarray.array_alpha(surface) == 90).all()
    after = pygame.surfarray.array3d(surface).astype(int)
    assert (after == multiplied_and_added(before, 200, (30, 30, 30))).all()


def test_a_tall_picture_is_veiled_to_its_last_row() -> None:
    surface = pygame.Surface((5, 1000))
    surface.fill((100, 100, 100))
    white_out(surface, 0.5, (200, 200, 200))
    assert abs(int(surface.get_at((4, 999))[0]) - 150) <= 1


def test_a_full_white_out_is_the_colour_and_none_leaves_the_picture() -> None:
    surface = every_level()
    before = pygame.surfarray.array3d(surface)
    white_out(surface, 0.001, (255, 255, 255))
    assert (pygame.surfarray.array3d(surface) == before).all()
    white_out(surface, 0.999, (255, 214, 170))
    assert (pygame.surfarray.array3d(surface) == (255, 214, 170)).all()
