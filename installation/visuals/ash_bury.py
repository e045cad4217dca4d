"""The ash deepening over what lies on the ruins' boulevard through a scene (the fallen sign,
the burnt car, the fallen lamp post): each thing's picture under a few depths of ash, made at
build, the next laid over the last more and more as the scene goes on, so the ash builds
without a visible step."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

import numpy as np
import pygame

from installation.visuals.figure_sun import span_share

BLEND = 24  # between two depths, the deeper one fades in over this many steps (each a
# repaint of what it covers: a step every few real seconds, too small to see)
BANDS = 8  # a step reaches what it covers a band of rows at a time, the lowest first, one band
# each BANDS-th of the step (at once, a step repainted the Ash scene's whole ground and what
# lies on it in one frame, ~4 ms)
WIDEST = 1 << 15  # a band's width: every column of any picture

Sprite = tuple[pygame.Surface, tuple[int, int]]  # a picture and where it goes
Point = tuple[float, float]
COVER = (0.7, 0.6)  # ash drifted all the way over a thing lying on the ground: over this
# share of its thickness at least, and as much again more where the drift is deepest...
COVER_KNOTS = 9  # ...rising and falling this many times along it
COVER_POINTS = 40  # its top worked out at this many points along it
COVER_CREST = 1.15  # its crest this much lighter than the ash it is (lit from the sky)


@dataclass(frozen=True)
class Buried:
    """Things under the ash: each its pictures, shallowest first (all with as many depths),
    and the story span the ash takes to reach the last (see figure_sun.scene_span)."""

    things: tuple[tuple[Sprite, ...], ...]
    span: tuple[float, float]

    def step(self, story_time: float, parts: int = 1) -> int:
        """How deep the ash lies now, in BLEND steps per depth (each in `parts`): 0 at the
        span's start, the last depth at its end."""
        depths = min((len(pictures) for pictures in self.things), default=0)
        if depths < 2:
            return 0
        return int(span_share(self.span, story_time) * (depths - 1) * BLEND * parts)

    def blits(self, step: int) -> list[tuple[Sprite, int]]:
        """What to blit at `step`, each with its opacity: each thing at the depth below, and
        the depth above laid over it as far as the ash has come towards it."""
        depth, part = divmod(step, BLEND)
        out = []
        for pictures in self.things:
            out.append((pictures[min(depth, len(pictures) - 1)], 255))
            if part and depth + 1 < len(pictures):
                out.append((pictures[depth + 1], round(255 * part / BLEND)))
        return out

    def draw(self, surface: pygame.Surface, step: int) -> None:
        """Everything under the ash at `step` (a picture's own opacity put back after: an
        opaque ground given back an opacity of 255 was blended, not copied, ~30 times slower)."""
        for (picture, place), opacity in self.blits(step):
            if opacity >= 255:
                surface.blit(picture, place)
                continue
            own = picture.get_alpha()
            picture.set_alpha(opacity)
            surface.blit(picture, place)
            picture.set_alpha(own)

    def areas(self, old: int, new: int) -> list[pygame.Rect]:
        """Where the ash changed between two steps (nothing if they are the same)."""
        if old == new:
            return []
        return [pygame.Rect(place, picture.get_size()) for step in (old, new)
                for (picture, place), _ in self.blits(step)]


