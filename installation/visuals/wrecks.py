"""Cars seen from the side, left where they stopped: abandoned (a door hanging open, the paint
still on) or burnt out (a dull shell, ashen on top, rusted in runs, soot up from its empty
windows, down on bare rims: coloured as every burnt car is, by burnt_paint)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.burnt_paint import CHAR, GLASS_KEY, PAINT_KEY, SHARD, burn
from installation.visuals.cars import PAINTS, TYRE, UNDERSIDE

# A car's side in shares of its length, from its front (x) and up from the ground (y).
WHEELS = (0.19, 0.79)  # the wheels' middles
WHEEL = 0.072  # a tyre's radius
RIM = 0.55  # a rim's radius, of the tyre's
ARCH = 1.3  # a wheel arch's radius, of the tyre's
SILL, WAIST, ROOF = 0.06, 0.2, 0.3  # the body's lower edge, its waist line, the roof
BONNET, BOOT = 0.015, 0.04  # the body's front and back ends slope back this much at the waist
CABIN = (0.27, 0.36, 0.67, 0.76)  # the glasshouse: its foot in front, roof front, roof back, foot
PILLAR = 0.025  # a window pillar's width
RIM_LIGHT = 0.55  # the light from above along the roof and waist, mixed into the paint
DOOR = (0.36, 0.58)  # the front door, along the side
DOOR_SWING = 0.35  # an open door stands out towards us: its far edge this far down (of its width)
DOOR_INSIDE = 0.45  # its inside trim, of the paint's brightness
DOOR_GLASS = 0.2  # its window: the dark glass with this much of the light in it
WINDOW_SLOPE = 0.3  # its window's top comes down towards its free edge, of the window's height
RIM_BURNT, RIM_EDGE = (50, 42, 36), (76, 60, 48)  # a burnt wheel's rusted steel, its lip
KEY_LIGHT: Color = (255, 255, 255)  # the light its key picture's lids are drawn in
GLASS: Color = (14, 16, 22)  # dark inside the car
SUNK = 0.015  # a burnt car sits this much lower, on its rims

At = Callable[[float, float], tuple[int, int]]  # a point of a car's side on the picture


@dataclass(frozen=True)
class Wreck:
    """One car left on the ground: its paint, which way it faces (1: front to the right),
    whether it burnt or was left with a door open, and the light catching its top edges."""

    paint: Color
    facing: int
    burnt: bool
    door_open: bool
    light: Color


def wreck_of(index: int, burnt: bool, door_open: bool, light: Color, night: float) -> Wreck:
    """A car of the street's paints (darkened by `night`, 0..1), facing as its index says."""
    paint = scaled(PAINTS[index % len(PAINTS)], 1 - 0.55 * night)
    return Wreck(paint, 1 if index % 2 else -1, burnt, door_open, light)


def draw_wreck(surface: pygame.Surface, x: int, ground: int, length: int, car: Wreck,
               rng: np.random.Generator) -> None:
    """The car `length` pixels long, its middle at `x`, its wheels on the row `ground`."""
    if length < 8:
        return
    sink = round(SUNK * length) if car.burnt else 0

    def at(along: float, up: float) -> tuple[int, int]:
        """A point of the car's side, from its front (facing) and up from the ground."""
        return (round(x - car.facing * (along - 0.5) * length),
                round(ground + sink - up * length))

    if car.burnt:
        for wheel in WHEELS:
            _bare_rim(surface, at(wheel, WHEEL), length, sink)
        _burnt_shell(surface, at, length, int(rng.integers(1 << 30)))
        return
    for wheel in WHEELS:
        _wheel(surface, at(wheel, WHEEL), length)
    _body(surface, at, car.paint, length)
    _cabin(surface, at, car.paint, length, GLASS)
    if car.door_open:
        _open_door(surface, at, car.paint, car.light, length)
    _lit_edges(surface, at, car.paint, car.light, length)


def _burnt_shell(surface: pygame.Surface, at: At, length: int, seed: int) -> None:
    """The body and glasshouse burnt out, coloured as every burnt car is (burnt_paint): drawn
    in its key colours on a piece of its own, then burnt, then laid on the picture."""
    corners = [at(along, up) for along in (0.0, 1.0) for up in (0.0, ROOF)]
    left, top = min(p[0] for p in corners) - 2, min(p[1] for p in corners) - 2
    box = pygame.Rect(left, top, max(p[0] for p in corners) + 3 - left,
                      max(p[1] for p in corners) + 3 - top)

    def local(along: float, up: float) -> tuple[int, int]:
        px, py = at(along, up)
        return px - box.x, py - box.y

    piece = pygame.Surface(box.size, pygame.SRCALPHA)
    piece.fill((0, 0, 0, 0))
    _body(piece, local, PAINT_KEY, length)
    _cabin(piece, local, PAINT_KEY, length, GLASS_KEY)
    _lit_edges(piece, local, PAINT_KEY, KEY_LIGHT, length)  # lit from above: its lids
    burn(piece, seed)
    surface.blit(piece, box.topleft)


