"""The near bank a figure stands on (the calf at 10:30): a rise of earth with short grass."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color, Setup
from installation.visuals.tar_near import reeds

BANK_WIDE = 3.0  # the bank a figure stands on: this many times its width ...
BANK_LOW = 0.8  # ... at its crest as high as its feet line over this share (each of its points
# rises its own share of the way, 0.7 to 1: the feet stand on it, not over the tar)
BANK_STALKS, BANK_GRASS = 30, 0.3  # reeds along it, this share as tall as the tar's reeds
BANK_SEED = 71  # the same bank every time


def bank(setup: Setup, left: int, wide: int, line: int,
         light: Color) -> tuple[pygame.Surface, tuple[int, int]]:
    """The near bank a figure `wide` pixels across, its left edge at `left`, its feet on `line`,
    stands on: rising from the picture's foot to its feet line (and a little over, here and
    there), BANK_WIDE times its width, short grass along its crest catching `light` (the
    rim's, or the figure's own colour)."""
    width, height = setup.size
    middle = (left + wide / 2) / width
    half = BANK_WIDE * wide / 2 / width
    rise = (height - line) / height / BANK_LOW
    return reeds(setup.size, (middle - half, middle + half), BANK_STALKS, light,
                 np.random.default_rng((setup.seed, BANK_SEED)), rise, BANK_GRASS)
