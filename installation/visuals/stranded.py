"""Cars left standing at an angle in the boulevard's lanes, seen in the street's perspective: a
body, a glasshouse, tyres, doors (one hanging open), their lamps still on (drawn once, kept)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.car_details import doors
from installation.visuals.cars import TYRE, UNDERSIDE, Project
from installation.visuals.stranded_glass import (
    B_PILLAR,
    INSIDE,
    PILLAR,
    cell,
    door_gap,
    graded,
    pillar,
)

# Its heights above the road (the street's "up": a car seen at an angle shows its side, which
# at the street's own squat heights read as a slab).
SILL, BODY, ROOF = 0.06, 0.24, 0.42
HALF_LONG, HALF_WIDE = 0.32, 0.13  # world units: half a car's length and width
CABIN_FOOT = (-0.2, 0.1)  # along the car (front +): the glasshouse's foot, back and front
CABIN_TOP = (-0.15, 0.02)  # and its roof
CABIN_WIDE = (0.12, 0.1)  # its half width at the waist and at the roof
WHEEL_AT, WHEEL_R = 0.2, 0.045  # the wheels' middles along the car, and their radius
LAMP_S, LAMP_UP = 0.09, 0.14  # a lamp's place across the car, and its height
DOOR = (0.08, -0.12, 1.0)  # the front door: hinge along the car, free edge along, swing
SEAMS = (0.08, -0.12, -0.29)  # along the car: the doors' seams on each side, front to back
# (the front door's front and back, the back door's back), each with its handle by its back seam
HANDLE_SKY = 0.45  # a door's handle, chrome: this much of the low sky over the flank's colour
TRIM = 0.6  # an open door's inside, turned to us, of the flank's colour (its trim, in shade)
DOME: Color = (255, 200, 140)  # the dome light on inside a car whose door hangs open
DOME_SHARE = 0.25  # how much of it shows in the glass
DOME_INSIDE = 0.35  # in the dawn, of that, on the dark inside seen through the glass
LID_LIGHT = 1.2  # the hood and the roof catch the sky
SIDE_SHADE = (0.8, 0.62)  # the long sides and the ends, of the paint...
FLANK = (0.0, 0.35, 0.7)  # ... shaded up each in bands (their feet, of the
# way from its sill to its waist): its foot tucked under, out of the sky's light, its shoulder
# turned up to it (one flat tone, a side read as a lighter box pasted on the car at 05:06)
FLANK_LIGHT = (0.72, 0.88, 1.06)  # ... each band's light, of the face's
SHOULDER_EDGE = 1.3  # the shoulder's edge along the waist catching the sky, of the face's
CREASE = (0.7, 0.7)  # the crease under the shoulder: where (of the way up) and how dark (of
# the face's)
At = Callable[[float, float, float], tuple[int, int]]  # a point of a car (along, across, up)
POLICE: tuple[Color, Color] = ((226, 226, 230), (16, 16, 20))  # white doors, black body


@dataclass(frozen=True)
class Stranded:
    """One car left in a lane: where it stands (across, along), which way its front points
    (radians, 0: away down the road), its paint and glass, and which door hangs open (1:
    its right, -1: its left, 0: none)."""

    lane: float
    z: float
    yaw: float
    paint: Color
    glass: Color
    door: int
    sky: tuple[Color, Color] | None = None  # the sky overhead and low, mirrored in its glass
    # (None: its glass one flat colour, as a wreck's under the ash)

    def point(self, along: float, side: float) -> tuple[float, float]:
        """A point on the road under the car (x across, z away), from its middle."""
        sin, cos = math.sin(self.yaw), math.cos(self.yaw)
        return self.lane + along * sin + side * cos, self.z + along * cos - side * sin

    def faces_us(self, along: float, side: float) -> bool:
        """Does the side of the car whose outward direction is (along, side) face the eye?"""
        x, z = self.point(along * HALF_LONG, side * HALF_WIDE)
        nx, nz = self.point(along, side)
        return (nx - self.lane) * -x + (nz - self.z) * -z > 0

    def lamps(self, front: bool) -> list[tuple[float, float, float]]:
        """Its two head (front) or tail lamps, in the world: across, along, up."""
        along = HALF_LONG if front else -HALF_LONG
        return [(*self.point(along, s), LAMP_UP) for s in (-LAMP_S, LAMP_S)]


def draw_stranded(surface: pygame.Surface, project: Project, car: Stranded) -> None:
    """The car as a box with a glasshouse on it: tyres, the sides that face us, the lid, the
    glass and roof, its open door in front of it or behind it."""

    def at(along: float, side: float, up: float) -> tuple[int, int]:
        x, z = car.point(along, side)
        return project(x, z, up)

    for along in (-WHEEL_AT, WHEEL_AT):
        for side in (-HALF_WIDE, HALF_WIDE):
            wx, wy = at(along, side, 0.0)
            r = max(2, abs(at(along + WHEEL_R, side, 0.0)[0] - wx) + 2)
            pygame.draw.ellipse(surface, TYRE, (wx - r, wy - r, 2 * r, r + 2))
    if car.door and not car.faces_us(0.0, car.door):
        _door(surface, at, car)
    box = [(HALF_LONG, -HALF_WIDE), (HALF_LONG, HALF_WIDE), (-HALF_LONG, HALF_WIDE),
           (-HALF_LONG, -HALF_WIDE)]
    pygame.draw.polygon(surface, UNDERSIDE, [at(a, s, SILL * 0.5) for a, s in box])
    for n, (a, s) in enumerate(box):
        a2, s2 = box[(n + 1) % 4]
        outward = ((a + a2) / 2 / HALF_LONG, (s + s2) / 2 / HALF_WIDE)
        if car.faces_us(*outward):
            shade = SIDE_SHADE[0] if outward[0] == 0 else SIDE_SHADE[1]
            quad = [at(a, s, SILL), at(a2, s2, SILL), at(a2, s2, BODY), at(a, s, BODY)]
            if car.sky is None:  # (a wreck's key picture: its burn grades its sides itself)
                pygame.draw.polygon(surface, scaled(car.paint, shade), quad)
            else:
                _flank(surface, quad, scaled(car.paint, shade))
                if outward[0] == 0:
                    _seams(surface, at, car, s, scaled(car.paint, shade))
    pygame.draw.polygon(surface, scaled(car.paint, LID_LIGHT), [at(a, s, BODY) for a, s in box])
    _glasshouse(surface, at, car)
    if car.door and car.faces_us(0.0, car.door):
        _door(surface, at, car)


def _flank(surface: pygame.Surface, quad: list[tuple[int, int]], face: Color) -> None:
    """A side or an end of the body (`quad`: its sill's ends, then its waist's) in the face's
    colour, shaded up it in FLANK's bands, a crease under the shoulder and the shoulder's edge
    catching the sky."""
    for foot, top, light in zip(FLANK, FLANK[1:] + (1.0,), FLANK_LIGHT, strict=True):
        pygame.draw.polygon(surface, scaled(face, light), cell(quad, (0.0, 1.0), (foot, top)))
    if abs(quad[3][1] - quad[0][1]) >= 6:  # (a far car's side a few pixels high: bands alone)
        up, dark = CREASE
        start, end, *_ = cell(quad, (0.0, 1.0), (up, up))
        pygame.draw.line(surface, scaled(face, dark), start, end)
        pygame.draw.line(surface, scaled(face, SHOULDER_EDGE), quad[3], quad[2])


def _seams(surface: pygame.Surface, at: At, car: Stranded, across: float, face: Color) -> None:
    """The doors on a long side (`across`: its place across the car) of the colour `face`:
    their seams and handles (an open front door's own in its panel: only the back door's)."""
    seams = SEAMS[1:] if car.door * across > 0 else SEAMS
    doors(surface, [(at(a, across, SILL), at(a, across, BODY)) for a in seams], face,
          _handle(car, face))


def _handle(car: Stranded, face: Color) -> Color:
    """A door handle's chrome on a flank of the colour `face`, catching the low sky."""
    return mix(face, car.sky[1], HANDLE_SKY) if car.sky is not None else face


