"""Oil on the tar: thin slicks of pale iridescence, torn into small patches and filaments, in
the light its mirror gives back.

The oil tints the mirror's shade (what a mirrored colour is multiplied by): it shows only where
the tar gives back light (a bright sky, a lit tusk), not on the dark tar itself, and it is
pushed sideways with the mirror's bands as the surface ripples. A film of oil on asphalt tar is
thin and broken: its colours are the dull first orders of a thin film (a pale silver, bronze,
olive, a blue-violet), low in saturation, in patches a few tens of pixels across at our feet
that lie in loose slicks, with filaments torn off them; small and flattened far off (broad
bands of full rainbow over half the pool read as a lens flare)."""

from __future__ import annotations

import hashlib
from collections.abc import Generator
from dataclasses import dataclass
from functools import partial

import numpy as np
import pygame

from installation.visuals.base import s_curve
from installation.visuals.made_once import MadeOnce

GRID = 64  # knots of each noise across its (wrapping) square
FAR_ACROSS = 0.4  # ground distance ~ 1 / (this + the share of the pool down): sideways sizes
FAR_DOWN = 0.9  # ... and the same for sizes down the pool
ACROSS = 60.0  # knots of the patches' noise across the picture at our feet, per distance (a
# patch some 40 px across there at 1080p; at 9 they were arcs of 300 px and more)
DOWN = 50.0  # knots of it down the pool, per distance: a patch a third as deep as wide
SLICKS = 0.11  # the slicks the patches lie in: their noise this many times as coarse
SLICK_COVER, SLICK_SOFT = 0.4, 0.12  # the slicks' noise above this is a slick (fading in
# over this much of it): about a third of the pool, in loose clusters
COVER, SOFT = 0.68, 0.12  # in a slick, the patches' noise above this is oil, soft-edged
THREAD = (0.6, 1.4)  # the filaments' noise, coarser than the patches' across, finer down: long
FILAMENT = 0.06  # a filament where it passes a half, this thin in its values ...
FILAMENT_OIL = 0.5  # ... and this much of a patch's oil
TORN = 0.5  # filaments only where a finer noise is above this: torn into short pieces
FILM = 0.5  # the film's thickness varies this many times slower than the patches
RINGS = 4.0  # its thickness falls off to a patch's rim: colours in rings within it
OIL = 1.3  # how much of its film colour the oil gives at its thickest
# The colours of a thin film of oil through its first orders, as what it multiplies the
# mirrored light by: silver, bronze, a dull olive, blue-violet (each under 0.2 of saturation:
# a tint of the light, not a colour on it; a cycle through the rainbow read as a flare)
FILM_COLORS: tuple[tuple[float, float, float], ...] = (
    (1.12, 1.12, 1.1), (1.14, 1.05, 0.97), (1.08, 1.12, 0.98), (1.04, 1.0, 1.16),
    (1.0, 1.06, 1.15))
BLUR = 1  # rows either way its colours are blurred over, down the pool
PIECES = 384  # worked out in this many bands of columns, one a step (~1 ms each at 1080p: at
# 192, ~2-6 ms, a frame of the tar (~6 ms) that built one missed 8.33 ms)
HASH_ROWS = 48  # rows of a shade read a step to name it (~0.5 ms at 1080p; all at once, ~8 ms)


def oiled(shade: pygame.Surface, seed: int,
          made: MadeOnce | None = None) -> Generator[None, None, None]:
    """Multiply a mirror's `shade` (the width of the picture by the mirror's rows, the far
    edge at its top) by the oil's colours, a band of columns a step (found in `made`, if the
    same shade was oiled with the same seed before: ~0.4 s of a tar pit's building)."""
    if made is None:
        yield from _oiled(shade, seed)
        return
    key = ("oil", seed, shade.get_size(), (yield from _digest(shade)))
    found = yield from made.picture(key, partial(_oiled_copy, shade, seed))
    shade.blit(found, (0, 0))


def _digest(shade: pygame.Surface) -> Generator[None, None, bytes]:
    """What names `shade`'s colours, worked out HASH_ROWS rows a step."""
    digest = hashlib.blake2b(digest_size=16)
    width, rows = shade.get_size()
    for top in range(0, rows, HASH_ROWS):
        yield
        band = shade.subsurface((0, top, width, min(HASH_ROWS, rows - top)))
        digest.update(pygame.image.tobytes(band, "RGB"))
    return digest.digest()


