"""The nearest Park La Brea tower's facade up close: each big window set back in the wall's
depth (its reveals, its sill), a balcony's railing in front of some, the room's light falling
on them when lit, and the precast panels under the windows, streaked by years of rain."""

from __future__ import annotations

import math
from collections.abc import Callable, Generator

import numpy as np
import pygame

from installation.visuals.base import Color, clear_surface, hash01, scaled
from installation.visuals.xplan_geometry import SLAB, WINDOW_TALL

REVEAL = 16  # a window's reveal is its height over this deep (pixels, 2 at least)
SHADE_TOP, SHADE_SIDE = (118, 116, 128), (160, 156, 170)  # the soffit and the shaded jamb
# (multiplied: the wall's colour darkened), the jamb facing the glow and the sill (added)
LIT_SIDE, SILL_TOP = (22, 18, 20), (40, 34, 36)
FLOOR = 0.26  # of a window's height: how far below it the room's floor is
SLAB_EDGE = SLAB / WINDOW_TALL  # of its height: the floor slab's edge over that floor
SHADE_LIGHT = 0.2  # on a wall turned from the glow, the panels, jamb and sill catch this
# much of the light they catch on one facing it
RAIL = 0.44  # of its height: where a balcony's rail runs, down from its top (its lower part
# is behind the railing)
BALCONY = 0.45  # share of the near windows with a balcony in front
SQUARE = 0.8  # a window seen squarely is at least this much as wide as it is tall
BALUSTERS = 16  # across a window's width
IRON = (20, 18, 24)  # the railing, dark against the room's light
LIP_LIGHT, UNDER = (34, 30, 36), (120, 118, 130)  # the balcony's front edge (added), its
# shadow on the wall under it (multiplied)
SPILL, SPILL_STEPS = 0.22, 6  # a lit room's light on its sill and balcony: how strong, in steps
JAMB_SPILL = 0.12  # and on the reveals
PANEL = (14, 12, 14)  # a precast panel under a window is this much lighter (added)
JOINT = (150, 148, 160)  # the joints round it (multiplied)
STREAK = (196, 194, 204)  # their darkest (multiplied), fading down the panel
STREAK_STEPS = 5
# The concrete's weathering over the whole wall: soft blotches drawn out downwards (as rain
# leaves them), at most this much darker, in cells of these sizes (pixels at full HD).
WEATHER, WEATHER_CELLS = 0.12, ((10, 48), (40, 150))
FULL_HD_HEIGHT = 1080
WEATHER_SHRINK = 4  # the blotches are made this many times smaller, then enlarged (smooth)


