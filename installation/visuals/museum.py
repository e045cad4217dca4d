"""The George C. Page Museum by the Lake Pit in the afternoon: its pavilion across the tar, or
the near shore with its path and rail (a still layer: painted once, ahead, in steps)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Frame, Pieces, Setup, at_once
from installation.visuals.museum_pavilion import painting as pavilion
from installation.visuals.museum_pavilion import plan_of
from installation.visuals.museum_shore import margin, solid_from
from installation.visuals.museum_shore import painting as shore


class Museum:
    """The pavilion (part "pavilion") or the near shore (part "shore"), painted once."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Paint the part a few milliseconds a step."""
        width, height = setup.size
        if params["part"] == "pavilion":
            plan = plan_of(params["x"], params["ground"], params["scale"], setup.size)
            self.at = (0, plan.top)
            self.picture: pygame.Surface = yield from pavilion(plan, setup.seed)
            self.pieces_drawn = [(self.picture, self.at)]
        else:
            edge = round(params["ground"] * height)
            self.at = (0, edge - margin(height))
            self.picture = yield from shore(width, height, edge, setup.seed)
            self.pieces_drawn = _opaque_below(self.picture, self.at, solid_from(height))

    def look(self, frame: Frame) -> None:
        """Still all through the scene."""

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The picture: the shore is drawn again each frame over the tar's ripples, its
        opaque rows without alpha (a third of the time)."""
        surface.fblits(self.pieces_drawn)


def _opaque_below(picture: pygame.Surface, at: tuple[int, int],
                  row: int) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """The picture as its rows over `row` (with alpha) and the rest, opaque, on a surface
    without alpha: the same pixels drawn."""
    width, height = picture.get_size()
    row = min(row, height)
    body = pygame.Surface((width, height - row))
    body.blit(picture, (0, 0), (0, row, width, height - row))
    return [(picture.subsurface((0, 0, width, row)), at), (body, (at[0], at[1] + row))]
