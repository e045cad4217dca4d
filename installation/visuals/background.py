"""A scene's still back: the layers that do not move every frame, composited once and kept.

A layer says it belongs there by having `look(frame)`: everything that decides its pixels at
that frame (equal looks, equal pixels; a constant for a layer that never changes). It may also
have `changed(old, new)`: the areas where its pixels can differ between two looks (None for
anywhere). A layer that reads the picture under it (a reflection) must have
`changed_below(areas)`: where its pixels change when those areas under it change.
A layer without `look` is animated and is drawn every frame over the background.

A layer that is mostly still with a few moving things (cars on a lit street) can split itself:
`draw_still` and `draw_moving` (its `draw` does both). Directly over the still layers, its still
part joins the background and only `draw_moving` runs each frame.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import count
from typing import Any, Protocol, cast
from weakref import ref

import numpy as np
import pygame

from installation.visuals.base import Frame, Layer, Pieces
from installation.visuals.fills import aligned

VERSIONS = count()  # one sequence for every background: a version names one picture
MAX_AREAS = 6  # more changed areas than this are joined, the nearest first
SPARES_KEPT = 8  # full-size surfaces kept for the next scenes' backgrounds (8 MB at 1080p)
BAND_ROWS = 90  # rows painted (or keyed) in one piece when a picture is made ahead (~1-3 ms)


class Still(Protocol):
    """A layer that says when it changes (see the module's docstring)."""

    def look(self, frame: Frame) -> Hashable: ...


Paint = Callable[[pygame.Surface, int, Frame], None]  # draw back layer n onto a surface


def is_still(layer: Layer | None) -> bool:
    """Can this whole layer live in a cached background (it says when it changes)?"""
    return layer is None or (hasattr(layer, "look") and not hasattr(layer, "draw_moving"))


def look_of(layer: Layer | None, frame: Frame) -> Hashable:
    """What decides the layer's pixels at `frame` (a switched-off layer draws nothing)."""
    if layer is None:
        return None
    return cast(Still, layer).look(frame)


def is_split(layer: Layer | None) -> bool:
    """Does this layer have a still part and a moving part?"""
    return hasattr(layer, "look") and hasattr(layer, "draw_moving")


def merged(areas: Sequence[pygame.Rect], most: int) -> list[pygame.Rect]:
    """The same pixels in fewer boxes: overlapping or touching areas joined, then the pair
    whose box adds the fewest pixels, until at most `most` remain.

    The extra pixels of every pair are kept in a table with each row's least, so a join
    costs a row or two: a frame where hundreds of windows switch stays a few milliseconds.
    """
    if len(areas) < 2:
        return list(areas)
    edges = np.array([(r.left, r.top, r.right, r.bottom) for r in areas], float).T
    extra = _extra(edges[:, :, None], edges[:, None, :])  # joining box i and box j, i != j
    np.fill_diagonal(extra, np.inf)
    least, partner = extra.min(1), extra.argmin(1)
    alive, left = np.ones(len(areas), bool), len(areas)
    while left > 1:
        i = int(np.argmin(least))
        j = int(partner[i])
        if least[i] > 0 and left <= most:
            break
        edges[:2, j] = np.minimum(edges[:2, i], edges[:2, j])
        edges[2:, j] = np.maximum(edges[2:, i], edges[2:, j])
        alive[i], least[i], left = False, np.inf, left - 1
        extra[i, :] = extra[:, i] = np.inf
        row = _extra(edges, edges[:, j, None])
        row[~alive] = row[j] = np.inf
        extra[j, :] = extra[:, j] = row
        stale = alive & ((partner == i) | (partner == j))
        least[stale], partner[stale] = extra[stale].min(1), extra[stale].argmin(1)
        closer = alive & ~stale & (row < least)
        least[closer], partner[closer] = row[closer], j
    return [pygame.Rect(x0, y0, x1 - x0, y1 - y0)
            for x0, y0, x1, y1 in edges[:, alive].T.astype(int).tolist()]


def _extra(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How many more pixels one box round box a and box b paints than the two apart (the
    first axis is left, top, right, bottom; the rest broadcast)."""
    joined = ((np.maximum(a[2], b[2]) - np.minimum(a[0], b[0]))
              * (np.maximum(a[3], b[3]) - np.minimum(a[1], b[1])))
    return joined - (a[2] - a[0]) * (a[3] - a[1]) - (b[2] - b[0]) * (b[3] - b[1])


def bands(size: tuple[int, int]) -> list[pygame.Rect]:
    """The picture in bands of rows, each a short piece of work when worked on apart."""
    width, height = size
    return [pygame.Rect(0, top, width, min(BAND_ROWS, height - top))
            for top in range(0, height, BAND_ROWS)]


class Asked:
    """What the still layers said for one frame (their looks, where they changed between two
    looks), asked once however many backgrounds of one picture ask: its depth planes each
    keep the layers up to theirs, and ask the layers below again."""

    def __init__(self) -> None:
        self._looks: dict[int, Hashable] = {}
        self._changed: dict[int, tuple[Hashable, Hashable, list[pygame.Rect] | None]] = {}
        self._merged: dict[tuple[tuple[int, int, int, int], ...], list[pygame.Rect]] = {}

    def look(self, n: int, layer: Layer | None, frame: Frame) -> Hashable:
        """Layer n's look at `frame` (the frame is the same for every asker)."""
        if n not in self._looks:
            self._looks[n] = look_of(layer, frame)
        return self._looks[n]

    def changed(self, n: int, layer: Layer | None, was: Hashable,
                now: Hashable) -> list[pygame.Rect] | None:
        """Where layer n's pixels can differ between two looks (None: anywhere)."""
        kept = self._changed.get(n)
        if kept is not None and kept[0] is was and kept[1] is now:
            return kept[2]
        where: Any = getattr(layer, "changed", None)
        found = None if where is None else where(was, now)
        self._changed[n] = (was, now, found)
        return found

    def merged(self, areas: Sequence[pygame.Rect]) -> list[pygame.Rect]:
        """`merged(areas, MAX_AREAS)`, worked out once for equal areas (planes over the
        same change ask alike)."""
        key = tuple((area.x, area.y, area.width, area.height) for area in areas)
        if key not in self._merged:
            self._merged[key] = merged(areas, MAX_AREAS)
        return [pygame.Rect(box) for box in self._merged[key]]


def changed_areas(layers: Sequence[Layer | None], old: Sequence[Hashable],
                  new: Sequence[Hashable], asked: Asked | None = None) -> list[pygame.Rect] | None:
    """Where the background must be painted again, or None for everywhere: in groups, each
    painted after the picture a reflection in it reads (joined only within a group)."""
    asked = asked or Asked()
    areas: list[pygame.Rect] = []
    starts = [0]  # where each group begins
    for n, (layer, was, now) in enumerate(zip(layers, old, new, strict=True)):
        below: Any = getattr(layer, "changed_below", None)
        if below is not None and areas:
            found = below(list(areas))  # what it shows of the changed picture under it
            if found is None:
                return None
            starts.append(len(areas))
            areas.extend(found)
        if was == now:
            continue
        found = asked.changed(n, layer, was, now)
        if found is None:
            return None
        areas.extend(found)
    ends = [*starts[1:], len(areas)]
    return [box for start, end in zip(starts, ends, strict=True)
            for box in asked.merged(areas[start:end])]


class Spares:
    """Full-size surfaces that scenes gone by gave back, for the next scene's background: a
    new surface costs milliseconds of first touches (page faults), all in one piece of the
    building ahead; a spare is cleared in a fraction of one."""

    def __init__(self) -> None:
        self._kept: list[pygame.Surface] = []

    def surface(self, size: tuple[int, int]) -> pygame.Surface:
        """A black surface of `size` with no colour key, as a new one is."""
        for n, spare in enumerate(self._kept):
            if spare.get_size() == size:
                del self._kept[n]
                spare.set_colorkey(None)
                spare.fill((0, 0, 0))
                return spare
        return pygame.Surface(size)

    def give(self, surfaces: Iterable[pygame.Surface]) -> None:
        """Keep these surfaces (their owner is gone) for later, up to SPARES_KEPT."""
        for surface in surfaces:
            if len(self._kept) < SPARES_KEPT and all(surface is not kept for kept in self._kept):
                self._kept.append(surface)


NO_SPARES = Spares()  # for a background made alone: nothing is ever given to it


class Background:
    """The back layers of one scene at one size, painted again only where their looks change."""

    def __init__(self, size: tuple[int, int], opaque: bool, base: Background | None = None,
                 first: int = 0, spares: Spares = NO_SPARES,
                 kept: pygame.Rect | None = None) -> None:
        self.surface = spares.surface(size)
        self.opaque = opaque  # the first layer covers every pixel: nothing to clear
        self.base, self.first = base, first  # with a base, its picture stands for layers < first
        self.kept = kept  # the part of the picture ever shown (None: all): painted only there
        self.looks: list[Hashable] | None = None
        self.which: list[ref[Layer] | None] = []  # the layers painted (None: none there)
        self.version = next(VERSIONS)  # a new number whenever any pixel may have changed
        self.painted: list[pygame.Rect] | None = None  # by the last bring_to (None: all of it)

    def forget(self) -> None:
        """Paint everything again next time (a layer was switched off)."""
        self.looks = None

    def surfaces(self) -> list[pygame.Surface]:
        """The full-size surfaces it keeps (to give to `Spares` when it is dropped)."""
        return [self.surface]

    def bring_to(self, layers: Sequence[Layer | None], frames: Sequence[Frame],
                 paint: Paint, asked: Asked | None = None) -> None:
        """Make the kept picture that of `layers`, each at its frame (what they say asked
        through `asked`, shared by the backgrounds of one picture)."""
        asked = asked or Asked()
        looks = [asked.look(n, layer, frame)
                 for n, (layer, frame) in enumerate(zip(layers, frames, strict=True))]
        same = self._same(layers)  # a layer lent by another scene is another
        if looks == self.looks and same:
            self.painted = []
            return
        areas = None
        if self.looks is not None and same:
            areas = changed_areas(layers, self.looks, looks, asked)
        for area in [None] if areas is None else areas:
            self._paint(layers, frames, paint, None if area is None else aligned(area))
        self.looks, self.which, self.painted = looks, _refs(layers), areas
        self.version = next(VERSIONS)

    def paint_pieces(self, layers: Sequence[Layer | None], frames: Sequence[Frame],
                     paint: Paint) -> Pieces:
        """Make the kept picture that of `layers` from scratch, a band of rows of a layer a
        piece (the same pixels as painted whole: the background is painted again by areas
        anyway; until the last piece it is held as painted for nothing, so a frame in
        between paints it whole)."""
        looks = [look_of(layer, frame) for layer, frame in zip(layers, frames, strict=True)]
        self.looks = None
        self._clear(self.kept)
        surface = self.surface
        for n, (layer, frame) in enumerate(zip(layers, frames, strict=True)):
            if layer is not None and n >= self.first:
                for band in self._within(bands(surface.get_size())):
                    surface.set_clip(band)
                    paint(surface, n, frame)
                    surface.set_clip(None)
                    yield
        self.looks, self.which = looks, _refs(layers)
        self.painted = None
        self.version = next(VERSIONS)

    def _same(self, layers: Sequence[Layer | None]) -> bool:
        """Are these the very layers last painted (not merely at the same addresses: a layer
        freed and another made in its place is another)?"""
        return len(layers) == len(self.which) and all(
            layer is None if was is None else was() is layer
            for was, layer in zip(self.which, layers, strict=True))

    def _within(self, areas: list[pygame.Rect]) -> list[pygame.Rect]:
        """The parts of these areas in the part of the picture kept."""
        if self.kept is None:
            return areas
        return [part for part in (area.clip(self.kept) for area in areas) if part.height]

    def _paint(self, layers: Sequence[Layer | None], frames: Sequence[Frame], paint: Paint,
               area: pygame.Rect | None) -> None:
        if self.kept is not None:
            area = self.kept if area is None else area.clip(self.kept)
            if not area.width or not area.height:
                return
        surface = self.surface
        surface.set_clip(area)
        self._clear(area)
        for n, (layer, frame) in enumerate(zip(layers, frames, strict=True)):
            if layer is not None and n >= self.first:
                paint(surface, n, frame)
        surface.set_clip(None)

    def _clear(self, area: pygame.Rect | None) -> None:
        """Start an area (None: all) from the base's picture, or black unless opaque."""
        if self.base is not None:
            where = (0, 0) if area is None else area.topleft
            self.surface.blit(self.base.surface, where, area)
        elif not self.opaque:
            self.surface.fill((0, 0, 0), area)


def _refs(layers: Sequence[Layer | None]) -> list[ref[Layer] | None]:
    """Weak references to the layers (a background never keeps a scene's layer alive)."""
    return [None if layer is None else ref(layer) for layer in layers]