def margin(rect: pygame.Rect) -> int:
    """How deep a near window's reveal is, in pixels."""
    return max(2, rect.height // REVEAL)


def dressed(rect: pygame.Rect) -> pygame.Rect:
    """All a near window changes when its light goes on: its reveals, sill, the balcony in
    front and the floor's edge under it."""
    m = margin(rect)
    floor = round(rect.height * FLOOR)
    side = m + m // 2
    return pygame.Rect(rect.x - side, rect.y - m, rect.width + 2 * side, rect.height + floor + m)


def lean(rect: pygame.Rect, slope: float) -> float:
    """The slope (pixels down a pixel right) a near window is drawn at: its wall's if it is
    seen at a slant; level if seen squarely."""
    return 0.0 if rect.width >= SQUARE * rect.height else slope


def leant(rect: pygame.Rect, slope: float) -> pygame.Rect:
    """All a near window drawn at `slope` changes: its dressed area, taller by how far its
    columns move."""
    area = dressed(rect)
    return area.inflate(0, 2 * (math.ceil(abs(slope) * area.width / 2) + 1)) if slope else area


def in_perspective(surface: pygame.Surface, rect: pygame.Rect, slope: float,
                   paint: Callable[[pygame.Surface, pygame.Rect], None]) -> None:
    """`paint` (on a surface, at a window's rect) done as on its wall in perspective: the
    wall's columns round the window moved level, painted, and moved back by `slope`."""
    if not slope:
        paint(surface, rect)
        return
    area = leant(rect, slope).clip(surface.get_rect())
    wall = surface.subsurface(area)
    shifts = [round(slope * (x - rect.centerx)) for x in range(area.x, area.right)]
    level = wall.copy()
    _moved(pygame.surfarray.pixels2d(level), pygame.surfarray.pixels2d(wall), [-s for s in shifts])
    paint(level, rect.move(-area.x, -area.y))
    _moved(pygame.surfarray.pixels2d(wall), pygame.surfarray.pixels2d(level), shifts)


def _moved(into: np.ndarray, source: np.ndarray, shifts: list[int]) -> None:
    """Each column of `source` moved down by its shift into `into` (rows it leaves: as they
    were in `into`)."""
    tall = into.shape[1]
    for x, shift in enumerate(shifts):
        if shift >= 0:
            into[x, shift:] = source[x, :tall - shift]
        else:
            into[x, :shift] = source[x, -shift:]


def has_balcony(seed: int, window: int, rect: pygame.Rect) -> bool:
    """Is there a balcony in front of this near window? (Only on the wall seen squarely: on
    one seen at a slant its windows stand too close together.)"""
    return rect.width >= SQUARE * rect.height and hash01(seed, window, 12) < BALCONY


def slab_edge(rect: pygame.Rect) -> int:
    """How tall (pixels) the floor slab's edge under a near window is."""
    return max(1, round(rect.height * SLAB_EDGE))


def wall_light(tone: float) -> float:
    """How much of the light on a face's panels, jambs and sills it catches (`tone`: how
    much it faces the glow, 0 to 1)."""
    return SHADE_LIGHT + (1 - SHADE_LIGHT) * tone


def reveal(surface: pygame.Surface, rect: pygame.Rect, light: float = 1.0) -> None:
    """The window set back in the wall: the soffit and the jamb turned from the glow in
    shadow, the other jamb and the sill catching it (`light` of it: see wall_light)."""
    m = margin(rect)
    mult, add = pygame.BLEND_RGB_MULT, pygame.BLEND_RGB_ADD
    surface.fill(SHADE_TOP, (rect.x - m, rect.y - m, rect.width + 2 * m, m), special_flags=mult)
    surface.fill(SHADE_SIDE, (rect.x - m, rect.y, m, rect.height), special_flags=mult)
    surface.fill(scaled(LIT_SIDE, light), (rect.right, rect.y, m, rect.height),
                 special_flags=add)
    surface.fill(scaled(SILL_TOP, light),
                 (rect.x - m, rect.bottom, rect.width + 2 * m, max(1, m // 2)),
                 special_flags=add)
    surface.fill(UNDER, (rect.x - m, rect.bottom + max(1, m // 2), rect.width + 2 * m,
                         max(1, m // 2)), special_flags=mult)


def balcony(surface: pygame.Surface, rect: pygame.Rect, light: Color | None) -> None:
    """A balcony in front of the window: its slab's edge at the floor, the shadow under it,
    and its railing across the window's foot, lit from the room if `light`."""
    m = margin(rect)
    floor = rect.bottom + round(rect.height * FLOOR)
    left, wide = rect.x - m - m // 2, rect.width + 3 * m
    rail = rect.y + round(rect.height * (1 - RAIL))
    bar = max(2, m // 3)
    if light is not None:  # the room's light on the balcony's floor, under the railing
        _glow(surface, pygame.Rect(left, rail, wide, floor - rail), light, SPILL, rising=True)
    lip = slab_edge(rect)  # (the floor slab carried out: its edge as deep)
    surface.fill(LIP_LIGHT, (left, floor - lip, wide, lip), special_flags=pygame.BLEND_RGB_ADD)
    surface.fill(UNDER, (left, floor, wide, m), special_flags=pygame.BLEND_RGB_MULT)
    surface.fill(IRON, (left, rail, wide, bar))
    surface.fill(IRON, (left, floor - lip - bar, wide, bar))
    pitch = max(3, rect.width // BALUSTERS)
    for x in range(left + pitch // 2, left + wide, pitch):
        surface.fill(IRON, (x, rail, max(1, bar // 2), floor - lip - rail))
    if light is not None:  # the top rail's edge catches it
        surface.fill(scaled(light, 0.5), (left, rail + bar, wide, 1))


def spill(surface: pygame.Surface, rect: pygame.Rect, light: Color) -> None:
    """A lit room's light on the window's reveals and its sill, and down the panel under it."""
    m = margin(rect)
    jamb = scaled(light, JAMB_SPILL)
    for x in (rect.x - m, rect.right):
        surface.fill(jamb, (x, rect.y, m, rect.height), special_flags=pygame.BLEND_RGB_ADD)
    below = pygame.Rect(rect.x - m, rect.bottom, rect.width + 2 * m, _panel_foot(rect))
    _glow(surface, below, light, SPILL, rising=False)


def _panel_foot(rect: pygame.Rect) -> int:
    """How far below a near window its panel reaches: to the floor slab's edge."""
    return round(rect.height * FLOOR) - slab_edge(rect)


def _glow(surface: pygame.Surface, area: pygame.Rect, light: Color, strength: float,
          rising: bool) -> None:
    """Light added over `area`, fading away from the window (down it; or up it, `rising`)."""
    step = max(1, area.height // SPILL_STEPS)
    for k, y in enumerate(range(area.y, area.bottom, step)):
        fade = (k + 1) / SPILL_STEPS if rising else 1 - k / SPILL_STEPS
        surface.fill(scaled(light, strength * max(0.0, fade)),
                     (area.x, y, area.width, min(step, area.bottom - y)),
                     special_flags=pygame.BLEND_RGB_ADD)


def panels(surface: pygame.Surface, windows: list[tuple[pygame.Rect, float]]) -> None:
    """The precast panel under each near window down to the floor slab's edge (lighter by
    `light` of PANEL: see wall_light), its joints, and the rain's streaks down it from the
    sill's ends."""
    for rect, light in windows:
        m = margin(rect)
        panel = pygame.Rect(rect.x - m, rect.bottom + m, rect.width + 2 * m,
                            _panel_foot(rect) - m)
        surface.fill(scaled(PANEL, light), panel, special_flags=pygame.BLEND_RGB_ADD)
        for edge in (panel.x, panel.right - 1):  # the joints either side, and along its foot
            surface.fill(JOINT, (edge, panel.y, 1, panel.height),
                         special_flags=pygame.BLEND_RGB_MULT)
        surface.fill(JOINT, (panel.x, panel.bottom - 1, panel.width, 1),
                     special_flags=pygame.BLEND_RGB_MULT)
        step = max(1, panel.height // STREAK_STEPS)
        for x in (panel.x + m, panel.right - 2 * m):
            for k, y in enumerate(range(panel.y, panel.bottom, step)):
                dark = _lighter(STREAK, min(1.0, k / STREAK_STEPS))  # (a panel's last rows
                # past its steps, where its height is not a whole number of them: no change)
                surface.fill(dark, (x, y, m, min(step, panel.bottom - y)),
                             special_flags=pygame.BLEND_RGB_MULT)


def _lighter(color: Color, k: float) -> Color:
    """A multiplying colour `k` of the way to white (no change)."""
    r, g, b = color
    return (round(r + (255 - r) * k), round(g + (255 - g) * k), round(b + (255 - b) * k))


def weathering(size: tuple[int, int], seed: int, walls: list[list[tuple[float, float]]]
               ) -> Generator[None, None, pygame.Surface]:
    """What years of weather did to the nearest tower's concrete, to multiply the picture by:
    darker blotches streaked downwards over its `walls` (outlines), white (no change) off
    them (made a step at a time)."""
    width, height = size
    rng = np.random.default_rng(seed)
    coarse = (max(2, width // WEATHER_SHRINK), max(2, height // WEATHER_SHRINK))
    field = np.ones(coarse, dtype=np.float32)
    k = height / FULL_HD_HEIGHT
    for cell_x, cell_y in WEATHER_CELLS:  # each size of blotch, on a picture a few times smaller
        cells = (max(2, round(width / (cell_x * k))), max(2, round(height / (cell_y * k))))
        small = pygame.surfarray.make_surface(np.repeat(
            (rng.random(cells) * 255).astype(np.uint8)[..., None], 3, axis=2))
        field *= 1 - WEATHER / len(WEATHER_CELLS) * pygame.surfarray.array_red(
            pygame.transform.smoothscale(small, coarse)).astype(np.float32) / 255
        yield
    grey = (field * 255).astype(np.uint8)
    small = pygame.surfarray.make_surface(np.repeat(grey[..., None], 3, axis=2))
    yield
    out = pygame.Surface(size, 0, small)  # (made, then enlarged into: ~4 ms and ~3 ms)
    yield
    pygame.transform.smoothscale(small, size, out)
    yield
    off = yield from clear_surface(size)  # (its colour is laid as a MAX: its alpha is not)
    off.fill((255, 255, 255))
    for outline in walls:
        pygame.draw.polygon(off, (0, 0, 0), outline)
    yield
    out.blit(off, (0, 0), special_flags=pygame.BLEND_RGB_MAX)
    return out
