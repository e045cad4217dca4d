"""The panic's stranded cars after the fire, in the street's perspective (drawn once into the
burnt boulevard's kept picture): their shapes as the panic layer draws them, sunk on bare rims,
the paint burnt off a dull shell, ashen on its lids and rusted in runs along its sides, soot
streaked up from its windows, the glass blown in (black holes with jagged
edges), ash heaped on the roof, the hood and the windward side."""

from __future__ import annotations

import math
import random

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.burnt_paint import (
    BARE_RIM,
    GLASS_KEY,
    PAINT_KEY,
    SHARD,
    SHELL,
    SOOT,
    burn,
)
from installation.visuals.cars import Project
from installation.visuals.stranded import (
    BODY,
    CABIN_FOOT,
    CABIN_TOP,
    CABIN_WIDE,
    HALF_LONG,
    HALF_WIDE,
    ROOF,
    WHEEL_AT,
    WHEEL_R,
    Stranded,
    draw_stranded,
)

SUNK = 0.035  # a burnt car sits this much lower (up units): on its rims, its tyres gone
JAGS = 5  # jagged teeth along a blown-in window's edge
ASH: Color = (122, 116, 110)  # ash settled on a car, its top catching the grey light
ASH_LIT: Color = (138, 132, 124)
HEAP = 0.05  # the ash's heap on a roof or hood, up units
SIDE_DRIFT = 0.12  # ash blown against the windward side: how high up it, at most


def burnt_car(image: pygame.Surface, project: Project, car: Stranded, seed: int) -> None:
    """`car` burnt out, drawn into `image` (its parts drawn apart on a piece of its own, then
    recoloured: the panic's car, burnt)."""
    box = _box(project, car)
    if box.width < 4 or box.height < 4:
        return

    def local(x: float, z: float, up: float) -> tuple[int, int]:
        px, py = project(x, z, up - SUNK)
        return px - box.x, py - box.y

    piece = pygame.Surface(box.size, pygame.SRCALPHA)
    piece.fill((0, 0, 0, 0))
    draw_stranded(piece, local, Stranded(car.lane, car.z, car.yaw, PAINT_KEY, GLASS_KEY, 0))
    burn(piece, seed)
    _rims(piece, local, car)
    rng = random.Random(seed)
    _jagged_glass(piece, local, car, rng)
    _ash_on(piece, local, car, rng)
    image.blit(piece, box.topleft)


def _box(project: Project, car: Stranded) -> pygame.Rect:
    """Where on the picture the car (and its ash) can reach."""
    points = [project(*car.point(a * HALF_LONG * 1.6, s * HALF_WIDE * 1.6), up)
              for a in (-1, 1) for s in (-1, 1) for up in (-SUNK, ROOF + HEAP)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return pygame.Rect(min(xs) - 4, min(ys) - 4, max(xs) - min(xs) + 8, max(ys) - min(ys) + 8)


def _rims(piece: pygame.Surface, at: Project, car: Stranded) -> None:
    """The wheels on the sides that face us: bare rims in dark arches, down on the road."""
    for side in (-1, 1):
        if not car.faces_us(0, side):
            continue
        for along in (-WHEEL_AT, WHEEL_AT):
            middle = _on(at, car, along, side * HALF_WIDE, WHEEL_R)
            edge = _on(at, car, along + WHEEL_R, side * HALF_WIDE, WHEEL_R)
            r = max(2, abs(edge[0] - middle[0]), abs(edge[1] - middle[1]) // 2 + 2)
            tall = max(3, r * 2)
            pygame.draw.ellipse(piece, SOOT, (middle[0] - r - 1, middle[1] - tall // 2 - 1,
                                              2 * r + 2, tall + 2))
            pygame.draw.ellipse(piece, BARE_RIM, (middle[0] - r * 2 // 3, middle[1] - tall // 3,
                                                  max(2, r * 4 // 3), max(2, tall * 2 // 3)),
                                max(1, r // 4))


def _jagged_glass(piece: pygame.Surface, at: Project, car: Stranded,
                  rng: random.Random) -> None:
    """Teeth of burnt frame and a shard or two round each blown-in window that faces us."""
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
                reach = rng.uniform(0.08, 0.3)
                tip = (base[0] + (inward[0] - base[0]) * reach,
                       base[1] + (inward[1] - base[1]) * reach)
                half = max(1.0, math.dist(p, q) * rng.uniform(0.03, 0.08))
                ux, uy = (q[0] - p[0]) / max(1.0, math.dist(p, q)), (
                    q[1] - p[1]) / max(1.0, math.dist(p, q))
                tooth = [(base[0] - ux * half, base[1] - uy * half),
                         (base[0] + ux * half, base[1] + uy * half), tip]
                shard = rng.random() < 0.2
                pygame.draw.polygon(piece, scaled(SHARD, 0.7) if shard else scaled(SHELL, 0.7),
                                    tooth)


def _on(at: Project, car: Stranded, along: float, side: float, up: float) -> tuple[int, int]:
    """A point of the car (along, across it, up) on its piece."""
    return at(*car.point(along, side), up)


def _ash_on(piece: pygame.Surface, at: Project, car: Stranded, rng: random.Random) -> None:
    """Ash heaped along the roof and over the hood, and drifted against the windward side if
    it faces us."""
    front, (top_back, top_front) = CABIN_FOOT[1], CABIN_TOP
    high = CABIN_WIDE[1]
    _heap(piece, [_on(at, car, a, s, ROOF) for a, s in
                  ((top_front, -high), (top_front, high), (top_back, high), (top_back, -high))],
          [_on(at, car, (top_front + top_back) / 2, s * high * 0.6, ROOF + HEAP)
           for s in (-1, 1)], rng)
    hood = [(HALF_LONG * 0.95, -HALF_WIDE * 0.9), (HALF_LONG * 0.95, HALF_WIDE * 0.9),
            (front + 0.02, HALF_WIDE * 0.85), (front + 0.02, -HALF_WIDE * 0.85)]
    _heap(piece, [_on(at, car, a, s, BODY) for a, s in hood],
          [_on(at, car, (HALF_LONG + front) / 2, s * HALF_WIDE * 0.4, BODY + HEAP * 0.6)
           for s in (-1, 1)], rng)
    for side in (-1, 1):  # the windward side: the one towards the left of the picture
        if car.point(0, side)[0] < car.lane and car.faces_us(0, side):
            crest = [_on(at, car, a * HALF_LONG, side * HALF_WIDE,
                         SIDE_DRIFT * rng.uniform(0.5, 1.0) * (1 - a * a * 0.7))
                     for a in np.linspace(-1.05, 1.05, 9)]
            foot = [_on(at, car, a * HALF_LONG * 1.1, side * HALF_WIDE * 1.4, -SUNK)
                    for a in (1.05, -1.05)]
            pygame.draw.polygon(piece, mix(ASH, SOOT, 0.25), crest + foot)
            pygame.draw.lines(piece, ASH_LIT, False, crest, 2)


def _heap(piece: pygame.Surface, outline: list[tuple[int, int]],
          crest: list[tuple[int, int]], rng: random.Random) -> None:
    """A heap of ash over a face (`outline`) rising to a `crest` line, its top lit, uneven."""
    pygame.draw.polygon(piece, mix(ASH, SOOT, rng.uniform(0.0, 0.15)), outline)
    pygame.draw.polygon(piece, ASH_LIT, [outline[0], crest[0], crest[1], outline[1]])
    pygame.draw.lines(piece, ASH_LIT, False, crest, 2)
