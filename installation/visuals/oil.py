"""Oil on the tar: soft, broken patches of thin-film colour in the light its mirror gives back.

The oil tints the mirror's shade (what a mirrored colour is multiplied by): it shows only where
the tar gives back light (a bright sky, a lit tusk), not on the dark tar itself, and it is
pushed sideways with the mirror's bands as the surface ripples. Its patches lie on the ground
seen from where we stand: small and flattened far off, larger at our feet."""

from __future__ import annotations

import math
from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.base import s_curve

OIL = 0.24  # how far the oil pulls a mirrored colour's channels apart, as a share of each (0.38:
# bright rainbow stripes under the figures)
GRID = 32  # knots of each noise across its (wrapping) square
FAR_ACROSS = 0.4  # ground distance ~ 1 / (this + the share of the pool down): sideways sizes
FAR_DOWN = 0.9  # ... and the same for sizes down the pool (flattened less than the sideways:
# at 0.5 the far patches lay as thin stripes of colour along the edge)
ACROSS = 9.0  # knots of the patches' noise across the picture at our feet, per distance
DOWN = 5.0  # knots of it down the pool, per distance
COVER = 0.5  # the patches' noise above this is oil: about half the pool, in broken patches
SOFT = 0.14  # over this much of the noise a patch fades in: soft edges
SWIRL = 1.6  # how far the patches bend the film's colour bands round themselves
FILM = 0.55  # the film's thickness varies this many times slower than the patches
BANDS = 2.2  # colour cycles (each through the rainbow) across the film's thickness
PHASES = (0.0, 2.1, 4.2)  # red, green and blue through a cycle
PIECES = 48  # worked out in this many bands of columns, one a step (24: 8-15 ms each at 1080p)


def oiled(shade: pygame.Surface, seed: int) -> Generator[None, None, None]:
    """Multiply a mirror's `shade` (the width of the picture by the mirror's rows, the far
    edge at its top) by the oil's colours, a band of columns a step."""
    width, rows = shade.get_size()
    rng = np.random.default_rng(seed)
    patches, detail, film = (rng.random((GRID, GRID)) for _ in range(3))
    down = (np.arange(rows, dtype=np.float64) + 0.5) / max(1, rows)
    across_scale = 1.0 / (FAR_ACROSS + down)[None, :]  # far off, more ground in a pixel
    y = (DOWN / (FAR_DOWN + down))[None, :]
    edges = [width * n // PIECES for n in range(PIECES + 1)]
    for left, right in zip(edges, edges[1:], strict=False):
        yield
        if right <= left:
            continue
        x = ((np.arange(left, right, dtype=np.float64) - width / 2) / width)[:, None]
        x = x * across_scale * ACROSS
        lumpy = 0.65 * noise(patches, x, y) + 0.35 * noise(detail, 2.3 * x + 5.0, 2.3 * y)
        oil = s_curve(np.clip((lumpy - COVER) / SOFT, 0.0, 1.0))
        thick = noise(film, FILM * x + SWIRL * lumpy, FILM * y)
        hue = thick * (2 * math.pi * BANDS)
        pixels = pygame.surfarray.pixels3d(shade)[left:right]
        for channel, phase in enumerate(PHASES):
            pull = 1.0 + OIL * oil * np.cos(hue + phase)
            pixels[..., channel] = np.clip(np.rint(pixels[..., channel] * pull), 0, 255)
        del pixels  # the shade unlocked for its blits


def noise(grid: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Smooth value noise of a square `grid` of knots (wrapping) at positions x, y (arrays
    that broadcast together), eased between its knots: 0..1."""
    x, y = np.broadcast_arrays(x, y)
    size = grid.shape[0]
    left, top = np.floor(x), np.floor(y)
    fx, fy = s_curve(x - left), s_curve(y - top)
    i, j = left.astype(np.int64) % size, top.astype(np.int64) % size
    i1, j1 = (i + 1) % size, (j + 1) % size
    upper = grid[j, i] + (grid[j, i1] - grid[j, i]) * fx
    lower = grid[j1, i] + (grid[j1, i1] - grid[j1, i]) * fx
    return np.asarray(upper + (lower - upper) * fy)
