"""The low sun on the tar: the sky's warm light laid over the pool round where the sun's mirror
lies, and a broken column of glints under it, each band of them pushed with the mirror's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import Color, Setup, hash01, mix, scaled
from installation.visuals.glow import radial
from installation.visuals.noise import smooth_noise_at
from installation.visuals.palette import light_at, sun_position
from installation.visuals.sky import SUN_DISK, SUN_HIGH, SUN_LOW

LOW = (0.62, 0.36)  # the sun's elevation: no light on the tar above the first, all of it at
# the second (high, its mirror lies far under the picture's foot)
SHEEN = 0.55  # the sky's horizon colour laid over the tar at most, at the sun's mirror ...
SHEEN_SIZE = (0.22, 0.42)  # ... in a soft oval this wide (of the width) and tall (of the height)
SHEEN_STEPS = 8  # its strength in this many steps (a sprite each, made when first wanted)
GLINT = 1.0  # the sun's colour in the brightest glint, at most ...
GLINT_REACH = 0.3  # ... fading up and down from the sun's mirror over this share of the height
GLINT_WIDE = (1.0, 5.0)  # a glint's half width, in the sun's radii: far off, near us
GLINT_SPEED = 1.7  # how fast each glint comes and goes (noise wanders a second) ...
GLINT_DRIFT = 0.4  # ... and drifts across its band
GLINT_DASHES = 3  # glints in a band of the mirror's rows
GLINT_LONG = 0.6  # a glint's length, about, in its band's half width
GLINT_FAINTEST = 8  # levels: a glint fainter than this is not drawn (barely seen: 250 a frame)
GLINT_SEED = 53
HORIZON_RISE = 0.8  # the sun stands this share of the horizon's height over it at the zenith
# (as the sky draws it: sky.Sky._lights)


class SunOnTar:
    """The low sun's light on a pool whose mirror hangs from `source` under its `edge`."""

    def __init__(self, params: Mapping[str, Any] | None, setup: Setup, edge: int,
                 source: int) -> None:
        """`params`: the scene's sky layer's (None: no sky, no sun)."""
        width, height = setup.size
        self.size, self.edge, self.source = setup.size, edge, source
        self.up = params is not None and bool(params.get("sun", True))
        self.horizon = height * (params or {}).get("horizon", 0.6)
        self.radius = max(2, int(height * SUN_DISK))
        self.oval = (int(width * SHEEN_SIZE[0]), int(height * SHEEN_SIZE[1]))
        self._sheens: dict[tuple[int, Color], pygame.Surface] = {}
        self._dashes = np.zeros((2, 0))  # each glint's length and row in its band (hashed)
        self.seed = setup.seed + GLINT_SEED

    def where(self, hour: float) -> tuple[int, int, float] | None:
        """The sun's mirror on the tar (x, y: under the picture, maybe) and how much of its
        light the tar takes (0..1), or None while it is high, down or not drawn."""
        position = sun_position(hour) if self.up else None
        if position is None:
            return None
        x, elevation = position
        low = min(1.0, (LOW[0] - elevation) / (LOW[0] - LOW[1]))
        if low <= 0:
            return None
        sun_y = self.horizon - elevation * self.horizon * HORIZON_RISE
        return int(self.size[0] * x), int(self.edge + self.source - sun_y), low

    def draw(self, surface: pygame.Surface, hour: float, seconds: float,
             shifts: Sequence[int], band: int) -> None:
        """The sheen and the glints at story `hour`, `seconds` into the scene (the glints
        come and go), each band of `band` rows pushed by its shift."""
        found = self.where(hour)
        if found is None:
            return
        x, y, low = found
        step = max(1, round(low * SHEEN_STEPS))
        sky = light_at(hour).bottom
        sheen = self._sheen(step, sky)
        clip = surface.get_clip()
        surface.set_clip(clip.clip((0, self.edge, self.size[0], self.size[1] - self.edge)))
        surface.blit(sheen, (x - self.oval[0], y - self.oval[1]),
                     special_flags=pygame.BLEND_RGB_ADD)
        sun = mix(SUN_LOW, SUN_HIGH, 0.3)
        self._glints(surface, (x, y), low, sun, shifts, band, seconds)
        surface.set_clip(clip)

    def _sheen(self, step: int, sky: Color) -> pygame.Surface:
        """The soft oval of the sky's light at `step` of SHEEN_STEPS."""
        key = (step, sky)
        if key not in self._sheens:
            glow = radial(64, scaled(sky, SHEEN * step / SHEEN_STEPS), 1.6)
            self._sheens[key] = pygame.transform.smoothscale(
                glow, (2 * self.oval[0], 2 * self.oval[1]))
        return self._sheens[key]

    def _glints(self, surface: pygame.Surface, at: tuple[int, int], low: float, sun: Color,
                shifts: Sequence[int], band: int, seconds: float) -> None:
        """Glints in each band of the pool, brightest about the sun's mirror and spread wider
        nearer us: GLINT_DASHES short dashes a band, a row high, each where the band's ripple
        turns a facet to the sun, coming and going, pushed sideways with its band."""
        x, y = at
        count = len(shifts) * GLINT_DASHES
        if self._dashes.shape[1] != count:  # each dash's length and row in its band
            self._dashes = np.array([[hash01(self.seed, j, part) for j in range(count)]
                                     for part in (1, 2)])
        bands = np.arange(count) // GLINT_DASHES
        tops = self.edge + bands * band
        depth = self.size[1] - self.edge
        strength = GLINT * low * np.exp(-(((tops - y) / (self.size[1] * GLINT_REACH)) ** 2))
        apart = np.arange(count) * 3.0  # each dash its own stretch of the noise
        shine = strength * smooth_noise_at(self.seed, seconds * GLINT_SPEED + apart) ** 3
        half = self.radius * (GLINT_WIDE[0] + (GLINT_WIDE[1] - GLINT_WIDE[0])
                              * bands * band / max(1, depth))
        across = (2 * smooth_noise_at(self.seed + 1, seconds * GLINT_DRIFT + apart) - 1) * half
        long = np.maximum(1, half * GLINT_LONG * (0.4 + self._dashes[0])).astype(int)
        lefts = (x + np.asarray(shifts)[bands] + across - long // 2).astype(int)
        rows = tops + (self._dashes[1] * band).astype(int)
        shown = np.flatnonzero(shine * 255 >= GLINT_FAINTEST)
        colors = np.rint(shine[shown, None] * np.array(sun, float)[None, :]).astype(int)
        for color, left, row, length in zip(colors.tolist(), lefts[shown].tolist(),
                                            rows[shown].tolist(), long[shown].tolist(),
                                            strict=True):
            surface.fill(color, (left, row, length, 1), special_flags=pygame.BLEND_RGB_ADD)
