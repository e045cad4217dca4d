"""The rubble heaped at the foot of the May Company's burnt husk (maycompany_husk.py): a ragged
bank of lumps and blocks, heaped high under each stretch of the box fallen in; and the smooth
noise both are drawn with."""

from __future__ import annotations

import numpy as np

from installation.visuals.maycompany_surfaces import Maps, hashed

# Rubble heaped at its foot (of the unit): a bank about this high along it, in lumps this long,
# stones this big on it up to this much higher; under each stretch of the box fallen in, a heap
# this share of the fall's height, sloping off this steeply (rise over run); blocks of it this
# much lighter and darker; its albedo (its lit colour the plain's far edge under it: no step at
# the foot), taking the low sun as dully as the char.
RUBBLE_BANK, RUBBLE_LUMP, RUBBLE_STONE, RUBBLE_LUMPS = 0.012, 0.06, 0.012, 0.02
RUBBLE_PILE, RUBBLE_SLOPE = 0.45, 0.7
RUBBLE_BLOCKS = 0.35
RUBBLE_ALBEDO = (72.0, 65.0, 61.0)
RUBBLE_GLOW = 1.65  # (its light raised this much more than the char's: the ash on it is pale)
RUBBLE_SUN = 0.2
RUBBLE_CREST, RUBBLE_ASH = 0.006, 1.6  # ash along its crest, this deep (of the unit), this
# much lighter: its ragged top reads against the dark wall behind it


def heaps(across: np.ndarray, unit: float, falls: list[tuple[float, float, float]],
          seed: int) -> np.ndarray:
    """How high the rubble lies heaped at the husk's foot over each column (`across`: its
    distance from the axis, east positive): a heap under each stretch of the box fallen in,
    sloping off at the rubble's angle, lumps and blocks on a low bank along the rest, so the
    building meets the ground along a ragged line, not a ruler's."""
    u = unit
    off = np.abs(across)
    base = RUBBLE_BANK * u * (0.5 + blobs(across / (RUBBLE_LUMP * u) + seed % 97, 3.0))
    lumps = RUBBLE_LUMPS * u * blobs(across / (RUBBLE_STONE * u) + 17, 5.0) ** 2
    heap = base + lumps
    for middle, half, fell in falls:  # (the box's, west of the axis)
        peak = RUBBLE_PILE * fell - np.maximum(np.abs(off - middle) - half, 0.0) * RUBBLE_SLOPE
        heap = np.where(across < 0, np.maximum(heap, peak), heap)
    return np.clip(heap, 0.0, None).astype(np.float32)


def rubble(maps: Maps, cols: slice, across: np.ndarray, up: np.ndarray, heap: np.ndarray,
            unit: float) -> None:
    """The rubble heaped at the husk's foot over its columns `cols`: solid, of the ruins'
    rubble dark (matched to the plain's far edge it lies on), in blocks and slabs a little
    lighter and darker, its crest ragged."""
    knot = max(1.0, RUBBLE_STONE * unit)
    ragged = knot * 0.5 * (blobs(across[:, None] / knot + 5, up[None, :] / knot) - 0.5)
    under = up[None, :] < heap[:, None] + ragged
    blocks = 1 - RUBBLE_BLOCKS / 2 + RUBBLE_BLOCKS * hashed(
        np.floor(across / knot)[:, None] + 41, np.floor(up / (knot * 0.6))[None, :])
    crest = np.clip(1 - (heap[:, None] + ragged - up[None, :]) / max(1.0, RUBBLE_CREST * unit),
                    0.0, 1.0)  # ash settled along its top: 1 at its crest, none a little down
    albedo = (np.array(RUBBLE_ALBEDO, np.float32) * blocks[..., None]
              * (1 + (RUBBLE_ASH - 1) * crest)[..., None])
    maps.albedo[cols] = np.where(under[..., None], albedo, maps.albedo[cols])
    maps.alpha[cols][under] = 1.0
    maps.sun[cols][under] *= RUBBLE_SUN
    maps.ambient[cols][under] *= RUBBLE_GLOW


def blobs(a: np.ndarray, b: np.ndarray | float) -> np.ndarray:
    """Smooth repeatable noise in [0, 1) over a grid (a across, b up; whole steps apart its
    values are unrelated): blobs, not squares."""
    a0, b0 = np.floor(a), np.floor(b)
    sa, sb = (a - a0) ** 2 * (3 - 2 * (a - a0)), (b - b0) ** 2 * (3 - 2 * (b - b0))
    low = hashed(a0 + 71, b0) * (1 - sa) + hashed(a0 + 72, b0) * sa
    high = hashed(a0 + 71, b0 + 1) * (1 - sa) + hashed(a0 + 72, b0 + 1) * sa
    return low * (1 - sb) + high * sb

