"""Cars seen from the side, left where they stopped: abandoned (a door hanging open, the paint
still on) or burnt out (a dark shell, ashen in patches on top, rusted in runs, sooted round its
empty windows and wheel wells: coloured as every burnt car is, by burnt_paint; its roof caved
in, a door gone if it was left open, down on bare rusted rims, in ash banked over their feet)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, at_once, mix, scaled
from installation.visuals.burnt_paint import (
    BARE_RIM,
    GLASS_KEY,
    PAINT_KEY,
    RIM_FACE,
    RIM_LIP,
    SHARD,
    burning,
)
from installation.visuals.cars import PAINTS, TYRE, UNDERSIDE
from installation.visuals.wreck_bank import ash_bank
from installation.visuals.wreck_shadow import foot_shadow, under_body
from installation.visuals.wreck_shape import (
    ARCH,
    BONNET,
    BOOT,
    CABIN,
    PILLAR,
    RIM,
    RIM_SUNK,
    ROOF,
    SILL,
    SUNK,
    WAIST,
    WHEEL,
    WHEELS,
    At,
    caved_by,
    roof_at,
)

RAIL = 0.012  # a burnt car's pillars and the rail under its windows: this wide (of its length)
FRAME: Color = (72, 52, 40)  # ... in rust, a little lit
RIM_LIGHT = 0.55  # the light from above along the roof and waist, mixed into the paint
DOOR = (0.36, 0.58)  # the front door, along the side
DOOR_SWING = 0.35  # an open door stands out towards us: its far edge this far down (of its width)
DOOR_INSIDE = 0.45  # its inside trim, of the paint's brightness
DOOR_GLASS = 0.2  # its window: the dark glass with this much of the light in it
WINDOW_SLOPE = 0.3  # its window's top comes down towards its free edge, of the window's height
RIM_DARK: Color = (24, 21, 19)  # a burnt wheel's hub
RIM_SIZE = 0.78  # a bare rim's radius, of the tyre's that burnt off it
WELL: Color = (13, 11, 10)  # the sooted wheel well where the tyre was
SEAT: Color = (74, 58, 46)  # a burnt seat's steel frame, seen where a door has gone
KEY_LIGHT: Color = (255, 255, 255)  # the light its key picture's lids are drawn in
GLASS: Color = (14, 16, 22)  # dark inside the car



@dataclass(frozen=True)
class Wreck:
    """One car left on the ground: its paint, which way it faces (1: front to the right),
    whether it burnt or was left with a door open (burnt: its door gone), the light catching
    its top edges, and whether it sits in ash (banked along its foot, over its rims)."""

    paint: Color
    facing: int
    burnt: bool
    door_open: bool
    light: Color
    ash: bool = False
    shade: float = 1.0  # burnt: how much light falls on its side (1: the grey day's)
    drift: float = 0.0  # ash: how much deeper it has drifted round it (1: up over its rims
    # to its sills, the wheels gone under it; more lying on its roof, hood and boot)


def wreck_of(index: int, burnt: bool, door_open: bool, light: Color, night: float) -> Wreck:
    """A car of the street's paints (darkened by `night`, 0..1), facing as its index says."""
    paint = scaled(PAINTS[index % len(PAINTS)], 1 - 0.55 * night)
    return Wreck(paint, 1 if index % 2 else -1, burnt, door_open, light)


def draw_wreck(surface: pygame.Surface, x: int, ground: int, length: int, car: Wreck,
               rng: np.random.Generator) -> None:
    """The car `length` pixels long, its middle at `x`, its wheels on the row `ground`."""
    at_once(drawing_wreck(surface, x, ground, length, car, rng))


