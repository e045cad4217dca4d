"""The light wipe's front over the land: a soft band of light shaped as light on the tar (ahead
under the sun, rising and falling with the tar's slow swell), warm where it passes; each spot's
depth made ahead as an 8-bit picture, a palette a frame (see `LightFront`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Pieces,
    chunks,
    clamp01,
    clear_surface,
    lerp,
    s_curve,
    touched,
)
from installation.visuals.mask_cover import Cover, cover_palette

LEAD = 0.07  # of the picture's height: how far the front runs ahead under the sun at our feet
# (the light spreads from its path on the tar; less near the horizon: the tar lies in depth)
LEAD_SPREAD = 0.27  # of the width: how broad the run ahead under the sun is (a bell's sigma)
SWELL = 0.014  # of the height: the tar's slow swell along the front, either way, at our feet
SWELL_WAVES = ((5, 1.0), (13, 0.45))  # waves across the width, and their weights
FEATHER = (0.03, 0.075)  # of the height: the band's width as it leaves the horizon, at our feet
GLOW = (150, 104, 50)  # the light at its height, in 256ths of what it lights added to it: the
# low sun warm on the tar (brightening what is there, its ripples and bones, not a haze over
# them: a warm level added read as a bank of dust rolling in)
GLOW_AT = -0.15  # of the band's width from its middle: where the light is brightest (just
# behind it, on the morning's side: the tar the light has reached shines as it does)
GLOW_SPREAD = 0.26  # of the band's width: how far round that the light fades (a bell's sigma)
GLOW_IN = 0.2  # of the front's way: its light comes up over this much (lit at once, a warm
# line lay along the foot of the ruins as the front set out)
REACH = 1.0  # of the band's width either side of its middle: where the light is all but gone
EDGE_ROWS = (7.0, 0.0065)  # the front's edge: the morning's share goes from none to all over
# this many rows, or this share of the height if more (soft, not a line), so that each spot
# shows one scene or the other; across the soft band (FEATHER) the two showed through each
# other: the calf's back over the ribs, for half a second
RAGGED = 0.3  # ... its edge ragged, as light on rippled tar: each column's front moved up to
# this share of the band's width at our feet, ahead or behind (less far off) ...
RAGGED_WAVES = ((0.009, 1.0), (0.021, 0.5), (0.047, 0.25))  # ... by waves across (a wave a
# pixel, at 1080 rows) and their weights
WINDOW = 250  # levels: a frame's band spans at most this many depths (each level one depth)
DEPTH_ROWS = 270  # rows of the depths worked out in a piece (~0.3 ms at 1080, twice as wide)
Palette = list[Color]


@dataclass(frozen=True)
class Band:
    """Where the front lies in one frame: the rows the light has passed below the land's top
    (`passed`), the band's rows (`rows`: where the morning comes or its light shows), and the
    column the picture of depths is read from (`shift`: the sun's path over the bell's)."""

    passed: pygame.Rect
    rows: pygame.Rect
    shift: int
    share: Palette  # each depth's share of the morning, as a cover's palette
    glow: Palette  # each depth's light, in 256ths of the morning there


class LightFront:
    """The front of a light wipe over the land. Each spot's depth is its row less how far
    the front runs ahead in its column (ahead under the sun, in a bell, and with the tar's
    swell, more near us than far off), kept in steps of `step` rows as an 8-bit picture twice
    the screen's width (the bell in its middle, read from where the sun stands). A frame
    gives each depth in a palette its share of the arriving scene (a soft S-curve round the
    front's depth, `FEATHER` wide) and its light (a warm bell round it): the arriving scene,
    lit so, is laid over the old one through the shares, over the band's rows only."""

    def __init__(self, size: tuple[int, int], seed: int) -> None:
        for _ in self.pieces(size, seed):
            pass

    def pieces(self, size: tuple[int, int], seed: int) -> Pieces:
        """The runs ahead, the picture of depths a few rows a piece, then the cover the
        arriving scene is laid through and the light's picture (each full-frame picture's
        memory first touched a megabyte a piece: see `touched`)."""
        width, height = size
        self.size = size
        self.lead = _runs_ahead(width, height, seed) + _ragged(width, height, seed)
        self.step = max(1, math.ceil(2 * ((FEATHER[1] * (REACH + RAGGED)) * height
                                          + float(self.lead.max())) / WINDOW))
        self._turns = (np.add.outer(np.arange(self.step), np.arange(2 * width))
                       % self.step).astype(np.float32)
        self._memory = yield from touched(2 * width * height)
        self.depths = pygame.image.frombuffer(self._memory, (2 * width, height), "P")
        for rows in chunks(height, DEPTH_ROWS):
            self._work_out(rows)
            yield
        self.cover = Cover(size, (yield from touched(width * height * 4)))
        self.light = yield from clear_surface(size)

    def _work_out(self, rows: slice) -> None:
        """The depths of `rows`, in steps (dithered, each step's rows taken in turn along a
        row and down a column: no steps of `step` rows show in the soft band)."""
        width, height = self.size
        y = np.arange(rows.start, rows.stop, dtype=np.float32)
        depth = np.multiply.outer((y / height) ** 2, -self.lead)
        depth += y[:, None]
        depth += self._turns[np.arange(rows.start, rows.stop) % self.step]
        depth *= 1.0 / self.step  # (never below 0: the runs ahead are short of the row)
        view = np.frombuffer(self._memory, np.uint8).reshape(height, 2 * width)
        view[rows] = depth.astype(np.int32).astype(np.uint8)  # (a level: a step, mod 256)

    def band(self, top: int, edge: float, light: int) -> Band:
        """The front `edge` of its way (0: the land whole before it, 1: whole behind it) over
        land from row `top`, the sun's path on column `light`."""
        width, height = self.size
        feather = height * lerp(*FEATHER, edge)
        reach = feather * REACH  # (out of the land at both ends, the light with it)
        runs = float(self.lead.max())
        start = top - runs * self._deep(top) - reach
        middle = start + (height + reach - start) * edge
        rag = RAGGED * FEATHER[1] * height  # (its ragged edge either way, at our feet)
        near = middle - reach - rag  # above it the morning's, unlit: no front runs behind
        first = max(top, min(height, math.floor(near)))
        far = middle + feather / 2  # below it the night's, however far a front runs ahead
        last = max(first, min(height, math.ceil(far + runs * self._deep(far + runs))))
        share, glow = self._palettes(middle, feather, clamp01(edge / GLOW_IN))
        return Band(pygame.Rect(0, top, width, first - top),
                    pygame.Rect(0, first, width, last - first),
                    max(0, min(width, width - light)), share, glow)

    def _deep(self, row: float) -> float:
        """How much of its run ahead a column's front makes at `row` (the tar in depth)."""
        return clamp01(row / self.size[1]) ** 2

    def _palettes(self, middle: float, feather: float, lit: float) -> tuple[Palette, Palette]:
        """Each level's share of the morning and its light, the front's middle at depth
        `middle` (each level read as the depth it names nearest the middle)."""
        base = math.floor(middle / self.step)
        levels = np.arange(256)
        steps = base + (levels - base + 128) % 256 - 128
        across = (steps * self.step - middle) / feather  # (dithered: a level is its depth)
        edge = max(EDGE_ROWS[0], EDGE_ROWS[1] * self.size[1])
        share = s_curve(np.clip(0.5 - across * feather / edge, 0.0, 1.0))
        glow = lit * np.exp(-0.5 * ((across - GLOW_AT) / GLOW_SPREAD) ** 2)
        light = np.round(np.outer(glow, GLOW)).astype(int).tolist()
        return cover_palette(1.0 - share), [(r, g, b) for r, g, b in light]

    def along(self, band: Band, row: int, columns: np.ndarray) -> tuple[float, Color]:
        """The morning's share along `row` at `columns` of the screen (0..1, their mean) and
        the light there (in 256ths, the mean): where a figure standing on it turns whole."""
        if row < band.rows.top:
            return 1.0, (0, 0, 0)
        if row >= band.rows.bottom or not len(columns):
            return 0.0, (0, 0, 0)
        width, height = self.size
        view = np.frombuffer(self._memory, np.uint8).reshape(height, 2 * width)
        levels = view[row, band.shift + np.clip(columns, 0, width - 1)]
        share = np.array([blue for _r, _g, blue in band.share], np.float32)[levels]
        glow = np.array(band.glow, np.float32)[levels].mean(axis=0)
        red, green, blue = (int(round(float(level))) for level in glow)
        return float(share.mean()) / 255, (red, green, blue)

    def make(self, new: pygame.Surface, band: Band) -> None:
        """The arriving scene's picture through the band's shares, lit: its light times it,
        added (the light comes with the morning: none on the night ahead of it)."""
        rows = band.rows
        if not rows.height:
            return
        depths = self.depths.subsurface((band.shift, 0, *self.size))
        self.cover.make(depths, band.share, new, [rows])
        depths.set_palette(band.glow)
        self.light.blit(depths, rows, rows)
        self.light.blit(new, rows, rows, special_flags=pygame.BLEND_RGB_MULT)
        self.cover.surface.blit(self.light, rows, rows, special_flags=pygame.BLEND_RGB_ADD)

    def lay(self, target: pygame.Surface, new: pygame.Surface, band: Band) -> None:
        """Over the old scene in `target`: the arriving scene whole where the light has
        passed, and lit through the band's shares in it."""
        if band.passed.height:
            target.blit(new, band.passed, band.passed)
        if band.rows.height:
            target.blit(self.cover.surface, band.rows, band.rows)


def _runs_ahead(width: int, height: int, seed: int) -> np.ndarray:
    """How far the front runs ahead at our feet in each column of a picture twice `width`
    wide: a bell round its middle (the sun's path) and the tar's swell (never behind)."""
    columns = np.arange(2 * width, dtype=np.float32)
    bell = np.exp(-0.5 * ((columns - width) / (LEAD_SPREAD * max(1, width))) ** 2)
    rng = np.random.default_rng(seed)
    swell = np.zeros(2 * width, np.float32)
    for waves, weight in SWELL_WAVES:
        phase = rng.random() * 2 * math.pi
        swell += weight * np.sin(columns / max(1, width) * 2 * math.pi * waves + phase)
    swell /= sum(weight for _waves, weight in SWELL_WAVES)
    return (height * (LEAD * bell + SWELL * (1 + swell))).astype(np.float32)


def _ragged(width: int, height: int, seed: int) -> np.ndarray:
    """How far the front's edge runs ahead (or behind, below 0) at our feet in each column of
    a picture twice `width` wide: ragged waves across, RAGGED of the band's width at most."""
    columns = np.arange(2 * width, dtype=np.float32) * (1080.0 / max(1, height))
    phases = np.random.default_rng(seed + 1).random(len(RAGGED_WAVES)) * 2 * math.pi
    out = np.zeros(2 * width, np.float32)
    for (across, weight), phase in zip(RAGGED_WAVES, phases, strict=True):
        out += weight * np.sin(across * columns + phase)
    out *= RAGGED * FEATHER[1] * height / sum(weight for _across, weight in RAGGED_WAVES)
    return out.astype(np.float32)
