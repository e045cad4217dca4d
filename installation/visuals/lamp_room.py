"""A lit room seen through a window at night: a table lamp's warm pool on the back wall and the
floor, the ceiling and the right-hand wall receding to it, a framed picture, the curtains'
edges at the window's sides (Lucy and Ivan's)."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled

FLOOR_LINE = 0.62  # where the floor meets the back wall, of the room's height (at 0.5, with
# no ceiling or side wall, the room was a flat backdrop behind them)
BACK_RIGHT, BACK_TOP = 0.84, 0.07  # the back wall's right edge and top (shares of the room):
# right of it the room's right-hand wall, over it the ceiling, both receding to it (the window
# is seen from its left, from below its floor's level)
CEILING_LIGHT, SIDE_LIGHT = 0.6, 0.78  # the ceiling and the side wall: this bright, of the lit
# back wall's light where they meet it (both turned from the lamp)
CORNER_LIGHT = 0.8  # the room's corners: a line this bright, of what it crosses
FLOOR_GLOW = 0.75  # the floor is this bright, of the wall
LAMP = (0.16, 0.42)  # the middle of the lamp's shade, as shares of the room
POOL_WIDE = 0.45  # the lamp's pool of light: its reach, of the room's width
POOL_LIGHT = 0.35  # how far towards white the wall goes right by the lamp
AWAY = 0.78  # the wall out of the pool is this bright
SHADE_TOP, SHADE_FOOT, SHADE_TALL = 0.07, 0.11, 0.11  # the shade: widths, height (of width)
SHADE_GLOW = 0.55  # how far towards white the lit shade is
TABLE = (0.09, 0.23, 0.6, 0.8)  # the side table under it: left, right, top, foot (shares)
TABLE_LEG = 0.015
FURNITURE = 0.32  # the table and the lamp's stem: this bright, of the wall
PICTURE = (0.6, 0.76, 0.27, 0.43)  # a framed picture on the back wall: left, right, top, foot
PICTURE_FRAME, PICTURE_SKY, PICTURE_LAND = 0.3, (120, 128, 140), (70, 62, 48)
CURTAIN_WIDE = 0.05  # each curtain's edge in the window, of the room's width
CURTAIN_RED = (120, 44, 36)  # the curtains' cloth: the lamp glows through it, warm
CURTAIN_TINT, CURTAIN_GLOW = 0.35, 0.8
FOLD_GLOW = 0.9  # a fold of it, this bright of the cloth
ROOMS_KEPT = 4
WORKED_AT = 4  # the lamp's pool is worked out at this fraction of the room's size


@lru_cache(maxsize=ROOMS_KEPT)  # the same room every frame: made once, blitted
def lamp_room(size: tuple[int, int], color: Color, deep: bool = False) -> pygame.Surface:
    """The room, `size` pixels, its wall lit `color` by a table lamp on the left; `deep`: its
    ceiling and right-hand wall seen receding to its back wall (a tower's window, seen from
    across the park)."""
    width, height = size
    surface = _lit_walls(width, height, color)
    if deep:
        _receding(surface)
    _furniture(surface, color)
    _picture(surface, color)
    _curtains(surface, color)
    return surface


def _lit_walls(width: int, height: int, color: Color) -> pygame.Surface:
    """The wall and the floor, brightest in the lamp's pool: the pool worked out at a
    WORKED_AT-th of the size and smoothed up (it has no edge; at full size, for the room up
    close at Park La Brea, 900 px square, it took 27-70 ms in one piece, 270 the first time),
    the floor's hard edge after."""
    small = (max(2, -(-width // WORKED_AT)), max(2, -(-height // WORKED_AT)))
    x = ((np.arange(small[0]) + 0.5) / small[0]).astype(np.float32)[:, None]
    y = ((np.arange(small[1]) + 0.5) / small[1]).astype(np.float32)[None, :]
    reach = ((x - LAMP[0]) ** 2 + ((y - LAMP[1]) * height / width) ** 2) / POOL_WIDE ** 2
    pool = np.exp(-reach)[..., None]
    base = np.array(color, np.float32)
    wall = base * (AWAY + (1 - AWAY) * pool) + (255 - base) * POOL_LIGHT * pool ** 2
    walls = pygame.surfarray.make_surface(np.clip(wall, 0, 255).astype(np.uint8))
    surface = pygame.transform.smoothscale(walls, (width, height))
    floor = math.ceil(FLOOR_LINE * height - 0.5)  # (the first row whose middle is on it)
    surface.fill(scaled((255, 255, 255), FLOOR_GLOW), (0, floor, width, height - floor),
                 special_flags=pygame.BLEND_RGB_MULT)
    return surface


def _receding(surface: pygame.Surface) -> None:
    """The ceiling over the back wall and the right-hand wall beside it, darker than the wall
    the lamp lights, and the room's corners where they meet it: the room has a depth."""
    width, height = surface.get_size()
    right, top, foot = BACK_RIGHT * width, BACK_TOP * height, FLOOR_LINE * height
    shade = pygame.Surface((width, height))
    shade.fill((255, 255, 255))
    pygame.draw.polygon(shade, _grey(CEILING_LIGHT), [(0, 0), (width, 0), (right, top), (0, top)])
    pygame.draw.polygon(shade, _grey(SIDE_LIGHT),
                        [(right, top), (width, 0), (width, height), (right, foot)])
    line = max(1, height // 200)
    corners: list[tuple[tuple[float, float], tuple[float, float]]] = [
        ((0, top), (right, top)), ((right, top), (right, foot)),
        ((right, top), (width, 0)), ((right, foot), (width, height))]
    for start, end in corners:
        pygame.draw.line(shade, _grey(CORNER_LIGHT), start, end, line)
    surface.blit(shade, (0, 0), special_flags=pygame.BLEND_RGB_MULT)


def _grey(light: float) -> Color:
    """A grey to multiply by: `light` of the colour under it kept."""
    return scaled((255, 255, 255), light)


def _box(surface: pygame.Surface, shares: tuple[float, float, float, float]) -> pygame.Rect:
    """A rectangle given as shares of the room: left, right, top, foot."""
    width, height = surface.get_size()
    left, right, top, foot = shares
    return pygame.Rect(round(left * width), round(top * height),
                       round((right - left) * width), round((foot - top) * height))


def _furniture(surface: pygame.Surface, color: Color) -> None:
    """The side table and the lamp on it: its stem, and its shade glowing."""
    width = surface.get_width()
    dark = scaled(color, FURNITURE)
    table = _box(surface, TABLE)
    leg = max(1, round(TABLE_LEG * width))
    surface.fill(dark, (table.x, table.y, table.width, leg * 2))
    for x in (table.x + leg, table.right - 2 * leg):
        surface.fill(dark, (x, table.y, leg, table.height))
    cx, cy = LAMP[0] * width, LAMP[1] * surface.get_height()
    half_tall = SHADE_TALL * width / 2
    surface.fill(dark, (round(cx) - leg // 2, round(cy + half_tall), max(1, leg),
                        round(table.y - cy - half_tall)))
    top, foot = SHADE_TOP * width / 2, SHADE_FOOT * width / 2
    pygame.draw.polygon(surface, mix(color, (255, 255, 255), SHADE_GLOW),
                        [(cx - top, cy - half_tall), (cx + top, cy - half_tall),
                         (cx + foot, cy + half_tall), (cx - foot, cy + half_tall)])


def _picture(surface: pygame.Surface, color: Color) -> None:
    """A framed picture on the wall right of them: a pale sky over dark land."""
    frame = _box(surface, PICTURE)
    surface.fill(scaled(color, PICTURE_FRAME), frame)
    inner = frame.inflate(-max(2, frame.width // 8), -max(2, frame.width // 8))
    surface.fill(mix(PICTURE_SKY, color, 0.3), inner)
    surface.fill(mix(PICTURE_LAND, color, 0.2),
                 (inner.x, inner.centery, inner.width, inner.bottom - inner.centery))


def _curtains(surface: pygame.Surface, color: Color) -> None:
    """The curtains' edges, drawn back to the window's sides, the room's light through them."""
    width, height = surface.get_size()
    wide = max(2, round(CURTAIN_WIDE * width))
    cloth = scaled(mix(color, CURTAIN_RED, CURTAIN_TINT), CURTAIN_GLOW)
    fold = scaled(cloth, FOLD_GLOW)
    for left in (0, width - wide):
        surface.fill(cloth, (left, 0, wide, height))
        surface.fill(fold, (left + wide // 2, 0, max(1, wide // 5), height))


SWEEP_EVERY = 8.5  # real seconds from one car passing in the street below to the next
SWEEP_TAKES = 3.2  # ... the real seconds its lights take to cross the room's ceiling and wall
SWEEP_WIDE = 0.3  # the band of light, of the room's width
SWEEP_LIGHT: Color = (62, 66, 76)  # added at its brightest (the headlights' cool white)
SWEEP_LOW = 0.25  # down at the floor it is this much of its brightness under the ceiling


@lru_cache(maxsize=ROOMS_KEPT)
def sweep_band(size: tuple[int, int]) -> pygame.Surface:
    """A passing car's light thrown up through the window onto the room (for an additive
    blit): a soft upright band, brightest under the ceiling, fading down the wall."""
    wide, tall = max(2, round(size[0] * SWEEP_WIDE)), max(2, size[1])
    across = np.cos(np.linspace(-np.pi / 2, np.pi / 2, wide))[:, None] ** 2
    down = np.linspace(1.0, SWEEP_LOW, tall)[None, :]
    light = across * down
    band = pygame.Surface((wide, tall))
    pygame.surfarray.blit_array(band, (light[..., None] * np.array(SWEEP_LIGHT)).astype(np.uint8))
    return band


def headlights(surface: pygame.Surface, room: pygame.Rect, seconds: float) -> None:
    """The lights of a car passing in the street below sweeping across the room, every
    SWEEP_EVERY real seconds (the room was one still picture for minutes at a time)."""
    crossed = (seconds % SWEEP_EVERY) / SWEEP_TAKES
    if crossed >= 1.0:
        return
    band = sweep_band(room.size)
    x = room.left - band.get_width() + round(crossed * (room.width + band.get_width()))
    clip = surface.get_clip()
    surface.set_clip(clip.clip(room))
    surface.blit(band, (x, room.top), special_flags=pygame.BLEND_RGB_ADD)
    surface.set_clip(clip)