def _lit_edges(surface: pygame.Surface, at: At, paint: Color, light: Color,
               length: int) -> None:
    """The light from above along the roof and the waist."""
    width = max(1, length // 90)
    pygame.draw.line(surface, mix(paint, light, RIM_LIGHT), at(CABIN[1], ROOF),
                     at(CABIN[2], ROOF), width)
    pygame.draw.line(surface, mix(paint, light, RIM_LIGHT / 2), at(BONNET, WAIST),
                     at(1 - BOOT, WAIST), width)


def _wheel(surface: pygame.Surface, middle: tuple[int, int], length: int) -> None:
    """A wheel: its tyre and rim."""
    radius = max(2, round(WHEEL * length))
    pygame.draw.circle(surface, TYRE, middle, radius)
    pygame.draw.circle(surface, (70, 72, 78), middle, max(1, round(radius * RIM)))
    pygame.draw.circle(surface, (36, 36, 40), middle, max(1, round(radius * RIM * 0.4)))


def _bare_rim(surface: pygame.Surface, middle: tuple[int, int], length: int, sink: int) -> None:
    """A burnt wheel: the bare steel rim, rusted and sooted, down on the ground (its tyre gone;
    a pale ring round a dark hub read as a clean whitewall)."""
    radius = max(2, round(WHEEL * length))
    rim = max(2, round(radius * 0.8))
    centre = (middle[0], middle[1] - sink + radius - rim)
    pygame.draw.circle(surface, RIM_BURNT, centre, rim)
    pygame.draw.circle(surface, CHAR, centre, max(1, round(rim * 0.55)))
    pygame.draw.circle(surface, RIM_EDGE, centre, rim, max(1, rim // 6))


def _body(surface: pygame.Surface, at: At, paint: Color, length: int) -> None:
    """The body's side from sill to waist, its wheel arches cut round the wheels."""
    side = [at(0.0, SILL + 0.02), at(0.0, WAIST - 0.03), at(BONNET, WAIST), at(1 - BOOT, WAIST),
            at(1.0, WAIST - 0.02), at(1.0, SILL + 0.01)]
    arch = ARCH * WHEEL
    for wheel in reversed(WHEELS):  # along the bottom, back to front, over each wheel
        side.append(at(wheel + arch, SILL))
        side.extend(at(wheel + arch * math.cos(a), WHEEL + arch * math.sin(a))
                    for a in np.linspace(0.0, math.pi, 9))
        side.append(at(wheel - arch, SILL))
    pygame.draw.polygon(surface, paint, side)
    pygame.draw.line(surface, scaled(paint, 0.6), at(0.02, SILL + 0.045), at(0.98, SILL + 0.045),
                     max(1, length // 120))  # the crease along the side
    pygame.draw.line(surface, UNDERSIDE, at(WHEELS[0] + arch, SILL), at(WHEELS[1] - arch, SILL),
                     max(1, length // 80))


def _cabin(surface: pygame.Surface, at: At, paint: Color, length: int, glass: Color) -> None:
    """The glasshouse: roof and pillars in the paint, two windows of `glass` with a glint."""
    front, roof_front, roof_back, back = CABIN
    pygame.draw.polygon(surface, paint, [at(front, WAIST), at(roof_front, ROOF),
                                         at(roof_back, ROOF), at(back, WAIST)])
    split = (roof_front + roof_back) / 2
    inset = PILLAR
    panes = ([at(front + inset * 1.6, WAIST), at(roof_front + inset * 0.6, ROOF - inset),
              at(split - inset / 2, ROOF - inset), at(split - inset / 2, WAIST)],
             [at(split + inset / 2, WAIST), at(split + inset / 2, ROOF - inset),
              at(roof_back - inset * 0.6, ROOF - inset), at(back - inset * 1.6, WAIST)])
    for pane in panes:
        pygame.draw.polygon(surface, glass, pane)
        if glass != GLASS_KEY:
            pygame.draw.line(surface, scaled(SHARD, 0.35), pane[1], pane[3], 1)  # a glint


def _open_door(surface: pygame.Surface, at: At, paint: Color, light: Color,
               length: int) -> None:
    """The front door left hanging open, swung out towards us from its hinge: its inside (a
    dark trim panel with an armrest), its edge in the paint, and above the waist its window
    frame with the glass in it catching a little light (a wedge of paint read as a fin)."""
    (hx, hy), (ex, _) = at(DOOR[0], WAIST), at(DOOR[1], WAIST)
    swing = round(abs(ex - hx) * DOOR_SWING)
    way = 1 if ex < hx else -1  # the door's free edge swings out the way the car faces
    _, foot = at(DOOR[0], SILL)
    _, top = at(DOOR[0], ROOF - PILLAR)
    reach = hx + way * round(abs(ex - hx) * 0.55)
    rim = max(1, length // 100)
    frame = max(1, length // 70)
    panel = [(hx, hy), (reach, hy + swing), (reach, foot + swing), (hx, foot)]
    pygame.draw.polygon(surface, mix(scaled(paint, DOOR_INSIDE), GLASS, 0.3), panel)
    rest = (hy + foot) // 2 - (foot - hy) // 6  # the armrest, across the panel's upper half
    pygame.draw.line(surface, mix(paint, light, 0.25), (hx, rest), (reach, rest + swing), rim)
    drop = round((top - hy) * WINDOW_SLOPE)  # the frame's top slopes down to the free edge
    window = [(hx, hy), (hx, top), (reach, top + swing - drop), (reach, hy + swing)]
    pygame.draw.polygon(surface, mix(GLASS, light, DOOR_GLASS), window)
    glint = (hx + (reach - hx) // 3, top + (hy - top) // 5)
    pygame.draw.line(surface, mix(GLASS, light, 2 * DOOR_GLASS), glint,
                     (hx + (reach - hx) * 2 // 3, hy + swing // 2), 1)
    pygame.draw.lines(surface, paint, True, window, frame)
    pygame.draw.line(surface, mix(paint, light, RIM_LIGHT / 2), (hx, top),
                     (reach, top + swing - drop), rim)  # its top catching the light
    pygame.draw.line(surface, paint, (reach, hy + swing), (reach, foot + swing), frame)
