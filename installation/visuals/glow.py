"""Light that spreads: blurs by scaling down and up, radial blobs, sprites for additive blits."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color

BLUR_STEPS = 2  # down-up passes; two hide the blockiness of one
RGB_BITS = 0xFFFFFF  # a pixel's colour (of a surface without alpha the fourth byte is unused)
RADIAL_DETAIL = 96  # glows larger than this radius are computed small and enlarged


def blur(surface: pygame.Surface, factor: int, passes: int = BLUR_STEPS) -> pygame.Surface:
    """A soft copy: shrink by `factor` and grow back, `passes` times (cheap Gaussian-ish blur)."""
    width, height = surface.get_size()
    out = surface
    for _ in range(passes):
        small = pygame.transform.smoothscale(out, (max(1, width // factor),
                                                   max(1, height // factor)))
        out = pygame.transform.smoothscale(small, (width, height))
    return out


def radial(radius: int, color: Color, power: float = 2.0, core: float = 0.0) -> pygame.Surface:
    """A round glow on black for BLEND_RGB_ADD: bright middle falling off to nothing."""
    if radius > RADIAL_DETAIL and core == 0.0:
        # Big soft glows have no detail worth computing pixel by pixel: draw small, enlarge.
        small = radial(RADIAL_DETAIL, color, power)
        return pygame.transform.smoothscale(small, (2 * radius, 2 * radius))
    size = max(2, 2 * radius)
    axis = (np.arange(size) - size / 2 + 0.5) / max(1, radius)
    dist = np.sqrt(axis[:, None] ** 2 + axis[None, :] ** 2)
    falloff = np.clip(1.0 - dist, 0.0, 1.0) ** power
    if core > 0:
        falloff = np.maximum(falloff, (dist < core).astype(float))
    rgb = (falloff[:, :, None] * np.array(color, dtype=float)[None, None, :]).astype(np.uint8)
    surface = pygame.Surface((size, size))
    pygame.surfarray.blit_array(surface, rgb)
    return surface


def radial_top(radius: int, color: Color, power: float, rows: int) -> pygame.Surface:
    """About the top `rows` rows of `radial(radius, color, power)`: a big glow whose foot is
    never seen (below the picture) is not computed."""
    size = max(2, 2 * radius)
    if radius <= RADIAL_DETAIL or rows >= size:
        return radial(radius, color, power)
    small = radial(RADIAL_DETAIL, color, power)
    detail = small.get_height()
    kept = min(detail, -(-max(1, rows) * detail // size) + 1)  # and a row to spare
    return pygame.transform.smoothscale(small.subsurface((0, 0, detail, kept)),
                                        (size, round(kept * size / detail)))


def glowing(shape: pygame.Surface, color: Color, spread: int, core: Color | None = None,
            strength: float = 1.6) -> pygame.Surface:
    """A lit tube from a white-on-transparent shape: coloured halo plus a hot core, on black."""
    pad = spread * 3
    width, height = shape.get_width() + 2 * pad, shape.get_height() + 2 * pad
    flat = pygame.Surface((width, height))
    flat.fill((0, 0, 0))
    flat.blit(shape, (pad, pad))  # alpha-blended: white where the tube is, black elsewhere
    tinted = flat.copy()
    tinted.fill(color, special_flags=pygame.BLEND_RGB_MULT)
    out = pygame.Surface((width, height))
    out.fill((0, 0, 0))
    for factor, gain in ((max(2, spread // 2), 0.8), (max(2, spread), 0.6),
                         (max(2, spread * 2), 0.5)):
        halo = blur(tinted, factor)
        level = min(255, round(255 * gain * strength / 1.6))
        halo.fill((level, level, level), special_flags=pygame.BLEND_RGB_MULT)
        out.blit(halo, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    out.blit(tinted, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    flat.fill(core or _hot(color), special_flags=pygame.BLEND_RGB_MULT)
    out.blit(flat, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    return out


def unlit(shape: pygame.Surface, color: Color, spread: int) -> pygame.Surface:
    """The shape in flat `color` on black, with the padding `glowing` gives it (spread x 3
    each side), so the two line up: a tube or segment switched off. Tints `shape`."""
    pad = spread * 3
    flat = pygame.Surface((shape.get_width() + 2 * pad, shape.get_height() + 2 * pad))
    flat.fill((0, 0, 0))
    shape.fill((*color, 255), special_flags=pygame.BLEND_RGBA_MULT)
    flat.blit(shape, (pad, pad))
    return flat


def _hot(color: Color) -> Color:
    """The white-hot centre of a tube: its colour pushed towards white."""
    return (min(255, 120 + color[0] // 2), min(255, 120 + color[1] // 2),
            min(255, 120 + color[2] // 2))


def lit_columns(sprite: pygame.Surface, bits: int = RGB_BITS) -> tuple[int, int]:
    """The columns (first, one past the last) of an additive sprite that are not all black
    (have a pixel with any of `bits` set): those outside add nothing (or next to nothing).
    (0, 0) when it is black."""
    if not min(sprite.get_size()):
        return (0, 0)
    rgb = pygame.surfarray.array2d(sprite) & bits
    columns = np.flatnonzero(rgb.any(axis=1))
    return (int(columns[0]), int(columns[-1]) + 1) if len(columns) else (0, 0)


def dimmed(surface: pygame.Surface, level: float) -> pygame.Surface:
    """A copy of an additive sprite at a fraction of its brightness."""
    out = surface.copy()
    value = max(0, min(255, round(255 * level)))
    out.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)
    return out
