"""How the near heap's broken concrete takes the light of the morning after: each face lit by
the grey sky over it and the low sun behind us to the left (as ash_sun_ground's shadows lie),
its shade lifted short of black, and once drawn, the heap's surface given concrete's grain,
pits of aggregate and rubble's lumps (numpy, over its pixels only)."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, mix
from installation.visuals.figure_light import LUMA

Vector = tuple[float, float, float]  # a direction of the street's world: x, up, z
SUN: Vector = (-0.35, 0.45, -1.0)  # towards the sun: behind us and a little left, low (the
# long shadows of ash_sun_ground lie away from it, SUN_WAY)
SUN_TINT = (1.1, 1.0, 0.86)  # its light through the ash: a dim bronze
AMBIENT = 0.42  # a face's light: this much always (the smoke's sky all round)...
SKY = 0.36  # ... this much more as it faces up to the grey sky...
SUN_LIGHT = 0.5  # ... and this much more as it faces the sun
DUST_TONE: Color = (124, 117, 108)  # the ash lying on the concrete, paler than it
FLOOR, KNEE = 34.0, 58.0  # a face's luminance under KNEE lifted into FLOOR to KNEE: the shade
# between the slabs dark, never a black hole (ambient 0.42 on tones of 64 cut 470-2700 px of
# black into the heap)
GRAIN = 0.08  # concrete's fine grain: a pixel's light this much either way at most...
LUMPS, LUMP_PIXELS = 0.14, 5  # ... rubble's lumps, this much either way, about this many pixels
PITS, PIT_DARK = 0.02, 0.72  # ... this share of its pixels pits of aggregate, this dark...
SPECKS, SPECK_LIGHT = 0.012, 1.18  # ... and this share pale flecks of ash or stone
BAND = 48  # rows grained a piece when the heap is built ahead


def lit(tone: Color, normal: Vector, dust: float) -> Color:
    """A face of `tone` turned `normal`-wise in the morning's light, `dust` of the way to the
    ash's colour as far as it faces up, its shade lifted short of black."""
    sky = AMBIENT + SKY * max(0.0, normal[1])
    sun = SUN_LIGHT * max(0.0, dot(normal, unit(SUN)))
    light = [sky + sun * tint for tint in SUN_TINT]
    face = mix(_times(tone, light), _times(DUST_TONE, light), dust * max(0.0, normal[1]) ** 2)
    return lifted(face)


def sunward(normal: Vector) -> float:
    """How squarely a face turned `normal`-wise faces the sun (0 not at all, 1 square on)."""
    return max(0.0, dot(normal, unit(SUN)))


def lifted(face: Color) -> Color:
    """`face` with a luminance under KNEE lifted into FLOOR to KNEE (its hue kept)."""
    grey = face[0] * LUMA[0] + face[1] * LUMA[1] + face[2] * LUMA[2]
    if grey >= KNEE:
        return face
    target = FLOOR + (KNEE - FLOOR) * grey / KNEE
    k = target / max(grey, 1.0)
    return (min(255, round(face[0] * k)), min(255, round(face[1] * k)),
            min(255, round(face[2] * k)))


def grained(image: pygame.Surface, box: pygame.Rect, before: np.ndarray, seed: int) -> Pieces:
    """The heap's pixels in `box` (those that differ from `before`, the box's pixels as they
    were under it) given concrete's grain, rubble's lumps, pits and pale flecks, none darker
    than FLOOR, a band of BAND rows a piece (seeded by the band: the same in any pieces)."""
    for top in range(0, box.height, BAND):
        yield
        band = pygame.Rect(box.x, box.y + top, box.width, min(BAND, box.height - top))
        rgb = pygame.surfarray.pixels3d(image.subsurface(band))
        heap = (rgb != before[:, top:top + band.height]).any(axis=2)
        k = _grain(heap.shape, np.random.default_rng((seed, top)))[heap]
        face = rgb[heap].astype(np.float32) * k[:, None]
        grey = face @ np.array(LUMA, np.float32)  # (its faces lifted already: a pit or a
        face *= (np.maximum(grey, FLOOR) / np.maximum(grey, 1.0))[:, None]  # crevice no darker)
        rgb[heap] = np.clip(face, 0, 255).astype(np.uint8)
        del rgb


def _grain(shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
    """What concrete's grain, rubble's lumps, pits and flecks leave of each pixel's light."""
    w, h = shape
    small = rng.integers(0, 256, (w // LUMP_PIXELS + 2, h // LUMP_PIXELS + 2, 3), np.uint8)
    big = pygame.transform.smoothscale(pygame.surfarray.make_surface(small),
                                       ((w // LUMP_PIXELS + 2) * LUMP_PIXELS,
                                        (h // LUMP_PIXELS + 2) * LUMP_PIXELS))
    lumps = pygame.surfarray.array_red(big)[:w, :h] / np.float32(255)  # (soft: repeated
    # square, they read as a camouflage of pixels)
    k = 1.0 + GRAIN * (2 * rng.random((w, h), dtype=np.float32) - 1) + LUMPS * (2 * lumps - 1)
    speck = rng.random((w, h), dtype=np.float32)
    return np.where(speck < PITS, PIT_DARK, np.where(speck > 1 - SPECKS, SPECK_LIGHT, k))


def _times(tone: Color, light: list[float]) -> Color:
    return (min(255, round(tone[0] * light[0])), min(255, round(tone[1] * light[1])),
            min(255, round(tone[2] * light[2])))


def dot(a: Vector, b: Vector) -> float:
    """The dot product of two directions."""
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def unit(a: Vector) -> Vector:
    """`a` made a unit long."""
    length = math.sqrt(sum(c * c for c in a)) or 1.0
    return a[0] / length, a[1] / length, a[2] / length
