"""Post effects over the finished frame: film grain, scanlines, vignette, colour bleed."""

from __future__ import annotations

import mmap
from collections.abc import Callable, Generator, Mapping
from functools import cache
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import Frame, Pieces, Setup, at_once, chunks, gray, hash01, touched

GRAIN_TILE = 384
GRAIN_FRAMES = 4
GRAIN_FPS = 24  # grain changes like film, not every display frame
NOISE_STEPS = 4  # each grain frame's noise is drawn in this many steps
GRAIN_AMPLITUDE = 34.0
SCANLINE_DEPTH = 0.45
VIGNETTE_DEPTH = 0.85
BLEED_SHIFT = 0.0025  # share of the width the red bleeds sideways
BLEED_GAIN = 0.35
BLEED_ROWS = 64  # the bleed is made a band of rows at a time: the band stays in the cache
SHADE_DETAIL = 8  # the vignette is computed at 1/8 size
COVER_STRIPS = 20  # a grain frame's cover is computed in at most this many steps
STRIP_PIXELS = 100_000  # and each step does at least this many pixels (one for a small picture)
GRAIN_RANGE = 255  # grain levels run from -GRAIN_RANGE to GRAIN_RANGE
GRAIN_LEVELS = 2 * GRAIN_RANGE + 1


