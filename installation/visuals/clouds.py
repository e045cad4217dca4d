"""Clouds for the sky: soft, stretched bands made once per scene, tinted by the hour, drifting."""

from __future__ import annotations

from collections.abc import Generator, Hashable
from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np
import pygame

from installation.core.cache import Bounded
from installation.core.clock import Warp
from installation.core.timeline.model import Timeline
from installation.core.timeline.state import Pace
from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.base import (
    Color,
    Pieces,
    at_once,
    clear_surface,
    gray,
    mix,
    red,
    s_curve,
    scaled,
)
from installation.visuals.made_once import MadeOnce

DETAIL = 6  # clouds are computed at 1/6 size and enlarged: they have no sharp edges
OCTAVES = ((8, 4, 1.0), (20, 8, 0.5), (44, 16, 0.25), (90, 32, 0.12))  # grid w, h, weight
# The band drifts about this many times its own width in a real hour (0.0039 of the width a
# real second, 7.5 px at 1920 wide), whatever the day's length: the story day holds the whole
# number of laps nearest to it (at least one), so the sky at the day's end is the sky it begins
# with; where the band is, is a function of story time (drifting by the real seconds of each
# scene, every cloud jumped at each cut). (At 14 laps a day whatever its length, a 20-minute
# day's clouds raced three times as fast and a day told in real time crawled, 24 times slower.)
LAPS_PER_HOUR = 14.0
HOUR = 3600.0
HALF_DAY = DAY_SECONDS / 2
DEFAULT_DAY = HOUR  # real seconds of a day with no story clock known (the shipped 60 minutes)
DAY_CLOUD = (246, 246, 250)
TINT_CACHE = 3
DIFFERING_CACHE = 64  # strips' changing columns kept: 16 strips, a step or two of each
COLOR_CACHE = 256  # cloud colours remembered (16 strips, a few minutes of the sky)
HORIZON_FADE = 0.3  # the lowest share of the band over which clouds thin out to nothing
STRIPS = 16  # the band drifts a strip of rows at a time, each a step after the one above it
CloudLook = tuple[tuple[Color, ...], int, tuple[int, ...]]  # each strip's colour, the drift,
# each strip's step
STEP = 2  # pixels a strip moves at a time (7.7 px a real second at 1920 wide: a soft step
# of 2 px every quarter second, half the repainting of 1 px steps)
NIGHT_STEP = 8  # pixels at a time under a night sky: clouds a shade darker than the dark sky,
# their drift seen only on the stars they pass (a step a second: a quarter of the repainting)
STEPS = (STEP,) * STRIPS  # every strip at the day's step


class Tinted:
    """The cloud shape in one colour on a kept surface, a strip of rows at a time."""

    def __init__(self, image: pygame.Surface, color: Color) -> None:
        self.image, self.color = image, color
        self._strips: set[tuple[int, int]] = set()  # (top, height) of the strips tinted

    def strip(self, shape: pygame.Surface, rect: pygame.Rect) -> None:
        """Tint the rows of `rect` (full width) if they are not yet: the colour times the
        white shape, the same bytes as tinting a copy of the whole shape."""
        if (rect.top, rect.height) not in self._strips:
            self.image.fill((*self.color, 255), rect)
            self.image.blit(shape, rect, rect, special_flags=pygame.BLEND_RGBA_MULT)
            self._strips.add((rect.top, rect.height))


