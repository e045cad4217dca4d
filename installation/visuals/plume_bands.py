"""A plume drawn band by band: its texture drifting up through its height classes' strips, each
band placed on the leaning, swaying line of the column and cut to where its smoke shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pygame

from installation.visuals.plume import BAND, FAINT, LOOP, THIN, Shape, Strips, width_at

SHIFT = 0.011  # how far a band may stand aside from the one under it, of the plume's width
# there (more: a stair on its soft edge; 4 px anywhere read as leaning bands in the ash, and
# 0.016 as stripes down the flash's leaning plumes' edges, a step of 6-9 levels every band)
STEP = 1.0  # pixels it may stand aside anyway (a thin wisp high up leans as far as the rest)
FADED = 0.3  # where the smoke thins out at the top its bands may stand aside as much more as it
# is thinner (a stair on an edge half as dense shows half as much), up to 1 / FADED times more
FOOT = 0.12  # up to this far up its rise no band is taller than its height class is from the
# next (the foot widens fastest: a class skipped was a stair on its edge); above it up to BAND
# rows (as short as the classes all the way up, a plume smaller than the screen's, its classes
# closer, showed their steps at one spacing: the rows' darkness repeated, read as a stack)
LEAN_CURVE = 2.0  # the lean grows as this power of the height climbed (it bends over)
SWAY = 0.025  # how far a wave of sway carries it sideways at the top, of its rise
SWAY_WAVES = 1.4  # waves of sway along the column at once
SWAY_SECONDS = 9.0  # real seconds a wave of sway takes to climb one wavelength
Blit = tuple[pygame.Surface, tuple[int, int], tuple[int, int, int, int]]


@dataclass(frozen=True)
class Bands:
    """The bands of one plume or several, from each foot up, worked out once: each one's strip
    and the area of it shown (its first row, chosen each frame, apart) and its top's row on
    the picture (lists, as blitted); its top's height over its foot, where its left lies
    without the sway, how far the sway carries it and how far along the sway's waves it is;
    and its plume's speed (rows a second) and phase (0..1, keeping one column's drift and
    sway apart from another's)."""

    images: list[pygame.Surface]
    lefts_in: list[int]
    widths: list[int]
    rows: list[int]
    tops: list[int]
    ups: np.ndarray
    lefts: np.ndarray
    sways: np.ndarray
    waves: np.ndarray
    speeds: np.ndarray
    phases: np.ndarray


def band_tops(shape: Shape, classes: tuple[float, ...]) -> np.ndarray:
    """How high over the foot each band's top lies: BAND rows apart where the column stands
    up, closer where it leans over (so each band's sideways step from the one under it stays
    within SHIFT of the plume's width there: a pixel at its narrow foot, more where its edge
    is as much wider and softer, and more again where it thins out at the top), and up its
    foot no taller than its height class is from the next (each class shown: the edge widens
    a step at a time, the smoke thickens and cools as finely)."""
    middles = np.array(classes)
    gaps = np.diff(middles) * shape.rise
    tops, up = [], 0
    while 1 - (up / shape.rise) ** THIN > FAINT:  # its thinnest top shows nothing
        climbed = up / shape.rise
        slope = abs(shape.lean) * LEAN_CURVE * climbed ** (LEAN_CURVE - 1) / shape.rise
        fade = max(FADED, 1 - climbed ** THIN)
        step = max(STEP, SHIFT * width_at(shape, climbed) / fade)
        gap = float(np.interp(climbed, middles[1:], gaps)) if climbed < FOOT else BAND
        tall = max(1.0, min(BAND, gap))  # (a tiny plume: a row a band)
        up += int(np.clip(step / max(slope, 1e-6), 1, tall))
        tops.append(up)
    return np.array(tops)


def bands_of(shape: Shape, made: Strips, wind: float, phase: float) -> Bands:
    """The plume's bands (see `Bands`), leaning over as they climb."""
    ups = band_tops(shape, made.covers.climbed)
    rows = np.diff(ups, prepend=0)
    climbed = (ups - rows / 2) / shape.rise
    middles = np.array(made.covers.climbed)
    classes = np.searchsorted((middles[1:] + middles[:-1]) / 2, climbed)  # the nearest
    images = [made.images[c] for c in classes.tolist()]
    widths = np.array([image.get_width() for image in images])
    lefts = shape.x + shape.lean * climbed ** LEAN_CURVE - widths / 2
    sways = SWAY * climbed * shape.rise * (0.5 + 0.5 * abs(wind))
    every = np.ones(len(ups))
    return Bands(images, [0] * len(ups), widths.tolist(), rows.tolist(),
                 (shape.y - ups).tolist(), ups, lefts, sways, SWAY_WAVES * climbed,
                 shape.speed * every, phase * every)


def joined(plumes: list[Bands]) -> Bands:
    """Several plumes' bands as one (drawn in one go, the first plume first)."""
    def listed(name: str) -> list[Any]:
        return [item for bands in plumes for item in getattr(bands, name)]

    def stacked(name: str) -> np.ndarray:
        return np.concatenate([getattr(bands, name) for bands in plumes])

    return Bands(listed("images"), listed("lefts_in"), listed("widths"), listed("rows"),
                 listed("tops"), stacked("ups"), stacked("lefts"), stacked("sways"),
                 stacked("waves"), stacked("speeds"), stacked("phases"))


def plume_blits(bands: Bands, seconds: float) -> list[Blit]:
    """The plumes' bands at this moment: each the texture `seconds` on in its height class's
    strip (its first row that far down it), placed on the leaning, swaying line of its
    column."""
    climbs = (seconds * bands.speeds + bands.phases * LOOP).astype(int)
    turns = seconds / SWAY_SECONDS + bands.phases
    lefts = np.round(bands.lefts + bands.sways * np.sin(2 * np.pi * (bands.waves - turns)))
    starts = (climbs - bands.ups) % LOOP
    places = zip(lefts.astype(int).tolist(), bands.tops, strict=True)
    areas = zip(bands.lefts_in, starts.tolist(), bands.widths, bands.rows, strict=True)
    return list(zip(bands.images, places, areas, strict=True))

