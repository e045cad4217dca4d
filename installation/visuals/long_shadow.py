"""A low sun's long shadows: each sprite laid flat along the ground from its feet, dark and soft,
made once per sprite."""

from __future__ import annotations

from collections.abc import Iterable

import pygame

from installation.visuals.base import Pieces
from installation.visuals.budget import Budget
from installation.visuals.skeleton import Point

SHADOW_COST = 12  # a long shadow costs this many times the sprite's (shrunk) area
SHADOW_ALPHA = 180  # how dark a shadow is (at 120, Harry's and Julie's long shadows at first
#                     light, 05:07, were all but lost on the dark wet road)


class Shadows:
    """The long shadows of a layer's sprites, `reach` figure heights long (negative: towards the
    left), each made the first time it is needed."""

    def __init__(self, reach: float) -> None:
        self.reach = reach
        self.made: dict[pygame.Surface, pygame.Surface] = {}  # by the sprite itself (see
        # figure_depth: an id may be another sprite's once its own is freed)

    def of(self, sprite: pygame.Surface) -> pygame.Surface:
        """The sprite's long shadow, made the first time it is needed."""
        if sprite not in self.made:
            self.made[sprite] = _laid_down(sprite, self.reach)
        return self.made[sprite]

    def fill(self, sprites: Iterable[pygame.Surface], budget: Budget) -> Pieces:
        """The long shadows of `sprites`, made ahead in `budget`'s pieces."""
        for sprite in sprites:
            if budget.over(SHADOW_COST * sprite.get_width() * sprite.get_height()):
                yield
            self.of(sprite)

    def draw(self, surface: pygame.Surface, sprite: pygame.Surface, spot: tuple[int, int],
             feet: Point, shadow: pygame.Surface | None = None) -> None:
        """A long shadow laid along the ground from the feet, away from a low sun (`shadow`:
        the one to lay, if not the sprite's own)."""
        reach = self.reach
        shadow = self.of(sprite) if shadow is None else shadow
        w, h = sprite.get_size()
        fx, fy = feet
        # Where the feet land once the sprite is turned flat and stretched.
        if reach > 0:
            at = ((h - fy) * shadow.get_width() / h, fx * shadow.get_height() / w)
        else:
            at = (fy * shadow.get_width() / h, (w - fx) * shadow.get_height() / w)
        surface.blit(shadow, (round(spot[0] + fx - at[0]), round(spot[1] + fy - at[1])))


def _laid_down(sprite: pygame.Surface, reach: float) -> pygame.Surface:
    """The sprite turned flat along the ground, stretched to `reach` heights, dark and soft."""
    turned = pygame.transform.rotate(sprite, -90 if reach > 0 else 90)
    length = max(2, round(abs(reach) * sprite.get_height()))
    thick = max(2, sprite.get_width() // 4)
    flat = pygame.transform.smoothscale(turned, (length, thick))
    flat.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MIN)
    flat.fill((255, 255, 255, SHADOW_ALPHA), special_flags=pygame.BLEND_RGBA_MULT)
    return flat
