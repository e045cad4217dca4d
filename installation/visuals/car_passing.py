"""A street's cars laid back over whoever walks behind them, as the racing cars are: the people are
drawn after the street, so a walker on the far pavement behind a car was drawn over it (a car as
tall as a sedan hides the pavement behind it from the eye)."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, replace
from typing import cast

import numpy as np
import pygame

from installation.visuals.base import Setup
from installation.visuals.car_paint import finish
from installation.visuals.car_sheen import Sheen
from installation.visuals.cars import (
    BODY,
    CAR_LONG,
    HALF_WIDTH,
    NEAREST_SEEN,
    ROOF,
    ROOF_TO,
    draw_body,
)
from installation.visuals.layers import seed_of
from installation.visuals.racing import laid_back
from installation.visuals.street_fleet import Z_GONE
from installation.visuals.street_traffic import Traffic, of_street
from installation.visuals.street_view import Perspective, across_at, down_at

Cars = list[tuple[float, float]]  # each car's lane and its near end's depth
OUTLINE = finish((255, 255, 255), (255, 255, 255))  # (any colours but UNDRAWN: see `_met`)
UNDRAWN = (255, 0, 255)  # under a car's outline, where it is drawn: none of its colours
# A car's box on the picture, from the corners that bound it: its near end on the road and
# its far end, across; its roof's far edge and its boot's top, up (the eye above them both).
REACH = 2  # pixels round that box its drawing may reach


@dataclass(frozen=True)
class Box:
    """Where one of a frame's cars is on the picture: its box, and the row of its near end on
    the road (nearer than anyone whose feet are higher)."""

    left: float
    right: float
    top: float
    foot: float


class Passing:
    """The cars of a scene's street (`traffic`, as its layer has them), met by its people."""

    def __init__(self, traffic: Traffic) -> None:
        self.traffic = traffic
        self._cars: tuple[float, Cars] | None = None  # (the frame's: see `at`)
        self._boxes: tuple[Cars, list[Box]] | None = None  # (...and where: `nearer`)
        self.sheen = Sheen()  # (a roof under the eye is laid out on its pictures)

    @classmethod
    def of_scene(cls, setup: Setup) -> Passing | None:
        """The cars of the scene's first street layer (None: it has none, or none on it)."""
        found = next(((n, spec.params) for n, spec in enumerate(setup.scene.layers)
                      if spec.type == "street"), None)
        if found is None or found[1].get("burnt") or not found[1]["traffic"]:
            return None
        index, params = found
        street = replace(setup, seed=seed_of(setup.timeline.seed, setup.scene, index, "street"))
        width, height = setup.size
        view = Perspective(setup.size, width // 2, int(height * params["horizon"]))

        def made() -> Generator[None, None, Passing]:
            return cls(of_street(params, street, view))
            yield  # (made at once)

        shared = setup.made.get(("passing", street.seed, view), made, keep=False)
        try:  # (one for all the scene's figures layers: its cars found once a frame)
            next(shared)
        except StopIteration as done:
            return cast(Passing, done.value)
        raise AssertionError("(made at once)")

    def at(self, seconds: float, near: bool) -> Cars:
        """Each car on the road at `seconds` (lane, depth); none for a `near` part (there is
        none), nor while the street's drivers are not worked out."""
        queues = self.traffic.queues
        if near or (queues is not None and not queues.find()):
            return []
        if self._cars is None or self._cars[0] != seconds:
            self._cars = (seconds, [(lane, z) for z, _n, lane, _braking
                                    in self.traffic.placed(seconds) if z > Z_GONE])
        return self._cars[1]

    def nearer(self, surface: pygame.Surface, cars: Cars, feet_row: float,
               shown: pygame.Rect) -> list[tuple[pygame.Surface, pygame.Rect]]:
        """The pixels of each of `cars` nearer than someone standing on `feet_row` (pixels)
        about to be drawn at `shown`, cut to the car's outline where the two meet: laid back
        over them once they are drawn."""
        if self._boxes is None or self._boxes[0] is not cars:
            self._boxes = (cars, self._boxes_of(cars))
        kept = []
        for car, seen in zip(cars, self._boxes[1], strict=True):  # (a walker is met by a few
            # cars of ~20: picked out car by car, not by arrays, a dozen times a frame)
            if not (seen.foot > feet_row and seen.left < shown.right
                    and seen.right > shown.left and seen.top < shown.bottom):
                continue
            # (each drawn only over its own box: `shown` may hold the walker's shadow on the
            # road about them, SHADOW_REACH of their heights wide)
            box = pygame.Rect(int(seen.left), int(seen.top), int(seen.right - seen.left) + 1,
                              int(seen.foot - seen.top) + REACH + 1)
            met = self._met(surface, car, shown.clip(box))
            if met is not None:
                kept.append(met)
        return kept

    def _met(self, surface: pygame.Surface, where: tuple[float, float],
             shown: pygame.Rect) -> tuple[pygame.Surface, pygame.Rect] | None:
        """The picture's pixels where the car at `where` (lane, depth) covers `shown`, and
        where they go (None: it covers none of it). Its outline is drawn on the picture itself,
        there (then put back as it was): drawn on a surface only as big as whom it meets, a
        car's lines came out a pixel short here and there, cut at that surface's edges."""
        lane, z = where
        area = shown.clip(surface.get_clip())
        if not area.width or not area.height:
            return None
        kept, clip = surface.subsurface(area).copy(), surface.get_clip()
        surface.set_clip(area)
        surface.fill(UNDRAWN, area)
        draw_body(surface, self.traffic.seen([lane], [z])[0], OUTLINE, lane < 0, self.sheen)
        car = pygame.mask.from_threshold(surface.subsurface(area), UNDRAWN, (1, 1, 1, 255))
        surface.blit(kept, area)
        surface.set_clip(clip)
        car.invert()
        shape = car.to_surface(setcolor=(255, 255, 255, 255), unsetcolor=(255, 255, 255, 0))
        box = shape.get_bounding_rect()
        if not box.width or not box.height:
            return None
        meet = box.move(area.topleft)
        return laid_back(surface, meet, shape, box), meet

    def _boxes_of(self, cars: Cars) -> list[Box]:
        """Where each of `cars` is on the picture (see `Box`), worked out all at once."""
        lanes = np.array([lane for lane, _z in cars], dtype=np.float64)
        depths = np.array([z for _lane, z in cars], dtype=np.float64)
        view = self.traffic.view
        width, height = view.size

        def k(along: float) -> np.ndarray:
            return np.asarray(1.0 / np.maximum(depths + along, NEAREST_SEEN))

        def row(up: float, along: float) -> np.ndarray:
            return np.asarray(down_at(view.horizon, height, np.full(len(cars), up), k(along)))

        sides = np.stack([across_at(view.middle, width, lanes + side * HALF_WIDTH, k(along))
                          for side in (-1, 1) for along in (0.0, CAR_LONG)])
        columns = zip((sides.min(axis=0) - REACH).tolist(), (sides.max(axis=0) + REACH).tolist(),
                      (np.minimum(row(ROOF, ROOF_TO), row(BODY, CAR_LONG)) - REACH).tolist(),
                      row(0.0, 0.0).tolist(), strict=True)
        return [Box(*box) for box in columns]

