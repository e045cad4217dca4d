"""Cars seen from the side, left where they stopped: abandoned (a door hanging open, the paint
still on) or burnt out (a dark shell, ashen in patches on top, rusted in runs, sooted round its
empty windows and wheel wells: coloured as every burnt car is, by burnt_paint; its roof caved
in, a door gone if it was left open, down on bare rusted rims, in ash banked over their feet)."""

from __future__ import annotations

import math
from collections.abc import Callable
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
from installation.visuals.wreck_shadow import foot_shadow, under_body

# A car's side in shares of its length, from its front (x) and up from the ground (y).
WHEELS = (0.19, 0.79)  # the wheels' middles
WHEEL = 0.072  # a tyre's radius
RIM = 0.55  # a rim's radius, of the tyre's
ARCH = 1.3  # a wheel arch's radius, of the tyre's
SILL, WAIST, ROOF = 0.06, 0.2, 0.3  # the body's lower edge, its waist line, the roof
BONNET, BOOT = 0.015, 0.04  # the body's front and back ends slope back this much at the waist
CABIN = (0.27, 0.36, 0.67, 0.76)  # the glasshouse: its foot in front, roof front, roof back, foot
PILLAR = 0.025  # a window pillar's width
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
CAVE = (0.02, 0.04)  # a burnt car's roof sags in this much at most, least and most
SEAT: Color = (74, 58, 46)  # a burnt seat's steel frame, seen where a door has gone
BANK = (0.02, 0.038)  # ash banked along a burnt car's foot: this high (of its length)
BANK_LIGHT = (0.04, 0.2, 0.55)  # the bank, its crest, the ash lying on the car: this much of
# the way from the ground's colour in front of it to the sky's light (the bank as the ground:
# lit as a slab, it read as a kerb the car stood on; its crest at half the way, a pale line
# straight through the wheels of a far car read as a glitch)
BANK_KNOTS = 15  # the bank's bumps along it
BANK_MORE = 40  # drifted all the way, its line drawn through this many more points (rounder)
CREST_ROWS = 4  # the crest's light fading down the bank's face over this many lines
ROOF_ASH = 0.008  # the ash lying on its roof, hood and boot: this deep
DRIFT_BANK = 0.012  # drifted all the way (`drift` 1), the bank this much higher (of its length):
# over the rims and the sills, the wheels gone under it, only the wheel arches' tops showing
DRIFT_MOUND = 0.008  # ... and this much more over each wheel (a mound: its arch under it)...
MOUND_WIDE = 1.4  # ... as wide as this many of its arches...
DRIFT_LEAN = 0.35  # ... and higher by this share on its windward end, lower on its lee
DRIFT_SPREAD = 0.35  # ... running out this much further past either end (of its length)
DRIFT_ROOF = 3.5  # ... and this much more ash lying on its roof, hood and boot
HEAP = 0.07  # ... and heaped over its bonnet's and boot's ends this high (of its length, from
# the ground: over the lids' ash), its square ends gone under it (they stood out of the drift
# as flat, square-cut shelves either side of the cabin: a sofa's arms)...
HEAP_AT = 0.1  # ... each heap's crest this far in from the car's end, its rounded slopes
HEAP_WIDE = (0.36, 0.42)  # running down this far: outward to the ground, inward up the glass
HEAP_ROUND = (2.5, 1.5)  # (1 - u ** a) ** b, u the way down a slope: a broad round shoulder
HEAP_FULL = 0.6  # ... the heaps risen in full this far into the drifting (the wind banks ash
# against a car's ends first)
CAP_POINTS = 11  # the ash lying on a lid, rounded over this many points along it...
CAP_ROUND = 0.6  # ...its top this round (1: a sine's arch; less: fuller to its ends)...
CAP_SHADE = 0.8  # ...its lower edge this much of its light
KEY_LIGHT: Color = (255, 255, 255)  # the light its key picture's lids are drawn in
GLASS: Color = (14, 16, 22)  # dark inside the car
SUNK = 0.025  # a burnt car sits this much lower, on its rims (its body, its arches nearly down
RIM_SUNK = 0.008  # on them), which sink this far into the ground

At = Callable[[float, float], tuple[int, int]]  # a point of a car's side on the picture


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
            _ash_bank(surface, at, length, car.light, (seed, car.drift))
            foot_shadow(surface, at, length, SUNK - RIM_SUNK)
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

    cave = _cave(seed)
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
        pygame.draw.line(piece, FRAME, at(foot, WAIST), at(top, _roof_at(top, cave)), wide)


