"""The panic's stranded cars after the fire, in the street's perspective (drawn once into the
burnt boulevard's kept picture): their shapes as the panic layer draws them, slewed round
where they stood by the blast (those near a kerb shoved nose into it), sagging askew on burnt
tyres half buried in the ash (dark rubber dusted pale), the paint burnt off a dull shell,
ashen on its lids and rusted in runs along its sides, soot streaked up from its windows, the
glass blown in (black holes with jagged edges, no glass left to catch the light), ash heaped
on the roof, the hood and the windward side and banked along their feet; the far ones
plainer."""

from __future__ import annotations

import math
import random
from collections.abc import Generator
from dataclasses import dataclass, replace

import numpy as np
import pygame

from installation.visuals.base import Color, finished, mix, scaled
from installation.visuals.burnt_paint import (
    GLASS_KEY,
    PAINT_KEY,
    SHELL,
    SOOT,
    burn,
)
from installation.visuals.cars import Project
from installation.visuals.glow import blur
from installation.visuals.stranded import (
    BODY,
    CABIN_FOOT,
    CABIN_TOP,
    CABIN_WIDE,
    HALF_LONG,
    HALF_WIDE,
    LAMP_S,
    LAMP_UP,
    ROOF,
    SILL,
    WHEEL_AT,
    WHEEL_R,
    Stranded,
    draw_stranded,
)
from installation.visuals.wardrobe import hull
from installation.visuals.wreck_faces import LENGTH, faces_seen, moved
from installation.visuals.wreck_shadow import foot_shadow, under_body

SUNK = 0.035  # a burnt car sits this much lower (up units): on its rims, its tyres gone
FOOT_SHADOW = (0.15, 0.45)  # its shadow on the road along its foot: as if the ash had drifted
# this much round it (see wreck_shadow: the banks along its foot lie a little softly in it), and
# the ash's light left at its darkest (a side-on wreck's 0.65, and drifted 0.4, took a quarter
# of the light: it did not show under the morning's fresh ash)
JAGS = 3  # jagged teeth of burnt frame along a blown-in window's edge...
TOOTH_REACH = (0.05, 0.2)  # ...reaching this far into it (of the way across)...
TOOTH: Color = scaled(SHELL, 1.25)  # ...paler than the hole (its edge reads)
ASH: Color = (114, 105, 96)  # ash settled on a car, its top catching the grey light: the
# road's grey-brown (at (122, 116, 110), under the morning sun, the caps read as snow)
RUBBER: Color = (30, 28, 27)  # a burnt tyre, sagging: dark rubber, no warm rust
HUB: Color = (52, 50, 48)  # ...its steel hub, sooted dull
DUST: Color = (96, 92, 88)  # ...the ash dusting its top, pale on the rubber (paler: a whitewall)
ASH_LIT: Color = (122, 112, 102)  # ...its mounds' side towards the light (the sun behind us
# and to the left), no paler than the ash lit on the road (at 138 the caps read as pale lids)
ASH_SHADE = (0.38, 0.5)  # ...and their side away from it, this far towards soot (the roof's
# form shaded under the ash: a mound lit all over read as a flat pale cap)...
SLOPE_LIT = 0.35  # ...its slopes this far from that shade to the lit crest
HEAP = 0.05  # the ash's heap on a roof or hood, up units (at its middle)...
HOOD_HEAP, BOOT_HEAP = 0.6, 0.5  # ...on the hood and the boot, of the roof's
MOUND_GRID = np.linspace(-1.0, 1.0, 7)  # a heap's surface worked out at these points along and
# across its face (from edge to edge)...
MOUND_IN = 0.8  # ...over this share of its face's width (its feathered edge kept off the
# windows' holes and the sides under it)
MOUND_ROUND = 0.5  # ...rising from its edges to its middle this roundly (1: a peak; 0: a slab)
DEEPER = 0.5  # ... by the end of the morning (Wilshire under ash) a layer this much of it deep
# lying under it (at 1.2 the caps swelled into round pillows: snow)
FEATHER = 0.01  # the ash heaped on a car softens at its edges over this share of the car's
# picture's width (2 pixels at least)...
FEATHER_RAMP = (0.2, 0.8)  # ...its softened cover rising to full between these: rounded
# corners and a feathered edge (drawn hard, its edges stepped across the roof like stairs)
SIDE_DRIFT = 0.12  # ash blown against the windward side: how high up it, at most
BANK = (0.01, 0.025)  # ash banked along the foot of every side that faces us: this high
# above the road (over the rims' feet and the gap under the sills)
KERBSIDE = 0.6  # a car standing this far out from the road's middle or more the blast shoved
NOSE_IN = (0.75, 1.05)  # nose into the kerb: turned this far from down the road (radians)...
SLEW = (0.15, 0.4)  # ...and the others round where they stood, this far, the way that leaves
SIDE_ON = 0.85  # ...the sine of its angle to the road nearer this (its side seen, and its end:
# square across the road it reads parked along a kerb; end on, a box)
PITCH, ROLL = 0.2, 0.15  # sagging on its burnt tyres: up per unit along, across it, at most
BUMPER: Color = (70, 64, 60)  # a bumper's chrome, burnt dull and sooted
SOCKET = 0.022  # a lamp's empty socket: its half width (world units)
SEAMS = (0.1, -0.12)  # the doors' edges along the car (front +), dark seams down the sides
CAVE = (0.0, 0.0)  # its roof caved in by this share of the glasshouse's height (none yet: caved,
# the ash heaped on its roof reached into the side windows' holes, test_wilshire_ash)...
TILT = 0.6  # ...up to this much more at one end than in its middle (and less at the other)
DOOR_GONE = 0.5  # the chance its back door burnt off (a gap into the dark cabin)...
DOOR_LONG = 0.12  # ...this long (world units), back from the doors' back seam
PLAIN = 110  # a car shorter than this on the picture (pixels) is drawn plainly: no teeth of
# burnt frame round its windows, no drift against its side, no softening of its ash's edges
# (they would be a pixel or two)


