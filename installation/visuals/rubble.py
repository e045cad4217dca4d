"""The rubble heaped at the ruins' feet: a lumpy mound under each tower, strewn with broken
blocks and bent girders (painted once at build)."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, chunks, scaled
from installation.visuals.ruins_sites import Tower
from installation.visuals.wreckage import teeth

RUBBLE = 0.045  # the heaps at the towers' feet, of the picture height
RUBBLE_KNOTS = 0.012  # the heaps' lumps, of the picture width
CHUNKS = 0.06  # broken blocks on the heaps, per pixel of width
RUBBLE_COLUMNS = 480  # the heaps are filled this many columns a piece when built ahead
CHUNKS_PER_PIECE = 30  # blocks thrown on the heaps in one piece when built ahead
CHUNK_TONE = (1.0, 2.0)  # a block of the heaps, of their colour: broken concrete catches the light
CHUNK_SIZE = (0.002, 0.008)  # of the picture height
GIRDER_CHANCE = 0.15  # a chunk is a bent girder sticking out of the heap


def rubble_line(width: int, height: int, plan: list[Tower], tallest: int,
                rng: np.random.Generator) -> np.ndarray:
    """How high the rubble is heaped over each column: a mound at each tower's feet, lumpy."""
    x = np.arange(width)
    heap = np.zeros(width)
    for tower in plan:
        middle = tower.x + tower.width / 2
        spread = np.clip(1 - ((x - middle) / (0.75 * tower.width + 1)) ** 2, 0, 1) ** 0.7
        size = RUBBLE * height * rng.uniform(0.4, 1.0) * (tower.height / tallest) ** 0.5
        heap = np.maximum(heap, size * spread)
    knot = max(4, int(width * RUBBLE_KNOTS))
    knots = np.arange(0, width + knot, knot)
    lumps = np.interp(x, knots, rng.uniform(-0.3, 0.3, len(knots)))
    return np.maximum(0, heap * (1 + lumps) + teeth(width, max(1, height // 400), rng))


def paint_rubble(image: pygame.Surface, heap: np.ndarray, height: int, color: Color,
                 rng: np.random.Generator) -> Pieces:
    """The heaps along the bottom of `image` (its last row is the ground), strewn with blocks
    and bent girders (RUBBLE_COLUMNS columns of heap, or CHUNKS_PER_PIECE blocks, a piece)."""
    width, bottom = image.get_width(), image.get_height()
    tops = np.round(bottom - heap).astype(int)
    for cols in chunks(width, RUBBLE_COLUMNS):
        alpha = pygame.surfarray.pixels_alpha(image)
        pixels = pygame.surfarray.pixels3d(image)
        rows = np.arange(bottom)[None, :] >= tops[cols, None]
        pixels[cols][rows] = color
        alpha[cols][rows] = 255
        del alpha, pixels
        yield
    for n in range(int(width * CHUNKS)):
        if n % CHUNKS_PER_PIECE == 0:
            yield
        x = int(rng.integers(0, width))
        size = max(2, int(height * rng.uniform(*CHUNK_SIZE)))
        y = tops[x] + int(rng.integers(-size // 2, size))
        tone = scaled(color, rng.uniform(*CHUNK_TONE))
        if rng.random() < GIRDER_CHANCE:
            angle = rng.uniform(0.2, 1.3) * (1 if rng.random() < 0.5 else -1)
            length = size * rng.uniform(2, 4)
            end = (x + length * math.sin(angle), y - length * math.cos(angle))
            pygame.draw.line(image, (*tone, 255), (x, y), end, max(1, size // 3))
            continue
        turn = rng.uniform(0, math.pi)
        corners = [(x + size * math.cos(turn + k * math.pi / 2) * rng.uniform(0.5, 1.0),
                    y + size * math.sin(turn + k * math.pi / 2) * rng.uniform(0.5, 1.0))
                   for k in range(4)]
        pygame.draw.polygon(image, (*tone, 255), corners)
