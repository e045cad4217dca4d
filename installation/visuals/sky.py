"""The sky: a gradient that follows the story hour, stars, and the sun or the moon."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame

from .base import Color, Frame, Pieces, Setup, at_once, mix, smooth_noise
from .clouds import Clouds
from .glow import radial
from .palette import light_at, moon_position, sun_position

STAR_COUNT_PER_MEGAPIXEL = 260
GRADIENT_STEPS = 256
GRADIENT_CACHE = 3
SUN_DISK = 0.028  # radius as a share of the picture height
MOON_DISK = 0.02
SUN_LOW = (255, 150, 70)
SUN_HIGH = (255, 246, 226)
MOON = (226, 226, 212)
CUSTOM_SKY_DAYLIGHT = 0.25  # how white clouds are under a sky with the scene's own colours


def gradient(size: tuple[int, int], top: Color, bottom: Color, horizon: float,
             below: Color | None = None, into: pygame.Surface | None = None) -> pygame.Surface:
    """A vertical gradient reaching `bottom` at `horizon` (0..1), then `below` to the foot.

    Drawn onto `into` if given (a surface of that size to reuse)."""
    width, height = size
    column = pygame.Surface((1, GRADIENT_STEPS))
    foot = below or bottom
    for i in range(GRADIENT_STEPS):
        y = i / (GRADIENT_STEPS - 1)
        if y <= horizon:
            t = (y / horizon) ** 1.6
            column.set_at((0, i), mix(top, bottom, t))
        else:
            column.set_at((0, i), mix(bottom, foot, (y - horizon) / max(1e-6, 1 - horizon)))
    # Every column is the same: smooth one column to full height, then copy it across
    # (the same bytes as smoothing to the full size, at a fraction of the cost).
    tall = pygame.transform.smoothscale(pygame.transform.scale(column, (2, GRADIENT_STEPS)),
                                        (2, height))
    if into is None:
        return pygame.transform.scale(tall, (width, height))
    return pygame.transform.scale(tall, (width, height), into)


class Sky:
    """Gradient, stars and sun or moon; colours from the hour unless the scene sets them."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: stars, sun, moon, then the clouds a piece at a time."""
        self.params = params
        self.size = setup.size
        self.horizon = params["horizon"]
        self._gradients: dict[tuple[Color, Color], pygame.Surface] = {}
        rng = setup.rng("stars")
        width, height = setup.size
        count = int(STAR_COUNT_PER_MEGAPIXEL * width * height / 1e6)
        top = int(height * self.horizon * 0.95)
        self.stars = [(rng.randrange(width), int(top * rng.random() ** 1.3), rng.random())
                      for _ in range(count)]
        self.stars.sort(key=lambda s: s[2])
        self.star_sprites = [radial(r, (v, v, v + 10), 1.5, core=0.35)
                             for r, v in ((1, 140), (2, 170), (2, 235))]
        self.seed = setup.seed
        self.sun_radius = max(2, int(height * SUN_DISK))
        yield
        self.sun_glow = radial(int(height * 0.32), (120, 80, 40), 2.4)
        yield
        self.moon_glow = radial(int(height * 0.12), (36, 40, 52), 2.0)
        self.clouds: Clouds | None = None
        cover = params["clouds"]
        if cover > 0:
            yield
            clouds = object.__new__(Clouds)
            yield from clouds.pieces(setup.size, self.horizon, cover,
                                     np.random.default_rng(setup.seed))
            self.clouds = clouds

    def _gradient(self, top: Color, bottom: Color) -> pygame.Surface:
        key = (top, bottom)
        surface = self._gradients.get(key)
        if surface is None:
            spare = None
            if len(self._gradients) >= GRADIENT_CACHE:
                spare = self._gradients.pop(next(iter(self._gradients)))
            surface = gradient(self.size, top, bottom, self.horizon, into=spare)
            self._gradients[key] = surface
        return surface

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        # Quantise the hour so the cached gradient changes every story minute, not every frame.
        hour = round(frame.hour * 60) / 60
        light = light_at(hour)
        top = self.params["top"] or light.top
        bottom = self.params["bottom"] or light.bottom
        surface.blit(self._gradient(top, bottom), (0, 0))
        stars = self.params["stars"]
        density = light.stars if stars is None else stars
        if density > 0.01:
            self._draw_stars(surface, density, frame.seconds)
        if self.params["sun"]:
            self._draw_lights(surface, frame.hour, light.daylight, top)
        if self.clouds is not None:
            # Under a sky the scene has coloured itself (ash, fire) clouds take its colours.
            custom = self.params["top"] is not None or self.params["bottom"] is not None
            daylight = CUSTOM_SKY_DAYLIGHT if custom else light.daylight
            self.clouds.draw(surface, frame.seconds, top, bottom, daylight)

    def _draw_stars(self, surface: pygame.Surface, density: float, seconds: float) -> None:
        shown = self.stars[: int(len(self.stars) * density)]
        blits = []
        for n, (x, y, level) in enumerate(shown):
            twinkle = smooth_noise(self.seed + n, seconds * 0.7) if n % 7 == 0 else 0.5
            index = min(2, int(level * 2.2 + twinkle * 0.6))
            blits.append((self.star_sprites[index], (x, y)))
        surface.fblits(blits, pygame.BLEND_RGB_ADD)

    def _draw_lights(self, surface: pygame.Surface, hour: float, daylight: float,
                     top: Color) -> None:
        width, height = self.size
        horizon_y = height * self.horizon
        sun = sun_position(hour)
        if sun is not None:
            x, elevation = sun
            cx, cy = int(width * x), int(horizon_y - elevation * horizon_y * 0.8)
            glow = self.sun_glow
            surface.blit(glow, (cx - glow.get_width() // 2, cy - glow.get_height() // 2),
                         special_flags=pygame.BLEND_RGB_ADD)
            color = mix(SUN_LOW, SUN_HIGH, min(1.0, elevation * 2.5))
            pygame.draw.circle(surface, color, (cx, cy), self.sun_radius)
        moon = moon_position(hour)
        if moon is not None and daylight < 0.5:
            x, elevation = moon
            cx, cy = int(width * x), int(horizon_y - elevation * horizon_y * 0.75)
            glow = self.moon_glow
            surface.blit(glow, (cx - glow.get_width() // 2, cy - glow.get_height() // 2),
                         special_flags=pygame.BLEND_RGB_ADD)
            radius = max(2, int(height * MOON_DISK))
            pygame.draw.circle(surface, MOON, (cx, cy), radius)
            # A waning moon: the sky's colour bites the lit disk.
            shade = surface.get_at((max(0, cx - radius * 3), cy))[:3]
            pygame.draw.circle(surface, shade, (cx + int(radius * 0.55), cy - int(radius * 0.15)),
                               radius)
