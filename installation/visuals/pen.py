"""A pen that draws shapes given in units, supersampled, then shrunk a band of rows at a time."""

from __future__ import annotations

from collections.abc import Callable, Generator, Hashable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import pairwise
from types import FunctionType

import numpy as np
import pygame

from installation.visuals.base import Color, at_once
from installation.visuals.budget import Budget
from installation.visuals.made_once import MadeOnce

SUPERSAMPLE = 3  # drawn large and shrunk, for smooth edges
STROKE_STEPS = 40  # discs along each segment of a tapering stroke, less one
BAND_ROWS = 10 * SUPERSAMPLE  # the large drawing is shrunk in bands of this many rows
CHUNK_ROWS = 10 * BAND_ROWS  # and painted in chunks of this many (a large drawing at a time)
PAINT_COST = 100_000  # rows filled in one step (~1.9 ms at ~19 ns a row of a disc; see Shape.cost:
# at 160,000, a tar scene's steps of ~3 ms each made a frame that built one miss 8.33 ms)
SHRINK_COST = 300_000  # large pixels shrunk in one step (~1.4 ms: a chunk's ten bands took 4 ms)
POLYGON_EDGES = 16  # a polygon's row costs a disc's row for each this many of its edges
POLYGON_ROWS = 50  # a polygon (or ellipse) costs this many rows besides its own (~1.4 us a
# call of drawing it at all: a mammoth's tusks are ~2,700 polygons a few rows high, and a
# step that painted them all, 100,000 rows by their own, took 9-15 ms of a building frame)
DISC_ROWS = 120  # a disc costs this many rows besides its own (~3.4 us: small ones are mostly it)
Point = tuple[float, float]
Notes = Generator[None, None, None]  # polygons noted down on a pen, a few at a time


class Pen:
    """Draws shapes given in units (x right, y up, feet at 0) in whole pixels of a supersampled
    drawing: it notes them down, each with the rows it reaches, so that the drawing can then
    be painted a few shapes at a time (`paint_pieces`)."""

    def __init__(self, px: float, origin: tuple[int, int], flip: bool, shrink: int = 1) -> None:
        """`px`: the drawing's pixels to a unit; `shrink`: how many times smaller it is shown."""
        self.px, self.origin, self.flip = px, origin, flip
        self.pixel = shrink / px  # one of the shown picture's pixels, in units
        self.shapes: list[Shape] = []
        # Strokes to work out, all at once (`finish`): where in `shapes`, and how drawn.
        self._strokes: list[tuple[int, Sequence[Point], float, float]] = []
        self._later: list[tuple[int, Notes]] = []  # shapes to note down in pieces (`later`)

    def at(self, p: Point) -> tuple[int, int]:
        x = -p[0] if self.flip else p[0]
        return (int(self.origin[0] + x * self.px), int(self.origin[1] - p[1] * self.px))

    def polygon(self, points: Sequence[Point], color: Color) -> None:
        """(Each point placed as `at` places it, in one pass: a mammoth's tusks and hair are
        thousands of polygons, noted down in one piece of its building.)"""
        (left, top), px = self.origin, self.px
        if self.flip:
            corners = [(int(left + -x * px), int(top - y * px)) for x, y in points]
        else:
            corners = [(int(left + x * px), int(top - y * px)) for x, y in points]
        rows = [y for _x, y in corners]
        self.shapes.append(Shape(color, min(rows), max(rows) + 1, corners=corners))

    def stroke(self, points: Sequence[Point], width0: float, width1: float,
               color: Color) -> None:
        """A tapering line through points (trunks, tusks, fronds), as overlapping discs (worked
        out with the others, in `finish`)."""
        if len(points) > 1:
            self._strokes.append((len(self.shapes), points, width0, width1))
            self.shapes.append(Shape(color, 0, 0))

    def later(self, notes: Notes) -> None:
        """Polygons to be noted down in pieces (`noted`), in their place among the shapes
        drawn so far and after (a mammoth's tusks: thousands of polygons, 9-30 ms noted down
        in one piece of her building)."""
        self._later.append((len(self.shapes), notes))

    def noted(self) -> Generator[None, None, None]:
        """Note down the polygons given `later`, a piece at a time, each set in its place."""
        later, self._later = self._later, []
        moved = 0  # shapes set in before those noted since
        for at, notes in later:
            kept, self.shapes = self.shapes, []
            for _ in notes:
                yield
            noted, self.shapes = self.shapes, kept
            place = at + moved
            self.shapes[place:place] = noted
            self._strokes = [(n + len(noted) if n >= place else n, points, width0, width1)
                             for n, points, width0, width1 in self._strokes]
            moved += len(noted)

    def finish(self) -> None:
        """Work out the discs of every stroke at once: STROKE_STEPS + 1 along each segment
        (and first note down what was left for `later`)."""
        at_once(self.noted())
        if not self._strokes:
            return
        segments = np.array([(*a, *b, n, len(points) - 1, width0, width1)
                             for _at, points, width0, width1 in self._strokes
                             for n, (a, b) in enumerate(pairwise(points))], dtype=float)
        per = STROKE_STEPS + 1
        x0, y0, x1, y1, n, count, width0, width1 = np.repeat(segments, per, axis=0).T
        step = np.tile(np.arange(per, dtype=float), len(segments))
        t = (n + step / STROKE_STEPS) / count
        x, y = x0 + (x1 - x0) * step / STROKE_STEPS, y0 + (y1 - y0) * step / STROKE_STEPS
        radii = np.maximum(1, ((width0 + (width1 - width0) * t) * self.px / 2).astype(int))
        across = -x if self.flip else x  # as `at` does
        xs = (self.origin[0] + across * self.px).astype(int)
        ys = (self.origin[1] - y * self.px).astype(int)
        first = 0
        for at, points, _width0, _width1 in self._strokes:
            last = first + (len(points) - 1) * per
            rows = ys[first:last]
            reach = radii[first:last]
            self.shapes[at] = Shape(self.shapes[at].color, int((rows - reach).min()),
                                    int((rows + reach).max()) + 1,
                                    discs=(xs[first:last], rows, reach))
            first = last
        self._strokes = []

    def ellipse(self, centre: Point, rx: float, ry: float, color: Color) -> None:
        cx, cy = self.at(centre)
        box = pygame.Rect(cx - rx * self.px, cy - ry * self.px, 2 * rx * self.px, 2 * ry * self.px)
        self.shapes.append(Shape(color, box.top, box.bottom + 1, box=box))

    def paint_pieces(self, surface: pygame.Surface, top: int) -> Generator[None, None, None]:
        """Paint the shapes that reach the rows from `top` down onto `surface` (those rows), in
        the order they were drawn, pausing before a shape that would take the step past
        PAINT_COST (see `Shape.cost`)."""
        bottom, budget = top + surface.get_height(), Budget(PAINT_COST)
        for shape in self.shapes:
            if shape.last > top and shape.first < bottom:
                if budget.over(shape.cost(top, bottom)):
                    yield
                shape.paint(surface, top, bottom)