@dataclass(frozen=True)
class Wreck:
    """A car as the blast and the fire left it: where it stands and points now, how it sags
    (up per unit along it, front up; per unit across it, right up), how far its roof caved
    in (a share of the glasshouse's height, and how much more at its front: + or its back),
    and whether its back door is gone (on the side we see)."""

    car: Stranded
    pitch: float
    roll: float
    cave: float = 0.0
    tilt: float = 0.0
    door_gone: bool = False

    def sunk(self, along: float, up: float) -> float:
        """How high a point of the car `along` it, `up` high when whole, stands now: on its
        rims, its roof caved in."""
        over = max(0.0, up - BODY) / (ROOF - BODY)
        cave = self.cave * (1 + self.tilt * along / HALF_LONG) * (ROOF - BODY)
        return up - SUNK - min(over, 1.0) * cave


def wrecked(car: Stranded, seed: int) -> Wreck:
    """`car` slewed round where it stood by the blast (near a kerb: nosed into it) and
    sagging on its burnt tyres, as `seed` has it."""
    rng = random.Random(seed + 1)
    if abs(car.lane) >= KERBSIDE:
        yaw = math.copysign(rng.uniform(*NOSE_IN), car.lane)
    else:  # (slewed the way that shows its side and its end, as SIDE_ON has it)
        slew = rng.uniform(*SLEW)
        yaw = min(car.yaw - slew, car.yaw + slew,
                  key=lambda a: abs(abs(math.sin(a)) - SIDE_ON))
    pitch, roll = rng.uniform(-PITCH, PITCH), rng.uniform(-ROLL, ROLL)
    return Wreck(replace(car, yaw=yaw), pitch, roll, rng.uniform(*CAVE), rng.uniform(-TILT, TILT),
                 rng.random() < DOOR_GONE)


def burnt_car(image: pygame.Surface, project: Project, car: Stranded,
              seed: int) -> pygame.Rect | None:
    """`car` burnt out, drawn into `image` (its parts drawn apart on a piece of its own, then
    recoloured: the panic's car, wrecked and burnt); where it went (None: too small)."""
    return finished(burning_car(image, project, car, seed))


def burning_car(image: pygame.Surface, project: Project, car: Stranded,
                seed: int) -> Generator[None, None, pygame.Rect | None]:
    """`burnt_car` in pieces: its parts drawn, then recoloured, then its rims, details and
    ash (a car in one piece took 3-12 ms)."""
    placed = _placed(project, car, seed)
    if placed is None:
        return None
    car, box, local = placed
    wreck = wrecked(car, seed)
    piece = pygame.Surface(box.size, pygame.SRCALPHA)
    piece.fill((0, 0, 0, 0))
    faces = faces_seen(local, car)
    for at, _length in faces:  # (the dark under it, behind its wheels and body)
        under_body(piece, at, SUNK / LENGTH, SILL / LENGTH)
    draw_stranded(piece, local, Stranded(car.lane, car.z, car.yaw, PAINT_KEY, GLASS_KEY, 0))
    if wreck.door_gone:
        _door_gap(piece, local, car)
    yield
    burn(piece, seed)
    yield
    _rims(piece, local, car)
    rng = random.Random(seed)
    plain = box.width < PLAIN
    if not plain:
        _details(piece, local, car)
        _jagged_glass(piece, local, car, rng)
    _ash_on(piece, local, car, rng, plain)
    image.blit(piece, box.topleft)
    for at, length in faces:  # (its shadow on the road along each foot we see, over its banks)
        foot_shadow(image, moved(at, box.topleft), length, SUNK / LENGTH, *FOOT_SHADOW)
    return box


