"""A figure as a statue: its cut edge smoothed, its body of weathered stone, lit from above,
its coat's hair carved in it as locks."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import Color
from installation.visuals.collapse_dust import softened
from installation.visuals.statue_hair import carved, worn

SMOOTH = 1 / 90  # its outline smoothed over this share of its height: the coat's long locks
# stay as shaggy stone, its finest tufts go (at 1/50 all went: a smooth elephant's hide)
EDGE = 3.0  # how sharply its smoothed edge falls from opaque to clear (anti-aliased)
TOP_LIGHT, FOOT_SHADE = 1.3, 0.62  # its crown this many times its stone's colour, its feet this
DETAIL = (0.82, 1.15)  # what was drawn on it (an ear, an eye, legs in shade), carved: this far
# (at 0.7 the ear's dark flap and lit rim read as a round elephant's ear)
MOTTLE, MOTTLE_SIZE = 0.1, 9  # weathered stone: its brightness wanders this much, in patches
#                               about 1/MOTTLE_SIZE of its height across
MOTTLE_SEED = 41
HAIR_SEED = 43


def stone(image: pygame.Surface, color: Color,
          seed: int) -> Generator[None, None, pygame.Surface]:
    """`image` (a figure drawn in `color`, on clear) as a statue of that colour's stone: its
    edge smoothed, lighter at its top where the sun falls, darker to its feet, mottled, its
    hair carved in it as locks (see statue_hair), shallower where it is worn; its drawn
    details kept as carving. Carved a few rows of locks at a time."""
    width, height = image.get_size()
    alpha = pygame.surfarray.array_alpha(image).astype(np.float32) / 255.0
    shape = np.clip((softened(alpha, max(1, round(height * SMOOTH))) - 0.5) * EDGE + 0.5, 0, 1)
    rgb = pygame.surfarray.array3d(image).astype(np.float32)
    base = np.asarray(color, np.float32)
    drawn = rgb.sum(axis=2) / max(1.0, float(base.sum()))
    details = np.where(alpha > 0.5, np.clip(drawn, *DETAIL), 1.0)
    down = np.linspace(TOP_LIGHT, FOOT_SHADE, height, dtype=np.float32)[None, :]
    wear = _noise((width, height), (MOTTLE_SIZE, MOTTLE_SIZE), (seed, MOTTLE_SEED))
    hair = worn((yield from carved((width, height), (seed, HAIR_SEED))), wear)
    mottle = 1.0 + MOTTLE * (2.0 * wear - 1.0)
    light = details * down * mottle * hair
    out = pygame.Surface((width, height), pygame.SRCALPHA)
    pygame.surfarray.blit_array(out, np.clip(base * light[..., None], 0, 255).astype(np.uint8))
    pygame.surfarray.pixels_alpha(out)[:] = (shape * 255).astype(np.uint8)
    return out


def _noise(size: tuple[int, int], cells: tuple[int, int], seed: tuple[int, int]) -> np.ndarray:
    """Smooth noise, 0 to 1, over `size`: `cells` (across its height, and down it) of random
    values, smoothed up (seeded)."""
    width, height = size
    rng = np.random.default_rng(seed)
    across, down = cells
    grid = max(2, across * width // max(1, height) + 1), down + 1
    coarse = pygame.Surface(grid)
    pygame.surfarray.blit_array(coarse, (rng.random((*grid, 3)) * 255).astype(np.uint8))
    fine = pygame.surfarray.array_red(pygame.transform.smoothscale(coarse, size))
    return fine.astype(np.float32) / 255.0