@dataclass(frozen=True)
class Shape:
    """One thing a pen drew, in whole pixels of the drawing, and the rows it reaches."""

    color: Color
    first: int
    last: int
    corners: list[tuple[int, int]] | None = None  # a polygon
    discs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # x, y, radius of each
    box: pygame.Rect | None = None  # an ellipse

    def cost(self, top: int, bottom: int) -> float:
        """What painting it on the rows from `top` to `bottom` costs, in rows filled: a
        polygon's whole height (wherever it lies), each row looking at every edge; an ellipse's
        height; each disc's own rows; and DISC_ROWS or POLYGON_ROWS for drawing each at all."""
        if self.corners is not None:
            return ((self.last - self.first) * max(1.0, len(self.corners) / POLYGON_EDGES)
                    + POLYGON_ROWS)
        if self.discs is not None:
            _xs, _ys, radii = self.discs
            return float((2 * radii[self._drawn(top, bottom)] + 1 + DISC_ROWS).sum())
        return float(self.last - self.first + POLYGON_ROWS)

    def _drawn(self, top: int, bottom: int) -> np.ndarray:
        """Which of its discs reach the rows from `top` to `bottom`."""
        assert self.discs is not None
        _xs, ys, radii = self.discs
        return np.flatnonzero((ys + radii >= top) & (ys - radii < bottom))

    def paint(self, surface: pygame.Surface, top: int, bottom: int) -> None:
        """Paint it on a band of the drawing from row `top` to `bottom` (the band's size)."""
        color = (*self.color, 255)
        if self.corners is not None:
            pygame.draw.polygon(surface, color, [(x, y - top) for x, y in self.corners])
        elif self.box is not None:
            pygame.draw.ellipse(surface, color, self.box.move(0, -top))
        elif self.discs is not None:
            xs, ys, radii = self.discs
            for n in self._drawn(top, bottom).tolist():
                pygame.draw.circle(surface, color, (int(xs[n]), int(ys[n]) - top),
                                   int(radii[n]))


