"""Embers smouldering in the ash on the burnt boulevard (the street's `burnt`): a few coals
in the drifts against the kerbs and the burnt cars, each glowing through the ash round it and
slowly brightening and dimming on its own, their light laid each frame with the fires' (each
ember's brightnesses made once, as the street is built)."""

from __future__ import annotations

import math
import random

import pygame

from installation.visuals.base import Color, Pieces, scaled, stable_seed
from installation.visuals.glow import dimmed, radial
from installation.visuals.storefronts import Project

# Where they lie (world x, z): in the drifts against each kerb, in the heap banked by the
# near left car, in the deep ash nearer us (few: a field of them read as a campsite's coals).
EMBERS = ((-0.9, 1.45), (0.93, 2.2), (-0.82, 3.1), (0.55, 1.2), (-0.25, 2.4))
WIDE = 0.08  # an ember's glow on the ash round it, world units across...
FLAT = 0.45  # ...seen this much as high as wide (it lies on the ground)
CORE = 0.25  # ...its coal glowing through the ash, this share of it
GLOW: Color = (170, 52, 12)  # the ash lit red round it...
HOT: Color = (255, 160, 70)  # ...and its coal, as bright as it gets
LEVELS = 12  # each drawn at this many brightnesses...
DIMMEST = 0.25  # ...from this share of its brightest up
PERIODS = (3.1, 7.3)  # real seconds: it breathes over two slow swells, each ember its own
# lengths (up to half again) and phases (flickering faster it read as a blinking light)


class Embers:
    """The embers in the ash of a street seen through `project` (its picture `height`
    pixels high), seeded: each one's brightnesses and where it goes."""

    def __init__(self, project: Project, height: int, seed: int) -> None:
        self.project, self.height, self.seed = project, height, seed
        self.glows: list[tuple[list[pygame.Surface], tuple[int, int], tuple[float, ...]]] = []

    def making(self) -> Pieces:
        """Each ember's pictures, an ember a piece."""
        rng = random.Random(stable_seed(self.seed, "embers"))
        for x, z in EMBERS:
            wide = max(3, round(WIDE * self.height / z))
            bright = _ember(wide, rng.uniform(0.7, 1.0))
            foot = self.project(x, z, 0.0)
            where = (foot[0] - bright.get_width() // 2, foot[1] - bright.get_height() // 2)
            swells = tuple(p * rng.uniform(1.0, 1.5) for p in PERIODS) + (
                rng.uniform(0, math.tau), rng.uniform(0, math.tau))
            levels = [dimmed(bright, DIMMEST + (1 - DIMMEST) * n / (LEVELS - 1))
                      for n in range(LEVELS)]
            self.glows.append((levels, where, swells))
            yield

    def blits(self, seconds: float) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """Each ember's light `seconds` into the scene, for an additive blit."""
        return [(levels[glowing(seconds, swells)], where) for levels, where, swells in self.glows]


def glowing(seconds: float, swells: tuple[float, ...]) -> int:
    """Which of an ember's LEVELS brightnesses it glows at `seconds` into the scene (its two
    swells' lengths and phases `swells`)."""
    first, second, phase, other = swells
    wave = 0.6 * math.sin(math.tau * seconds / first + phase) + 0.4 * math.sin(
        math.tau * seconds / second + other)
    return min(LEVELS - 1, max(0, round((wave + 1) / 2 * (LEVELS - 1))))


def _ember(wide: int, heat: float) -> pygame.Surface:
    """An ember `wide` pixels across at its brightest (`heat` of it): the ash lit red round
    it, its coal glowing in its middle, flattened as it lies on the ground."""
    glow = radial(max(2, wide // 2), scaled(GLOW, heat), 1.6)
    core = radial(max(1, round(wide * CORE / 2)), scaled(HOT, heat), 1.2, core=0.35)
    glow.blit(core, core.get_rect(center=glow.get_rect().center),
              special_flags=pygame.BLEND_RGB_ADD)
    return pygame.transform.smoothscale(glow, (glow.get_width(),
                                               max(2, round(glow.get_height() * FLAT))))
