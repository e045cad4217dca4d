"""Sprites cut to the part that shows: their clear rim costs a blit and shows nothing."""

from __future__ import annotations

import pygame


def visible(sprite: pygame.Surface) -> tuple[pygame.Surface, tuple[int, int]]:
    """A per-pixel-alpha sprite cut to where it is not clear, and where that part's top-left
    corner lies in the sprite (blitted there, it draws the same pixels as the whole)."""
    part = sprite.get_bounding_rect(min_alpha=1)
    return sprite.subsurface(part).copy(), part.topleft
