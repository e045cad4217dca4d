"""Post effects over the finished frame: film grain, scanlines, vignette, colour bleed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import Frame, Pieces, Setup, at_once, hash01

GRAIN_TILE = 384
GRAIN_FRAMES = 4
GRAIN_FPS = 24  # grain changes like film, not every display frame
GRAIN_AMPLITUDE = 34.0
SCANLINE_DEPTH = 0.45
VIGNETTE_DEPTH = 0.85
BLEED_SHIFT = 0.0025  # share of the width the red bleeds sideways
BLEED_GAIN = 0.35
SHADE_DETAIL = 8  # the vignette is computed at 1/8 size


class Post:
    """Film grain, scanlines, vignette and colour bleed; each off when its amount is 0."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: each grain frame, then the vignette and scanlines, then the
        shade with each frame's dark grain folded in (one multiply a frame instead of two)."""
        self.size = setup.size
        self.seed = setup.seed
        self.grain = params["grain"]
        self.bleed = params["bleed"]
        self.spare = pygame.Surface(self.size) if self.bleed > 0 else None
        self.tiles: list[tuple[pygame.Surface, pygame.Surface]] = []
        self.shade: pygame.Surface | None = None
        self.shades: list[pygame.Surface] = []  # the shade times each frame's dark grain
        if self.grain > 0:
            rng = np.random.default_rng(setup.seed)
            tile = min(GRAIN_TILE, max(self.size))
            for _ in range(GRAIN_FRAMES):
                noise = rng.normal(0.0, GRAIN_AMPLITUDE * self.grain, (tile, tile))
                self.tiles.append((gray(np.clip(noise, 0, 255)), gray(np.clip(-noise, 0, 255))))
                yield
        yield from self._shade(params["vignette"], params["scanlines"])
        for index, (_lighter, darker) in enumerate(self.tiles):
            yield
            self.shades.append(self._darkened(darker, index))

    def _darkened(self, darker: pygame.Surface, index: int) -> pygame.Surface:
        """White less the dark grain (tiled at this grain frame's place), times the shade."""
        surface = pygame.Surface(self.size)
        surface.fill((255, 255, 255))
        surface.fblits([(darker, spot) for spot in self._spots(darker, index, 3)],
                       pygame.BLEND_RGB_SUB)
        if self.shade is not None:
            surface.blit(self.shade, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
        return surface

    def _shade(self, vignette: float, scanlines: float) -> Pieces:
        if vignette <= 0 and scanlines <= 0:
            return
        width, height = self.size
        # The vignette is smooth: compute it small and enlarge it.
        small_w, small_h = max(2, width // SHADE_DETAIL), max(2, height // SHADE_DETAIL)
        x = np.linspace(-1.0, 1.0, small_w)[:, None]
        y = np.linspace(-1.0, 1.0, small_h)[None, :]
        dist = np.sqrt((x * 0.86) ** 2 + y**2)
        level = 1.0 - VIGNETTE_DEPTH * vignette * np.clip(dist - 0.45, 0, None) ** 1.6
        small = gray(np.clip(level, 0, 1) * 255)
        yield
        surface = pygame.transform.smoothscale(small, self.size)
        if scanlines > 0:
            yield
            dark = round(255 * (1.0 - SCANLINE_DEPTH * scanlines))
            for row in range(2, height, 3):
                surface.fill((dark, dark, dark), (0, row, width, 1),
                             special_flags=pygame.BLEND_RGB_MULT)
        self.shade = surface

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        if self.spare is not None:
            self._bleed(surface)
        tick = int(frame.seconds * GRAIN_FPS)
        if self.tiles:  # the shade and this frame's dark grain in one multiply, then the light
            shade = self.shades[tick % len(self.shades)]
            surface.blit(shade, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
            lighter = self.tiles[tick % len(self.tiles)][0]
            surface.fblits([(lighter, spot) for spot in self._spots(lighter, tick, 1)],
                           pygame.BLEND_RGB_ADD)
        elif self.shade is not None:
            surface.blit(self.shade, (0, 0), special_flags=pygame.BLEND_RGB_MULT)

    def _spots(self, tile: pygame.Surface, tick: int, salt: int) -> list[tuple[int, int]]:
        """Where a grain tile goes, shifted by a repeatable amount for this tick."""
        size = tile.get_width()
        width, height = self.size
        dx = int(hash01(self.seed, tick, salt) * size)
        dy = int(hash01(self.seed, tick, salt + 1) * size)
        return [(x, y) for x in range(-dx, width, size) for y in range(-dy, height, size)]

    def _bleed(self, surface: pygame.Surface) -> None:
        spare = self.spare
        assert spare is not None
        spare.blit(surface, (0, 0))
        red = round(255 * BLEED_GAIN * self.bleed)
        spare.fill((red, red // 5, 0), special_flags=pygame.BLEND_RGB_MULT)
        shift = max(1, int(self.size[0] * BLEED_SHIFT * (0.5 + self.bleed)))
        surface.blit(spare, (shift, 0), special_flags=pygame.BLEND_RGB_ADD)


def gray(values: np.ndarray) -> pygame.Surface:
    """A grey surface from an (x, y) array of levels 0..255 (fractions are dropped)."""
    level = values.astype(np.uint8).astype(np.uint32)
    surface = pygame.Surface(level.shape)
    pygame.surfarray.blit_array(surface, level * 0x010101)
    return surface
