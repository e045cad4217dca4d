"""A smoke column as one continuous plume: a texture made once, drifting up through it band by
band (dense and dark at the foot, widening, swaying, leaning and thinning out as it climbs)."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled

BAND = 12  # rows of the picture a band of the plume is blitted in, at most
SHIFT = 4.0  # pixels a band may stand aside from the one under it (more: a stair on the edge)
CLASSES = 28  # the plume's heights made apart (width, thickness, light): a strip of texture each
LOOP = 512  # rows of texture before it comes round again, drifting up the column
OCTAVES = ((3, 5, 0.5), (6, 11, 0.3), (13, 23, 0.2))  # noise cells across, along LOOP, weight
WIDTH = (0.05, 0.25)  # the plume's width at its foot and top, of the picture height (size 1)
THIN = 1.4  # its opacity falls by this power of the height climbed (heavy low, gone at the top)
FAINT = 0.08  # its top, thinner than this, is left out
FOOT_GROWS = 0.04  # it thickens over this share of its rise, leaving the flames
RAGGED = 0.35  # how far the texture tears its edges in (of its half width)
LEAN_CURVE = 1.7  # the lean grows as this power of the height climbed (it bends over)
SWAY = 0.025  # how far a wave of sway carries it sideways at the top, of its rise
SWAY_WAVES = 1.4  # waves of sway along the column at once
SWAY_SECONDS = 9.0  # real seconds a wave of sway takes to climb one wavelength
SHADOW, UNDERSIDE = 0.8, 1.35  # the smoke's colour: in its billows' shade, and where lit
GLOW: Color = (255, 150, 70)  # the firelight on the smoke, warmest just over the flames
FIRELIT = (0.55, 0.3)  # how much of it the foot takes, and how far up it reaches (of the rise)


@dataclass(frozen=True)
class Shape:
    """One plume's form in pixels: its foot over the flames, how high it climbs, how far it
    leans at the top, its width at the foot and at the top, and how fast its smoke climbs."""

    x: int
    y: int
    rise: float
    lean: float
    foot: float
    top: float
    speed: float


@dataclass(frozen=True)
class Strips:
    """The texture made once for a plume's shape: a strip a height class (LOOP + BAND rows,
    its first BAND rows again at the end so a band never wraps round)."""

    images: tuple[pygame.Surface, ...]


def tiled_noise(width: int, seed: int) -> np.ndarray:
    """Value noise (columns across, LOOP rows), 0..1, that repeats along its rows."""
    rng = np.random.default_rng(seed)
    u = np.linspace(0.0, 1.0, width)[:, None]
    r = np.arange(LOOP)[None, :] / LOOP
    out = np.zeros((width, LOOP))
    for across, along, weight in OCTAVES:
        grid = rng.random((across + 2, along))
        x, y = u * across, r * along
        i, j = np.floor(x).astype(int), np.floor(y).astype(int)
        fx, fy = x - i, y - j
        fx, fy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)
        j1 = (j + 1) % along
        top = grid[i, j] + (grid[i + 1, j] - grid[i, j]) * fx
        low = grid[i, j1] + (grid[i + 1, j1] - grid[i, j1]) * fx
        out += weight * (top + (low - top) * fy)
    return out


def width_at(shape: Shape, climbed: float) -> float:
    """The plume's width (pixels) this far (0..1) up its rise."""
    return shape.foot + (shape.top - shape.foot) * climbed


def thickness(climbed: float, amount: float) -> float:
    """Its opacity (0..1) this far up: thickening off the flames, thinning to nothing."""
    return amount * min(1.0, 0.85 + climbed / FOOT_GROWS * 0.15) * (1 - climbed ** THIN)


