"""Wilshire Boulevard in perspective: sodium streetlights, wet asphalt and streaks of car light."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pygame

from .base import Color, Frame, Setup, mix, scaled
from .glow import radial
from .palette import light_at

Z_NEAR, Z_FAR = 1.0, 36.0
ROAD_HALF = 1.0  # world units; lanes, kerbs and lamps are placed in these
LAMP_X = 1.25
LAMP_HEIGHT = 0.9
LAMP_SPACING = 3.2
CAR_SPEED = 5.0  # world units per real second
TRAIL = 1.4  # world units of light streak behind a car
MAX_CARS = 26
HEADLIGHT = (255, 244, 220)
TAILLIGHT = (255, 30, 24)
ASPHALT = (20, 19, 22)
KERB = (44, 40, 40)
GLOW_SIZES = 6


class Street:
    """Road and lamps cached; cars drawn each frame as heads of light with streaks behind."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.params = params
        width, height = setup.size
        self.size = setup.size
        self.horizon = int(height * params["horizon"])
        self.vx = width // 2
        rng = setup.rng("cars")
        count = round(MAX_CARS * params["traffic"])
        self.cars = [(rng.choice((-0.72, -0.4, 0.4, 0.72)), rng.uniform(0.7, 1.3), rng.random())
                     for _ in range(count)]
        lamps: Color = params["lamps"]
        self.lamp_glows = [radial(max(3, int(height * 0.05 / (1 + 0.7 * i))), lamps, 1.8,
                                  core=0.12) for i in range(GLOW_SIZES)]
        self.car_glows = {c: [radial(max(2, int(height * 0.02 / (1 + 0.8 * i))), c, 2.0,
                                     core=0.2) for i in range(GLOW_SIZES)]
                          for c in (HEADLIGHT, TAILLIGHT)}
        self._daylight_key: int | None = None
        self.road = pygame.Surface((width, height - self.horizon + 1))
        self.poles = pygame.Surface(setup.size, pygame.SRCALPHA)

    def project(self, x: float, z: float, up: float = 0.0) -> tuple[int, int]:
        """Screen position of world point (x across, z away, up above the road)."""
        width, height = self.size
        k = 1.0 / z
        ground = height - self.horizon
        return (int(self.vx + x * width * 0.55 * k),
                int(self.horizon + ground * k - up * ground * k * 1.2))

    def _build(self, daylight: float) -> None:
        width, height = self.size
        road = self.road
        span = road.get_height()
        sky_tint = light_at(12.0).bottom if daylight > 0.5 else (10, 12, 24)
        for y in range(span):
            t = y / max(1, span)
            road.fill(mix(mix(ASPHALT, sky_tint, 0.25 * (1 - t) + 0.2 * daylight),
                          scaled(ASPHALT, 0.7), t), (0, y, width, 1))
        offset = (0, -self.horizon)
        for side in (-1, 1):
            kerb = [self.project(side * ROAD_HALF, Z_NEAR * 0.5), self.project(side * ROAD_HALF,
                                                                               Z_FAR)]
            outer = [self.project(side * 3.0, Z_FAR), self.project(side * 3.0, Z_NEAR * 0.5)]
            pygame.draw.polygon(road, KERB, [(x, y + offset[1]) for x, y in kerb + outer])
        dash = mix((120, 110, 90), ASPHALT, 0.4)
        z = Z_NEAR
        while z < Z_FAR:
            for lane in (-0.56, 0.0, 0.56):
                a, b = self.project(lane, z), self.project(lane, z + 0.6)
                pygame.draw.line(road, dash, (a[0], a[1] + offset[1]), (b[0], b[1] + offset[1]),
                                 max(1, int(6 / z)))
            z += 1.6
        self.poles.fill((0, 0, 0, 0))
        pole = (14, 14, 18, 255)
        for side in (-1, 1):
            z = Z_NEAR * 1.2
            while z < Z_FAR * 0.6:
                base, head = self.project(side * LAMP_X, z), self.project(side * LAMP_X, z,
                                                                          LAMP_HEIGHT)
                arm = self.project(side * (LAMP_X - 0.3), z, LAMP_HEIGHT)
                thick = max(1, int(5 / z))
                pygame.draw.line(self.poles, pole, base, head, thick)
                pygame.draw.line(self.poles, pole, head, arm, thick)
                z += LAMP_SPACING

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        daylight = light_at(frame.hour).daylight
        key = round(daylight * 10)
        if key != self._daylight_key:
            self._daylight_key = key
            self._build(key / 10)
        surface.blit(self.road, (0, self.horizon))
        surface.blit(self.poles, (0, 0))
        night = 1.0 - min(1.0, daylight * 1.6)
        if self.params["lit"] and night > 0.05:
            self._lamps(surface)
        self._cars(surface, frame.seconds, night)

    def _lamps(self, surface: pygame.Surface) -> None:
        blits = []
        wet = self.params["wet"]
        for side in (-1, 1):
            z, i = Z_NEAR * 1.2, 0
            while z < Z_FAR * 0.6:
                glow = self.lamp_glows[min(GLOW_SIZES - 1, i)]
                half = glow.get_width() // 2
                hx, hy = self.project(side * (LAMP_X - 0.3), z, LAMP_HEIGHT)
                blits.append((glow, (hx - half, hy - half)))
                px, py = self.project(side * (LAMP_X - 0.5), z)
                pool = self.lamp_glows[min(GLOW_SIZES - 1, i + 1)]
                blits.append((pool, (px - pool.get_width() // 2, py - pool.get_height() // 2)))
                if wet:
                    for step in (1, 2, 3):
                        ry = py + step * pool.get_height() // 5
                        blits.append((pool, (px - pool.get_width() // 2,
                                             ry - pool.get_height() // 2)))
                z += LAMP_SPACING
                i += 1
        surface.fblits(blits, pygame.BLEND_RGB_ADD)

    def _cars(self, surface: pygame.Surface, seconds: float, night: float) -> None:
        span = Z_FAR - Z_NEAR * 0.6
        blits = []
        for lane, speed, phase in self.cars:
            coming = lane < 0
            travel = (phase * span + seconds * CAR_SPEED * speed) % span
            z = Z_FAR - travel if coming else Z_NEAR * 0.6 + travel
            color = HEADLIGHT if coming else TAILLIGHT
            trail = z + TRAIL if coming else z - TRAIL
            if trail < Z_NEAR * 0.5:
                continue
            index = min(GLOW_SIZES - 1, int(z / 3))
            glow = self.car_glows[color][index]
            half = glow.get_width() // 2
            streak = scaled(color, 0.35 + 0.45 * night)
            for dx in (-0.09, 0.09):
                head = self.project(lane + dx, z, 0.08)
                tail = self.project(lane + dx, trail, 0.08)
                pygame.draw.line(surface, streak, head, tail, max(1, int(4 / z)))
                if night > 0.2:
                    blits.append((glow, (head[0] - half, head[1] - half)))
        if blits:
            surface.fblits(blits, pygame.BLEND_RGB_ADD)
