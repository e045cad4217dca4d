"""The ash in the street and over the ruins is grey: no flake has a ring or halo of orange
round it; the few still smouldering are small cinders glowing in their hearts, low down."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals import ash

SIZE = (1920, 1080)
SKY = (128, 124, 120)  # the ash's grey sky
ASH = (150, 146, 140)  # the particles layer's ash colour
WARM = 40  # red over blue: a pixel this warm is orange (the sky and the ash are 8)
# An ember's heart, a cinder of the middle depth at 1080 rows, is at most 28 pixels glowing;
# the nearer flakes ringed or blurred in orange glowed in 75 (a ring round a grey middle, a
# blot of warm colour near the lens)
EMBER_MOST = 40


def test_no_flake_shows_a_ring_or_blot_of_orange() -> None:
    """Wherever orange shows it is one small cinder's glowing heart inside its dark edge: no
    ring of warm colour round a grey flake, no orange blur near the lens."""
    flakes = ash.Ash(SIZE, 0.65, 1.0, ASH, 0.3, 11)
    glowing = 0
    for seconds in np.linspace(0.0, 40.0, 9):
        surface = pygame.Surface(SIZE)
        surface.fill(SKY)
        flakes.draw(surface, float(seconds))
        rgb = pygame.surfarray.array3d(surface).astype(int)
        warm = (rgb[..., 0] - rgb[..., 2]) > WARM
        mask = pygame.mask.from_surface(_flags(warm))
        for part in mask.connected_components():
            glowing += 1
            assert part.count() <= EMBER_MOST, f"{part.count()} orange pixels in one flake"
            box = part.get_bounding_rects()[0].inflate(4, 4).clip((0, 0, *SIZE))
            around = rgb[box.left:box.right, box.top:box.bottom].sum(axis=2)
            assert around.min() < sum(SKY) * 0.7, "the cinder glows inside a dark edge"
    assert glowing, "a few cinders still glow"


def _flags(where: np.ndarray) -> pygame.Surface:
    """A surface opaque where `where` is set (for pygame's masks)."""
    surface = pygame.Surface(where.shape, pygame.SRCALPHA)
    surface.fill((0, 0, 0, 0))
    pygame.surfarray.pixels_alpha(surface)[:] = np.where(where, 255, 0).astype(np.uint8)
    return surface
