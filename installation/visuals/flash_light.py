"""The flash's swelling light: a blinding white point on the horizon in a cold blue-white halo."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color

BLEACH: Color = (212, 220, 255)  # the light's cold blue-white, as it floods the sky
CORE_GAIN = 5.0  # the core's light, of white: a wide disc of it is burnt flat white
HALO = 4.0  # the halo reaches this many core radii
HALO_LIGHT = 0.75  # the halo's light at the core, of its colour
HALO_FALLOFF = 2.0  # how fast the halo fades from the core outwards
DETAIL = 4  # the light is computed this many times smaller and enlarged (it has no detail)


@dataclass(frozen=True)
class Light:
    """One step of the swelling light: a picture to add over the sky, and where it goes."""

    picture: pygame.Surface
    at: tuple[int, int]


def swelling(point: tuple[int, int], radius: float, width: int, core: Color,
             halo: Color) -> Generator[None, None, Light]:
    """The light of a point on the horizon (`point`, pixels) whose flat core is about `radius`
    pixels wide: a disc of `core` (white) fading into a wide `halo` (a cold blue-white), only
    above the horizon (the ground hides the rest), cut to the part of the picture it lights;
    in two pieces (worked out small, then enlarged: each up to ~4 ms for the widest)."""
    reach = HALO * radius
    left, right = max(0, int(point[0] - reach)), min(width, int(point[0] + reach) + 1)
    top = max(0, int(point[1] - reach))
    if right - left < 2 or point[1] - top < 2:
        left, right, top = point[0] - 1, point[0] + 1, point[1] - 2
    cols, rows = max(1, (right - left) // DETAIL), max(1, (point[1] - top) // DETAIL)
    xs = left + (np.arange(cols) + 0.5) * (right - left) / cols - point[0]
    ys = top + (np.arange(rows) + 0.5) * (point[1] - top) / rows - point[1]
    d = np.hypot(xs[:, None], ys[None, :]) / max(1.0, radius)
    inner = CORE_GAIN * np.exp(-d * d)
    outer = HALO_LIGHT * np.clip(1 - d / HALO, 0, 1) ** HALO_FALLOFF
    rgb = (inner[..., None] * np.array(core, np.float32)
           + outer[..., None] * np.array(halo, np.float32))
    small = pygame.surfarray.make_surface(np.clip(rgb, 0, 255).astype(np.uint8))
    yield
    return Light(pygame.transform.smoothscale(small, (right - left, point[1] - top)), (left, top))