def _cave(seed: int) -> float:
    """How far this burnt car's roof has caved in."""
    return CAVE[0] + (CAVE[1] - CAVE[0]) * float(np.random.default_rng(seed).random())


def _roof_at(along: float, cave: float) -> float:
    """The roof's height at `along`: sagging `cave` at most, past its middle (caved in)."""
    share = np.clip((along - CABIN[1]) / (CABIN[2] - CABIN[1]), 0.0, 1.0)
    return float(ROOF - cave * math.sin(math.pi * share ** 0.8))


def _caved_cabin(piece: pygame.Surface, at: At, cave: float) -> list[tuple[int, int]]:
    """The glasshouse in key colours, its roof sagging in: the roof and pillars in the paint,
    the two windows' holes under the sag. Returns the roof's line."""
    front, roof_front, roof_back, back = CABIN
    tops = np.linspace(roof_front, roof_back, 9)
    roof = [at(float(a), _roof_at(float(a), cave)) for a in tops]
    pygame.draw.polygon(piece, PAINT_KEY, [at(front, WAIST), *roof, at(back, WAIST)])
    split, inset = (roof_front + roof_back) / 2, PILLAR
    for lo, hi, foot_lo, foot_hi in ((roof_front + inset * 0.6, split - inset / 2,
                                      front + inset * 1.6, split - inset / 2),
                                     (split + inset / 2, roof_back - inset * 0.6,
                                      split + inset / 2, back - inset * 1.6)):
        top = [at(float(a), _roof_at(float(a), cave) - inset) for a in np.linspace(lo, hi, 5)]
        pygame.draw.polygon(piece, GLASS_KEY, [at(foot_lo, WAIST), *top, at(foot_hi, WAIST)])
    return roof


def _seat_frame(piece: pygame.Surface, at: At, cave: float, length: int) -> None:
    """Through the gap where the front door was: the front seat burnt to its steel frame, its
    back and its springs catching a little light in the dark."""
    back_at = DOOR[1] - 0.03
    top = _roof_at(back_at, cave) - 0.03
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