def deeper_ash(project: Project, car: Stranded, seed: int, depth: float) -> pygame.Surface:
    """The ash on `car`'s roof and hood (placed as burnt_car has it: a picture of its box)
    heaped `depth` deeper (1: DEEPER times its heap), for laying over the burnt car as the
    morning's ash goes on falling on it."""
    placed = _placed(project, car, seed)
    if placed is None:
        return pygame.Surface((1, 1), pygame.SRCALPHA)
    car, box, local = placed
    piece = pygame.Surface(box.size, pygame.SRCALPHA)
    piece.fill((*ASH, 0))
    _lids(piece, local, car, random.Random(seed), HEAP * DEEPER * depth)
    return _softened(piece)


def _softened(ash: pygame.Surface) -> pygame.Surface:
    """Ash drawn on a car's piece (over clear ASH) as it lies: its corners rounded, its edge
    feathered, its lit crest soft (a car drawn plainly, too small for it, as it is: its
    heaps are a few pixels thin)."""
    if ash.get_width() < PLAIN:
        return ash
    soft = blur(ash, max(2, round(ash.get_width() * FEATHER)))
    low, high = FEATHER_RAMP
    alpha = pygame.surfarray.pixels_alpha(soft)
    alpha[...] = (np.clip((alpha / np.float32(255) - low) / (high - low), 0.0, 1.0)
                  * 255).astype(np.uint8)
    del alpha
    return soft


def _placed(project: Project, car: Stranded,
            seed: int) -> tuple[Stranded, pygame.Rect, Project] | None:
    """`car` as the blast left it, the box of the picture it reaches, and where a point of
    it lies in that box (None: too small to draw)."""
    wreck = wrecked(car, seed)
    car = wreck.car
    box = _box(project, car)
    if box.width < 4 or box.height < 4:
        return None
    sin, cos = math.sin(car.yaw), math.cos(car.yaw)

    def local(x: float, z: float, up: float) -> tuple[int, int]:
        along = (x - car.lane) * sin + (z - car.z) * cos
        side = (x - car.lane) * cos - (z - car.z) * sin
        px, py = project(x, z, wreck.sunk(along, up) + wreck.pitch * along + wreck.roll * side)
        return px - box.x, py - box.y

    return car, box, local


def _door_gap(piece: pygame.Surface, at: Project, car: Stranded) -> None:
    """Where the back door was, on the side we see: an opening into the burnt cabin (drawn
    in the glass's key: burnt, it is dark as the windows' holes)."""
    side = next((s for s in (1, -1) if car.faces_us(0, s)), 0)
    if not side:
        return
    front, back = SEAMS[1], SEAMS[1] - DOOR_LONG
    pygame.draw.polygon(piece, GLASS_KEY, [_on(at, car, a, side * HALF_WIDE, up) for a, up in
                                           ((front, SILL * 1.4), (front, BODY),
                                            (back, BODY), (back, SILL * 1.4))])


