"""The cars racing away down Wilshire in panic (the panic layer's `racing`): where each is at a
moment, which of the panic layer's parts draws it, and each drawn; a figures layer in the same
scene lays one back over its people it is nearer than (true depth order where they meet)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pygame

from installation.visuals.base import Color, Setup
from installation.visuals.car_lamps import LampFaces, lamp_boxes
from installation.visuals.car_paint import finish
from installation.visuals.cars import (
    CAR_LONG,
    HALF_WIDTH,
    HEIGHTS,
    LAMP_MIDDLES,
    NEAREST_SEEN,
    ROAD,
    Project,
    Seen,
    draw_body,
    extent,
    moved,
    paint_of,
    seen,
    shells,
)
from installation.visuals.glow import radial
from installation.visuals.palette import light_at
from installation.visuals.street_fleet import Z_GONE
from installation.visuals.street_traffic import WHOLE_WITHIN
from installation.visuals.street_view import across_at, down_at

TAILLIGHT = (255, 40, 30)
SEENS_KEPT = 8  # where the racing cars are seen, kept for this many places at most
UNLIT: Color = (80, 18, 16)  # (its lamps are always lit)
UNDER_REACH = (1.25, 0.08)  # the dark on the road under it: its width of the car's, and how
#                             far past its ends (world units)
GLOW = 0.05  # a lamp's glow at depth 1, of the picture height
RACE_SPEED = 13.0  # world units a real second: far too fast for the boulevard
RACE_EVERY = 7.0  # real seconds from one car racing away to the next
RACE_LANES = (0.3, -0.05)  # where each racing car sets off across the road...
RACE_WEAVE = (0.18, 0.7)  # ...weaving this far each way, this often along the road
# It sets off under the picture's foot, wholly out of view (its near end behind the eye, as a
# street's car going away comes in: its roof first), and races on to the horizon (setting off
# at 0.55 it was there at once, its roof and back glass already in the picture).
# (A hair behind Z_GONE: there its flank's far top edge lies on the foot's row, and its shoulder's
# line, drawn thicker along that edge than one row, showed a row of it there.)
RACE_FROM, RACE_TO = Z_GONE - 0.02, 40.0
UNDER = (8, 8, 10)  # the dark under a racing car, on the road

if TYPE_CHECKING:
    from installation.visuals.car_passing import Passing


def street_projection(size: tuple[int, int], horizon: int) -> Project:
    """Where the street layer with this horizon row sees a point of its world (x across, z
    along, up above the road): its `project`, by the same functions (a point nearer than
    NEAREST_SEEN, or behind the eye, drawn there: under the picture's foot, as the street's)."""
    width, height = size

    def project(x: float, z: float, up: float = 0.0) -> tuple[int, int]:
        k = 1.0 / max(z, NEAREST_SEEN)
        return int(across_at(width // 2, width, x, k)), int(down_at(horizon, height, up, k))

    return project


class Racing:
    """A scene's racing cars (its first panic layer of part "all" sets them): their times,
    lanes, paint and glow; `near_row` (pixels): its near part draws those whose wheels are
    below it, the main part the rest (None: no near part)."""

    def __init__(self, params: Mapping[str, Any], setup: Setup, near_row: int | None) -> None:
        height = setup.size[1]
        self.size, self.horizon = setup.size, int(height * params["horizon"])
        self.project = street_projection(setup.size, self.horizon)
        self.near_row = near_row
        self.racers = [(n * RACE_EVERY / max(1, params["racing"]), lane)
                       for n, lane in zip(range(params["racing"]), RACE_LANES, strict=False)]
        light = light_at(setup.scene.at / 3600.0)
        self.finish = finish(*paint_of(3, light.daylight), light.top, light.top)
        self.glow = radial(max(3, round(GLOW * height)), TAILLIGHT, 2.0, core=0.15)
        self.lamps = LampFaces({False: TAILLIGHT}, {False: UNLIT})
        self.glows: dict[int, pygame.Surface] = {}
        self._seens: dict[tuple[float, float], Seen] = {}  # (see `_seen`)

    @classmethod
    def of_scene(cls, setup: Setup) -> Racing | Passing | None:
        """The cars to lay back over the people of the scene `setup` builds for where they are
        nearer: its racing cars, else its street's (None: it has neither)."""
        main = main_part(setup, None)
        if main is None or not main["racing"]:
            from installation.visuals.car_passing import Passing  # (it lays back as these do)

            return Passing.of_scene(setup)
        return cls(main, setup, near_row_of(setup, main))

    def at(self, seconds: float, near: bool) -> list[tuple[float, float]]:
        """Where each car the main part (or, `near`, the near part) draws is (across, along:
        the street's world units); none past the horizon."""
        out = []
        for start, lane in self.racers:
            z = RACE_FROM + (seconds - start) % RACE_EVERY * RACE_SPEED
            if z >= RACE_TO:
                continue
            x = lane + RACE_WEAVE[0] * math.sin(z * RACE_WEAVE[1])
            if self.near_row is not None and (
                    self.project(x, z, HEIGHTS[ROAD])[1] >= self.near_row) != near:
                continue  # (drawn by the other part: where its wheels are decides)
            if self.near_row is None and near:
                continue
            out.append((x, z))
        return out

    def draw(self, surface: pygame.Surface, x: float, z: float) -> None:
        """A racing car at (x, z) seen from behind, its tail lamps glaring."""
        car = self._seen(x, z)
        self._body(surface, car, (x, z))
        self.lamps.pair(surface, False, True, car)
        glow = self._glow(z)
        half = glow.get_width() // 2
        for lx in car.xs[LAMP_MIDDLES:LAMP_MIDDLES + 2]:
            surface.blit(glow, (lx - half, lamp_boxes(car)[0].centery - half),
                         special_flags=pygame.BLEND_RGB_ADD)

    def nearer(self, surface: pygame.Surface, cars: list[tuple[float, float]],
               feet_row: float, shown: pygame.Rect) -> list[tuple[pygame.Surface, pygame.Rect]]:
        """The pixels of each of `cars` nearer than someone standing on `feet_row` (pixels)
        who is about to be drawn at `shown`, as they are now (lit as the scene lit them), cut
        to the car's outline where the two meet: laid back over them once they are drawn."""
        kept = []
        for x, z in cars:
            if self.project(x - HALF_WIDTH, z, 0.0)[1] <= feet_row:
                continue
            meet = extent(self._seen(x, z)).clip(shown).clip(surface.get_clip())
            if meet.width and meet.height:
                kept.append((self._outlined(surface, x, z, meet), meet))
        return kept

    def _outlined(self, surface: pygame.Surface, x: float, z: float,
                  meet: pygame.Rect) -> pygame.Surface:
        """The picture's pixels in `meet`, seen only where the car at (x, z) is."""
        shape = pygame.Surface(meet.size, pygame.SRCALPHA)
        shape.fill((0, 0, 0, 0))
        self._body(shape, moved(self._seen(x, z), -meet.x, -meet.y), (x, z), (-meet.x, -meet.y))
        shape.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
        return laid_back(surface, meet, shape)

    def _seen(self, x: float, z: float) -> Seen:
        """Where the racing car at (x, z) is seen: its near end, and seen whole (its flank,
        roof and back glass: its near end alone was a flat dark box with two red bars); kept
        for the frame (the people nearer than it ask again, one by one)."""
        car = self._seens.get((x, z))
        if car is None:
            if len(self._seens) >= SEENS_KEPT:
                self._seens.clear()
            car = seen(self.project, x, z)
            if z < WHOLE_WITHIN:  # (farther, a few pixels: its near end will do, as the street's)
                car = car._replace(shell=shells(self.size[0] // 2, self.size, self.horizon,
                                                np.array([x]), np.array([z]))[0])
            self._seens[x, z] = car
        return car

    def _body(self, surface: pygame.Surface, car: Seen, at: tuple[float, float],
              shift: tuple[int, int] = (0, 0)) -> None:
        """A racing car's body seen at `car` (standing at `at`, drawn moved by `shift`), the
        dark of the road under it first, out a little past it all round."""
        (x, z), (half, past) = at, UNDER_REACH
        under = [self.project(x + side * half * HALF_WIDTH, depth, 0.0)
                 for side, depth in ((-1, z - past), (1, z - past), (1, z + CAR_LONG + past),
                                     (-1, z + CAR_LONG + past))]
        pygame.draw.polygon(surface, UNDER, [(px + shift[0], py + shift[1]) for px, py in under])
        draw_body(surface, car, self.finish)

    def _glow(self, z: float) -> pygame.Surface:
        """A tail lamp's glow at depth z (each size made once)."""
        size = max(2, round(self.glow.get_width() / max(1.0, z)))
        glow = self.glows.get(size)
        if glow is None:
            glow = self.glows[size] = pygame.transform.scale(self.glow, (size, size))
        return glow