def _glasshouse(surface: pygame.Surface, at: At, car: Stranded) -> None:
    """The cabin: its glass all round (lit inside if a door hangs open), pillars and roof."""
    (back, front), (top_back, top_front) = CABIN_FOOT, CABIN_TOP
    low, high = CABIN_WIDE
    foot = [(front, -low), (front, low), (back, low), (back, -low)]
    roof = [(top_front, -high), (top_front, high), (top_back, high), (top_back, -high)]
    if car.sky is not None:
        _glazed(surface, at, car, car.sky)
        return
    glass = mix(car.glass, DOME, DOME_SHARE) if car.door else car.glass
    for n in range(4):
        a, s = foot[n]
        b, t = foot[(n + 1) % 4]
        c, u = roof[(n + 1) % 4]
        d, v = roof[n]
        outward = ((a + b) / 2, (s + t) / 2)
        if car.faces_us(outward[0] / HALF_LONG, outward[1] / HALF_WIDE):
            pygame.draw.polygon(surface, glass, [at(a, s, BODY), at(b, t, BODY), at(c, u, ROOF),
                                                 at(d, v, ROOF)])
            pygame.draw.line(surface, car.paint, at(a, s, BODY), at(d, v, ROOF), 2)
    pygame.draw.polygon(surface, scaled(car.paint, LID_LIGHT), [at(a, s, ROOF) for a, s in roof])


