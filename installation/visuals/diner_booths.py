"""Johnnie's booths, seen from inside: high-backed red benches along the glass in pairs, a
table between each pair, drawn in the room's perspective."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.counter import CHROME, FORMICA

HORIZON = 0.45  # eye level: where the floor's lines meet
WALL_FOOT = 0.69  # the glass's low wall meets the floor here
KNEE_WALL = (70, 46, 36)
BOOTHS: tuple[float, ...] = (0.06, 0.27, 0.3, 0.51, 0.54, 0.745)  # high-backed benches' ends
BOOTH_TOP, TABLE_TOP = 0.545, 0.6
BOOTH_NEAR = 1.14  # a bench runs out from the glass this far (the room's scale at its aisle end)
BOOTH_BACK, BOOTH_SEAT = 0.018, 0.034  # a back's thickness and a seat's depth, of the width
SEAT_TOP = 0.636  # the seat cushion's top, at the glass
CHANNELS = 4  # the rolled channels stitched up a back's upholstery
BOLSTER = 0.56  # the roll along a back's top, its radius in the back's thickness
VINYL = (150, 34, 36)


@dataclass(frozen=True)
class Booths:
    """The booths of a room `size` pixels big, lit by `light`."""

    size: tuple[int, int]
    light: Color

    def draw(self, image: pygame.Surface) -> None:
        """High-backed red booths along the glass, their benches running out towards us in
        pairs, a table between each pair: each seen at an angle, its upholstered side and its
        seat cushion towards the room's middle, its rolled end towards the aisle."""
        width = self.size[0]
        for a, b in zip(BOOTHS[::2], BOOTHS[1::2], strict=True):
            self._table(image, round(a * width), round(b * width))
        for n, x in enumerate(BOOTHS):
            self._booth(image, x, 1 if n % 2 == 0 else -1)

    def _at(self, x: float, y: float, k: float) -> tuple[float, float]:
        """A point of the room in pixels: (x, y) as shares of the picture where they would be at
        the glass, k times nearer the eye (the room's perspective round its vanishing point)."""
        width, height = self.size
        return ((0.5 + (x - 0.5) * k) * width, (HORIZON + (y - HORIZON) * k) * height)

    def _booth(self, image: pygame.Surface, x: float, side: int) -> None:
        """One bench: a back `BOOTH_BACK` thick from the floor to `BOOTH_TOP`, its seat on the
        `side` its table is (1: to the right), both running from the glass to `BOOTH_NEAR`."""
        lit, dark = mix(VINYL, self.light, 0.3), scaled(VINYL, 0.62)
        inner = x + side * BOOTH_BACK / 2  # the back's face the seat is against
        outer = x - side * BOOTH_BACK / 2
        seen = inner if (inner > outer) == (x < 0.5) else outer  # the face turned to us
        face = [self._at(seen, BOOTH_TOP, 1.0), self._at(seen, BOOTH_TOP, BOOTH_NEAR),
                self._at(seen, WALL_FOOT, BOOTH_NEAR), self._at(seen, WALL_FOOT, 1.0)]
        pygame.draw.polygon(image, (*(lit if seen == inner else dark), 255), face)
        if seen == inner:  # its channels, stitched from the top down to the seat
            for c in range(1, CHANNELS + 1):
                k = 1.0 + (BOOTH_NEAR - 1.0) * c / (CHANNELS + 1)
                pygame.draw.line(image, (*scaled(VINYL, 0.75), 255), self._at(seen, BOOTH_TOP, k),
                                 self._at(seen, SEAT_TOP, k), max(1, self.size[0] // 640))
        self._seat(image, inner, side)
        self._end(image, outer, inner, side)

    def _seat(self, image: pygame.Surface, inner: float, side: int) -> None:
        """The seat cushion's lit top, out from the back's face to the table's side."""
        edge = inner + side * BOOTH_SEAT
        top = [self._at(inner, SEAT_TOP, 1.0), self._at(edge, SEAT_TOP, 1.0),
               self._at(edge, SEAT_TOP, BOOTH_NEAR), self._at(inner, SEAT_TOP, BOOTH_NEAR)]
        pygame.draw.polygon(image, (*mix(VINYL, self.light, 0.45), 255), top)

    def _end(self, image: pygame.Surface, outer: float, inner: float, side: int) -> None:
        """The bench's end to the aisle: one panel in the shape of its back and seat (an L),
        piped in chrome, a rolled bolster along the top of the back."""
        edge = inner + side * BOOTH_SEAT
        panel = [self._at(x, y, BOOTH_NEAR) for x, y in (
            (outer, BOOTH_TOP), (inner, BOOTH_TOP), (inner, SEAT_TOP), (edge, SEAT_TOP),
            (edge, WALL_FOOT), (outer, WALL_FOOT))]
        (x0, y0), (x1, _) = panel[0], panel[1]
        radius = abs(x1 - x0) * BOLSTER
        centre = ((x0 + x1) / 2, y0 + radius)
        panel[0], panel[1] = (x0, centre[1]), (x1, centre[1])  # the bolster rounds the top
        pygame.draw.polygon(image, (*VINYL, 255), panel)
        pygame.draw.circle(image, (*mix(VINYL, self.light, 0.3), 255), centre, radius)
        pygame.draw.lines(image, (*CHROME, 255), False, panel[1:5], max(1, self.size[0] // 640))

    def _table(self, image: pygame.Surface, a: int, b: int) -> None:
        """A booth's table, a napkin holder, a sugar jar and a cup on it."""
        width, height = self.size
        top = round(TABLE_TOP * height)
        thick = max(2, height // 120)
        middle = (a + b) // 2
        image.fill((*scaled(KNEE_WALL, 0.6), 255), (middle - thick, top, 2 * thick,
                                                    round(WALL_FOOT * height) - top))
        inset = (b - a) // 10
        image.fill((*mix(FORMICA, self.light, 0.3), 255), (a + inset, top, b - a - 2 * inset,
                                                           thick))
        image.fill((*CHROME, 255), (a + inset, top + thick, b - a - 2 * inset, max(1, thick // 2)))
        unit = max(2, height // 90)
        image.fill((*CHROME, 255), (middle - 2 * unit, top - 2 * unit, 3 * unit, 2 * unit))
        image.fill((*scaled(CHROME, 0.6), 255), (middle - unit, top - 3 * unit, unit, unit))
        pygame.draw.rect(image, (230, 226, 214, 200), (middle + 2 * unit, top - 2 * unit,
                                                       unit + 1, 2 * unit))
