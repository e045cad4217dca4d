"""One figure's meeting with the tar: its collar and coat kept for a depth, the next made ahead."""

from __future__ import annotations

import math
from collections.abc import Generator
from typing import NamedTuple

import numpy as np
import pygame

from installation.visuals.base import Color, Made, finished
from installation.visuals.mammoth_lift import around
from installation.visuals.mire import (
    COAT,
    DRIPS,
    SOFT_EDGE,
    SWELL,
    UNDER_DEPTH,
    Grain,
    Seed,
    alpha_rows,
    climbing,
    coat_pieces,
    collar_height,
    collar_pieces,
    collar_reach,
    edge_pieces,
    heap,
    heap_of,
    rise_of,
)
from installation.visuals.mire_rings import Ripples, middles

SOLID = 100  # alpha above which a figure's pixel counts as solid
FAINT = 50  # alpha up to which it is only the soft edge of her
APART_REACH = 0.35  # what stands out of the tar apart from her is looked for this far above
# it, in her heights (a tusk's tip rises 0.22 of them out of the tar)


class Meeting(NamedTuple):
    """A figure's meeting with the tar at one depth and sky: which of its (padded) columns are
    solid at the surface, the collar (the tar's sheen on her), each collar column's top, the
    coat, the figure as it shows above the tar, how much of its lowest rows shows over
    the tar heaped against it (`edge_pieces`), how high that heap stands in each of its
    columns, its climb up her sides too (see `Wading.over`), and the edge's rows over the
    surface."""

    solid: np.ndarray
    collar: pygame.Surface
    tops: np.ndarray
    coat: pygame.Surface
    figure: pygame.Surface  # the figure itself, or a copy with what has gone under cleared
    edge: pygame.Surface
    over: np.ndarray
    above: int


Key = tuple[int, Color]  # rows of the figure above the surface, and the sky