def _ash_bank(surface: pygame.Surface, at: At, length: int, light: Color,
              drifted: tuple[int, float]) -> None:
    """Ash lying on the car's roof, hood and boot, and banked along its foot, over its rims'
    lower part and under its sills (heaped over its ends when drifted deep, the lids' ash
    under the heaps): the car sits down in the ash (the ground's own ash colour, lighter
    towards the sky's `light` along the bank's crest and on the car); `drifted`: the car's
    seed and how much deeper the ash has drifted (see Wreck.drift)."""
    seed, drift = drifted
    x0, ground = at(-0.06, SUNK)
    x1, _ = at(1.06, SUNK)
    lo, hi = min(x0, x1), max(x0, x1)
    seen = surface.get_rect()
    samples = [surface.get_at((min(seen.right - 1, max(0, x)), min(seen.bottom - 1,
                                                                   ground + 3)))[:3]
               for x in (lo, (lo + hi) // 2, hi)]
    ground_ash = np.mean(np.array(samples, np.float32), axis=0)
    sky = np.array(light, np.float32)
    cave, lid = _cave(seed), _toned(ground_ash, sky, BANK_LIGHT[2])
    deep = ROOF_ASH * (1 + DRIFT_ROOF * drift)
    roof = (CABIN[1] + 0.01, CABIN[2] - 0.01)
    _cap(surface, at, roof, lambda a: _roof_at(a, cave), deep, lid)  # (thickest in its sag)
    for ends in ((BONNET + 0.02, CABIN[0] - 0.01), (CABIN[3] + 0.01, 1 - BOOT - 0.01)):
        _cap(surface, at, ends, lambda _a: WAIST, deep, lid)
    reach = 0.56 + DRIFT_SPREAD * drift  # (from its middle to where the bank runs out)
    along = np.linspace(0.5 - reach, 0.5 + reach, BANK_KNOTS + round(BANK_MORE * drift))
    crest = [at(float(a), SUNK + float(h))
             for a, h in zip(along, _bank(along, reach, drifted, at), strict=True)]
    foot = [at(0.5 + reach + 0.04, SUNK - 0.01), at(0.5 - reach - 0.04, SUNK - 0.01)]
    pygame.draw.polygon(surface, _toned(ground_ash, sky, BANK_LIGHT[0]), crest + foot)
    wide = max(1, length // 150)
    lit = [p for p, a in zip(crest, along, strict=True)  # (its ends as flat as the ground,
           if -HEAP_WIDE[0] * drift < a < 1 + HEAP_WIDE[0] * drift]  # but down a heap's slopes)
    for step, share in enumerate(np.linspace(BANK_LIGHT[1], BANK_LIGHT[0], CREST_ROWS)):
        pygame.draw.lines(surface, _toned(ground_ash, sky, float(share)), False,
                          [(px, py + step * wide) for px, py in lit], wide)


def _bank(along: np.ndarray, reach: float, drifted: tuple[int, float], at: At) -> np.ndarray:
    """The bank's height at each point `along` the car (of its length, from the ground): low
    bumps running out `reach` from its middle, drifted higher round the car and heaped over
    its ends as the ash deepens (see `_ash_bank`)."""
    seed, drift = drifted
    knots = np.random.default_rng(seed + 1).random(BANK_KNOTS)  # (the same bumps however
    heights = BANK[0] + (BANK[1] - BANK[0]) * np.interp(  # deep: only higher, wider)
        np.linspace(0, BANK_KNOTS - 1, along.size), np.arange(BANK_KNOTS), knots)
    heights *= 1 - ((along - 0.5) / reach) ** 2  # down to the ground at its ends
    heights += drift * _drifted(along, reach, at)
    return np.asarray(np.maximum(heights, min(1.0, drift / HEAP_FULL) * _heaped(along)))


def _drifted(along: np.ndarray, reach: float, at: At) -> np.ndarray:
    """How much higher the ash has drifted against the car at each point `along` it, drifted
    all the way (of its length): a soft rounded line over its body's shape, mounded over the
    wheels (their arches under it), higher on the windward side (the picture's left: the
    wind blows the smoke to the right) and rolling down to the ground at its ends (drawn
    straight across the flank, it read as a car sunk into a tabletop)."""
    t = (along - 0.5) / reach
    hump = np.clip(1 - t ** 2, 0, 1) ** 0.5
    mounds = sum(np.exp(-(((along - wheel) / (WHEEL * ARCH * MOUND_WIDE)) ** 2))
                 for wheel in WHEELS)
    left, right = at(float(along[0]), 0.0)[0], at(float(along[-1]), 0.0)[0]
    windward = 1 if left < right else -1  # (+1: along runs left to right in the picture)
    lean = 1 + DRIFT_LEAN * (-windward * t)
    return np.asarray(hump * lean * (DRIFT_BANK + DRIFT_MOUND * mounds))


def _heaped(along: np.ndarray) -> np.ndarray:
    """How high the ash is heaped over the car's ends at each point `along` it, drifted all
    the way (of its length): a rounded mound over each end, its crest HEAP_AT in, rolling
    down to nothing HEAP_WIDE from it (outward, inward)."""
    out, inward = HEAP_WIDE
    heaps = [np.clip(np.where(side * (along - crest) > 0, inward, out) ** -1
                     * np.abs(along - crest), 0.0, 1.0)
             for crest, side in ((HEAP_AT, 1), (1 - HEAP_AT, -1))]
    shoulder, foot = HEAP_ROUND
    return np.asarray(HEAP * np.maximum(*[(1 - u ** shoulder) ** foot for u in heaps]))


def _cap(surface: pygame.Surface, at: At, ends: tuple[float, float],
         under: Callable[[float], float], deep: float, lid: Color) -> None:
    """Ash lying `deep` on a lid from `ends[0]` to `ends[1]` along the car (the lid `under`
    each point): rounded, thickest in the middle, thinning to nothing at its ends, its lower
    edge shaded (a flat band read as a cream slab laid on it)."""
    tops = np.linspace(*ends, CAP_POINTS)
    rise = np.sin(np.linspace(0, math.pi, CAP_POINTS)) ** CAP_ROUND
    lying = [at(float(a), under(float(a)) + deep * float(r)) for a, r in zip(tops, rise,
                                                                              strict=True)]
    lying += [at(float(a), under(float(a))) for a in tops[::-1]]
    pygame.draw.polygon(surface, lid, lying)
    pygame.draw.lines(surface, scaled(lid, CAP_SHADE), False, lying[CAP_POINTS:], 1)


def _toned(ground: np.ndarray, sky: np.ndarray, share: float) -> Color:
    """The ground's colour taken `share` of the way to the sky's light (floats)."""
    r, g, b = (int(c) for c in np.clip(ground + (sky - ground) * share, 0, 255))
    return (r, g, b)