def near_row_of(setup: Setup, params: Mapping[str, Any]) -> int | None:
    """The row (pixels) below which the scene's racing cars are drawn by its near part, laid
    over the people; None if it has none."""
    near = params if params["part"] == "near" else next(
        (spec.params for spec in setup.scene.layers
         if spec.type == "panic" and spec.params["part"] == "near"), None)
    return None if near is None else round(near["near"] * setup.size[1])


def main_part(setup: Setup, params: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """The keys the racing cars follow: the scene's first panic layer of part "all" (a panic
    layer's own, for one of part "all" or a near part without one; None: the scene has none)."""
    if params is not None and params["part"] != "near":
        return params
    return next((spec.params for spec in setup.scene.layers
                 if spec.type == "panic" and spec.params["part"] == "all"), params)


def laid_back(surface: pygame.Surface, meet: pygame.Rect, shape: pygame.Surface,
              area: pygame.Rect | None = None) -> pygame.Surface:
    """The picture's pixels in `meet`, kept only where `shape` (its `area`, white where a car
    is, clear elsewhere) is: a car's, to lay back over someone drawn after it."""
    pixels = pygame.Surface(meet.size, pygame.SRCALPHA)
    pixels.blit(surface, (0, 0), meet)
    pixels.blit(shape, (0, 0), area, special_flags=pygame.BLEND_RGBA_MULT)
    return pixels