def strip(shape: Shape, n: int, smoke: Color, amount: float, seed: int) -> pygame.Surface:
    """Height class n's strip: the texture at the plume's width there, torn at its edges, as
    thick and as lit as the plume is there (it scrolls through the strip, the strip stays)."""
    climbed = (n + 0.5) / CLASSES
    wide = max(4, round(width_at(shape, climbed) * (1 + RAGGED)))
    noise = tiled_noise(wide, seed)
    fine = tiled_noise(wide, seed + 1)
    across = np.abs(np.linspace(-1.0, 1.0, wide))[:, None] * (1 + RAGGED)
    edge = np.clip((1.0 - across + RAGGED * (noise - 0.5) * 2) / 0.35, 0.0, 1.0)
    cover = edge * edge * (3 - 2 * edge) * (0.8 + 0.2 * fine)
    alpha = np.clip(cover * 255 * thickness(climbed, amount), 0, 255).astype(np.uint8)
    warm = FIRELIT[0] * max(0.0, 1 - climbed / FIRELIT[1]) ** 2
    shade = scaled(smoke, SHADOW)
    lit = mix(scaled(smoke, UNDERSIDE), GLOW, warm)
    light = np.clip(noise * 1.3 - 0.15, 0.0, 1.0)[..., None]
    rgb = np.array(shade, float) + (np.array(lit, float) - np.array(shade, float)) * light
    image = pygame.Surface((wide, LOOP + BAND), pygame.SRCALPHA)
    rows = np.concatenate([np.arange(LOOP), np.arange(BAND)])
    pygame.surfarray.pixels3d(image)[:] = np.clip(rgb[:, rows], 0, 255).astype(np.uint8)
    pygame.surfarray.pixels_alpha(image)[:] = alpha[:, rows]
    return image


def strips(shape: Shape, smoke: Color, amount: float,
           seed: int) -> Generator[None, None, Strips]:
    """Every height class's strip, pausing after each."""
    images = []
    for n in range(CLASSES):
        images.append(strip(shape, n, smoke, amount, seed))
        yield
    return Strips(tuple(images))


@dataclass(frozen=True)
class Bands:
    """A plume's bands from its foot up, worked out once: each one's strip, its rows, its
    top's height over the foot, where its middle lies without the sway, and how far the sway
    carries it."""

    images: tuple[pygame.Surface, ...]
    widths: np.ndarray
    rows: np.ndarray
    ups: np.ndarray
    middles: np.ndarray
    sways: np.ndarray
    waves: np.ndarray


def band_tops(shape: Shape) -> np.ndarray:
    """How high over the foot each band's top lies: BAND rows apart where the column stands
    up, closer where it leans over (so the bands' sideways steps stay under SHIFT)."""
    tops, up = [], 0
    while 1 - (up / shape.rise) ** THIN > FAINT:  # its thinnest top shows nothing
        climbed = up / shape.rise
        slope = abs(shape.lean) * LEAN_CURVE * climbed ** (LEAN_CURVE - 1) / shape.rise
        up += int(np.clip(SHIFT / max(slope, 1e-6), 2, BAND))
        tops.append(up)
    return np.array(tops)


def bands_of(shape: Shape, made: Strips, wind: float) -> Bands:
    """The plume's bands (see `Bands`), leaning over as they climb."""
    ups = band_tops(shape)
    rows = np.diff(ups, prepend=0)
    climbed = (ups - rows / 2) / shape.rise
    classes = np.minimum(CLASSES - 1, (climbed * CLASSES).astype(int))
    images = tuple(made.images[c] for c in classes.tolist())
    widths = np.array([image.get_width() for image in images])
    middles = shape.x + shape.lean * climbed ** LEAN_CURVE - widths / 2
    sways = SWAY * climbed * shape.rise * (0.5 + 0.5 * abs(wind))
    return Bands(images, widths, rows, ups, middles, sways, SWAY_WAVES * climbed)


def plume_blits(shape: Shape, bands: Bands, seconds: float,
                phase: float) -> list[tuple[pygame.Surface, tuple[int, int], tuple[int, ...]]]:
    """The plume's bands at this moment: each the texture `seconds` on in its height class's
    strip (its first row that far down it), placed on the leaning, swaying line of the column
    (`phase` 0..1 keeps one column's drift and sway apart from another's)."""
    climb = int(seconds * shape.speed + phase * LOOP)
    turn = seconds / SWAY_SECONDS + phase
    lefts = np.round(bands.middles + bands.sways * np.sin(2 * np.pi * (bands.waves - turn)))
    rows = (climb - bands.ups) % LOOP
    places = zip(lefts.astype(int).tolist(), (shape.y - bands.ups).tolist(), strict=True)
    areas = zip([0] * len(rows), rows.tolist(), bands.widths.tolist(), bands.rows.tolist(),
                strict=True)
    return list(zip(bands.images, places, areas, strict=True))
