"""The tar heaving up over the place where the mother went under: a low, soft swell of the
surface, its far slope catching the sky and its near slope, turned to us, darker, fading into
the tar all round (a bubble's dome squashed to its width was a flat disc with a rim: a lid)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.tar_domes import picture

SQUASH = 0.28  # as deep as wide, seen from where we stand (a ring's on the tar)
SHADE = 0.16  # its near slope, at its steepest and highest: this much darker ...
LIGHT = 0.1  # ... and its far slope catching this much of the sky's light
LEVELS = 10  # heights modelled, from none to its highest
STEEPEST = 6 * 0.8 ** 2 / 5 ** 0.5  # (the slope of (1 - r^2)^3 at its steepest, r = 1/sqrt 5:
# of (1 - r^2)^2, its foot's near edge stood out hard)
Pair = tuple[pygame.Surface, pygame.Surface]  # what multiplies the tar, and what is added


def swells(half: int, light: np.ndarray) -> list[Pair]:
    """A swell `half` pixels across its half at each of LEVELS heights (the first none), under
    `light` (the sky, browned): its shading (to multiply the tar by) and the sky on it (to
    add)."""
    return [swell(half, (level + 1) / LEVELS, light) for level in range(LEVELS)]


def swell(half: int, high: float, light: np.ndarray) -> Pair:
    """One swell `half` pixels across its half, `high` (0..1) of its highest: a smooth mound,
    no edge, shaded by its slope towards us and away."""
    deep = max(2, round(half * SQUASH))
    u = np.linspace(-1, 1, 2 * half + 1)[:, None]
    v = np.linspace(-1, 1, 2 * deep + 1)[None, :]  # down the picture: towards us
    inside = np.clip(1 - u * u - v * v, 0, None)
    slope = 6 * v * inside ** 2 / STEEPEST  # -1 (its far side, turned up to the sky) .. 1 (ours)
    near, far = np.clip(slope, 0, 1), np.clip(-slope, 0, 1)
    multiply = 1 - SHADE * high * near
    added = (LIGHT * high * far)[..., None] * light
    return (picture(np.repeat((255 * multiply)[..., None], 3, axis=-1)), picture(added))


def lay(surface: pygame.Surface, centre: tuple[int, int], pair: Pair) -> None:
    """A swell's pictures laid over the tar with their middle at `centre`."""
    shading, light = pair
    corner = (centre[0] - shading.get_width() // 2, centre[1] - shading.get_height() // 2)
    surface.blit(shading, corner, special_flags=pygame.BLEND_RGB_MULT)
    surface.blit(light, corner, special_flags=pygame.BLEND_RGB_ADD)
