"""The dissolve: the new scene spreads over the old in soft blots, by thresholds of smooth noise
ranked once (made ahead) and a palette a frame; cells that show one scene whole are copied."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Pieces, at_once, gray, red, s_curve
from installation.visuals.mask_cover import Cover, cover_palette
from installation.visuals.transitions import Key, smoothstep

DISSOLVE_CELL = 4  # the dissolve's thresholds are ranked at 1/4 size, then smoothed up
DISSOLVE_SOFT = 0.14  # the width of its soft edge, as a share of the thresholds' range
DISSOLVE_OCTAVES = ((12, 7, 1.0), (28, 16, 0.35), (64, 36, 0.08))  # grid w, h, weight
DISSOLVE_SEARCH = 24  # halvings to find the ramp's place for a share turned
DISSOLVE_RISE = 1.6  # the new scene rises from the foot of the picture: the sky turns last
DISSOLVE_AREA = (64, 16)  # columns, rows: the picture's cells, each copied from the scene it
# shows whole at a frame's progress, and mixed through the cover only where it shows both
Palette = list[tuple[int, int, int]]
Areas = tuple[list[pygame.Rect], list[pygame.Rect], list[pygame.Rect]]  # old, new, both


@dataclass(frozen=True)
class Cells:
    """The dissolve's thresholds, cell by cell (DISSOLVE_AREA): each cell's lowest and
    highest level, and where it lies."""

    low: np.ndarray  # (rows, columns) of cells
    high: np.ndarray
    rects: list[list[pygame.Rect]]  # each row of cells' rects

    @staticmethod
    def of(levels: np.ndarray) -> Cells:
        """The cells of a picture of levels (an (x, y) array)."""
        width, height = levels.shape
        across, down = DISSOLVE_AREA
        columns, rows = np.arange(0, width, across), np.arange(0, height, down)
        low = np.minimum.reduceat(np.minimum.reduceat(levels, columns, axis=0), rows, axis=1)
        high = np.maximum.reduceat(np.maximum.reduceat(levels, columns, axis=0), rows, axis=1)
        return Cells(low.T, high.T, [[pygame.Rect(int(left), int(top), min(across, width - left),
                                                  min(down, height - top)) for left in columns]
                                     for top in rows])

    def areas(self, alpha: np.ndarray) -> Areas:
        """The runs of cells along each row that show only the old scene, only the new one,
        and both, given each level's alpha (the old scene's share, 0..255: it rises with the
        level)."""
        kinds = np.where(alpha[self.low] == 255, OLD, np.where(alpha[self.high] == 0, NEW, BOTH))
        begins = np.ones(kinds.shape, dtype=bool)  # where each run of one kind begins
        begins[:, 1:] = kinds[:, 1:] != kinds[:, :-1]
        rows, starts = np.nonzero(begins)  # row by row, left to right
        ends = np.append(np.where(rows[1:] == rows[:-1], starts[1:], kinds.shape[1]),
                         kinds.shape[1])
        found: dict[int, list[pygame.Rect]] = {OLD: [], NEW: [], BOTH: []}
        for row, start, end, kind in zip(rows.tolist(), starts.tolist(), ends.tolist(),
                                         kinds[rows, starts].tolist(), strict=True):
            found[kind].append(self.rects[row][start].union(self.rects[row][end - 1]))
        return found[OLD], found[NEW], found[BOTH]


OLD, NEW, BOTH = 0, 1, 2  # what a cell of a dissolve shows


class Dissolve:
    """A noise-threshold dissolve: each spot turns to the new scene when the progress passes
    its threshold; the thresholds are smooth noise, so the new scene spreads in blots.

    The thresholds are ranked at a quarter size, enlarged smoothly once to the full size and
    kept as an 8-bit picture; a frame only changes its 256-entry palette (a soft ramp around
    the progress) and blits it into the alpha of a copy of the old scene, laid over the new:
    a soft edge a few pixels wide at full resolution, no per-pixel work in Python.
    """

    def __init__(self, size: tuple[int, int], seed: int) -> None:
        at_once(self.pieces(size, seed))

    def pieces(self, size: tuple[int, int], seed: int) -> Pieces:
        """Made in steps (ahead of the transition): the noise, its ranking, the enlarging,
        each level's share, then the cells' lowest and highest levels."""
        small = (max(1, size[0] // DISSOLVE_CELL), max(1, size[1] // DISSOLVE_CELL))
        rng = np.random.default_rng(seed)
        field = np.zeros(small)
        for grid_w, grid_h, weight in DISSOLVE_OCTAVES:
            coarse = gray((rng.random((grid_w, grid_h)) * 255).astype(np.uint8))
            smooth = pygame.transform.smoothscale(coarse, small)
            field += weight * red(smooth)
        field -= DISSOLVE_RISE * 255 * np.linspace(0.0, 1.0, small[1])[None, :]  # low first
        yield
        # Ranks, not values: the thresholds spread evenly over 0..1.
        order = np.argsort(field, axis=None, kind="stable")
        ranks = np.empty(order.size)
        ranks[order] = np.arange(order.size) / max(1, order.size - 1)
        ranked = gray(np.round(ranks.reshape(small) * 255).astype(np.uint8))
        yield
        fine = pygame.transform.smoothscale(ranked, size) if small != size else ranked
        levels = red(fine)
        yield
        self.thresholds = pygame.Surface(size, depth=8)  # each pixel's level, 0..255
        pygame.surfarray.blit_array(self.thresholds, levels)
        yield
        # Smoothing bunches the levels up: each level's rank among the full-size pixels
        # (the share below it, and half its own), so at progress p a share p has turned.
        self.counts = np.bincount(levels.ravel(), minlength=256) / levels.size
        self.ranks = np.cumsum(self.counts) - self.counts / 2
        yield
        self.cells = Cells.of(levels)  # ~6 ms at 1080: a piece of its own
        yield
        self._cover = Cover(size)
        self._key: Key | None = None  # what the cover was made for
        self._areas: tuple[float, Palette, Areas] | None = None

    def alphas(self, progress: float) -> list[tuple[int, int, int]]:
        """The palette at this progress: each rank's share of the old scene (what has not yet
        turned), 0..255 in blue (red and green white, to multiply the old scene by);
        a ramp DISSOLVE_SOFT wide, placed so that the share of the picture turned is
        smoothstep(progress): nothing at 0, everything at 1."""
        target, low, high = smoothstep(progress), -DISSOLVE_SOFT / 2, 1.0 + DISSOLVE_SOFT / 2
        for _ in range(DISSOLVE_SEARCH):  # the ramp's centre that turns that share
            centre = (low + high) / 2
            if float(self.counts @ self._turned(centre)) < target:
                low = centre
            else:
                high = centre
        return cover_palette(self._turned((low + high) / 2))

    def _turned(self, centre: float) -> np.ndarray:
        """Each level's share turned with the soft ramp centred at `centre` (in ranks)."""
        return s_curve(np.clip((centre - self.ranks) / DISSOLVE_SOFT + 0.5, 0.0, 1.0))

    def apply(self, surface: pygame.Surface, key: Key, old: Callable[[], pygame.Surface],
              new: pygame.Surface, progress: float) -> None:
        """The frame `progress` of the way: each cell of the picture copied from the scene it
        shows whole (the old one from `old()`), the new one under the cells that show both
        and the old one laid over them through the cover (made, over those cells only, again
        only when asked with another `key`; the same bytes as the cover over the whole
        picture, which copies where its alpha is whole and leaves the new where it is none)."""
        palette, (old_rects, new_rects, mixed) = self._split(progress)
        fresh = key != self._key
        picture = old() if old_rects or (mixed and fresh) else None
        if fresh:
            self._key = None  # a draw that raises leaves nothing half made behind
            if picture is not None and mixed:
                self._cover.make(self.thresholds, palette, picture, mixed)
            self._key = key
        copies = [(new, area, area) for area in (*new_rects, *mixed)]
        if picture is not None:
            copies += [(picture, area, area) for area in old_rects]
        surface.blits(copies, doreturn=False)
        surface.blits([(self._cover.surface, area, area) for area in mixed], doreturn=False)

    def _split(self, progress: float) -> tuple[Palette, Areas]:
        """The palette and the cells' areas at this progress (kept for the last asked)."""
        if self._areas is None or self._areas[0] != progress:
            palette = self.alphas(progress)
            self._areas = progress, palette, self.cells.areas(
                np.array([blue for _red, _green, blue in palette]))
        return self._areas[1], self._areas[2]

    def forget(self) -> None:
        """Name no cover (its key names the scenes it was made from: kept, it kept them)."""
        self._key = None
