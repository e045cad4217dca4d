"""A caption's band: one soft-edged shade behind its stamp and the lines typed so far, as wide as
the widest of them (a multiply, darkening the picture by a share of its own light)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color
from installation.visuals.halo import Lightened, halo, reach_for

WHITE = (255, 255, 255)


class Band:
    """The shade of a box from (`left`, `top`), as wide and tall as asked (at most `most`),
    feathered out round it over the reach of the halo of letters `soft` high: the halo of a
    point (its quarters the corners, its middle row and column stretched along the sides), so a
    box of any size is laid in a few blits, exactly the halo of that box."""

    def __init__(self, left: int, top: int, most: tuple[int, int], soft: int,
                 shade: Color) -> None:
        self.reach = reach_for(soft)
        self.point = halo(np.full((1, 1), 255, np.uint8), soft, shade)
        self.at = (left - self.reach, top - self.reach)
        self.most = (max(1, most[0]), max(1, most[1]))
        self.shade = shade
        self.mask = Lightened(pygame.Surface((self.most[0] + 2 * self.reach,
                                              self.most[1] + 2 * self.reach)), shade)
        self._laid = (-1, -1)  # the box laid in the mask

    def draw(self, surface: pygame.Surface, box: tuple[int, int], share: float) -> None:
        """Darken the picture behind a box of `box` (width, height), at `share` of the band's
        strength."""
        width, height = min(box[0], self.most[0]), min(box[1], self.most[1])
        if share <= 0 or width <= 0 or height <= 0:
            return
        self._lay(width, height)
        area = pygame.Rect(0, 0, width + 2 * self.reach, height + 2 * self.reach)
        surface.blit(self.mask.at(min(1.0, share)), self.at, area,
                     special_flags=pygame.BLEND_RGB_MULT)

    def _lay(self, width: int, h: int) -> None:
        """Lay the box `width` by `h` into the mask: the point's quarters at its corners, its
        middle row and column stretched along the sides, the shade inside."""
        if (width, h) == self._laid:
            return
        mask, point, r = self.mask.mask, self.point, self.reach
        mask.fill(WHITE)
        mask.fill(self.shade, (r, r, width, h))
        row = point.subsurface((0, r, point.get_width(), 1))  # (across the middle)
        column = point.subsurface((r, 0, 1, point.get_height()))
        sides = pygame.transform.scale(row, (row.get_width(), h))
        ends = pygame.transform.scale(column, (width, column.get_height()))
        for x, y, (ox, oy) in ((0, 0, (0, 0)), (r + width, 0, (r + 1, 0)),
                               (0, r + h, (0, r + 1)), (r + width, r + h, (r + 1, r + 1))):
            mask.blit(point, (x, y), (ox, oy, r, r))  # the corners
        mask.blit(sides, (0, r), (0, 0, r, h))
        mask.blit(sides, (r + width, r), (r + 1, 0, r, h))
        mask.blit(ends, (r, 0), (0, 0, width, r))
        mask.blit(ends, (r, r + h), (0, r + 1, width, r))
        self._laid = (width, h)
        self.mask.version += 1