class Post:
    """Film grain, scanlines, vignette and colour bleed; each off when its amount is 0."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        """Made at once for the frame being drawn: each grain frame's cover is made when a
        frame first shows it (a start's first frame makes one of them, not all)."""
        at_once(self._set_up(params, setup, covers=False))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: each grain frame's noise, the vignette and scanlines, then each
        grain frame folded with them into one see-through cover, a few rows at a time (one
        premultiplied blend a frame instead of a multiply and an add)."""
        yield from self._set_up(params, setup, covers=True)

    def _set_up(self, params: Mapping[str, Any], setup: Setup, covers: bool) -> Pieces:
        """The set-up of `pieces`, its covers made too or left for `_cover_at`."""
        self.size = setup.size
        self.seed = setup.seed
        self.grain = params["grain"]
        self.bleed = params["bleed"]
        width, height = self.size
        self.spare = pygame.Surface((width, min(BLEED_ROWS, height))) if self.bleed > 0 else None
        self.shade: pygame.Surface | None = None
        # The shade and each frame's grain, as one (None: not made yet).
        self.covers: list[pygame.Surface | None] = []
        self._pixels: list[mmap.mmap] = []  # pixels of surfaces made over them (kept alive)
        self._noise: list[np.ndarray] = []  # each grain frame's noise, while its cover waits
        if self.grain > 0:
            self._noise = yield from self._noises(np.random.default_rng(setup.seed))
        yield from self._shade(params["vignette"], params["scanlines"])
        if not self._noise:
            return
        cover_pixels()  # made once, the first time
        yield
        # The shade's levels [y, x], read where it was made (last): its red of RGBX.
        self._levels = None if self.shade is None else np.frombuffer(
            self._pixels[-1], np.uint8).reshape(height, width, 4)[:, :, 0]
        self.covers = [None] * len(self._noise)
        for index in range(len(self.covers) if covers else 0):
            yield
            yield from self._make_cover(index)

    def _make_cover(self, index: int) -> Pieces:
        """Grain frame `index`'s cover, in pieces (its noise is let go once all are made)."""
        width, height = self.size
        # Made over a buffer touched in pieces: a new surface would clear all of it at once.
        pixels = yield from touched(width * height * 4)
        self._pixels.append(pixels)
        rows = np.frombuffer(pixels, np.uint32).reshape(height, width)
        yield from self._cover(rows, self._tiled(self._noise[index], index), self._levels)
        self.covers[index] = pygame.image.frombuffer(pixels, self.size, "BGRA")
        if all(cover is not None for cover in self.covers):
            self._noise, self._levels = [], None

    def _cover_at(self, index: int) -> pygame.Surface:
        """Grain frame `index`'s cover, made now if no frame has shown it yet."""
        cover = self.covers[index]
        if cover is None:
            at_once(self._make_cover(index))
            cover = self.covers[index]
            assert cover is not None
        return cover

    def _noises(self, rng: np.random.Generator) -> Generator[None, None, list[np.ndarray]]:
        """Each grain frame's noise tile, drawn a few rows a step (the same numbers as one
        draw of the whole tile)."""
        tile = min(GRAIN_TILE, max(self.size))
        step = -(-tile // NOISE_STEPS)
        noises = []
        for _ in range(GRAIN_FRAMES):
            rows = []
            for run in chunks(tile, step):
                rows.append(rng.normal(0.0, GRAIN_AMPLITUDE * self.grain,
                                       (run.stop - run.start, tile)))
                yield
            noises.append(np.concatenate(rows))
        return noises

    def _tiled(self, noise: np.ndarray, index: int) -> Callable[[slice], np.ndarray]:
        """A grain tile repeated over the picture from a repeatable place, in whole levels:
        a run of its rows."""
        size = noise.shape[0]
        width, _height = self.size
        dx = int(hash01(self.seed, index, 3) * size)
        dy = int(hash01(self.seed, index, 4) * size)
        levels = np.trunc(np.clip(noise, -GRAIN_RANGE, GRAIN_RANGE)).astype(np.int16).T  # [y, x]
        columns = (np.arange(width) + dx) % size

        def rows(run: slice) -> np.ndarray:
            return levels[(np.arange(run.start, run.stop) + dy) % size][:, columns]
        return rows

    def _cover(self, cover: np.ndarray, grain: Callable[[slice], np.ndarray],
               shade: np.ndarray | None) -> Pieces:
        """A grain frame's cover, its [y, x] pixels a few rows a step: each looked up from
        its shade and grain levels (`cover_pixels`; no shade: full)."""
        width, height = self.size
        steps = max(1, min(COVER_STRIPS, width * height // STRIP_PIXELS))
        step = -(-height // steps)
        table = cover_pixels().ravel()
        for run in chunks(height, step):
            under = np.full(1, 255) if shade is None else shade[run]
            cover[run] = table[under.astype(np.intp) * GRAIN_LEVELS + grain(run) + GRAIN_RANGE]
            yield

    def _shade(self, vignette: float, scanlines: float) -> Pieces:
        if vignette <= 0 and scanlines <= 0:
            return
        width, height = self.size
        # The vignette is smooth: compute it small and enlarge it.
        small_w, small_h = max(2, width // SHADE_DETAIL), max(2, height // SHADE_DETAIL)
        x = np.linspace(-1.0, 1.0, small_w)[:, None]
        y = np.linspace(-1.0, 1.0, small_h)[None, :]
        dist = np.sqrt((x * 0.86) ** 2 + y**2)
        level = 1.0 - VIGNETTE_DEPTH * vignette * np.clip(dist - 0.45, 0, None) ** 1.6
        small = gray(np.clip(level, 0, 1) * 255)
        yield
        if self.grain > 0:  # only its levels are read: enlarged into memory touched in pieces
            pixels = yield from touched(width * height * 4)
            self._pixels.append(pixels)
            surface = pygame.image.frombuffer(pixels, self.size, "RGBX")  # grey: any order
            pygame.transform.smoothscale(small, self.size, surface)
        else:  # blitted every frame: in the frame's own format
            surface = pygame.transform.smoothscale(small, self.size)
        if scanlines > 0:
            yield
            dark = round(255 * (1.0 - SCANLINE_DEPTH * scanlines))
            for row in range(2, height, 3):
                surface.fill((dark, dark, dark), (0, row, width, 1),
                             special_flags=pygame.BLEND_RGB_MULT)
        self.shade = surface

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        cover = self.draw_under(surface, frame)
        if cover is not None:
            lay_cover(surface, cover)

    def draw_under(self, surface: pygame.Surface, frame: Frame) -> pygame.Surface | None:
        """Everything but the cover (the shade and this grain frame in one), which is handed
        back to be laid over the frame: by `lay_cover`, or by the GPU as the window shows it."""
        if self.spare is not None:
            self._bleed(surface)
        if self.covers:
            tick = int(frame.seconds * GRAIN_FPS)
            return self._cover_at(tick % len(self.covers))
        if self.shade is not None:
            surface.blit(self.shade, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
        return None

    def _bleed(self, surface: pygame.Surface) -> None:
        """The picture's red and a little of its green, dimmed, added again a little to the
        right: a band of rows at a time, copied to the spare, dimmed and added back while it
        is still in the cache (three passes over a band, not over the whole picture)."""
        spare = self.spare
        assert spare is not None
        width, height = self.size
        red = round(255 * BLEED_GAIN * self.bleed)
        shift = max(1, int(width * BLEED_SHIFT * (0.5 + self.bleed)))
        for rows in chunks(height, spare.get_height()):
            area = pygame.Rect(0, 0, width, rows.stop - rows.start)
            spare.blit(surface, (0, 0), area.move(0, rows.start))
            spare.fill((red, red // 5, 0), area, special_flags=pygame.BLEND_RGB_MULT)
            surface.blit(spare, (shift, rows.start), area, special_flags=pygame.BLEND_RGB_ADD)


def lay_cover(surface: pygame.Surface, cover: pygame.Surface) -> None:
    """A cover of `cover_pixels` blended over the top left of `surface` (premultiplied)."""
    surface.blit(cover, (0, 0), special_flags=pygame.BLEND_PREMULTIPLIED)


@cache
def cover_pixels() -> np.ndarray:
    """Every cover pixel, premultiplied, as BGRA words: [shade level, grain level + GRAIN_RANGE].

    The frame under the cover is to come out as frame x shade x (1 - dark) + light; a
    premultiplied cover makes frame x (1 - alpha) + its colour of it (pygame's quickest blend
    of a see-through picture). The cover is at alpha 1 - shade x (1 - dark) (exactly that
    multiply) with the light as its colour: exact where the shade left room for the light, a
    screen (alpha the light: lighter specks a little fainter on light ground) where it did not.
    The blend takes (level + 1) x alpha / 256 off, rounded down: a pixel that only darkens
    is given one level more alpha, which brings it nearer the multiply it stands for."""
    shade = np.arange(256).astype(np.float32)[:, None]
    shade /= 255.0
    levels = np.arange(-GRAIN_RANGE, GRAIN_RANGE + 1)[None, :]
    grain = (levels / 255.0).astype(np.float32)
    alpha = np.maximum(1.0 - shade * (1.0 - np.clip(-grain, 0.0, None)), np.clip(grain, 0.0, None))
    opacity = np.round(alpha * 255.0).astype(np.uint32)
    light = np.clip(levels, 0, None).astype(np.uint32)
    opacity += (light == 0) & (opacity > 0) & (opacity < 255)
    return (opacity << 24) | (light * 0x010101)
