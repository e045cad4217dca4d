"""The shade under a calf's head and body: the rim light fades down its chest, belly hair and
legs (lit there as on its back, the locks hanging from its chest and belly read as a row of
bright sawteeth at noon)."""

from __future__ import annotations

import numpy as np
import pygame

SHADE = (0.85, 0.5)  # units above its feet: the rim light all there at this height, fading ...
SHADED = 0.15  # ... to this share of it at this one and below (its hair there dark locks)


def shaded(lit: pygame.Surface, unlit: pygame.Surface, feet: float, px: float) -> None:
    """Fade the rim light of `lit` (the picture `unlit` with its rim) down its lower rows, in
    place: `feet`, the row its feet stand on; `px`, its pixels to a unit."""
    high, low = SHADE
    above = (feet - np.arange(lit.get_height())) / px  # each row's height over its feet
    share = np.clip((above - low) / (high - low), 0.0, 1.0)
    keep = SHADED + (1.0 - SHADED) * share * share * (3 - 2 * share)
    plain = pygame.surfarray.array3d(unlit).astype(np.float32)
    colours = pygame.surfarray.pixels3d(lit)
    colours[:] = (plain + (colours - plain) * keep[None, :, None]).astype(np.uint8)
    del colours