def _glazed(surface: pygame.Surface, at: At, car: Stranded, sky: tuple[Color, Color]) -> None:
    """The cabin in the dawn (see stranded_glass): its panes that face us, the headrests seen
    through them, its pillars, its roof."""
    (back, front), (top_back, top_front) = CABIN_FOOT, CABIN_TOP
    low, high = CABIN_WIDE
    foot = [(front, -low), (front, low), (back, low), (back, -low)]
    roof = [(top_front, -high), (top_front, high), (top_back, high), (top_back, -high)]
    inside = mix(INSIDE, DOME, DOME_SHARE * DOME_INSIDE) if car.door else INSIDE
    size = _size(at)
    faces = []
    for n in range(4):
        (a, s), (b, t) = foot[n], foot[(n + 1) % 4]
        (c, u), (d, v) = roof[(n + 1) % 4], roof[n]
        if car.faces_us((a + b) / 2 / HALF_LONG, (s + t) / 2 / HALF_WIDE):
            quad = [at(a, s, BODY), at(b, t, BODY), at(c, u, ROOF), at(d, v, ROOF)]
            graded(surface, quad, (inside, *sky), n % 2 == 0)
            faces.append((n, quad))
    for n, quad in faces:
        pillar(surface, (quad[0], quad[3]), car.paint, size)
        pillar(surface, (quad[1], quad[2]), car.paint, size)
        if n % 2:  # (a side: the pillar between its doors' windows)
            across = foot[n][1]
            pillar(surface, (at(B_PILLAR, across, BODY), at(B_PILLAR, across * high / low, ROOF)),
                   car.paint, size)
    pygame.draw.polygon(surface, scaled(car.paint, LID_LIGHT), [at(a, s, ROOF) for a, s in roof])


def _size(at: At) -> float:
    """How many pixels a world unit measures at the car (up its middle)."""
    return (at(0.0, 0.0, 0.0)[1] - at(0.0, 0.0, ROOF)[1]) / ROOF


def _outside_seen(car: Stranded, along: float, across: float, swing: float) -> bool:
    """Does an open door (its middle `along` and `across` the car, swung out `swing`) turn its
    outside to the eye? (Its outside faces out and, swung, forwards.)"""
    x, z = car.point(along, across)
    nx, nz = car.point(math.sin(swing), car.door * math.cos(swing))
    return (nx - car.lane) * -x + (nz - car.z) * -z > 0


def _panel(surface: pygame.Surface, car: Stranded, panel: list[tuple[int, int]],
           outside: bool) -> None:
    """An open door's panel (`panel`: the hinge's foot, the free edge's foot and top, the
    hinge's top) shaded as the body's flank is, with its crease: seen from outside, its seams
    and its handle by its free edge; from inside, its trim, darker."""
    face = scaled(car.paint, SIDE_SHADE[0] * (1.0 if outside else TRIM))
    _flank(surface, panel, face)
    if outside:
        doors(surface, [(panel[0], panel[3]), (panel[1], panel[2])], face, _handle(car, face))


def _door(surface: pygame.Surface, at: At, car: Stranded) -> None:
    """The front door hanging open, swung out from its hinge: its panel and its window frame
    (in the dawn: the lit inside in the gap it leaves, the glass in its frame)."""
    hinge, edge, swing = DOOR
    side = car.door * HALF_WIDE
    reach = hinge - edge
    free = (hinge - reach * math.cos(swing), side + car.door * reach * math.sin(swing))
    if car.sky is not None and car.faces_us(0.0, car.door):
        door_gap(surface, [at(edge, side, SILL), at(hinge, side, SILL), at(hinge, side, BODY),
                           at(edge, side, BODY)], DOME,
                 scaled(car.paint, SIDE_SHADE[0] * FLANK_LIGHT[0]))
    panel = [at(hinge, side, SILL), at(*free, SILL), at(*free, BODY), at(hinge, side, BODY)]
    if car.sky is None:  # (a wreck's key picture)
        pygame.draw.polygon(surface, scaled(car.paint, 0.7), panel)
    else:
        _panel(surface, car, panel, _outside_seen(car, (hinge + free[0]) / 2, free[1], swing))
    frame = [at(hinge, side, BODY), at(*free, BODY), at(*free, ROOF * 0.9),
             at(hinge - reach * 0.3, side, ROOF)]
    if car.sky is None:
        pygame.draw.lines(surface, scaled(car.paint, 0.9), False, frame, 2)
        return
    graded(surface, frame, (INSIDE, *car.sky), False)
    pygame.draw.lines(surface, scaled(car.paint, 0.9), False, frame,
                      max(2, round(PILLAR * _size(at))))


