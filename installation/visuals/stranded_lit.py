"""How the police car's flashes fall on the stranded cars: a share of the wash for each pixel
of the picture, whole on the road and what stands round them, on a car only a faint tint but
for the faces turned to the light bar (the sides facing it, the lids and roofs under it),
which catch it as a reflection. The cars keep their own paint between the flashes and in them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pygame

from installation.visuals.cars import Project
from installation.visuals.stranded import (
    BODY,
    CABIN_FOOT,
    CABIN_TOP,
    CABIN_WIDE,
    HALF_LONG,
    HALF_WIDE,
    ROOF,
    SILL,
    Stranded,
)
from installation.visuals.stranded_smooth import Smoothed

TINT = 0.06  # of the wash on a car's face turned away from the light (the haze of it)
FACING = 1.8  # of the wash on a face turned squarely to the light (more than on the road:
# a car's paint and chrome mirror a flash)
LIDS = 0.8  # of the wash on a hood, a boot lid or a roof (lit from above by the bar's glare)
OWN_LIDS = 0.35  # the police car's own roof and hood, under its bar
BOX = ((HALF_LONG, -HALF_WIDE), (HALF_LONG, HALF_WIDE), (-HALF_LONG, HALF_WIDE),
       (-HALF_LONG, -HALF_WIDE))


class Share(NamedTuple):
    """The share of the wash the pixels of `box` in the picture take (columns, rows); every
    pixel outside it takes the whole."""

    box: pygame.Rect
    values: np.ndarray


def wash_share(project: Project, cars: Sequence[tuple[Stranded, Smoothed]],
               light: tuple[float, float]) -> Share:
    """The share of the wash each pixel round the cars takes (each car with its picture, far
    to near): 1 off the cars, on them as far as each face turns to the `light` (world x
    across, z along), by how much of the pixel the car covers."""
    box = cars[0][1].box.unionall([seen.box for _car, seen in cars]) if cars else pygame.Rect(
        0, 0, 1, 1)
    faces = pygame.Surface(box.size)
    faces.fill((0, 0, 0))
    cover = pygame.Surface(box.size, pygame.SRCALPHA)
    cover.fill((0, 0, 0, 0))

    def shifted(x: float, z: float, up: float) -> tuple[int, int]:
        col, row = project(x, z, up)
        return col - box.x, row - box.y

    for car, seen in cars:
        place = seen.box.move(-box.x, -box.y).topleft
        cover.blit(seen.sprite, place)  # (where it hides the cars behind it: none of theirs)
        pygame.mask.from_surface(seen.sprite).to_surface(faces, setcolor=(0, 0, 0),
                                                         unsetcolor=None, dest=place)
        _faces(faces, shifted, car, light)
    facing = pygame.surfarray.array_red(faces).astype(np.float32) / 255.0 * _most()
    covered = pygame.surfarray.array_alpha(cover).astype(np.float32) / 255.0
    return Share(box, np.asarray(1.0 - covered + covered * (TINT + facing), np.float32))


def _most() -> float:
    """The largest share a face takes (its grey of 255 in the faces' picture)."""
    return max(FACING, LIDS, OWN_LIDS)


def _faces(surface: pygame.Surface, project: Project, car: Stranded,
           light: tuple[float, float]) -> None:
    """The car's faces that face us, each grey by the share of the wash it takes over TINT."""

    def at(along: float, side: float, up: float) -> tuple[int, int]:
        x, z = car.point(along, side)
        return project(x, z, up)

    own = math.hypot(light[0] - car.lane, light[1] - car.z) < HALF_LONG
    low, high = CABIN_WIDE
    (back, front), (top_back, top_front) = CABIN_FOOT, CABIN_TOP
    cabin = ((front, -low), (front, low), (back, low), (back, -low))
    roof = ((top_front, -high), (top_front, high), (top_back, high), (top_back, -high))
    for n, (a, s) in enumerate(BOX):
        (a2, s2), (c, u), (c2, u2) = BOX[(n + 1) % 4], cabin[n], cabin[(n + 1) % 4]
        outward = ((a + a2) / 2 / HALF_LONG, (s + s2) / 2 / HALF_WIDE)
        if car.faces_us(*outward):
            turn = 0.0 if own else _turned(car, outward, ((a + a2) / 2, (s + s2) / 2), light)
            grey = _grey(turn * (FACING - TINT))
            pygame.draw.polygon(surface, grey, [at(a, s, SILL), at(a2, s2, SILL),
                                                at(a2, s2, BODY), at(a, s, BODY)])
            pygame.draw.polygon(surface, grey, [at(c, u, BODY), at(c2, u2, BODY),
                                                at(*roof[(n + 1) % 4], ROOF),
                                                at(*roof[n], ROOF)])
    lids = _grey((OWN_LIDS if own else LIDS) - TINT)
    pygame.draw.polygon(surface, lids, [at(a, s, BODY) for a, s in BOX])
    pygame.draw.polygon(surface, lids, [at(a, s, ROOF) for a, s in roof])


def _turned(car: Stranded, outward: tuple[float, float], middle: tuple[float, float],
            light: tuple[float, float]) -> float:
    """How squarely a face (its `outward` way, its `middle` along and across the car) turns
    to the light: the cosine between its outward way and the way to the light, 0 if away."""
    x, z = car.point(*middle)
    nx, nz = car.point(*outward)
    normal = (nx - car.lane, nz - car.z)
    way = (light[0] - x, light[1] - z)
    norm = math.hypot(*normal) * math.hypot(*way)
    return max(0.0, (normal[0] * way[0] + normal[1] * way[1]) / norm) if norm else 0.0


def _grey(share: float) -> tuple[int, int, int]:
    """A face's share of the wash as a grey (red channel read back)."""
    level = round(255 * max(0.0, min(1.0, share / _most())))
    return (level, level, level)
