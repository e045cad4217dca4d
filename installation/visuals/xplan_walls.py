"""Park La Brea's walls painted: each face of the X lit by the city's glow or turned from it,
brighter low down where the glow comes up from the streets, dark in the inside corners where
two wings meet, a coping along the roof, and the stair's windows lit in those corners."""

from __future__ import annotations

import math

import pygame

from installation.visuals.base import Color, hash01, mix, scaled
from installation.visuals.xplan_geometry import SLAB, STOREYS, Plane

Outline = list[tuple[float, float]]

# A floor slab's edge across a wing's wall: a little lighter than the wall round it (in its
# light: darker up it and into the inside corner), a darker line under it where the wall sits
# back (its height, of the slab's)
SLAB_LIGHT, SLAB_SHADOW, SLAB_UNDER = 1.12, 0.8, 0.3
SHADOW_STOREY = 100  # pixels a storey measures, at least, for that line to be drawn
NIGHT_GLOW = (168, 128, 132)  # the city's light on the walls that face it: warm, from below
GLOW_SHARE = 0.45
SHADOW = 0.4  # a wall turned from the glow is this much darker...
NIGHT_SHADE = ((38, 44, 78), 0.3)  # ...and takes this much of the night sky's blue
HAZE_NEAR, HAZE_FAR, HAZE_DAY = 0.04, 0.3, 0.45  # how much haze the walls take, far and by day
RISE = 0.3  # a wall's top is this much darker than its foot (the glow is from below)
ROWS = 6  # steps of that darkening up a wall, at least...
ROW_PIXELS = 16  # ...and one every this many pixels of its height (no step is seen)
# Towards an inside corner (share of the wall's length from it): how much light is left.
CORNER = ((0.0, 0.3), (0.1, 0.4), (0.18, 0.78), (0.3, 0.92), (0.42, 1.0))
COPING, COPING_LIGHT, COPING_SHADOW = 0.3, 1.3, 0.5  # storeys deep; its face; the line under
STAIR_LIGHT = (206, 194, 158)  # a stairwell's lamp behind wired glass, on all night
STAIR_FADE = 0.5  # the farthest towers' stairs are this much dimmer
STAIR_GLOW = (0.72, 1.0)  # each landing's window this bright (of STAIR_LIGHT), the least and most
STAIR_OUT = 0.25 # this share of landings' lamps are out: their glass dark
STAIR_GLASS = 0.6  # a dark one's glass, of the wall's colour
STAIR_FRAME = 0.55  # its frame, of the wall's colour (round every one: see STAIR_LEAST)


def wall_color(plane: Plane, far: float, colors: tuple[Color, Color], daylight: float) -> Color:
    """A face's colour: the towers' `colors` (theirs, the haze's) hazed by distance `far` (0
    to 1) and the day; lit by the glow as it faces it, else dark and blue."""
    body, haze = colors
    shell = mix(body, haze, HAZE_NEAR + (HAZE_FAR - HAZE_NEAR) * far + HAZE_DAY * daylight)
    shaded = mix(scaled(shell, SHADOW + (1 - SHADOW) * plane.tone), NIGHT_SHADE[0],
                 NIGHT_SHADE[1] * (1 - plane.tone) * (1 - daylight))
    return mix(shaded, NIGHT_GLOW, GLOW_SHARE * plane.tone * (1 - far / 2) * (1 - daylight))


def paint_wall(image: pygame.Surface, plane: Plane, outline: Outline, color: Color) -> None:
    """A wing's or the core's wall: darker up it and towards its inside corner, its floor
    slabs' edges across it if near, its coping along the top (a roof: plain)."""
    if len(outline) != 4:
        pygame.draw.polygon(image, (*color, 255), outline)
        return
    spans = _across(plane.inner)
    tall = max(y for _, y in outline) - min(y for _, y in outline)
    rows = max(ROWS, math.ceil(tall / ROW_PIXELS))
    for row in _rows_seen(outline, rows, image.get_height()):  # (each in the picture)
        dim = 1 - RISE * (row + 0.5) / rows
        for across, corner in spans:
            pygame.draw.polygon(image, (*scaled(color, dim * corner), 255),
                                _cell(outline, across, (row / rows, (row + 1) / rows)))
    if plane.floors:
        _slabs(image, outline, spans, (color, rows))
    _coping(image, outline, color)


def _rows_seen(outline: Outline, rows: int, bottom: int) -> list[int]:
    """The wall's rows (counted up from its foot) that reach into the picture's height."""
    (_, ay), (_, by), (_, cy), (_, dy) = outline

    def ends(v: float) -> tuple[float, float]:
        return ay + (dy - ay) * v, by + (cy - by) * v

    return [row for row in range(rows)
            if min(ends((row + 1) / rows)) < bottom and max(ends(row / rows)) >= 0]


