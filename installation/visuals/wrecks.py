"""Cars seen from the side, left where they stopped: abandoned (a door hanging open, the paint
still on) or burnt out (down on bare rims, char and rust, the glass blown in)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
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
SHARDS = 5  # shards of glass left in a broken window
CHAR_PATCHES = 5  # smears of soot on a burnt body
CHAR_DEPTH = 0.45  # how far a smear takes the rust to soot
BURNT_PAINT: Color = (58, 40, 30)  # rust and soot
CHAR: Color = (20, 17, 16)
BARE_RIM: Color = (92, 84, 78)  # the wheel's steel, its tyre burnt away
GLASS: Color = (14, 16, 22)  # dark inside the car
SHARD: Color = (150, 160, 176)  # a shard catching the light
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

    paint = BURNT_PAINT if car.burnt else car.paint
    for wheel in WHEELS:
        _wheel(surface, at(wheel, WHEEL), length, car.burnt, sink)
    _body(surface, at, paint, length)
    _cabin(surface, at, paint, length, car.burnt, rng)
    if car.burnt:
        _char(surface, at, length, rng)
    elif car.door_open:
        _open_door(surface, at, paint, length)
    lit = mix(paint, car.light, RIM_LIGHT)
    width = max(1, length // 90)
    pygame.draw.line(surface, lit, at(CABIN[1], ROOF), at(CABIN[2], ROOF), width)
    pygame.draw.line(surface, mix(paint, car.light, RIM_LIGHT / 2), at(BONNET, WAIST),
                     at(1 - BOOT, WAIST), width)


def _wheel(surface: pygame.Surface, middle: tuple[int, int], length: int, burnt: bool,
           sink: int) -> None:
    """A wheel: its tyre and rim, or (burnt) the bare rim sunk on the ground."""
    radius = max(2, round(WHEEL * length))
    if burnt:
        rim = max(2, round(radius * 0.8))
        centre = (middle[0], middle[1] - sink + radius - rim)  # down on the ground
        pygame.draw.circle(surface, scaled(BARE_RIM, 0.7), centre, rim)
        pygame.draw.circle(surface, CHAR, centre, max(1, round(rim * 0.6)))
        pygame.draw.circle(surface, BARE_RIM, centre, rim, max(1, rim // 4))
        return
    pygame.draw.circle(surface, TYRE, middle, radius)
    pygame.draw.circle(surface, (70, 72, 78), middle, max(1, round(radius * RIM)))
    pygame.draw.circle(surface, (36, 36, 40), middle, max(1, round(radius * RIM * 0.4)))


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


def _cabin(surface: pygame.Surface, at: At, paint: Color, length: int, broken: bool,
           rng: np.random.Generator) -> None:
    """The glasshouse: roof and pillars in the paint, two windows, broken in a wreck."""
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
        pygame.draw.polygon(surface, GLASS, pane)
        if broken:
            _shards(surface, pane, rng)
        else:
            pygame.draw.line(surface, scaled(SHARD, 0.35), pane[1], pane[3], 1)  # a glint


def _shards(surface: pygame.Surface, pane: list[tuple[int, int]],
            rng: np.random.Generator) -> None:
    """What is left of a window blown in: a few jagged shards in its frame."""
    xs, ys = [p[0] for p in pane], [p[1] for p in pane]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    for _ in range(SHARDS):
        edge = float(rng.uniform(0, 1))
        base_x = left + edge * (right - left)
        tip = (base_x + rng.uniform(-0.2, 0.2) * (right - left),
               bottom - rng.uniform(0.2, 0.7) * (bottom - top))
        half = max(1.0, (right - left) * rng.uniform(0.04, 0.1))
        pygame.draw.polygon(surface, scaled(SHARD, rng.uniform(0.35, 0.8)),
                            [(base_x - half, bottom), (base_x + half, bottom), tip])


def _char(surface: pygame.Surface, at: At, length: int, rng: np.random.Generator) -> None:
    """Soot blotched over a burnt body, blackest round the wheel arches and the cabin."""
    for _ in range(CHAR_PATCHES):
        middle = at(float(rng.uniform(0.05, 0.95)), float(rng.uniform(SILL + 0.03, WAIST - 0.02)))
        size = max(2, round(length * rng.uniform(0.05, 0.12)))
        pygame.draw.ellipse(surface, mix(BURNT_PAINT, CHAR, CHAR_DEPTH),
                            (middle[0] - size, middle[1] - size // 6, 2 * size, max(1, size // 3)))


def _open_door(surface: pygame.Surface, at: At, paint: Color, length: int) -> None:
    """The front door left hanging open, swung out towards us: its inside face showing."""
    (hx, hy), (ex, _) = at(DOOR[0], WAIST), at(DOOR[1], WAIST)
    swing = round(abs(ex - hx) * DOOR_SWING)
    way = 1 if ex < hx else -1  # the door's free edge swings out the way the car faces
    _, foot = at(DOOR[0], SILL)
    reach = hx + way * round(abs(ex - hx) * 0.55)
    door = [(hx, hy), (reach, hy + swing), (reach, foot + swing), (hx, foot)]
    pygame.draw.polygon(surface, scaled(paint, 0.55), door)
    pygame.draw.line(surface, scaled(paint, 1.3), (hx, hy), (reach, hy + swing),
                     max(1, length // 100))

