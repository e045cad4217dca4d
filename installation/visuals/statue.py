"""A figure as a statue: its cut edge smoothed, its body of weathered stone, lit from above,
its coat's hair carved in it as grooves."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color
from installation.visuals.collapse_dust import softened

SMOOTH = 1 / 90  # its outline smoothed over this share of its height: the coat's long locks
# stay as shaggy stone, its finest tufts go (at 1/50 all went: a smooth elephant's hide)
EDGE = 3.0  # how sharply its smoothed edge falls from opaque to clear (anti-aliased)
TOP_LIGHT, FOOT_SHADE = 1.3, 0.62  # its crown this many times its stone's colour, its feet this
DETAIL = (0.82, 1.15)  # what was drawn on it (an ear, an eye, legs in shade), carved: this far
# (at 0.7 the ear's dark flap and lit rim read as a round elephant's ear)
MOTTLE, MOTTLE_SIZE = 0.1, 9  # weathered stone: its brightness wanders this much, in patches
#                               about 1/MOTTLE_SIZE of its height across
MOTTLE_SEED = 41
HAIR, HAIR_ACROSS, HAIR_DOWN = 0.2, 70, 6  # the carved hair: grooves this deep (a share of the
# light), about HAIR_ACROSS locks across its height and HAIR_DOWN long down it, hanging
HAIR_SEED = 43


def stone(image: pygame.Surface, color: Color, seed: int) -> pygame.Surface:
    """`image` (a figure drawn in `color`, on clear) as a statue of that colour's stone: its
    edge smoothed, lighter at its top where the sun falls, darker to its feet, mottled, its
    hair carved down it in grooves; its drawn details kept as carving."""
    width, height = image.get_size()
    alpha = pygame.surfarray.array_alpha(image).astype(np.float32) / 255.0
    shape = np.clip((softened(alpha, max(1, round(height * SMOOTH))) - 0.5) * EDGE + 0.5, 0, 1)
    rgb = pygame.surfarray.array3d(image).astype(np.float32)
    base = np.asarray(color, np.float32)
    drawn = rgb.sum(axis=2) / max(1.0, float(base.sum()))
    carved = np.where(alpha > 0.5, np.clip(drawn, *DETAIL), 1.0)
    down = np.linspace(TOP_LIGHT, FOOT_SHADE, height, dtype=np.float32)[None, :]
    grain = _noise((width, height), (HAIR_ACROSS, HAIR_DOWN), (seed, HAIR_SEED))
    hair = 1.0 - HAIR * np.clip(2.0 * grain - 0.6, 0.0, 1.0)
    mottle = 1.0 + MOTTLE * (2.0 * _noise((width, height), (MOTTLE_SIZE, MOTTLE_SIZE),
                                          (seed, MOTTLE_SEED)) - 1.0)
    light = carved * down * mottle * hair
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
