"""Wilshire in panic at first light, over the street layer: cars left at angles in the lanes
(doors hanging open, lamps still on), a police car among them flashing red and blue over the
facades and the wet road, cars racing away down the boulevard, papers blowing across it; a
second layer (part "near") lays the racing cars over the people while they are nearer."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    scaled,
    stable_seed,
)
from installation.visuals.cars import Project, paint_of
from installation.visuals.glow import radial
from installation.visuals.lit import box_in_bands
from installation.visuals.palette import light_at
from installation.visuals.papers import draw_sheets, sheets
from installation.visuals.racing import (
    TAILLIGHT,
    Racing,
    main_part,
    near_row_of,
    street_projection,
)
from installation.visuals.siren import BLUE, RED, Wash, pulse
from installation.visuals.stranded import POLICE, ROOF, Stranded
from installation.visuals.stranded_lit import wash_share
from installation.visuals.stranded_smooth import SMOOTH, Smoothed, draw_smooth

# The cars left in the lanes: across, along (the street's world units), which way each points
# (radians, 0: away down the road) and which door hangs open; the police car is the last.
LEFT: tuple[tuple[float, float, float, int], ...] = (
    (-0.5, 3.3, 0.95, 1), (0.6, 4.6, -0.55, -1), (-0.25, 7.0, 2.5, 1), (0.4, 10.5, -2.7, 1),
    (-0.7, 14.0, 0.35, -1), (0.75, 19.0, 0.2, 0),
)
POLICE_AT = (0.25, 6.0, -1.95)  # the police car, slewed across the right-hand lanes
BAR = (0.14, 0.04)  # its light bar across the roof: half long, high
HEADLIGHT: Color = (255, 236, 200)
GLOW = 0.05  # a lamp's glow at depth 1, of the picture height
BAR_GLOW = 0.09  # the light bar's flash at depth 1, of the picture height
MIRRORED = (0.55, 3.2, 0.4)  # a lamp on the wet road: its width, its length, its strength


class Panic:
    """The stranded cars drawn once (their bodies, then their lamps' light), laid each frame
    with the racing cars, the flashing light bar and its wash, and the blowing papers."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the racers, the wash if this part lays it (its shape for each
        colour, then its strengths), then (the main part) the cars a piece each, their light."""
        self.size = setup.size
        width, height = setup.size
        self.height = height
        self.near = params["part"] == "near"
        main = main_part(setup, params)  # the near part's racers are the main part's
        assert main is not None
        near_row = near_row_of(setup, params)
        self.racing = Racing(main, setup, near_row)
        params = main
        horizon = int(height * params["horizon"])
        self.project = street_projection(setup.size, horizon)
        self.seed = stable_seed(setup.seed, "panic")
        self.wash: Wash | None = None
        police = params["police"]
        light = light_at(setup.scene.at / 3600.0)
        daylight, sky = light.daylight, (light.top, light.bottom)  # (mirrored in their glass)
        cars = [Stranded(lane, z, yaw, *paint_of(n, daylight), door, sky)
                for n, (lane, z, yaw, door) in enumerate(LEFT[:params["cars"]])]
        if police:
            white = scaled(POLICE[0], 0.35 + 0.65 * daylight)  # black and white: the white
            cars.append(Stranded(*POLICE_AT, white, paint_of(0, daylight)[1], 1, sky))  # reads at
            # dawn
        cars.sort(key=lambda car: -car.z)
        fine = street_projection((width * SMOOTH, height * SMOOTH), horizon * SMOOTH)
        bodies, seen = yield from self._bodies(cars, fine)
        if police and (self.near or near_row is None):  # (the wash laid by the part drawn
            # last, over the people: the runners near the car lit by its flashes too; on the
            # cars, the faces turned to the light bar)
            self.wash = Wash()
            share = wash_share(self.project, seen, POLICE_AT[:2])
            yield
            yield from self.wash.pieces(setup.size, horizon, POLICE_AT[:2], police, share)
        if self.near:
            return
        rng = np.random.default_rng(self.seed)
        lights = pygame.Surface(setup.size)
        for car in cars:
            self._lamps(lights, car)
        yield
        self.bodies = _cropped(bodies, (yield from box_in_bands(bodies)))
        self.lights = _cropped(lights, (yield from box_in_bands(lights)))
        self.sheets = sheets(params["papers"], rng, daylight)
        self.bar_glows: dict[Color, pygame.Surface] = {}
        if police:
            lane, z, _yaw = POLICE_AT
            self.bar_at = self.project(lane, z, ROOF + BAR[1])
            radius = max(3, round(BAR_GLOW * height / z))
            self.bar_glows = {color: radial(radius, color, 2.0, core=0.12) for color in (RED, BLUE)}

    def _bodies(self, cars: list[Stranded], fine: Project) -> Generator[
            None, None, tuple[pygame.Surface, list[tuple[Stranded, Smoothed]]]]:
        """The stranded cars (far to near, with smooth edges) and the police car's light bar,
        drawn a car a step; and each car as it was laid."""
        bodies = pygame.Surface(self.size, pygame.SRCALPHA)
        bodies.fill((0, 0, 0, 0))
        seen = []
        for car in cars:
            seen.append((car, draw_smooth(bodies, self.project, fine, car)))
            if (car.lane, car.z) == POLICE_AT[:2]:
                self._bar(bodies, car)
            yield
        return bodies, seen

    def _bar(self, surface: pygame.Surface, car: Stranded) -> None:
        """The police car's light bar across its roof, unlit (its flashes are added on)."""
        half, high = BAR
        x, z = car.point(0.0, 0.0)
        left, right = self.project(x - half, z, ROOF), self.project(x + half, z, ROOF + high)
        pygame.draw.rect(surface, (60, 20, 24), (min(left[0], right[0]), right[1],
                                                 max(2, abs(right[0] - left[0])),
                                                 max(2, left[1] - right[1])))

    def _lamps(self, surface: pygame.Surface, car: Stranded) -> None:
        """A stranded car's lamps still on: the ones facing us glow (headlamps white, tail lamps
        red) and stretch down the wet road."""
        front = car.faces_us(1.0, 0.0)
        color = HEADLIGHT if front else TAILLIGHT
        glow = radial(max(2, round(GLOW * self.height / car.z)), color, 2.0, core=0.12)
        width, tall, strength = MIRRORED
        w, h = glow.get_size()
        mirror = pygame.transform.smoothscale(glow, (max(2, round(w * width)),
                                                     max(2, round(h * tall))))
        mirror.fill(scaled((255, 255, 255), strength), special_flags=pygame.BLEND_RGB_MULT)
        for x, z, up in car.lamps(front):
            lx, ly = self.project(x, z, up)
            _, ground = self.project(x, z, 0.0)
            surface.blit(glow, (lx - w // 2, ly - h // 2), special_flags=pygame.BLEND_RGB_ADD)
            surface.blit(mirror, (lx - mirror.get_width() // 2, ground),
                         special_flags=pygame.BLEND_RGB_ADD)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Racing cars (they pass behind the stranded ones), the stranded cars and their light,
        the light bar's flash, the papers (the near part: only the racing cars while they are
        nearer than its row); the flash's wash by the part drawn last, over the people."""
        for x, z in self.racing.at(frame.seconds, self.near):
            self.racing.draw(surface, x, z)
        if not self.near:
            self._still(surface, frame.seconds)
        if self.wash is not None:
            self.wash.draw(surface, frame.seconds)
        if not self.near:
            draw_sheets(surface, self.sheets, frame.seconds, self.project, self.size[0])

    def _still(self, surface: pygame.Surface, seconds: float) -> None:
        """The stranded cars, their lamps' light and the light bar's flash."""
        bodies, at = self.bodies
        surface.blit(bodies, at)
        lights, at = self.lights
        surface.blit(lights, at, special_flags=pygame.BLEND_RGB_ADD)
        for color, level in zip((RED, BLUE), pulse(seconds), strict=True):
            if level > 0 and color in self.bar_glows:
                glow = self.bar_glows[color]
                shift = (-1 if color == RED else 1) * glow.get_width() // 5
                surface.blit(glow, (self.bar_at[0] - glow.get_width() // 2 + shift,
                                    self.bar_at[1] - glow.get_height() // 2),
                             special_flags=pygame.BLEND_RGB_ADD)


def _cropped(surface: pygame.Surface, box: pygame.Rect) -> tuple[pygame.Surface, tuple[int, int]]:
    """The part of `surface` in `box`, kept, and where it goes."""
    if not box.width or not box.height:
        box = pygame.Rect(0, 0, 1, 1)
    return surface.subsurface(box).copy(), box.topleft

