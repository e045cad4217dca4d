"""A figure as a statue: its cut edge smoothed (no hair), its body of stone, lit from above."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color
from installation.visuals.collapse_dust import softened

SMOOTH = 1 / 50  # its outline smoothed over this share of its height (a coat's locks go)
EDGE = 3.0  # how sharply its smoothed edge falls from opaque to clear (anti-aliased)
TOP_LIGHT, FOOT_SHADE = 1.25, 0.8  # its crown this many times its stone's colour, its feet this
DETAIL = (0.7, 1.3)  # what was drawn on it (an ear, an eye, legs in shade), carved: this far
MOTTLE, MOTTLE_SIZE = 0.07, 9  # weathered stone: its brightness wanders this much, in patches
#                               about 1/MOTTLE_SIZE of its height across
MOTTLE_SEED = 41


def stone(image: pygame.Surface, color: Color, seed: int) -> pygame.Surface:
    """`image` (a figure drawn in `color`, on clear) as a statue of that colour's stone: its
    edge smoothed, lighter at its top where the sun falls, darker to its feet, mottled; its
    drawn details kept as carving."""
    width, height = image.get_size()
    alpha = pygame.surfarray.array_alpha(image).astype(np.float32) / 255.0
    shape = np.clip((softened(alpha, max(1, round(height * SMOOTH))) - 0.5) * EDGE + 0.5, 0, 1)
    rgb = pygame.surfarray.array3d(image).astype(np.float32)
    base = np.asarray(color, np.float32)
    drawn = rgb.sum(axis=2) / max(1.0, float(base.sum()))
    carved = np.where(alpha > 0.5, np.clip(drawn, *DETAIL), 1.0)
    down = np.linspace(TOP_LIGHT, FOOT_SHADE, height, dtype=np.float32)[None, :]
    light = carved * down * _mottled((width, height), seed)
    out = pygame.Surface((width, height), pygame.SRCALPHA)
    pygame.surfarray.blit_array(out, np.clip(base * light[..., None], 0, 255).astype(np.uint8))
    pygame.surfarray.pixels_alpha(out)[:] = (shape * 255).astype(np.uint8)
    return out


def _mottled(size: tuple[int, int], seed: int) -> np.ndarray:
    """A stone's patches: smooth noise about 1, MOTTLE either way (seeded)."""
    width, height = size
    rng = np.random.default_rng((seed, MOTTLE_SEED))
    cells = max(2, MOTTLE_SIZE * width // max(1, height) + 1), MOTTLE_SIZE + 1
    coarse = pygame.Surface(cells)
    noise = (rng.random((*cells, 3)) * 255).astype(np.uint8)
    pygame.surfarray.blit_array(coarse, noise)
    fine = pygame.surfarray.array_red(pygame.transform.smoothscale(coarse, size))
    return 1.0 + MOTTLE * (fine.astype(np.float32) / 127.5 - 1.0)