def _oiled_copy(shade: pygame.Surface, seed: int) -> Generator[None, None, pygame.Surface]:
    """A copy of `shade`, oiled."""
    oiled_shade = shade.copy()
    yield from _oiled(oiled_shade, seed)
    return oiled_shade


def _oiled(shade: pygame.Surface, seed: int) -> Generator[None, None, None]:
    """`oiled`, in place."""
    width, rows = shade.get_size()
    grids = Grids.of(seed)
    down = (np.arange(rows, dtype=np.float64) + 0.5) / max(1, rows)
    across_scale = 1.0 / (FAR_ACROSS + down)[None, :]  # far off, more ground in a pixel
    y = (DOWN / (FAR_DOWN + down))[None, :]
    edges = [width * n // PIECES for n in range(PIECES + 1)]
    for left, right in zip(edges, edges[1:], strict=False):
        yield
        if right <= left:
            continue
        x = ((np.arange(left, right, dtype=np.float64) - width / 2) / width)[:, None]
        oil, thick = slicks(grids, x * across_scale * ACROSS, y)
        tints = film_tint(thick)
        pixels = pygame.surfarray.pixels3d(shade)[left:right]
        for channel, tint in enumerate(tints):
            pull = softened_down(1.0 + OIL * oil * (tint - 1.0))
            pixels[..., channel] = np.clip(np.rint(pixels[..., channel] * pull), 0, 255)
        del pixels  # the shade unlocked for its blits


@dataclass(frozen=True)
class Grids:
    """The noises a film of oil is made of: its slicks, its patches, the finer noise that
    tears its filaments, the filaments' own and its thickness."""

    slick: np.ndarray
    patch: np.ndarray
    fine: np.ndarray
    thread: np.ndarray
    film: np.ndarray

    @staticmethod
    def of(seed: int) -> Grids:
        rng = np.random.default_rng(seed)
        return Grids(*(rng.random((GRID, GRID)) for _ in range(5)))


def slicks(grids: Grids, x: np.ndarray, y: np.ndarray,
           gathered: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """How much oil lies at ground positions x, y (in knots of the patches' noise; arrays
    that broadcast together), 0..1, and the film's thickness there (its colour's place in
    FILM_COLORS, cycling): small soft patches and short filaments, `gathered` in loose slicks
    (else all over: one slick)."""
    slick = s_curve(np.clip((noise(grids.slick, SLICKS * x + 3.0, SLICKS * y)
                             - SLICK_COVER) / SLICK_SOFT, 0.0, 1.0)) if gathered else 1.0
    lumpy = 0.7 * noise(grids.patch, x, y) + 0.3 * noise(grids.fine, 2.7 * x + 5.0, 2.7 * y)
    patch = s_curve(np.clip((lumpy - COVER) / SOFT, 0.0, 1.0))
    torn = s_curve(np.clip((noise(grids.fine, 1.3 * x, 4.0 * y) - TORN) / 0.1, 0.0, 1.0))
    thread = noise(grids.thread, THREAD[0] * x, THREAD[1] * y)
    filament = np.exp(-(((thread - 0.5) / FILAMENT) ** 2)) * torn * FILAMENT_OIL
    thick = noise(grids.film, FILM * x, FILM * y) * len(FILM_COLORS) + RINGS * lumpy
    return slick * np.maximum(patch, filament), thick


def film_tint(thick: np.ndarray) -> list[np.ndarray]:
    """What a film of oil this `thick` (a place along FILM_COLORS, cycling) multiplies the
    red, green and blue of the light it gives back by: its colours blended smoothly."""
    count = len(FILM_COLORS)
    low = np.floor(thick)
    blend = s_curve(thick - low)
    first = low.astype(np.int64) % count
    colors = np.array(FILM_COLORS)
    a, b = colors[first], colors[(first + 1) % count]
    return [a[..., c] + (b[..., c] - a[..., c]) * blend for c in range(3)]


def softened_down(values: np.ndarray) -> np.ndarray:
    """`values` (columns x rows) blurred down the rows over about BLUR rows either way: far
    off, where a patch is a few rows deep, its colours would step from row to row."""
    out = values
    for _ in range(2):  # a box twice: a soft triangle
        padded = np.pad(out, ((0, 0), (BLUR + 1, BLUR)), mode="edge")
        summed = np.cumsum(padded, axis=1)
        out = (summed[:, 2 * BLUR + 1:] - summed[:, :-2 * BLUR - 1]) / (2 * BLUR + 1)
    return out


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
