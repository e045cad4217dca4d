"""What a fire on the burnt street burns on: a heap of charred wreckage under its flames,
glowing where they stand on it (a flame on bare ash read as floating)."""

from __future__ import annotations

import math
import random

import pygame

from installation.visuals.base import Color

WIDE, TALL = 2.0, 0.5  # the heap: this much of its flames' width across, this much of it high
CHUNKS = 18  # charred pieces heaped in it...
CHAR: Color = (34, 28, 25)  # ...this dark (burnt timber, sooted stone)...
SHADES = (0.7, 1.4)  # ...each this much darker or paler
EMBERS: Color = (190, 84, 22)  # its top glowing under the flames (their bed)...
EMBER_RISE = 0.6  # ...the pieces heaped this high in it (of its height): under the flames
SUNK = 0.3  # the flames' foot stands this far down into it (of its height): its lower part
# shows under them


def fuel_heap(flame_wide: int, seed: int) -> tuple[pygame.Surface, tuple[int, int]]:
    """The heap under flames `flame_wide` pixels wide: its picture, and where its top left
    goes from the flames' foot (the foot stands on its top, sunk into it)."""
    rng = random.Random(seed)
    wide = max(6, round(flame_wide * WIDE))
    tall = max(3, round(flame_wide * TALL))
    image = pygame.Surface((wide, tall), pygame.SRCALPHA)
    pieces = []
    for _ in range(CHUNKS):
        across = rng.uniform(-1.0, 1.0)
        rise = (1 - across * across) * rng.uniform(0.4, 1.0)  # a mound: highest in its middle
        x, y = (across * 0.45 + 0.5) * wide, tall - rise * tall * 0.75
        size = rng.uniform(0.08, 0.18) * wide
        turn = rng.uniform(0, math.pi)
        corners = [(x + size * math.cos(turn + a), y + size * 0.5 * math.sin(turn + a))
                   for a in (0.0, 1.7, 3.3, 4.9)]
        color = EMBERS if rise > EMBER_RISE else tuple(
            min(255, round(c * rng.uniform(*SHADES))) for c in CHAR)
        pieces.append((y, corners, color))
    for _y, corners, color in sorted(pieces, key=lambda piece: -piece[0]):  # the low first
        pygame.draw.polygon(image, (*color, 255), corners)
    return image, (-wide // 2, -round(tall * SUNK))