def _box(project: Project, car: Stranded) -> pygame.Rect:
    """Where on the picture the car (and its ash) can reach."""
    sag = PITCH * HALF_LONG * 1.6 + ROLL * HALF_WIDE * 1.6
    points = [project(*car.point(a * HALF_LONG * 1.6, s * HALF_WIDE * 1.6), up)
              for a in (-1, 1) for s in (-1, 1)
              for up in (-SUNK - sag, ROOF + HEAP * (1 + DEEPER) + sag)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return pygame.Rect(min(xs) - 4, min(ys) - 4, max(xs) - min(xs) + 8, max(ys) - min(ys) + 8)


def _rims(piece: pygame.Surface, at: Project, car: Stranded) -> None:
    """The wheels on the sides that face us: burnt tyres, dark rubber sagging in dark wells,
    down on the road, dusted pale with ash along their tops, the steel hub dull in their
    middles (the ash banked over their feet)."""
    for side in (-1, 1):
        if not car.faces_us(0, side):
            continue
        for along in (-WHEEL_AT, WHEEL_AT):
            middle = _on(at, car, along, side * HALF_WIDE, WHEEL_R)
            edge = _on(at, car, along + WHEEL_R, side * HALF_WIDE, WHEEL_R)
            r = max(2, abs(edge[0] - middle[0]), abs(edge[1] - middle[1]) // 2 + 2)
            tall = max(3, r * 2)
            tyre = pygame.Rect(middle[0] - r, middle[1] - tall // 2, 2 * r, tall)
            pygame.draw.ellipse(piece, SOOT, tyre.inflate(2, 2))  # the well over it
            pygame.draw.ellipse(piece, RUBBER, tyre)
            hub = tyre.inflate(-max(2, tyre.w // 2), -max(2, tyre.h // 2))
            pygame.draw.ellipse(piece, HUB, hub)
            pygame.draw.arc(piece, DUST, tyre, math.pi * 0.2, math.pi * 0.8, max(1, r // 6))


def _details(piece: pygame.Surface, at: Project, car: Stranded) -> None:
    """What tells a near car from a box: on each end that faces us its bumper, burnt dull,
    and its lamps' empty sockets; down each side that faces us its doors' seams."""
    for along in (1, -1):
        if not car.faces_us(along, 0):
            continue
        end = along * HALF_LONG
        pygame.draw.polygon(piece, BUMPER, [_on(at, car, end, s * HALF_WIDE, up) for s, up in
                                            ((-1, SILL * 0.4), (1, SILL * 0.4), (1, SILL * 1.3),
                                             (-1, SILL * 1.3))])
        for across in (-LAMP_S, LAMP_S):
            middle, edge = (_on(at, car, end, across + d, LAMP_UP) for d in (0.0, SOCKET))
            r = max(1, abs(edge[0] - middle[0]))
            pygame.draw.ellipse(piece, SOOT, (middle[0] - r, middle[1] - r, 2 * r, 2 * r))
    for side in (1, -1):
        if car.faces_us(0, side):
            for seam in SEAMS:
                pygame.draw.line(piece, SOOT, _on(at, car, seam, side * HALF_WIDE, SILL),
                                 _on(at, car, seam, side * HALF_WIDE, BODY * 0.97))


def _jagged_glass(piece: pygame.Surface, at: Project, car: Stranded,
                  rng: random.Random) -> None:
    """Teeth of burnt frame round each blown-in window that faces us (no shard of glass: it
    would catch the light, and read as a window still there)."""
    (back, front), (top_back, top_front) = CABIN_FOOT, CABIN_TOP
    low, high = CABIN_WIDE
    foot = [(front, -low), (front, low), (back, low), (back, -low)]
    roof = [(top_front, -high), (top_front, high), (top_back, high), (top_back, -high)]
    for n in range(4):
        (a, s), (b, t) = foot[n], foot[(n + 1) % 4]
        if not car.faces_us((a + b) / 2 / HALF_LONG, (s + t) / 2 / HALF_WIDE):
            continue
        (c, u), (d, v) = roof[(n + 1) % 4], roof[n]
        corners = [_on(at, car, a, s, BODY), _on(at, car, b, t, BODY),
                   _on(at, car, c, u, ROOF), _on(at, car, d, v, ROOF)]
        for edge in range(4):
            p, q = corners[edge], corners[(edge + 1) % 4]
            inward = corners[(edge + 2) % 4]
            for _ in range(JAGS):
                share = rng.random()
                base = (p[0] + (q[0] - p[0]) * share, p[1] + (q[1] - p[1]) * share)
                reach = rng.uniform(*TOOTH_REACH)
                tip = (base[0] + (inward[0] - base[0]) * reach,
                       base[1] + (inward[1] - base[1]) * reach)
                half = max(1.0, math.dist(p, q) * rng.uniform(0.03, 0.08))
                ux, uy = (q[0] - p[0]) / max(1.0, math.dist(p, q)), (
                    q[1] - p[1]) / max(1.0, math.dist(p, q))
                tooth = [(base[0] - ux * half, base[1] - uy * half),
                         (base[0] + ux * half, base[1] + uy * half), tip]
                pygame.draw.polygon(piece, TOOTH, tooth)


def _on(at: Project, car: Stranded, along: float, side: float, up: float) -> tuple[int, int]:
    """A point of the car (along, across it, up) on its piece."""
    return at(*car.point(along, side), up)


def _ash_on(piece: pygame.Surface, at: Project, car: Stranded, rng: random.Random,
            plain: bool) -> None:
    """Ash heaped along the roof and over the hood, banked along the foot of the sides that
    face us, and (unless `plain`) drifted against the windward side if it faces us."""
    ash = pygame.Surface(piece.get_size(), pygame.SRCALPHA)
    ash.fill((*ASH, 0))
    _lids(ash, at, car, random.Random(rng.random()))
    rng.random()  # (the heaps drew two numbers from it once: the banks and drift as they were)
    _banks(ash, at, car, rng)
    for side in (-1, 1):  # the windward side: the one towards the left of the picture
        if not plain and car.point(0, side)[0] < car.lane and car.faces_us(0, side):
            crest = [_on(at, car, a * HALF_LONG, side * HALF_WIDE,
                         SIDE_DRIFT * rng.uniform(0.5, 1.0) * (1 - a * a * 0.7))
                     for a in np.linspace(-1.05, 1.05, 9)]
            foot = [_on(at, car, a * HALF_LONG * 1.1, side * HALF_WIDE * 1.4, -SUNK)
                    for a in (1.05, -1.05)]
            pygame.draw.polygon(ash, mix(ASH, SOOT, 0.25), crest + foot)
            pygame.draw.lines(ash, ASH_LIT, False, crest, 2)
    piece.blit(_softened(ash), (0, 0))

def _lids(piece: pygame.Surface, at: Project, car: Stranded, rng: random.Random,
          under: float = 0.0) -> None:
    """Ash capping the roof, the hood and the boot: a soft mound on each, deepest along its
    middle and thinning out to its edges, `under` (up units) deeper than its heap (the
    morning's ash settled on it since)."""
    (back, front), (top_back, top_front) = CABIN_FOOT, CABIN_TOP
    for (start, end), wide, up, heap in (
            ((top_back, top_front), CABIN_WIDE[1] * MOUND_IN, ROOF, HEAP),
            ((front + 0.04, HALF_LONG * 0.95), HALF_WIDE * MOUND_IN, BODY, HEAP * HOOD_HEAP),
            ((-HALF_LONG * 0.95, back - 0.04), HALF_WIDE * MOUND_IN, BODY, HEAP * BOOT_HEAP)):
        _mound(piece, [[_on(at, car, (start + end) / 2 + u * (end - start) / 2, v * wide,
                            up + (heap + under) * ((1 - u * u) * (1 - v * v)) ** MOUND_ROUND)
                        for v in MOUND_GRID] for u in MOUND_GRID], rng)


def _mound(piece: pygame.Surface, grid: list[list[tuple[int, int]]],
           rng: random.Random) -> None:
    """A mound of ash (`grid`: its surface's points on the piece, along by across): its
    outline in the ash's shade, its slopes half lit, its crest along the middle catching the
    grey light (the roof's form under it, not one pale lid)."""
    middle = len(grid) // 2
    shade = mix(ASH, SOOT, rng.uniform(*ASH_SHADE))
    slopes = [p for row in grid[1:-1] for p in row[1:-1]] + [grid[middle][0], grid[middle][-1]]
    crest = [p for row in grid[1:-1] for p in row[middle - 1:middle + 2]]
    for colour, points in ((shade, sum(grid, [])), (mix(shade, ASH_LIT, SLOPE_LIT), slopes),
                           (ASH_LIT, crest)):
        outline = hull(points)
        if len(outline) > 2:  # (a far car's heap may be a line of pixels: none drawn)
            pygame.draw.polygon(piece, colour, outline)


def _banks(piece: pygame.Surface, at: Project, car: Stranded, rng: random.Random) -> None:
    """Ash banked along the foot of each side and end that faces us, over the rims' feet:
    the car sits down in the ash."""
    ends = ((1, 0), (-1, 0), (0, 1), (0, -1))  # (along, across) outward: front, back, sides
    for along, side in ends:
        if not car.faces_us(along, side):
            continue
        run = np.linspace(-1.05, 1.05, 7)
        if along:  # an end: across it
            foot = [(along * HALF_LONG, s * HALF_WIDE * 1.05) for s in run]
        else:
            foot = [(a * HALF_LONG * 1.02, side * HALF_WIDE) for a in run]
        crest = [_on(at, car, a, s, SUNK + rng.uniform(*BANK) * (1 - 0.5 * t * t))
                 for (a, s), t in zip(foot, run, strict=True)]
        out = 1.35
        base = [_on(at, car, a * (out if along else 1.05), s * (1.05 if along else out), SUNK)
                for a, s in (foot[-1], foot[0])]
        pygame.draw.polygon(piece, mix(ASH, SOOT, 0.2), crest + base)
        pygame.draw.lines(piece, ASH_LIT, False, crest, 1)
