"""The May Company building at Wilshire and Fairfax: a gold cylinder on its banded box."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import Frame, Setup, mix, scaled
from installation.visuals.glow import dimmed, radial
from installation.visuals.palette import light_at

# In picture heights at scale 1; x from the cylinder's centre, y up from the ground.
BOX_LEFT, BOX_RIGHT, BOX_TALL = -0.95, 0.02, 0.2
DRUM_HALF, DRUM_TALL = 0.085, 0.34
STRIPE_HALF = 0.016  # the black band up the gold
BANDS = 4  # horizontal ribbons along the box
GOLD = (214, 168, 70)
STONE = (196, 186, 166)
BLACK = (14, 12, 14)
SHOP = (255, 200, 130)
FLOOD = (255, 196, 120)
LIGHT_STEPS = 10  # the building is redrawn when the light of the hour changes this much


class MayCompany:
    """Drawn once per step of daylight; floodlit from below as the light goes."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        self.params = params
        width, height = setup.size
        self.unit = params["scale"] * height
        self.cx = round(params["x"] * width)
        self.ground = round(params["ground"] * height)
        self.left = self.cx + round(BOX_LEFT * self.unit)
        self.top = self.ground - round(DRUM_TALL * self.unit) - 2
        self.size = (round((BOX_RIGHT - BOX_LEFT) * self.unit) + round(DRUM_HALF * self.unit) + 2,
                     self.ground - self.top)
        reach = round(DRUM_TALL * self.unit * 1.1)
        self.flood = radial(reach, scaled(FLOOD, 0.6), 1.6)
        self.flood_at = (self.cx - reach, self.ground - round(reach * 1.2))
        self._key: int | None = None
        self._flood: pygame.Surface | None = None
        self._image = pygame.Surface(self.size, pygame.SRCALPHA)

    def look(self, frame: Frame) -> int:
        """Still: it changes only with the light of the hour, a step at a time."""
        return round(light_at(frame.hour).daylight * LIGHT_STEPS)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        key = self.look(frame)
        if key != self._key:
            self._render(key / LIGHT_STEPS)
            self._key = key
        if self._flood is not None:
            surface.blit(self._flood, self.flood_at, special_flags=pygame.BLEND_RGB_ADD)
        surface.blit(self._image, (self.left, self.top))

    def _render(self, daylight: float) -> None:
        image = self._image
        image.fill((0, 0, 0, 0))
        lit = self.params["lit"] if self.params["lit"] is not None else 1 - min(1, daylight * 1.5)
        self._flood = dimmed(self.flood, lit) if lit > 0.05 else None
        u = self.unit
        origin = self.cx - self.left  # the cylinder's centre, in the image
        base = self.size[1]
        stone = mix(scaled(STONE, 0.2), STONE, 0.1 + 0.9 * daylight ** 1.5)
        box = pygame.Rect(0, base - round(BOX_TALL * u), origin + round(BOX_RIGHT * u),
                          round(BOX_TALL * u))
        image.fill((*stone, 255), box)
        ribbon = max(2, round(u * 0.008))
        for n in range(1, BANDS + 1):  # the streamline ribbons, lit along their lips at dusk
            y = box.top + round(box.height * n / (BANDS + 1.6))
            image.fill((*scaled(stone, 0.7), 255), (0, y, box.width, ribbon))
            image.fill((*mix(scaled(stone, 1.2), FLOOD, 0.5 * lit), 255),
                       (0, y - 1, box.width, max(1, ribbon // 2)))
        shop = pygame.Rect(0, base - round(box.height * 0.2), box.width, round(box.height * 0.14))
        image.fill((*mix(scaled(stone, 0.5), SHOP, 0.25 + 0.7 * lit), 255), shop)
        for x in range(0, box.width, max(6, round(u * 0.06))):
            image.fill((*scaled(stone, 0.45), 255), (x, shop.top, max(1, ribbon), shop.height))
        image.fill((*scaled(stone, 0.55), 255), (0, box.top, box.width, ribbon * 2))
        self._drum(image, origin, base, daylight, lit)

    def _drum(self, image: pygame.Surface, origin: int, base: int, daylight: float,
              lit: float) -> None:
        """The cylinder: gold tile rounded by the light, a black band up the middle."""
        u = self.unit
        half = max(2, round(DRUM_HALF * u))
        tall = round(DRUM_TALL * u)
        across = np.linspace(-1.0, 1.0, 2 * half, dtype=np.float32)
        round_ = np.sqrt(np.clip(1 - across ** 2, 0, 1)) ** 0.6
        side = 0.75 + 0.25 * np.clip(-across, -1, 1)  # the light comes from the west
        up = np.linspace(1.0, 0.0, tall, dtype=np.float32)
        flood = lit * np.clip(1.2 - up, 0, 1) ** 1.5  # floodlit from the foot at dusk
        day = 0.3 + 0.7 * daylight
        shade = round_[:, None] * side[:, None] * (day + 0.8 * flood[None, :])
        tiles = 1 - 0.12 * ((np.arange(tall) // max(2, round(u * 0.01))) % 2)
        shade = shade * tiles[None, :]
        gold = np.array(GOLD, dtype=np.float32)
        rgb = np.clip(shade[:, :, None] * gold[None, None, :], 0, 255).astype(np.uint8)
        drum = pygame.Surface((2 * half, tall), pygame.SRCALPHA)
        drum.fill((0, 0, 0, 255))
        pygame.surfarray.blit_array(drum, rgb)
        stripe = max(2, round(STRIPE_HALF * u))
        drum.fill((*BLACK, 255), (half - stripe, round(tall * 0.06), 2 * stripe,
                                  round(tall * 0.86)))
        cap = max(2, round(tall * 0.03))
        drum.fill((*scaled(GOLD, 0.5 * day + 0.3 * lit), 255), (0, 0, 2 * half, cap))
        image.blit(drum, (origin - half, base - tall))
