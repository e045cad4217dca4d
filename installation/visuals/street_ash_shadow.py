"""The soft dark a thing lying in the ash on the burnt boulevard leaves under it: drawn small,
then scaled up (soft edged), multiplied into the ash."""

from __future__ import annotations

import pygame

from installation.visuals.storefronts import Project

SHADOW = 0.2  # a thing's shadow on the ash, of the ash's light: soft, under it (the grey sky
SHADOW_SHIFT = (0.12, 0.3)  # ...barely to the right and a little away from us, of its size (the
# morning's weak sun behind us and to the left; cast hard to the right it read as pasted on
# under the sunless sky)
SOFT = 4  # a shadow is drawn this many times smaller, then scaled up (soft edged)


def shadow(image: pygame.Surface, project: Project, where: tuple[float, float], size: float,
           dark: float = SHADOW, up: float = 0.0) -> None:
    """The soft dark a thing `size` across at `where` (world x, z) leaves on the ash under it,
    `up` high, a little to its lee (`dark`: how much of the ash's light it takes)."""
    x, z = where
    right, away = (size * share for share in SHADOW_SHIFT)
    a = project(x - size + right, z - size * 0.6 + away, up)
    b = project(x + size + right, z + size * 0.6 + away, up)
    box = pygame.Rect(min(a[0], b[0]), min(a[1], b[1]), abs(b[0] - a[0]) + 1,
                      abs(b[1] - a[1]) + 1)
    if box.width < 2 or box.height < 1:
        return
    shade = round(255 * (1 - dark))
    small = pygame.Surface((max(3, box.width // SOFT + 2), max(3, box.height // SOFT + 2)))
    small.fill((255, 255, 255))
    pygame.draw.ellipse(small, (shade, shade, shade),
                        small.get_rect().inflate(-max(2, small.get_width() // 4),
                                                 -max(2, small.get_height() // 4)))
    patch = pygame.transform.smoothscale(small, box.size)
    image.blit(patch, box.topleft, special_flags=pygame.BLEND_RGB_MULT)