def drawing_wreck(surface: pygame.Surface, x: int, ground: int, length: int, car: Wreck,
                  rng: np.random.Generator) -> Pieces:
    """`draw_wreck` in pieces (a burnt car's burning a few)."""
    if length < 8:
        return
    sink = round(SUNK * length) if car.burnt else 0

    def at(along: float, up: float) -> tuple[int, int]:
        """A point of the car's side, from its front (facing) and up from the ground."""
        return (round(x - car.facing * (along - 0.5) * length),
                round(ground + sink - up * length))

    if car.burnt:
        seed = int(rng.integers(1 << 30))
        if car.ash:  # (sitting on the ground in the ash: its shadow)
            under_body(surface, at, SUNK)
        for wheel in WHEELS:
            _bare_rim(surface, at(wheel, WHEEL), length, sink, car.shade)
        yield from _burnt_shell(surface, at, length, seed, (car.door_open, car.ash), car.shade)
        if car.ash:
            ash_bank(surface, at, length, car.light, (seed, car.drift))
            foot_shadow(surface, at, length, SUNK - RIM_SUNK, car.drift)
        return
    for wheel in WHEELS:
        _wheel(surface, at(wheel, WHEEL), length)
    _body(surface, at, car.paint, length)
    _cabin(surface, at, car.paint, length, GLASS)
    if car.door_open:
        _open_door(surface, at, car.paint, car.light, length)
    _lit_edges(surface, at, car.paint, car.light, length)


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


