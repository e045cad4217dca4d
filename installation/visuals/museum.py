"""The George C. Page Museum by the Lake Pit in the afternoon: its pavilion across the tar, or
the near shore with its path and rail (a still layer: painted once, ahead, in steps; late in
the afternoon the low sun warms it, ten story minutes at a time)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Frame, Pieces, Setup, at_once, clamp01, mix, scaled
from installation.visuals.museum_pavilion import painting as pavilion
from installation.visuals.museum_pavilion import plan_of
from installation.visuals.museum_shore import margin, solid_from
from installation.visuals.museum_shore import painting as shore

Drawn = list[tuple[pygame.Surface, tuple[int, int]]]

WARM_FROM, WARM_TO = 15.75, 17.0  # story hours: the light on the grounds goes golden over these
STEPS = 6  # ... a step every ten story minutes
NOON = (255, 255, 255)  # the light it is painted in: multiplied in, nothing changes
LOW_SUN = (255, 178, 120)  # the low sun's colour, multiplied into the painted light
WARMTH, DIMMING = 0.7, 0.22  # at WARM_TO: how far towards it, and how much darker


class Museum:
    """The pavilion (part "pavilion") or the near shore (part "shore"), painted once."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Paint the part a few milliseconds a step."""
        width, height = setup.size
        if params["part"] == "pavilion":
            plan = plan_of(params["x"], params["ground"], params["scale"], setup.size)
            at = (0, plan.top)
            picture: pygame.Surface = yield from pavilion(plan, setup.seed)
            self.drawn: Drawn = [(picture, at)]
        else:
            edge = round(params["ground"] * height)
            at = (0, edge - margin(height))
            picture = yield from shore(width, height, edge, setup.seed, params["path"])
            self.drawn = _opaque_below(picture, at, solid_from(height))
        self.area = pygame.Rect(at, picture.get_size())
        self._warmed: tuple[int, Drawn] | None = None  # the last warmer step drawn

    def look(self, frame: Frame) -> int:
        """How far the low sun has warmed it (0: the afternoon light it was painted in)."""
        return warm_step(frame.hour)

    def changed(self, old: int, new: int) -> list[pygame.Rect]:
        return [self.area]

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The picture as the sun lights it now: the shore is drawn again each frame over the
        tar's ripples, its opaque rows without alpha (a third of the time)."""
        surface.fblits(self._lit(self.look(frame)))

    def whole_rows(self, surface: pygame.Surface) -> tuple[int, int] | None:
        """The rows `draw` paints whole over whatever is there: the shore's opaque body
        across the picture (pass16: the copy of the kept background leaves them)."""
        body, (left, top) = self.drawn[-1]
        if (body.get_flags() & pygame.SRCALPHA or body.get_colorkey() is not None or left
                or body.get_width() < surface.get_width()):
            return None
        return top, min(top + body.get_height(), surface.get_height())

    def _lit(self, step: int) -> Drawn:
        """The pieces drawn at a step of the low sun's warming (each made once when it
        comes, a copy of the picture with the light multiplied in)."""
        if not step:
            return self.drawn
        if self._warmed is None or self._warmed[0] != step:
            light = sunlight(step)
            warmed = []
            for piece, at in self.drawn:
                copy = piece.copy()
                copy.fill(light, special_flags=pygame.BLEND_RGB_MULT)
                warmed.append((copy, at))
            self._warmed = (step, warmed)
        return self._warmed[1]


def warm_step(hour: float) -> int:
    """The step of the low sun's warming at the story hour (0 before WARM_FROM)."""
    return min(math.floor(max(0.0, hour - WARM_FROM) * STEPS),
               round((WARM_TO - WARM_FROM) * STEPS))


def sunlight(step: int) -> tuple[int, int, int]:
    """The light multiplied into the painted picture at a step of the warming."""
    k = clamp01(step / ((WARM_TO - WARM_FROM) * STEPS))
    return scaled(mix(NOON, LOW_SUN, WARMTH * k), 1 - DIMMING * k)


def _opaque_below(picture: pygame.Surface, at: tuple[int, int], row: int) -> Drawn:
    """The picture as its rows over `row` (with alpha) and the rest, opaque, on a surface
    without alpha: the same pixels drawn."""
    width, height = picture.get_size()
    row = min(row, height)
    body = pygame.Surface((width, height - row))
    body.blit(picture, (0, 0), (0, row, width, height - row))
    return [(picture.subsurface((0, 0, width, row)), at), (body, (at[0], at[1] + row))]