def render(draw: Callable[[Pen, Color], None], bounds: tuple[float, float, float, float],
           px: float, flip: bool, color: Color) -> Generator[None, None, pygame.Surface]:
    """A drawing in units, drawn large a chunk of rows at a time (its shapes a few a step)
    and shrunk a band at a time, for smooth edges. (A polygon costs its whole height
    wherever it is painted: painted for each band of BAND_ROWS it reached, a tall drawing's
    bands took 5-12 ms each; a chunk is CHUNK_ROWS.)"""
    left, right, bottom, top = bounds
    big = px * SUPERSAMPLE
    # Whole multiples of the supersampling, so each band shrinks exactly as the whole would.
    span_w = _whole(int((right - left) * big) + 4)
    span_h = _whole(int((top - bottom) * big) + 4)
    origin = (int((right if flip else -left) * big) + 2, int(top * big) + 2)
    image = pygame.Surface((span_w // SUPERSAMPLE, span_h // SUPERSAMPLE), pygame.SRCALPHA)
    pen = Pen(big, origin, flip, SUPERSAMPLE)
    yield  # (a piece of its own: what its caller did before it took up to 10 ms)
    draw(pen, color)  # noted down once, painted a chunk at a time
    yield
    yield from pen.noted()
    pen.finish()
    yield
    chunk = pygame.Surface((span_w, min(CHUNK_ROWS, span_h)), pygame.SRCALPHA)
    yield  # (a large new surface: its first touches take a piece of their own)
    for chunk_top in range(0, span_h, CHUNK_ROWS):
        height = min(CHUNK_ROWS, span_h - chunk_top)
        chunk.fill((0, 0, 0, 0))
        yield  # (cleared in a piece of its own: ~1 ms, with a step of painting over 8.33)
        area = chunk.subsurface((0, 0, span_w, height))
        yield from pen.paint_pieces(area, chunk_top)
        yield from _shrunk(area, image, chunk_top)
        yield
    return image


def rendered(made: MadeOnce, draw: Callable[..., None],
             bounds: tuple[float, float, float, float], px: float, flip: bool,
             color: Color) -> Generator[None, None, pygame.Surface]:
    """What `render` draws, found in `made` if drawn before with all that shapes it alike
    (a copy of it: see MadeOnce.picture), else drawn (a drawing not named by value, a lambda's,
    is drawn every time)."""
    try:
        key = drawing_key(draw)
        hash(key)
    except (TypeError, ValueError):
        return (yield from render(draw, bounds, px, flip, color))
    return (yield from made.picture(("drawing", key, bounds, px, flip, color),
                                    partial(render, draw, bounds, px, flip, color)))


def drawing_key(draw: Callable[..., None]) -> Hashable:
    """A drawing named by value: a module's function itself, or a partial of one with the
    arguments it was given (each drawing among them named so in turn). ValueError if it cannot
    be: a lambda or a function made inside another (its closure may hold anything), a bound
    method or any other callable (its object may change)."""
    if isinstance(draw, partial):
        return (drawing_key(draw.func), tuple(_named(a) for a in draw.args),
                tuple(sorted((k, _named(v)) for k, v in draw.keywords.items())))
    if isinstance(draw, FunctionType) and draw.__closure__ is None \
            and "<" not in draw.__qualname__:
        return draw
    raise ValueError(f"a drawing not named by value: {draw!r}")


def _named(argument: object) -> Hashable:
    """A drawing's argument as its key holds it (a drawing among them named by value)."""
    return drawing_key(argument) if callable(argument) else argument  # type: ignore[arg-type]


def _shrunk(area: pygame.Surface, image: pygame.Surface, top: int) -> Generator[None, None, None]:
    """A chunk of the large drawing (its rows from `top`) shrunk onto `image` a band at a
    time, pausing before a band that would take the step past SHRINK_COST."""
    width, budget = area.get_width(), Budget(SHRINK_COST)
    for band_top in range(0, area.get_height(), BAND_ROWS):  # (~0.1 ms a band 3,480 wide)
        rows = min(BAND_ROWS, area.get_height() - band_top)
        if budget.over(width * rows):
            yield
        band = area.subsurface((0, band_top, width, rows))
        small = pygame.transform.smoothscale(band, (width // SUPERSAMPLE, rows // SUPERSAMPLE))
        # Added onto transparent black: a plain copy of colour and alpha.
        image.blit(small, ((0, (top + band_top) // SUPERSAMPLE)),
                   special_flags=pygame.BLEND_RGBA_ADD)


def _whole(length: int) -> int:
    """`length` rounded up to a whole number of supersampled pixels."""
    return -(-length // SUPERSAMPLE) * SUPERSAMPLE
