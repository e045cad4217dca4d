"""A plume's foot rising out of its flames: what lies under the smoke's foot kept before the
plumes are drawn and laid back over them, fading out as the smoke climbs (a plume's bands start
flat: drawn whole to its foot, it read as a lit box across the fire, a flat seam and a straight
side through the flames)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import s_curve, smooth_noise
from installation.visuals.plume_bands import Bands

BELOW = 3  # rows under a plume's foot kept too (its first band's bottom row, rounded)
SIDES = 4  # columns either side of its widest foot band kept too (its sway rounded)
RAGGED = 0.35  # the fade's line wanders up and down by this much of its height, across the
# foot (the smoke's foot is lumpy, not a ruled line)...
WANDER = 5  # ... in about this many lumps across it


@dataclass(frozen=True)
class Foot:
    """Where one plume's foot is kept (its area on the picture), the picture it is kept in, and
    how much of it is laid back at each point (the mask's alpha: all at the foot, none at the
    top and either side, so no edge of the area shows)."""

    area: pygame.Rect
    kept: pygame.Surface
    mask: pygame.Surface


def foot_of(bands: Bands, rise: int, sway: float, seed: int, size: tuple[int, int]) -> Foot:
    """The foot of a plume (its `bands`, from its foot up) on a picture of `size`, faded over
    its first `rise` rows above its foot, `sway` pixels its bands may stand aside besides."""
    low = [k for k, up in enumerate(bands.ups.tolist()) if up - bands.rows[k] < rise]
    left = min(bands.lefts[k] - bands.sways[k] for k in low) - sway - SIDES
    right = max(bands.lefts[k] + bands.widths[k] + bands.sways[k] for k in low) + sway + SIDES
    bottom = bands.tops[0] + bands.rows[0] + BELOW
    whole = pygame.Rect(int(left), bottom - rise - BELOW, int(right - left) + 1, rise + BELOW)
    area = whole.clip(pygame.Rect((0, 0), size))
    mask = pygame.Surface(whole.size, pygame.SRCALPHA)
    mask.fill((255, 255, 255, 255))
    alpha = pygame.surfarray.pixels_alpha(mask)
    alpha[:] = np.round(255 * fading(whole.size, rise, seed)).astype(np.uint8)
    del alpha
    mask = mask.subsurface(area.move(-whole.x, -whole.y)).copy()
    return Foot(area, pygame.Surface(area.size, pygame.SRCALPHA), mask)


def fading(size: tuple[int, int], rise: int, seed: int) -> np.ndarray:
    """How much of what lies under the smoke is laid back over it at each point (x, y) of its
    foot's area: all under the foot, none `rise` rows up, along a wandering line, less
    towards either side (beyond its widest band there is no smoke to lay anything over)."""
    wide, tall = size
    across = np.arange(wide) / max(1, wide - 1)
    wander = np.array([smooth_noise(seed, WANDER * x) for x in across.tolist()])
    up = (tall - 1 - BELOW - np.arange(tall)) / max(1, rise)  # 0 at its foot, 1 at the top
    climbed = np.clip(up[None, :] * (1 + RAGGED) - RAGGED * wander[:, None], 0, 1)
    sides = np.clip(np.minimum(across, 1 - across) * wide / SIDES, 0, 1)[:, None]
    return (1 - s_curve(climbed)) * sides


def keep(surface: pygame.Surface, feet: list[Foot]) -> None:
    """What lies under each plume's foot now, before the plumes are drawn."""
    for foot in feet:
        foot.kept.blit(surface, (0, 0), foot.area)
        foot.kept.blit(foot.mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)


def lay(surface: pygame.Surface, feet: list[Foot]) -> None:
    """What was kept laid back over each plume's foot, fading as the smoke climbs."""
    surface.fblits([(foot.kept, foot.area.topleft) for foot in feet])
