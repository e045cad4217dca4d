"""The near bank a figure stands on (the calf): a shelf of sunlit earth with short grass."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color, Setup, mix

BANK_WIDE = 3.0  # the bank a figure stands on: this many times its width (its flat top
# twice as wide, the rest its sloping ends)
TOP = 1.0 / 3.0  # its flat top's half-width, of the bank's width (the ends slope down from it)
CREST_OVER = 2  # rows: its crest stands this far over the feet line (the feet on it, not in it)
EARTH: Color = (86, 62, 40)  # its face in the noon sun: warm dry mud, lighter than the tar
FOOT: Color = (40, 30, 22)  # ... darkening down to the picture's foot
CREST_LIT = 0.55  # its crest: the earth mixed this far towards the light (the sun on its lip)
CREST_ROWS = 3  # ... this many rows deep
SHADOW = 0.42  # the figure's shadow on the crest: the earth this many times as bright ...
SHADOW_WIDE = 1.15  # ... this many times the figure's width, ...
SHADOW_DEEP = 10  # ... rows deep, ...
SHADOW_AWAY = 0.12  # ... cast this share of the figure's width away from the sun (from the left)
TUFTS = 18  # short tufts of grass along its crest (none under the figure's feet) ...
TUFT_HIGH = (7, 15)  # ... rows: a tuft's height, ...
BLADES = 6  # ... and its blades
GRAIN = 7  # the earth's grain: each pixel up to this many levels lighter or darker
LUMPS = 1.5  # rows: its crest rises and falls this much along it (clods, not a ruled line)
GRASS: Color = (38, 36, 20)  # dry grass, its sunlit tips mixed towards the light
BANK_SEED = 71  # the same bank every time


def bank(setup: Setup, left: int, wide: int, line: int,
         light: Color) -> tuple[pygame.Surface, tuple[int, int]]:
    """The near bank a figure `wide` pixels across, its left edge at `left`, its feet on `line`,
    stands on: a shelf of earth BANK_WIDE times its width from its feet line down to the
    picture's foot, lit along its crest by `light` (the rim's, or the figure's own colour),
    the figure's shadow on it and short grass along it; the picture and where it lies."""
    width, height = setup.size
    span = int(BANK_WIDE * wide)
    x0 = max(0, left + wide // 2 - span // 2)
    x1 = min(width, x0 + span)
    top = line - CREST_OVER - TUFT_HIGH[1]
    picture = pygame.Surface((x1 - x0, height - top), pygame.SRCALPHA)
    picture.fill((0, 0, 0, 0))
    rng = np.random.default_rng((setup.seed, BANK_SEED))
    crest = _crest(x1 - x0, line - CREST_OVER - top, height - top, rng)
    _earth(picture, crest, light, rng)
    _shadow(picture, left - x0, wide, line - top)
    _grass(picture, crest, (left - x0, left - x0 + wide), light, rng)
    return picture, (x0, top)


def _crest(wide: int, level: int, foot: int, rng: np.random.Generator) -> np.ndarray:
    """The bank's top row in each of its columns: about `level` over its middle (low lumps
    along it), sloping down in a smooth quarter-sine to `foot` at its ends."""
    share = np.abs(np.linspace(-1.0, 1.0, wide))
    slope = np.clip((share - 2 * TOP) / (1 - 2 * TOP), 0.0, 1.0)
    lumps = np.interp(np.arange(wide), np.linspace(0, wide, 24), rng.uniform(-1, 1, 24))
    lumps *= LUMPS * (1 - slope)  # (the sloping ends smooth)
    return np.round(level + lumps + (foot - level) * np.sin(0.5 * np.pi * slope) ** 2
                    ).astype(int)


def _earth(picture: pygame.Surface, crest: np.ndarray, light: Color,
           rng: np.random.Generator) -> None:
    """Its face, lit at the crest and darkening down to the foot, each column from its crest
    (a row's colour looked up by its depth under the crest: quick, in a piece)."""
    rows = picture.get_height()
    under = np.arange(rows)[None, :] - crest[:, None]  # rows under the crest (< 0: above)
    depth = np.clip(np.arange(rows) / max(1, rows - int(crest.min())), 0.0, 1.0)[:, None]
    palette = np.array(EARTH) * (1 - depth) + np.array(FOOT) * depth
    palette[:CREST_ROWS] = mix(EARTH, light, CREST_LIT)
    grain = rng.integers(-GRAIN, GRAIN + 1, under.shape, dtype=np.int16)[..., None]
    colour = palette.astype(np.int16)[np.clip(under, 0, rows - 1)] + grain
    pygame.surfarray.pixels3d(picture)[...] = np.clip(colour, 0, 255).astype(np.uint8)
    alpha = pygame.surfarray.pixels_alpha(picture)
    alpha[...] = np.where(under >= 0, 255, 0).astype(np.uint8)
    del alpha


def _shadow(picture: pygame.Surface, left: int, wide: int, line: int) -> None:
    """The figure's own shadow on the crest under it, cast a little away from the sun."""
    shade = pygame.Surface(picture.get_size(), pygame.SRCALPHA)
    shade.fill((255, 255, 255, 255))
    rect = pygame.Rect(0, 0, int(wide * SHADOW_WIDE), SHADOW_DEEP)
    rect.center = (left + wide // 2 + int(wide * SHADOW_AWAY), line + SHADOW_DEEP // 4)
    grey = round(255 * SHADOW)
    pygame.draw.ellipse(shade, (grey, grey, grey, 255), rect)
    picture.blit(shade, (0, 0), special_flags=pygame.BLEND_RGB_MULT)


def _grass(picture: pygame.Surface, crest: np.ndarray, feet: tuple[int, int], light: Color,
           rng: np.random.Generator) -> None:
    """Short tufts of dry grass along the crest, their tips catching the light (clear of the
    figure's feet: they stand on the bank, not in grass over it)."""
    tip = mix(GRASS, light, 0.5)
    for _ in range(TUFTS):
        x = int(rng.uniform(0, len(crest) - 1))
        if feet[0] - 4 <= x <= feet[1] + 4:
            continue
        base, high = int(crest[x]) + 3, int(rng.integers(*TUFT_HIGH))
        for lean in np.linspace(-0.6, 0.6, BLADES) * high:
            end = (x + int(lean + rng.integers(-2, 3)), base - int(high * rng.uniform(0.6, 1)))
            pygame.draw.aaline(picture, GRASS, (x, base), end)
            pygame.draw.aaline(picture, tip, ((x + end[0]) / 2, (base + end[1]) / 2), end)