def _shade(color: Color, up: float, rows: int, corner: float) -> Color:
    """The wall's colour `up` its height (0 foot, 1 top; in steps of its rows), with the light
    left in its inside corner."""
    row = min(rows - 1, int(up * rows))
    return scaled(color, (1 - RISE * (row + 0.5) / rows) * corner)


def _strip(image: pygame.Surface, cell: Outline, color: Color) -> None:
    """A part of a wall in one colour, if it is in the picture's height."""
    if min(y for _, y in cell) < image.get_height() and max(y for _, y in cell) >= 0:
        pygame.draw.polygon(image, (*color, 255), cell)


def _slabs(image: pygame.Surface, outline: Outline,
           spans: list[tuple[tuple[float, float], float]], light: tuple[Color, int]) -> None:
    """Each floor slab's edge across the wall in perspective, in the wall's light where it
    runs, with the shadow line under it on a near wall."""
    color, rows = light
    (_, foot), (_, top) = outline[0], outline[3]
    shadow = abs(foot - top) / STOREYS >= SHADOW_STOREY
    for storey in range(1, STOREYS):
        low, high = storey / STOREYS, (storey + SLAB) / STOREYS
        under = (storey - SLAB * SLAB_UNDER) / STOREYS
        for across, corner in spans:
            wall = _shade(color, low, rows, corner)
            _strip(image, _cell(outline, across, (low, high)), scaled(wall, SLAB_LIGHT))
            if shadow:
                _strip(image, _cell(outline, across, (under, low)), scaled(wall, SLAB_SHADOW))


def _across(inner: int) -> list[tuple[tuple[float, float], float]]:
    """The wall's strips along its length (0 its first end, 1 its last) and the light left in
    each: darker towards an inside corner."""
    if inner < 0:
        return [((0.0, 1.0), 1.0)]
    steps = [(CORNER[k][0], CORNER[k + 1][0], CORNER[k][1]) for k in range(len(CORNER) - 1)]
    steps.append((CORNER[-1][0], 1.0, CORNER[-1][1]))
    if inner == 0:
        return [((u0, u1), light) for u0, u1, light in steps]
    return [((1 - u1, 1 - u0), light) for u0, u1, light in steps]


def _cell(outline: Outline, across: tuple[float, float], up: tuple[float, float]) -> Outline:
    """The part of a wall's outline (foot first end, foot last end, top last, top first)
    between shares `across` its length and `up` its height."""
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = outline

    def at(u: float, v: float) -> tuple[float, float]:
        foot = (ax + (bx - ax) * u, ay + (by - ay) * u)
        top = (dx + (cx - dx) * u, dy + (cy - dy) * u)
        return foot[0] + (top[0] - foot[0]) * v, foot[1] + (top[1] - foot[1]) * v

    (u0, u1), (v0, v1) = across, up
    return [at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)]


def _coping(image: pygame.Surface, outline: Outline, color: Color) -> None:
    """The roof's coping along a wing wall's top, and the shadow it casts under it."""
    deep = COPING / STOREYS
    pygame.draw.polygon(image, (*scaled(color, COPING_LIGHT), 255),
                        _cell(outline, (0.0, 1.0), (1 - deep, 1.0)))
    pygame.draw.polygon(image, (*scaled(color, COPING_SHADOW), 255),
                        _cell(outline, (0.0, 1.0), (1 - 1.6 * deep, 1 - deep)))


def paint_stairs(image: pygame.Surface, plane: Plane, place: tuple[int, int], far: float,
                 wall: Color) -> None:
    """The stair's windows in a wall's inside corner (placed `top` pixels higher; `place`:
    that and the seed): small windows in their frames, most lit, each landing a little
    brighter or dimmer, a few dark; `wall`: the wall's colour."""
    top, seed = place
    for n, rect in enumerate(plane.stairs):
        rect = rect.move(0, -top)
        image.fill((*scaled(wall, STAIR_FRAME), 255), rect)
        rect = rect.inflate(-2, -2)
        lamp = (hash01(seed, plane.tower, plane.face, n) - STAIR_OUT) / (1 - STAIR_OUT)
        glow = STAIR_GLOW[0] + (STAIR_GLOW[1] - STAIR_GLOW[0]) * lamp
        image.fill((*(scaled(wall, STAIR_GLASS) if lamp < 0 else
                      scaled(STAIR_LIGHT, glow * (1 - STAIR_FADE * far))), 255), rect)
