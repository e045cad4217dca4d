"""The city after the flash: broken towers with no lit window, and a few fires among them."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    scaled,
    smooth_noise,
    stable_seed,
)
from installation.visuals.glow import radial

FAR_LIGHTEN = 1.5  # the far row is paler: smoke and distance
BREAKS = (2, 5)  # how many steps a broken roof line takes across a tower
STUB_CHANCE = 0.5  # a tower keeps a bare steel frame standing above its broken top
FIRE_FLICKER_HZ = 2.3
FIRE_GLOW = 0.07  # glow radius, of the picture height
FLAME = (255, 190, 110)
FLAME_SHAPE = (0.35, 1.0)  # a flame's width and height, in glow radii
GLOW_STEPS = 6  # brightness steps of the glow sprite (fires flicker between them)


@dataclass(frozen=True)
class Tower:
    """One building of the Mid-Wilshire skyline, before the flash (row 0 far, 1 near)."""

    x: int
    width: int
    height: int
    row: int


def towers(seed: int, width: int, tallest: int) -> list[Tower]:
    """The skyline's towers, the same for a seed: the flash burns them in, the ruins break them."""
    rng = random.Random(stable_seed(seed, "towers"))
    out = []
    for row in (0, 1):
        x = -rng.randrange(width // 40 + 1)
        while x < width:
            w = int(width * rng.uniform(0.03, 0.08))
            tall = rng.random() ** (1.8 if row else 1.2)
            out.append(Tower(x, w, int(tallest * (0.2 + 0.8 * tall) * (0.8 if row else 1.0)),
                             row))
            x += w + (int(width * rng.uniform(0.0, 0.02)) if row == 0 else 0)
    return out


def fire_sites(seed: int, size: tuple[int, int], ground: int,
               count: int) -> list[tuple[int, int]]:
    """Where fires burn among the ruins; the first n are the same whatever the count, so smoke
    columns (with the same ground) rise from the fires."""
    rng = random.Random(stable_seed(seed, "fires"))
    width, height = size
    return [(int(width * rng.uniform(0.06, 0.94)), ground - int(height * rng.uniform(0.0, 0.05)))
            for _ in range(count)]


def broken_top(tower: Tower, ground: int, rng: random.Random) -> list[tuple[int, int]]:
    """The outline of a tower whose top floors have fallen: a stepped, uneven roof line with
    the odd slanting tear, lower than it stood."""
    top = ground - tower.height
    floor = max(2, tower.height // 14)
    points = [(tower.x, ground)]
    x = tower.x
    level = top + floor * rng.randint(0, 4)
    for _ in range(rng.randint(*BREAKS)):
        points.append((x, level))
        x = min(tower.x + tower.width, x + max(2, int(tower.width * rng.uniform(0.15, 0.45))))
        before = level
        level = min(ground - floor, max(top, level + floor * rng.randint(-3, 4)))
        slant = level > before and rng.random() < 0.5  # a floor torn away, sloping down
        if not slant:
            points.append((x, points[-1][1]))
        if x >= tower.x + tower.width:
            break
    right = tower.x + tower.width + 1  # no hairline of sky between neighbouring towers
    points.append((right, level))
    points.append((right, ground))
    return points


def dimmed(glow: pygame.Surface) -> list[pygame.Surface]:
    """A glow (for additive blits) at GLOW_STEPS brightnesses, the last as it is."""
    out = []
    for n in range(GLOW_STEPS):
        level = round(255 * (n + 1) / GLOW_STEPS)
        copy = glow.copy()
        copy.fill((level, level, level), special_flags=pygame.BLEND_RGB_MULT)
        out.append(copy)
    return out


class Ruins(Split):
    """Towers broken open and dark, fires flickering at their feet."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the towers, then the firelight."""
        width, height = setup.size
        self.seed = setup.timeline.seed
        self.ground = int(height * params["ground"])
        tallest = int(height * params["height"])
        self.top = max(0, self.ground - tallest - height // 30)
        self.color: Color = params["color"]
        self.image = self._paint(towers(self.seed, width, tallest), width)
        yield
        self.sites = fire_sites(self.seed, setup.size, self.ground, params["fires"])
        radius = max(3, int(height * FIRE_GLOW))
        fire: Color = params["fire"]
        self.glows = dimmed(radial(radius, fire, 1.7))
        yield
        flame = radial(radius, FLAME, 2.2)
        self.flames = dimmed(pygame.transform.smoothscale(
            flame, (max(2, int(radius * FLAME_SHAPE[0])), max(2, int(radius * FLAME_SHAPE[1])))))

    def _paint(self, plan: list[Tower], width: int) -> pygame.Surface:
        image = pygame.Surface((width, self.ground - self.top), pygame.SRCALPHA)
        rng = random.Random(stable_seed(self.seed, "ruins"))
        far = scaled(self.color, FAR_LIGHTEN)
        for tower in plan:
            color = far if tower.row == 0 else self.color
            outline = [(x, y - self.top) for x, y in broken_top(tower, self.ground, rng)]
            pygame.draw.polygon(image, (*color, 255), outline)
            if rng.random() < STUB_CHANCE:
                self._stubs(image, outline, color, rng)
        return image

    @staticmethod
    def _stubs(image: pygame.Surface, outline: list[tuple[int, int]], color: Color,
               rng: random.Random) -> None:
        """Bare columns of the steel frame, standing above the broken floors."""
        for x, y in outline[2:-2]:
            tall = rng.randint(4, 22)
            lean = rng.randint(-4, 4)
            pygame.draw.line(image, (*color, 255), (x, y), (x + lean, y - tall), 2)

    def look(self, frame: Frame) -> None:
        """The towers never change (the fires are the moving part)."""
        return None

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The broken towers and the ground."""
        surface.blit(self.image, (0, self.top))
        surface.fill(self.color, (0, self.ground, surface.get_width(), surface.get_height()))

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """The fires."""
        self._fires(surface, frame.seconds)

    def _fires(self, surface: pygame.Surface, seconds: float) -> None:
        half = self.glows[0].get_width() // 2
        for n, (x, y) in enumerate(self.sites):
            level = smooth_noise(self.seed + n, seconds * FIRE_FLICKER_HZ)
            step = min(GLOW_STEPS - 1, int(level * GLOW_STEPS))
            surface.blit(self.glows[step], (x - half, y - half),
                         special_flags=pygame.BLEND_RGB_ADD)
            flame = self.flames[min(GLOW_STEPS - 1, step + 1)]
            w, h = flame.get_size()
            surface.blit(flame, (x - w // 2, y - int(h * 0.75)),
                         special_flags=pygame.BLEND_RGB_ADD)
