"""Painting helpers the Page Museum's pieces share: colour arrays, soft masks, texture."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color, chunks

Rgb = np.ndarray  # (x, y, 3) float32 colour levels 0..255
BAND_COLUMNS = 160  # columns painted in one step (a few milliseconds at 1080 rows)


def ramp(a: Color, b: Color, t: np.ndarray) -> Rgb:
    """Colours from `a` (t 0) to `b` (t 1) for every value of `t` (clipped to 0..1)."""
    t = np.clip(t, 0.0, 1.0)[..., None]
    return np.asarray(a, np.float32) + (np.asarray(b, np.float32) - np.asarray(a, np.float32)) * t


def hazed(rgb: Rgb, haze: Color, amount: float) -> Rgb:
    """The colours seen through `amount` (0..1) of haze of colour `haze`."""
    return rgb + (np.asarray(haze, np.float32) - rgb) * amount


def grain(rng: np.random.Generator, shape: tuple[int, int], stretch: int) -> np.ndarray:
    """Soft noise -1..1 of `shape` (x, y), drawn out `stretch` times across (blades of grass,
    leaves seen from afar: short strokes, not dots)."""
    coarse = rng.random((shape[0] // stretch + 2, shape[1]), dtype=np.float32)
    along = np.repeat(coarse, stretch, axis=0)[:shape[0]]
    return (along + np.roll(along, stretch // 2, axis=0)) - 1.0


def below(tops: np.ndarray, rows: int) -> np.ndarray:
    """For each column x, 1 on rows at or below `tops[x]` (a fraction of a pixel soft), an
    (x, y) array `rows` tall."""
    y = np.arange(rows, dtype=np.float32)[None, :]
    return np.clip(y - tops[:, None] + 0.5, 0.0, 1.0)


def bands(width: int) -> list[slice]:
    """The picture's columns in bands, each painted in one step (a few milliseconds)."""
    return chunks(width, BAND_COLUMNS)


def write(surface: pygame.Surface, columns: slice, rgb: Rgb, alpha: np.ndarray) -> None:
    """Colour levels and an alpha of 0..1 ((x, y) arrays) into some columns of a surface with
    per-pixel alpha."""
    pygame.surfarray.pixels3d(surface)[columns] = np.clip(rgb, 0, 255).astype(np.uint8)
    pygame.surfarray.pixels_alpha(surface)[columns] = np.clip(alpha * 255 + 0.5, 0,
                                                              255).astype(np.uint8)