class Wading:
    """One figure's meeting with the tar: its collar and coat kept for one depth and sky, and
    those for the depth or sky to come made ahead, a piece at a time (`ahead`)."""

    def __init__(self, image: pygame.Surface, size: float, seed: Seed,
                 drawn: pygame.Surface | None = None, drips: float = DRIPS,
                 kept: pygame.mask.Mask | None = None, swells: bool = True,
                 coat: float = COAT, flank: float = 0.0, ring: float = 0.0) -> None:
        self.image, self.seed = image, seed  # her shape: the tar heaps round it
        self.drawn = image if drawn is None else drawn  # as she is drawn (see-through, maybe)
        self.thick = collar_height(size)
        self.pad = collar_reach(size)
        self.grain = Grain.of(image.get_width(), self.pad, self.thick, seed, drips, coat, flank,
                              ring)
        self.rise = rise_of(self.thick, self.grain)  # the collar's rows above the line
        self.edge_rows = heap_of(self.thick, self.grain) + math.ceil(self.thick * SOFT_EDGE) + 1
        # (her rows it can fade, at most: see `_heap_and_edge`)
        self.under_rows = math.ceil(self.thick * (UNDER_DEPTH + SOFT_EDGE / 2))  # and under it
        self._above = 0  # of the edge's rows, those over the surface
        self.size = size
        self._key: Key | None = None
        self._collar = self._coat = self._edge = pygame.Surface((1, 1))
        self.tops = np.zeros(1)
        self._over = np.zeros(1, np.float32)
        self.solid = np.zeros(1, bool)
        self.figure = self.drawn  # as she shows at the depth prepared
        self.drips = drips  # how much higher the tar runs up it in streaks (fur holds it)
        self.coat = coat  # how high it clings all along, in collar heights
        self.kept = kept  # what of it stands out of the tar apart and stays (a raised trunk)
        self.swells = swells  # going under, it shows through the tar as a swell (an animal;
        # a car's wheels seen through the tar read as a ghost)
        self._making: tuple[Key, Generator[None, None, Meeting]] | None = None
        self._made: tuple[Key, Meeting] | None = None  # made ahead, not yet drawn
        self._shown_ahead: tuple[Key, pygame.Surface] | None = None  # its figure, the first
        # of it made ahead
        self.pieces_made = 0  # pieces of collars and coats worked out so far

    def coat_rows(self) -> int:
        """How many of the figure's lowest visible rows the coat can reach."""
        return math.ceil(self.thick * (self.coat + self.drips)) + 1

    def prepare(self, visible: int, sky: Color) -> None:
        """Have the collar and the coat for `visible` rows above the surface (kept): made
        ahead, or what is left of them made now."""
        key = (visible, sky)
        if self._key == key:
            return
        if self._made is not None and self._made[0] == key:
            meeting, self._made = self._made[1], None
        elif self._making is not None and self._making[0] == key:
            meeting, self._making = finished(self._making[1]), None
        else:
            meeting = finished(self._pieces(visible, sky))
        (self.solid, self._collar, self.tops, self._coat, self.figure, self._edge,
         self._over, self._above) = meeting
        self._key = key

    def ahead(self, visible: int, sky: Color) -> None:
        """Work out one piece of the collar and coat for a depth or sky to come."""
        key = (visible, sky)
        if key == self._key or (self._made is not None and self._made[0] == key):
            return
        if self._making is None or self._making[0] != key:
            self._making = (key, self._pieces(visible, sky))
        try:
            next(self._making[1])
        except StopIteration as done:
            self._made, self._making = (key, done.value), None

    def made_figure(self, visible: int, sky: Color) -> pygame.Surface | None:
        """The figure as it will show at this depth and sky, if all made ahead (else None)."""
        made = self._made
        return made[1].figure if made is not None and made[0] == (visible, sky) else None

    def coming_figure(self, visible: int, sky: Color) -> pygame.Surface | None:
        """The figure as it will show at this depth and sky, once worked out ahead (its
        first pieces: the collar and coat may still be in the making), else None."""
        made = self.made_figure(visible, sky)
        shown = self._shown_ahead
        return made if made is not None else (
            shown[1] if shown is not None and shown[0] == (visible, sky) else None)

    def _shown(self, visible: int,
               solid: np.ndarray) -> Generator[None, None, pygame.Surface]:
        """The figure with `visible` rows above the surface, and only her body showing over
        the heaped tar: what stands out of it apart from that (a curved tusk's tip, its
        middle under the heap) has gone under with her; alone it would read as a bone.
        Two pieces: her pixels over the heap, then which of them are apart."""
        found = yield from self._apart(visible, solid)
        if found is None:
            return self.drawn
        top, apart = found
        figure = self.drawn.copy()
        apart.to_surface(figure, setcolor=(0, 0, 0, 0), unsetcolor=None, dest=(0, top))
        return figure

    def _apart(self, visible: int, solid: np.ndarray) -> Generator[
            None, None, tuple[int, pygame.mask.Mask] | None]:
        """Her pixels over the heap apart from her body, as a mask of her rows from the row
        given down to the surface (None: none). Looked for up to APART_REACH of her height
        above the surface: a piece that reaches higher is taken to join her up there."""
        top = max(0, visible - math.ceil(self.size * APART_REACH))
        heights = heap(solid, self.thick, self.grain, self._standing(visible))[1][
            self.pad:-self.pad]
        band = self.image.subsurface((0, top, self.image.get_width(), visible - top)).copy()
        alpha = pygame.surfarray.pixels_alpha(band)
        rows = np.arange(top, visible)[None, :]
        soft = max(1.0, self.thick * SOFT_EDGE) / 2  # (the tar's soft edge on her shows her
        # this far under its top: a sliver of her there, apart, stood as a grey speck at 10:41)
        alpha[rows >= np.ceil(visible - heights + soft).astype(int)[:, None]] = 0  # under it
        del alpha
        shown = pygame.mask.from_surface(band, FAINT)  # her faint edges join nothing
        yield
        pieces = shown.connected_components()
        if not pieces:
            return None
        body = max(pieces, key=lambda piece: piece.count())
        apart = pygame.mask.Mask(band.get_size())
        for piece in pieces:
            if piece is not body and self._goes(piece, top):
                for dx, dy in ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)):  # and its edges
                    apart.draw(piece, (dx, dy))
        return (top, apart) if apart.count() else None

    def _goes(self, piece: pygame.mask.Mask, top: int) -> bool:
        """Whether a piece of her over the heap apart from her body (in her rows from `top`)
        goes under with her: not if it reaches the top (it joins her up there) or stands out
        of the tar apart and stays (`kept`: a raised trunk)."""
        return piece.get_bounding_rects()[0].top > 0 and not (
            self.kept is not None and piece.overlap(self.kept, (0, -top)))

    def _solid(self, visible: int) -> np.ndarray:
        """Which of the padded columns the figure fills at the surface."""
        alpha = pygame.surfarray.pixels_alpha(self.image)
        solid = np.zeros(self.image.get_width() + 2 * self.pad, bool)
        solid[self.pad:-self.pad] = alpha[:, visible - 1] > SOLID
        return solid

    def _standing(self, visible: int) -> np.ndarray | None:
        """Which of the padded columns the figure fills from one to two collar heights over
        the surface: what of her stands out of the tar for it to close round in a ring (None:
        no ring). (In the one row a collar height up alone, the ring stood highest under her
        trunk's right side leaning out over it, and bit a notch out of it at 10:41; down to
        the surface, it dipped round a sliver of her lying on the tar, a dark tail.)"""
        if not self.grain.ring:
            return None
        alpha = pygame.surfarray.pixels_alpha(self.image)
        rows = slice(max(0, visible - 2 * self.thick), max(1, visible - self.thick))
        standing = np.zeros(self.image.get_width() + 2 * self.pad, bool)
        standing[self.pad:-self.pad] = (alpha[:, rows] > SOLID).any(axis=1)
        del alpha
        return standing

    def _low(self, visible: int) -> np.ndarray:
        """Which of her columns she fills within a collar height over the surface: where the
        tar clings to her (at the surface row alone, a tusk lying just over the tar as she
        went under stayed clean ivory, a pale stick floating on it)."""
        alpha = pygame.surfarray.pixels_alpha(self.image)
        low = (alpha[:, max(0, visible - self.thick):visible] > SOLID).any(axis=1)
        del alpha
        return np.asarray(low)

    def _pieces(self, visible: int, sky: Color) -> Generator[None, None, Meeting]:
        """The figure as it shows, its collar and its coat for `visible` rows above the
        surface, a piece at a time."""
        solid = self._solid(visible)
        figure = yield from self._counted(self._shown(visible, solid))
        self._shown_ahead = ((visible, sky), figure)
        yield
        lowest = slice(visible - min(visible, self.coat_rows()), visible)
        fur = alpha_rows(self.image, lowest)
        if figure is not self.drawn:  # no coat on what has gone under
            fur[alpha_rows(figure, lowest) == 0] = 0
        high, ramp = SWELL
        swell = min(1.0, max(0.0, (high - visible / self.size) / ramp)) if self.swells else 0.0
        below = min(self.under_rows, self.image.get_height() - visible) if swell else 0
        standing = self._standing(visible)
        over, above = self._heap_and_edge(solid, standing, visible)
        yield
        edge = yield from self._counted(edge_pieces(solid, self.thick, self.grain, above,
                                                    below, swell, standing))
        faded = min(fur.shape[1], above)  # no coat where the tar covers her
        fur[:, -faded:] = fur[:, -faded:] * (alpha_rows(edge, slice(above - faded, above))
                                             / 255.0)
        collar, tops = yield from self._counted(collar_pieces(solid, self.thick, self.grain, sky,
                                                              standing))
        yield
        climb = climbing(solid, self.thick, self.grain)[self.pad:-self.pad]
        coat = yield from self._counted(coat_pieces(fur, self._low(visible), self.thick,
                                                    self.grain, sky, climb))
        return Meeting(solid, collar, tops, coat, figure, edge, over, above)

    def _heap_and_edge(self, solid: np.ndarray, standing: np.ndarray | None,
                       visible: int) -> tuple[np.ndarray, int]:
        """How high the tar heaped against her stands in each of her columns, its climb up
        her sides too, and how many of her lowest rows her edge fades over at this depth: over
        the heap's highest and SOFT_EDGE more (over the collar's rows alone, where the tar
        climbed her side higher than those, her rows over the fade were drawn whole above rows
        it had faded out: a straight line across her raised trunk at 10:39)."""
        over = heap(solid, self.thick, self.grain, standing)[1][self.pad:-self.pad]
        soft = math.ceil(self.thick * SOFT_EDGE) + 1
        rows = max(self.rise, math.ceil(float(over.max()))) + soft
        return over, min(visible, rows, self.edge_rows)

    def _counted(self, pieces: Generator[None, None, Made]) -> Generator[None, None, Made]:
        """The same pieces, counted in `pieces_made` as each is worked out."""
        while True:
            self.pieces_made += 1
            try:
                next(pieces)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]
            yield

    def heights(self) -> np.ndarray:
        """How high the tar stands over the surface in each of her columns, at the depth
        prepared."""
        return np.asarray(self.rise - self.tops[self.pad:-self.pad], np.float32)

    def over(self) -> np.ndarray:
        """How high the tar heaped against her stands over the surface in each of her
        columns, at the depth prepared, its climb up her sides too: what of her shows is over
        it (the collar is drawn no higher than `rise`)."""
        return self._over

    def shown_rows(self, visible: int) -> int:
        """Of `visible` rows of the figure above the surface, how many are drawn whole (the
        rest, under `draw_edge`, fade into the tar heaped against it)."""
        return visible - self._above if self._key is not None else visible

    def draw_edge(self, surface: pygame.Surface, corner: tuple[int, int],
                  pictures: tuple[pygame.Surface, pygame.Surface | None],
                  hole: pygame.Rect | None) -> None:
        """The figure's lowest rows (the prepared depth's), fading into the tar heaped against
        them, and the swell of it just under the surface: from its picture at rest, but for
        `hole` (where its posed picture, the second of `pictures`, shows); `corner`: its top
        left corner on the surface."""
        if self._key is None:
            return
        rest, posed = pictures
        top = self._key[0] - self._above
        rows = pygame.Rect(0, top, rest.get_width(), self._edge.get_height())
        band = rest.subsurface(rows).copy()
        moving = (hole.clip(rows) if hole is not None and posed is not None
                  and posed is not self.drawn else None)  # (her posed picture is the one she
        # was drawn from, going under at the end, what has gone under cleared from it: laid
        # again in her hole, a sliver of her cleared by the tar stood left of her trunk's tip)
        if moving and posed is not None:  # (a copy: filled clear, then added)
            band.fill((0, 0, 0, 0), moving.move(0, -top))
            band.blit(posed, (moving.x, moving.y - top), moving,
                      special_flags=pygame.BLEND_RGBA_ADD)
        band.blit(self._edge, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        surface.blit(band, (corner[0], corner[1] + top))

    def draw(self, surface: pygame.Surface, left: int, line: int,
             hole: pygame.Rect | None = None) -> None:
        """The coat over the figure's lowest rows and the collar over the line; `left` is the
        figure's left edge on the surface. `hole`: a part of the figure (in its rows and
        columns) that has moved out of the coat's place (a lifted head): no coat there."""
        height = self._coat.get_height()
        if hole is None or self._key is None:
            surface.blit(self._coat, (left, line - height))
        else:
            hole = hole.move(0, height - self._key[0])  # in the coat's rows
            for part in around(self._coat.get_rect(), hole):
                surface.blit(self._coat, (left + part.x, line - height + part.y), part)
        surface.blit(self._collar, (left - self.pad, line - self.rise))

    def area(self, left: int, line: int) -> pygame.Rect:
        """Where `draw` can paint, at any depth."""
        width = self.image.get_width() + 2 * self.pad
        top = line - max(self.rise, self.coat_rows(), self.edge_rows)
        return pygame.Rect(left - self.pad, top, width, line + self.pad - top)

    def ripples(self, visible: int) -> Generator[None, None, Ripples]:
        """The rings she sends over the tar, as wide as she is at the surface with `visible`
        rows above it (centred, at each depth up to that, on her middle there), their sprites
        made a few a piece."""
        ripples = Ripples(self._solid(max(1, visible)), self.pad, self.thick, self.size,
                          middles(self.image, SOLID)[:max(1, visible)])
        yield from ripples.rings.pieces()
        return ripples
