"""The cars left in Wilshire's lanes laid back over whoever runs behind them, as the racing cars
are: each car's outline and how near its foot comes at each column of the picture (people are
drawn after the cars: a runner behind one was drawn over it, through its hood)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Setup
from installation.visuals.cars import Project
from installation.visuals.panic import LEFT, POLICE_AT
from installation.visuals.racing import laid_back, main_part, street_projection
from installation.visuals.skeleton import Point
from installation.visuals.stranded import HALF_LONG, HALF_WIDE, ROOF, Stranded, draw_stranded

REACH = 1.6  # of a car's half length: room round its middle for its open door and its roof
UNSEEN_SKY = ((0, 0, 0), (0, 0, 0))  # (their glass drawn as the panic's: the same outline)
SOLID = (255, 255, 255, 255)  # the outline: where the car is (its pixels kept), clear elsewhere
Laid = list[tuple[pygame.Surface, pygame.Rect]]  # pixels to lay back, and where


@dataclass(frozen=True)
class Outline:
    """Where one car shows (`shape` at `box`: white where it is) and, for each column of its
    box from `first` to `last`, the lowest row of the road under it: nearer than anyone whose
    feet are higher in the picture there."""

    box: pygame.Rect
    shape: pygame.Surface
    foot: tuple[int, ...]
    first: int
    last: int

    def nearer_than(self, feet: Point) -> bool:
        """Does the car stand nearer than someone whose feet are at `feet` (beside it: than
        its foot at its nearest column)?"""
        column = min(max(round(feet[0]) - self.box.left, self.first), self.last)
        return self.foot[column] > feet[1]


class Parked:
    """The scene's stranded cars (its first panic layer's of part "all"), by their outlines."""

    def __init__(self, outlines: list[Outline]) -> None:
        self.outlines = outlines

    @classmethod
    def of_scene(cls, setup: Setup) -> Parked | None:
        """The stranded cars of the scene `setup` builds for (None: it has none)."""
        main = main_part(setup, None)
        if main is None:
            return None
        project = street_projection(setup.size, int(setup.size[1] * main["horizon"]))
        cars = [
            Stranded(lane, z, yaw, (0, 0, 0), (0, 0, 0), door, UNSEEN_SKY)
            for lane, z, yaw, door in LEFT[: main["cars"]]
        ]
        if main["police"]:
            cars.append(Stranded(*POLICE_AT, (0, 0, 0), (0, 0, 0), 1, UNSEEN_SKY))
        return cls([outline(project, car) for car in cars]) if cars else None

    def nearer(self, surface: pygame.Surface, feet: Point, shown: pygame.Rect) -> Laid:
        """The picture's pixels of each car nearer than someone with feet at `feet` about to
        be drawn at `shown`, cut to the car's outline where the two meet: laid back over
        them once they are drawn."""
        laid = []
        for car in self.outlines:
            if not car.box.colliderect(shown) or not car.nearer_than(feet):
                continue  # (most of them, for most people: asked of each, each frame)
            meet = car.box.clip(shown).clip(surface.get_clip())
            if not meet.width or not meet.height:
                continue
            laid.append((laid_back(surface, meet, car.shape, meet.move(-car.box.x, -car.box.y)),
                         meet))
        return laid


def outline(project: Project, car: Stranded) -> Outline:
    """A stranded car's outline as `project` sees it, and its foot's row at each column."""
    reach = REACH * HALF_LONG
    seen = [
        project(*car.point(a * reach, s * reach), up)
        for a in (-1, 1)
        for s in (-1, 1)
        for up in (0.0, ROOF)
    ]
    left, top = min(x for x, _ in seen), min(y for _, y in seen)
    box = pygame.Rect(
        left, top, max(x for x, _ in seen) - left + 1, max(y for _, y in seen) - top + 1
    )

    def local(x: float, z: float, up: float = 0.0) -> tuple[int, int]:
        px, py = project(x, z, up)
        return px - box.x, py - box.y

    drawn = pygame.Surface(box.size, pygame.SRCALPHA)
    drawn.fill((0, 0, 0, 0))
    draw_stranded(drawn, local, car)
    shape = pygame.mask.from_surface(drawn).to_surface(setcolor=SOLID, unsetcolor=(*SOLID[:3], 0))
    ground = pygame.Surface(box.size)
    ground.fill((0, 0, 0))
    pygame.draw.polygon(
        ground,
        (255, 255, 255),
        [
            local(*car.point(a * HALF_LONG, s * HALF_WIDE))
            for a, s in ((1, 1), (1, -1), (-1, -1), (-1, 1))
        ],
    )
    under = pygame.surfarray.array2d(ground) != 0  # [column, row]
    lowest = under.shape[1] - 1 - np.argmax(under[:, ::-1], axis=1) + box.y
    columns = np.flatnonzero(under.any(axis=1))
    return Outline(box, shape, tuple(int(row) for row in lowest), int(columns[0]), int(columns[-1]))
