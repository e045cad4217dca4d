"""How one scene gives way to the next: cut, crossfade, dips, flash, dissolve, light wipe."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pygame

from installation.visuals.base import clamp01

DIP_OVERLAP = 0.4  # the new scene starts rising at 40% while the old one is still sinking
SHARES_TOLERANCE = 1e-9  # shares that add up to one are a plain mix
MASKED = ("dissolve", "light-wipe")  # the new scene takes over spot by spot, not by fading
DISSOLVE_CELL = 4  # the dissolve's threshold map has one value per 4x4 pixels
DISSOLVE_OCTAVES = ((12, 7, 1.0), (28, 16, 0.5), (64, 36, 0.25))  # grid w, h, weight
WIPE_BAND = 0.16  # the light's width, as a share of the picture's width
WIPE_LIGHT = (170, 150, 120)  # a warm light at its brightest, like a car's beam passing
KEY = (255, 0, 255)  # marks "the old scene shows here" (a rare colour, never kept)
CLEAR = (0, 0, 0)
Draw = Callable[[pygame.Surface], None]


def smoothstep(t: float) -> float:
    t = clamp01(t)
    return t * t * (3 - 2 * t)


def weights(kind: str, progress: float) -> tuple[float, float, float]:
    """(previous, next, white) shares of the picture at a transition's progress 0..1."""
    p = clamp01(progress)
    if kind == "cut":
        return 0.0, 1.0, 0.0
    if kind in ("crossfade", *MASKED):  # a masked one's share of the picture
        w = smoothstep(p)
        return 1.0 - w, w, 0.0
    if kind in ("dip-to-black", "dip-to-white"):
        span = 1.0 - DIP_OVERLAP
        old = 1.0 - smoothstep(p / span)
        new = smoothstep((p - DIP_OVERLAP) / span)
        white = 1.0 - old - new if kind == "dip-to-white" else 0.0
        return old, new, white
    if kind == "flash":
        white = (1.0 - p) ** 1.5
        w = smoothstep(p)
        return (1.0 - w) * (1.0 - white), w * (1.0 - white), white
    raise ValueError(f"unknown transition {kind!r}")


def level(share: float) -> int:
    """A share of the picture (0..1) as the 0..255 level it is multiplied by."""
    return max(0, min(255, round(share * 255)))


def scale(surface: pygame.Surface, share: float) -> None:
    """Dim the picture to `share` of its brightness, in place."""
    value = level(share)
    if value < 255:
        surface.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)


def add_white(surface: pygame.Surface, white: float) -> None:
    """Add a share of white light to the picture, in place."""
    value = level(white)
    if value > 0:
        surface.fill((value, value, value), special_flags=pygame.BLEND_RGB_ADD)


def blend(surface: pygame.Surface, spare: pygame.Surface, kind: str, progress: float,
          draw_old: Draw, draw_new: Draw) -> None:
    """The transition's frame in `surface` (`spare`, of the same size, is scribbled on): each
    scene drawn at its share; a scene whose share rounds to nothing is not drawn."""
    old, new, white = weights(kind, progress)
    if 0 < level(new) < 255 and abs(old + new - 1.0) < SHARES_TOLERANCE:
        # A mix of the two (a crossfade): one blend of the new over the old.
        draw_old(surface)
        draw_new(spare)
        spare.set_alpha(level(new))
        surface.blit(spare, (0, 0))
        spare.set_alpha(None)
    elif level(new) == 0:  # only the scene being left shows (or nothing, mid-dip)
        if level(old) == 0:
            surface.fill((0, 0, 0))
        else:
            draw_old(surface)
            scale(surface, old)
    else:
        draw_new(surface)
        scale(surface, new)
        if level(old) > 0:
            draw_old(spare)
            scale(spare, old)
            surface.blit(spare, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    add_white(surface, white)


class Dissolve:
    """A noise-threshold dissolve: each spot turns to the new scene when the progress passes
    its threshold; the thresholds are smooth noise, so the new scene spreads in blots."""

    def __init__(self, size: tuple[int, int], seed: int) -> None:
        small = (max(1, size[0] // DISSOLVE_CELL), max(1, size[1] // DISSOLVE_CELL))
        rng = np.random.default_rng(seed)
        field = np.zeros(small)
        for grid_w, grid_h, weight in DISSOLVE_OCTAVES:
            grid = (rng.random((grid_w, grid_h)) * 255).astype(np.uint32) * 0x010101
            coarse = pygame.Surface((grid_w, grid_h))
            pygame.surfarray.blit_array(coarse, grid)
            smooth = pygame.transform.smoothscale(coarse, small)
            field += weight * pygame.surfarray.array_red(smooth)
        # Ranks, not values: at progress p exactly a share p of the picture has turned.
        order = np.argsort(field, axis=None, kind="stable")
        ranks = np.empty(order.size)
        ranks[order] = np.arange(order.size) / order.size
        self.ranks = ranks.reshape(small)
        self.small = pygame.Surface(small)
        self.mask = pygame.Surface(size)
        self.mask.set_colorkey(CLEAR)
        self._key = self.small.map_rgb(KEY)

    def apply(self, surface: pygame.Surface, new: pygame.Surface, progress: float) -> None:
        """Show `new` over `surface` (the old scene) wherever it has turned; `new` is marked."""
        turned = smoothstep(progress)  # the share of spots showing the new scene
        pygame.surfarray.blit_array(self.small, np.where(self.ranks >= turned, self._key, 0))
        pygame.transform.scale(self.small, self.mask.get_size(), self.mask)
        new.blit(self.mask, (0, 0))  # the old scene's spots marked in the new picture
        new.set_colorkey(KEY)
        surface.blit(new, (0, 0))
        new.set_colorkey(None)


class LightWipe:
    """A band of warm light sweeps left to right; behind it the new scene, ahead the old."""

    def __init__(self, size: tuple[int, int]) -> None:
        width, height = size
        band = max(2, int(width * WIPE_BAND))
        x = np.linspace(-1.0, 1.0, band)
        falloff = np.cos(np.clip(x, -1, 1) * math.pi / 2) ** 3
        rgb = (falloff[:, None, None] * np.array(WIPE_LIGHT)[None, None, :]).astype(np.uint8)
        column = pygame.Surface((band, 1))
        pygame.surfarray.blit_array(column, rgb)
        self.light = pygame.transform.scale(column, (band, height))
        self.size = size

    def edge(self, progress: float) -> int:
        """Where the new scene ends, in pixels from the left (off the picture at 0 and 1)."""
        band = self.light.get_width()
        return round(-band / 2 + smoothstep(progress) * (self.size[0] + band))

    def apply(self, surface: pygame.Surface, new: pygame.Surface, progress: float) -> None:
        x = self.edge(progress)
        if x > 0:
            surface.blit(new, (0, 0), (0, 0, x, self.size[1]))
        strength = level(math.sin(math.pi * clamp01(progress)))
        light = self.light.copy()
        light.fill((strength, strength, strength), special_flags=pygame.BLEND_RGB_MULT)
        surface.blit(light, (x - light.get_width() // 2, 0), special_flags=pygame.BLEND_RGB_ADD)