class Clouds:
    """A band of cloud above the horizon; `cover` 0..1 is how much of the sky it takes."""

    def __init__(self, size: tuple[int, int], horizon: float, cover: float,
                 rng: np.random.Generator) -> None:
        at_once(self.pieces(size, horizon, cover, rng))

    def pieces(self, size: tuple[int, int], horizon: float, cover: float,
               rng: np.random.Generator, shared: Shared | None = None) -> Pieces:
        """Set up in steps: the cloud shape (see `shaping`; found instead if another scene's
        sky `shared` it: the key says all that shapes it), then the spare tints."""
        width, height = size
        self.width = width
        self.band = max(DETAIL, int(height * horizon * 0.9))
        making = partial(shaping, (width, self.band), cover, rng)
        made = yield from (making() if shared is None else shared[0].get(shared[1], making,
                                                                          keep=False))
        self.shape, self.rows, self._made = made.image, made.rows, made
        self._tinted: Bounded[Color, Tinted] = Bounded(TINT_CACHE)
        # each strip's columns that change on a drift of so many pixels (see `_moved`)
        self._differing: Bounded[tuple[int, int], np.ndarray] = Bounded(DIFFERING_CACHE)
        self._spares: list[pygame.Surface] = []
        for _ in range(TINT_CACHE):
            yield
            self._spares.append((yield from clear_surface((width, self.band))))

    def tint(self, color: Color, rows: pygame.Rect | None = None) -> pygame.Surface:
        """The cloud shape in one colour (the last few kept), its strip of `rows` tinted
        (None: every strip): a new colour reaches one strip a step, so a step tints one."""
        tinted = self._tinted.get(color)
        if tinted is None:
            # Reuse the oldest: a new large surface takes longer to make than to fill.
            image = self._spares.pop() if self._spares else self._tinted.pop_oldest().image
            tinted = self._tinted.put(color, Tinted(image, color))
        for rect in self.strips() if rows is None else [rows]:
            tinted.strip(self.shape, rect)
        return tinted.image

    @staticmethod
    @lru_cache(maxsize=COLOR_CACHE)  # pure: a strip's colour comes back every frame of a minute
    def color(top: Color, bottom: Color, daylight: float) -> Color:
        """Their colour under a sky of these colours: by day white; at dusk and at night
        darker than the sky around them."""
        return mix(scaled(mix(top, bottom, 0.4), 0.8), DAY_CLOUD, daylight ** 0.8)

    def look(self, laps: float, colors: tuple[Color, ...],
             steps: tuple[int, ...] = STEPS) -> CloudLook:
        """The colour of each strip, how far the band has drifted (in STRIPS-ths of a STEP)
        once it has drifted `laps` times its width (see CloudDay), and each strip's step (a
        multiple of STEP): all that decides how they look."""
        loop = self.width * STRIPS // STEP
        return colors, int(laps % 1.0 * loop) % loop, steps

    def strips(self) -> list[pygame.Rect]:
        """The strips of rows that drift one after another (together, the rows of cloud)."""
        first, last = self.rows
        edges = [first + (last - first) * n // STRIPS for n in range(STRIPS + 1)]
        return [pygame.Rect(0, top, self.width, bottom - top)
                for top, bottom in zip(edges, edges[1:], strict=False) if bottom > top]

    def shift(self, drift: int, strip: int, step: int = STEP) -> int:
        """How many pixels a strip moving `step` pixels at a time has moved when the band has
        drifted `drift` STRIPS-ths of a STEP: each step reaches the strips one per STRIPS-th
        of it, so a step repaints one strip (1/STRIPS of the band) instead of the whole band
        at once."""
        return (drift // (step // STEP) + strip) // STRIPS * step % self.width

    def changed(self, old: CloudLook, new: CloudLook) -> list[pygame.Rect]:
        """Where the pixels differ between two looks: a strip in a new colour whole, a strip
        that drifted only across its columns where the cloud differs from the cloud beside it
        (clear sky drifting over clear sky changes nothing: at the ends of a strip, ~12% of
        Ash's sky's strips, 60% of its highest)."""
        areas: list[pygame.Rect] = []
        for n, rect in enumerate(self.strips()):
            was, now = self.shift(old[1], n, old[2][n]), self.shift(new[1], n, new[2][n])
            if old[0][n] != new[0][n]:
                areas.append(rect)
            elif was != now:
                areas += self._moved(n, rect, was, now)
        return areas

    def _moved(self, n: int, rect: pygame.Rect, was: int, now: int) -> list[pygame.Rect]:
        """The part of strip n (`rect`) from its first to its last column whose pixels differ
        between its shift `was` and `now` (a column x shows the shape's column x - shift),
        in one box: each box is another pass of every still layer over it (~0.2 ms of
        the ruins' alone), dearer than the clear sky between two clouds."""
        delta = (now - was) % self.width
        differ = self._differing.get((n, delta))
        if differ is None:
            differ = self._differing.put((n, delta), self._differ(rect, delta))
        columns = np.flatnonzero(np.roll(differ, now))
        if not columns.size:
            return []
        left, right = int(columns[0]), int(columns[-1]) + 1
        return [pygame.Rect(left, rect.top, right - left, rect.height)]

    def _differ(self, rect: pygame.Rect, delta: int) -> np.ndarray:
        """The shape's columns (in the rows of `rect`) unlike the column `delta` to their right
        (round the loop): the same shape, the same tint, the same pixels."""
        pixels = pygame.surfarray.pixels2d(self.shape)
        rows = pixels[:, rect.top:rect.bottom]
        differ = (rows != np.roll(rows, -delta, axis=0)).any(axis=1)
        del rows, pixels
        return differ

    def paint(self, surface: pygame.Surface, colors: tuple[Color, ...], drift: int,
              steps: tuple[int, ...] = STEPS) -> None:
        clip = surface.get_clip()
        for n, rect in enumerate(self.strips()):
            if not clip.colliderect(rect):
                continue
            image = self.tint(colors[n], rect)
            shift = self.shift(drift, n, steps[n])
            surface.blit(image, (shift - self.width, rect.y), rect)
            surface.blit(image, (shift, rect.y), rect)


@dataclass(frozen=True)
class Shape:
    """The band's cloud: white, its alpha the cloud; and the rows any cloud is in."""

    image: pygame.Surface
    rows: tuple[int, int]


Shared = tuple[MadeOnce, Hashable]  # where a shape is shared between scenes, under what key


class CloudDay:
    """How many times its width the band of cloud has drifted at a story time: the share of
    the story day's real time gone (at the show's story clock, `pace`), times the whole laps
    the day holds (LAPS_PER_HOUR a real hour)."""

    def __init__(self, timeline: Timeline, pace: Pace | None) -> None:
        self.start, self.pace = timeline.day_start, pace
        self.warp = Warp(timeline.day_start, timeline.pace)  # (without a clock: its pace)
        self.seconds = DEFAULT_DAY if pace is None else \
            pace.real_between(self.start, self.start + HALF_DAY) + \
            pace.real_between(self.start + HALF_DAY, self.start)
        self.laps = max(1, round(LAPS_PER_HOUR * self.seconds / HOUR))

    def at(self, story_time: float) -> float:
        """The laps drifted by `story_time` (0 at the day's start, `laps` at its end)."""
        if self.pace is None or self.seconds <= 0:
            share = self.warp.fraction(forward(self.start, story_time))
        else:
            share = self.pace.real_between(self.start, story_time) / self.seconds
        return share % 1.0 * self.laps


def shaping(band: tuple[int, int], cover: float,
            rng: np.random.Generator) -> Generator[None, None, Shape]:
    """The cloud band's shape, in steps: one per octave of the noise, its alpha worked out
    small, then enlarged into memory touched a piece at a time, then the rows it covers."""
    width, height = band
    small = (max(8, width // DETAIL), max(4, height // DETAIL))
    wide = (small[0] * 2, small[1])  # twice as wide, folded into a seamless loop below
    field = np.zeros(wide, dtype=float)
    for gw, gh, weight in OCTAVES:
        grid = rng.random((gw * 2, gh))
        layer = gray((grid * 255).astype(np.uint8))
        smooth = pygame.transform.smoothscale(layer, wide)
        field += weight * red(smooth) / 255.0
        yield
    field /= sum(w for _, _, w in OCTAVES)
    # tile(x) = ((W - x) f(x) + x f(x - W)) / W meets itself at the wrap, so the drift
    # never shows a seam.
    across = np.arange(small[0], dtype=float)[:, None] / small[0]
    field = (1.0 - across) * field[small[0]:] + across * field[: small[0]]
    field = (field - field.mean()) / max(1e-6, field.std()) * 0.16 + 0.5
    # Thicker towards the horizon, thinning out overhead.
    rows = np.linspace(0.0, 1.0, small[1])[None, :]
    field = field * (0.55 + 0.6 * rows)
    threshold = 1.0 - 0.62 * cover
    alpha = np.clip((field - threshold * 0.72) / 0.22, 0.0, 1.0) ** 1.4 * 0.85
    # Thinning out into the haze just above the horizon: no hard line where the band ends.
    fade = np.clip((1.0 - rows) / HORIZON_FADE, 0.0, 1.0)
    alpha = alpha * s_curve(fade)
    shape = pygame.Surface(small, pygame.SRCALPHA)
    shape.fill((255, 255, 255, 255))
    pygame.surfarray.pixels_alpha(shape)[:, :] = (alpha * 255).astype(np.uint8)
    image = yield from clear_surface(band)
    pygame.transform.smoothscale(shape, band, image)
    yield
    # The rows where any cloud is: drifting changes no pixel above or below them.
    seen = np.flatnonzero(pygame.surfarray.pixels_alpha(image).any(axis=0))
    return Shape(image, (int(seen[0]), int(seen[-1]) + 1) if seen.size else (0, 0))
