"""Smooth scaling, glows and blurs made a band a piece: the same bytes as pygame's at once."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.base import finished
from installation.visuals.glow import blur, radial
from installation.visuals.smoothed import blurred, laid, smoothscaled, soft_glow


def noise(size: tuple[int, int], seed: int) -> pygame.Surface:
    """An opaque picture of random colours (every byte of the scaling's sums counts)."""
    surface = pygame.Surface(size)
    pixels = np.random.default_rng(seed).integers(0, 256, (*size, 3), dtype=np.uint8)
    pygame.surfarray.blit_array(surface, pixels)
    return surface


def same(a: pygame.Surface, b: pygame.Surface) -> bool:
    return pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")


@pytest.mark.parametrize(("size", "to"), [
    ((192, 192), (1920, 1920)),  # a big glow enlarged
    ((1920, 1080), (60, 33)),  # a blur's shrinking
    ((60, 33), (1920, 1080)),  # and its enlarging
    ((193, 97), (1001, 503)),  # odd sizes: strips and bands left over
    ((1000, 999), (333, 1500)),  # narrower and taller
    ((640, 200), (640, 901)),  # up and down only
    ((640, 200), (97, 200)),  # across only
])
def test_a_picture_scaled_in_pieces_is_the_picture_scaled_at_once(
        size: tuple[int, int], to: tuple[int, int]) -> None:
    picture = noise(size, sum(size))
    made = pygame.Surface(to)
    finished(smoothscaled(picture, to, laid(made, (0, 0))))
    assert same(made, pygame.transform.smoothscale(picture, to))


def test_a_blur_in_pieces_is_the_blur_at_once() -> None:
    picture = noise((700, 390), 7)
    expected = blur(picture.copy(), 23)
    made = pygame.Surface(picture.get_size())
    finished(blurred(picture, 23, laid(made, (0, 0))))
    assert same(made, expected)


@pytest.mark.parametrize("radius", [40, 300])
def test_a_soft_glow_in_pieces_is_the_glow_at_once(radius: int) -> None:
    made = pygame.Surface((2 * radius, 2 * radius))
    finished(soft_glow(radius, (200, 120, 60), 1.4, laid(made, (0, 0))))
    assert same(made, radial(radius, (200, 120, 60), 1.4))


def test_a_full_frame_is_scaled_a_band_at_a_time() -> None:
    pieces = smoothscaled(noise((192, 192), 1), (1920, 1920), lambda strip, at: None)
    assert sum(1 for _ in pieces) >= 8, "a full frame's scaling is cut into short pieces"
