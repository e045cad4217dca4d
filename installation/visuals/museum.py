"""The George C. Page Museum by the Lake Pit in the afternoon: its pavilion across the tar, or
the near shore with its path and rail (a still layer: painted once, ahead, in steps)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Frame, Pieces, Setup, at_once
from installation.visuals.museum_pavilion import painting as pavilion
from installation.visuals.museum_pavilion import plan_of
from installation.visuals.museum_shore import margin
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
        else:
            edge = round(params["ground"] * height)
            self.at = (0, edge - margin(height))
            self.picture = yield from shore(width, height, edge, setup.seed)

    def look(self, frame: Frame) -> None:
        """Still all through the scene."""

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        surface.blit(self.picture, self.at)