@dataclass(frozen=True)
class Spread:
    """Buried things whose every step reaches them a band of `rows` at a time (see BANDS):
    the bands of things spread alike (`spread_alike`) are the same rows, so a thing steps in
    a band with the ground under it. Its look is a count of bands (BANDS a step)."""

    buried: Buried
    rows: tuple[int, int]  # the rows the bands divide (every picture lies within them)
    bands: int = BANDS

    @property
    def span(self) -> tuple[float, float]:
        """The story span the ash takes to reach the last depth."""
        return self.buried.span

    def count(self, story_time: float) -> int:
        """How far the ash has come, in bands: `bands` a step."""
        return self.buried.step(story_time, self.bands)

    def steps(self, count: int) -> tuple[int, ...]:
        """Each band's step at `count`, the topmost first: the lowest bands a step ahead."""
        return tuple((count + band) // self.bands for band in range(self.bands))

    def band(self, n: int) -> pygame.Rect:
        """Band n's rows (every column)."""
        top, bottom = self.rows
        edges = [top + (bottom - top) * k // self.bands for k in (n, n + 1)]
        return pygame.Rect(0, edges[0], WIDEST, edges[1] - edges[0])

    def areas(self, old: int, new: int) -> list[pygame.Rect]:
        """Where the ash changed between two counts: in each band that stepped, what it
        covers there."""
        out = []
        for n, (was, now) in enumerate(zip(self.steps(old), self.steps(new), strict=True)):
            band = self.band(n)
            out += [area.clip(band) for area in self.buried.areas(was, now)
                    if area.colliderect(band)]
        return out

    def draw(self, surface: pygame.Surface, count: int) -> None:
        """Everything under the ash at `count`, each band at its step (within the clip)."""
        clip = surface.get_clip()
        steps = self.steps(count)
        for step, run in groupby(range(self.bands), steps.__getitem__):  # (bands at one step
            bands = list(run)  # drawn together: at most two runs)
            rows = self.band(bands[0]).union(self.band(bands[-1])).clip(clip)
            if rows.width and rows.height:
                surface.set_clip(rows)
                self.buried.draw(surface, step)
        surface.set_clip(clip)


def spread_alike(height: int, *buried: Buried) -> tuple[Spread, ...]:
    """Each of `buried` spread over the same bands: the rows all their pictures lie in, of
    a picture `height` rows high."""
    areas = [pygame.Rect(place, picture.get_size()) for one in buried
             for pictures in one.things for picture, place in pictures]
    rows = (max(0, min((area.top for area in areas), default=0)),
            min(height, max((area.bottom for area in areas), default=0)))
    return tuple(Spread(one, rows) for one in buried)


def laid_over(ground: pygame.Surface, area: pygame.Rect,
              piece: pygame.Surface) -> pygame.Surface:
    """What `piece` (`ground`'s `area` with something drawn over it) adds to the ground: its
    changed pixels, the rest clear."""
    painted, bare = pygame.surfarray.pixels3d(piece), pygame.surfarray.pixels3d(
        ground.subsurface(area))
    drawn = (painted != bare).any(axis=2)  # (compared in place: copied, ~5 ms a car at 1080)
    del painted, bare
    out = pygame.Surface(piece.get_size(), pygame.SRCALPHA)
    out.blit(piece, (0, 0))
    alpha = pygame.surfarray.pixels_alpha(out)
    alpha[...] = np.where(drawn, 255, 0).astype(np.uint8)
    del alpha
    return out


def drifted_over(ground: pygame.Surface, ends: tuple[Point, Point], thick: tuple[float, float],
                 depth: float, knots: np.ndarray) -> Sprite:
    """Ash drifted `depth` deep (1: all the way) over a thing lying on `ground` from one end to
    the other (`thick` across at each), in the ground's own ash (read beside it): up its
    lower side first, over it and mounded above it as it deepens, unevenly along it (`knots`:
    the same for every depth, so a drift only grows), its crest lit."""
    (fx, fy), (hx, hy) = ends
    length = max(1.0, float(np.hypot(hx - fx, hy - fy)))
    nx, ny = -(hy - fy) / length, (hx - fx) / length
    if ny > 0:
        nx, ny = -nx, -ny  # (across it, up the picture)
    t = np.linspace(0.0, 1.0, COVER_POINTS)
    half = (thick[0] + (thick[1] - thick[0]) * t) / 2
    uneven = np.interp(t, np.linspace(0, 1, knots.size), knots)
    rise = 2 * half * depth * (COVER[0] + COVER[1] * uneven) * np.sin(np.pi * t) ** 0.3
    xs, ys = fx + (hx - fx) * t - nx * (half + 1), fy + (hy - fy) * t - ny * (half + 1)
    low = list(zip(xs.tolist(), ys.tolist(), strict=True))
    top = list(zip((xs + nx * rise).tolist(), (ys + ny * rise).tolist(), strict=True))
    area = pygame.Rect(int(min(xs.min(), (xs + nx * rise).min())) - 2,
                       int(min(ys.min(), (ys + ny * rise).min())) - 2, 0, 0)
    area.width = int(max(xs.max(), (xs + nx * rise).max())) + 3 - area.x
    area.height = int(max(ys.max(), (ys + ny * rise).max())) + 3 - area.y
    area = area.clip(ground.get_rect())
    piece = ground.subsurface(area).copy()
    if depth <= 0 or not area.width or not area.height:
        return laid_over(ground, area, piece), area.topleft
    seen = [ground.get_at((min(area.right - 1, max(area.x, round(x))),
                           min(ground.get_height() - 1, round(y) + 2)))[:3]
            for x, y in low[::4]]
    ash = tuple(int(c) for c in np.median(np.array(seen), axis=0))
    local = [(x - area.x, y - area.y) for x, y in low + top[::-1]]
    pygame.draw.polygon(piece, ash, local)
    crest = [(x - area.x, y - area.y) for x, y in top]
    lit = tuple(min(255, round(c * COVER_CREST)) for c in ash)
    pygame.draw.lines(piece, lit, False, crest, 1)
    return laid_over(ground, area, piece), area.topleft
