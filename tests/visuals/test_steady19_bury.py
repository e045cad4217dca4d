"""The ash deepening over the ruins' ground (ash_bury): each step's repaint as cheap as it can
be, the picture the same."""

from __future__ import annotations

import pygame

from installation.visuals.ash_bury import BLEND, Buried

SIZE = (64, 24)


def grounds(depths: int) -> tuple[tuple[pygame.Surface, tuple[int, int]], ...]:
    """An opaque ground under each depth of ash, lighter the deeper (as the ruins' are)."""
    out = []
    for n in range(depths):
        ground = pygame.Surface(SIZE)
        ground.fill((40 + 20 * n, 36 + 20 * n, 34 + 20 * n))
        out.append((ground, (0, 8)))
    return tuple(out)


def test_an_opaque_ground_is_still_copied_after_a_step_blended_it() -> None:
    """A step between two depths lays the deeper ground over the other at an opacity; after,
    the ground is as it was: opaque, copied by the next repaint (given back an opacity of 255,
    every later repaint blended it, ~30 times slower: 8.6 ms a 1920x389 ground, the Ash
    scene's slow frames) and the picture the same."""
    pictures = grounds(3)
    buried = Buried((pictures,), (0.0, 100.0))
    surface = pygame.Surface((64, 40))
    buried.draw(surface, BLEND // 2)  # halfway from the first depth to the second
    assert all(picture.get_alpha() is None for picture, _ in pictures)
    again = pygame.Surface((64, 40))
    buried.draw(again, BLEND // 2)
    assert pygame.image.tobytes(again, "RGB") == pygame.image.tobytes(surface, "RGB")