def _burnt_shell(surface: pygame.Surface, at: At, length: int, seed: int,
                 door: tuple[bool, bool], shade: float) -> Pieces:
    """The body and glasshouse burnt out, coloured as every burnt car is (burnt_paint): drawn
    in its key colours on a piece of its own (its roof caved in, its front door gone if
    `door`'s first; its second: the body's rail left across the gap under the window, so the
    door's hole and the window's read apart), then burnt, then laid on the picture, its
    wheel wells left open."""
    door_gone, rail = door
    corners = [at(along, up) for along in (-0.02, 1.02) for up in (0.0, ROOF)]
    left, top = min(p[0] for p in corners) - 2, min(p[1] for p in corners) - 2
    box = pygame.Rect(left, top, max(p[0] for p in corners) + 3 - left,
                      max(p[1] for p in corners) + 3 - top)

    def local(along: float, up: float) -> tuple[int, int]:
        px, py = at(along, up)
        return px - box.x, py - box.y

    cave = caved_by(seed)
    piece = pygame.Surface(box.size, pygame.SRCALPHA)
    piece.fill((0, 0, 0, 0))
    for wheel in WHEELS:  # (where the tyre burnt: soot round the arch, then left open)
        pygame.draw.circle(piece, TYRE, local(wheel, WHEEL), max(2, round(WHEEL * length)))
    _body(piece, local, PAINT_KEY, length)
    roof = _caved_cabin(piece, local, cave)
    if door_gone:
        pygame.draw.polygon(piece, GLASS_KEY, [local(DOOR[0], SILL + 0.012),
                                               local(DOOR[0], WAIST), local(DOOR[1], WAIST),
                                               local(DOOR[1], SILL + 0.012)])
    width = max(1, length // 90)  # lit from above (its lids): the sagging roof, hood and boot
    pygame.draw.lines(piece, KEY_LIGHT, False, roof, width)
    for ends in ((BONNET, CABIN[0]), (CABIN[3], 1 - BOOT)):
        pygame.draw.line(piece, KEY_LIGHT, local(ends[0], WAIST), local(ends[1], WAIST), width)
    yield
    yield from burning(piece, seed)
    for wheel in WHEELS:  # the wells open (and the crease along the side cut at them)
        pygame.draw.circle(piece, (0, 0, 0, 0), local(wheel, WHEEL),
                           max(1, round(WHEEL * ARCH * length) - 1))
    if door_gone:
        _seat_frame(piece, local, cave, length)
    if rail:
        _frame(piece, local, cave, length)
    if shade < 1.0:
        level = round(255 * shade)
        piece.fill((level, level, level), special_flags=pygame.BLEND_RGB_MULT)
    surface.blit(piece, box.topleft)


def _frame(piece: pygame.Surface, at: At, cave: float, length: int) -> None:
    """The glasshouse's burnt steel standing round its empty windows, in rust catching a
    little of the sky (sooted as dark as the holes, the cabin read as one black box): its
    pillars, and the body's rail under the windows, across a lost door's hole."""
    front, roof_front, roof_back, back = CABIN
    split = (roof_front + roof_back) / 2
    wide = max(1, round(RAIL * length))
    pygame.draw.line(piece, FRAME, at(front, WAIST), at(back, WAIST), wide)
    for foot, top in ((front, roof_front), (split, split), (back, roof_back)):
        pygame.draw.line(piece, FRAME, at(foot, WAIST), at(top, roof_at(top, cave)), wide)


def _caved_cabin(piece: pygame.Surface, at: At, cave: float) -> list[tuple[int, int]]:
    """The glasshouse in key colours, its roof sagging in: the roof and pillars in the paint,
    the two windows' holes under the sag. Returns the roof's line."""
    front, roof_front, roof_back, back = CABIN
    tops = np.linspace(roof_front, roof_back, 9)
    roof = [at(float(a), roof_at(float(a), cave)) for a in tops]
    pygame.draw.polygon(piece, PAINT_KEY, [at(front, WAIST), *roof, at(back, WAIST)])
    split, inset = (roof_front + roof_back) / 2, PILLAR
    for lo, hi, foot_lo, foot_hi in ((roof_front + inset * 0.6, split - inset / 2,
                                      front + inset * 1.6, split - inset / 2),
                                     (split + inset / 2, roof_back - inset * 0.6,
                                      split + inset / 2, back - inset * 1.6)):
        top = [at(float(a), roof_at(float(a), cave) - inset) for a in np.linspace(lo, hi, 5)]
        pygame.draw.polygon(piece, GLASS_KEY, [at(foot_lo, WAIST), *top, at(foot_hi, WAIST)])
    return roof


def _seat_frame(piece: pygame.Surface, at: At, cave: float, length: int) -> None:
    """Through the gap where the front door was: the front seat burnt to its steel frame, its
    back and its springs catching a little light in the dark."""
    back_at = DOOR[1] - 0.03
    top = roof_at(back_at, cave) - 0.03
    seat = SILL + 0.06
    width = max(1, length // 160)
    pygame.draw.lines(piece, SEAT, False, [at(back_at - 0.015, top), at(back_at, seat),
                                           at(DOOR[0] + 0.03, seat)], width)
    steps = np.linspace(DOOR[0] + 0.04, back_at - 0.01, 7)
    zig = [at(float(a), seat + (0.012 if n % 2 else 0.0)) for n, a in enumerate(steps)]
    pygame.draw.lines(piece, scaled(SEAT, 0.8), False, zig, 1)


def _bare_rim(surface: pygame.Surface, middle: tuple[int, int], length: int, sink: int,
              shade: float) -> None:
    """A burnt wheel: under the sooted well where its tyre was, the bare steel rim sunk into
    the ground, its flange rusted, its face charred darker, a dark hub, lit only along its
    upper lip (a pale ring round a dark hub read as a clean whitewall; a dark ring round it,
    as a tyre: the well is near the rim only above it, the car down on it)."""
    radius = max(2, round(WHEEL * length))
    rim = max(2, round(radius * RIM_SIZE))
    ground = middle[1] + radius - sink  # (the car sank by more than the tyre's wall: the
    centre = (middle[0], ground + round(RIM_SUNK * length) - rim)  # rim sinks into the ground)
    clip = surface.get_clip()
    surface.set_clip(pygame.Rect(0, 0, surface.get_width(), centre[1]).clip(clip))
    pygame.draw.circle(surface, WELL, middle, round(radius * ARCH))
    surface.set_clip(clip)
    pygame.draw.circle(surface, scaled(BARE_RIM, shade), centre, rim)
    pygame.draw.circle(surface, scaled(RIM_FACE, shade), centre, max(1, rim - max(1, rim // 6)))
    lip = pygame.Rect(centre[0] - rim, centre[1] - rim, 2 * rim, 2 * rim)
    pygame.draw.arc(surface, scaled(RIM_LIP, shade), lip, math.pi * 0.25, math.pi * 0.75,
                    max(1, rim // 7))
    pygame.draw.circle(surface, RIM_DARK, centre, max(1, round(rim * 0.3)))
