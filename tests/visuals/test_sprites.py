"""A sprite blitted band by band where it shows draws what it draws whole."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.render import headless
from installation.visuals.sprites import BAND_ROWS, Banded


def thin_shape() -> pygame.Surface:
    """A sprite mostly clear: a soft-edged trunk and a blob of a crown, in uneven alpha."""
    sprite = pygame.Surface((90, 5 * BAND_ROWS + 3), pygame.SRCALPHA)
    rng = np.random.default_rng(3)
    pygame.draw.ellipse(sprite, (40, 30, 20, 255), (10, 2, 70, 30))
    pygame.draw.line(sprite, (30, 25, 20, 200), (45, 20), (52, sprite.get_height() - 1), 5)
    alpha = pygame.surfarray.pixels_alpha(sprite)
    alpha[:] = alpha * rng.uniform(0.3, 1.0, alpha.shape)
    del alpha
    return sprite


def test_a_sprite_blitted_where_it_shows_draws_what_it_draws_whole() -> None:
    headless()
    sprite = thin_shape()
    cut = Banded()
    for area in (None, pygame.Rect(0, 0, 90, 40), pygame.Rect(0, 7, 90, 50),
                 pygame.Rect(20, 30, 40, 60)):
        picture = pygame.Surface((200, 150))
        pygame.surfarray.blit_array(picture, np.random.default_rng(5).integers(
            0, 1 << 24, (200, 150), dtype=np.uint32))
        whole, banded = picture.copy(), picture.copy()
        whole.blit(sprite, (33, 21), area)
        cut.blit(banded, sprite, (33, 21), area)
        assert pygame.image.tobytes(whole, "RGB") == pygame.image.tobytes(banded, "RGB"), area


def test_only_what_shows_is_blitted_and_another_sprite_is_cut_again() -> None:
    headless()
    sprite = thin_shape()
    cut = Banded()
    cut.blit(pygame.Surface((200, 150)), sprite, (0, 0))
    covered = sum(band.width * band.height for band in cut.bands)
    assert covered < 0.8 * sprite.get_width() * sprite.get_height()
    other = sprite.copy()
    other.fill((0, 0, 0, 0))
    cut.blit(pygame.Surface((200, 150)), other, (0, 0))
    assert cut.bands == []
