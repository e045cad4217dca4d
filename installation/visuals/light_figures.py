"""The figures a light wipe's front takes whole: one standing in the tar in both scenes at one
place (the mother) turns from the night's to the morning's as one, as the light reaches the row
she stands on (cut across by the front, the morning's rim-lit crown sat on the night's dark
head, a second animal stacked on the first); the tar round her is the front's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import Color, Frame

FEET_ROWS = 4  # the rows of a figure just above its line whose columns it stands on
Name = tuple[Any, ...]


@dataclass(frozen=True)
class Standing:
    """A figure standing in the land at one frame: its picture (alpha: where it is), its
    top-left on the screen, the row it stands on (from it down the tar is the land's, the
    front's), and what and where it is (`name`: a figure in both scenes pairs by it)."""

    picture: pygame.Surface
    at: tuple[int, int]
    line: int
    name: Name
    heap: np.ndarray | None = None  # how high the tar heaped against it stands over `line` in
    # each column of its picture: what of it shows is above that (None: all above `line`)


Pair = tuple[Standing, Standing]  # the scene being left's, the arriving one's


def standing_in(entries: Iterable[tuple[int, Any, Any]], frame: Frame) -> list[Standing]:
    """The figures standing in a scene's land at `frame` (its layers' `entries`)."""
    found = (getattr(layer, "standing", None) for _index, _spec, layer in entries)
    return [figure for ask in found if ask is not None
            and (figure := ask(frame)) is not None]


def paired(old: Sequence[Standing], new: Sequence[Standing]) -> list[Pair]:
    """The figures standing in both scenes at one place (the same name), each as each shows."""
    arriving = {figure.name: figure for figure in new}
    return [(figure, arriving[figure.name]) for figure in old if figure.name in arriving]


def key_of(pair: Pair) -> tuple[Any, ...]:
    """What decides a pair's mask: its pictures, where they lie and the row they stand on."""
    return tuple((id(figure.picture), figure.at, figure.line) for figure in pair)


class Whole:
    """One figure of both scenes taken whole: a mask where either shows (the more of their
    alphas), above the row it stands on; the old scene's picture of it kept before the front
    is laid, then the old one laid back through it, the morning's over it at its share."""

    def __init__(self) -> None:
        self.box, self.line = pygame.Rect(0, 0, 0, 0), 0
        self.feet = np.zeros(0, np.int64)  # the columns of the screen it stands on
        self._key: tuple[Any, ...] | None = None
        self._pair: Pair | None = None
        self._size = (0, 0)  # of the pictures below (made again only for another size)

    def fit(self, pair: Pair) -> None:
        """Where the pair shows now (its mask is made when the front first reaches it)."""
        if key_of(pair) == self._key:
            return
        line = min(figure.line for figure in pair)
        boxes = [pygame.Rect(figure.at, figure.picture.get_size()) for figure in pair]
        box = boxes[0].union(boxes[1])
        box.height = max(0, min(box.bottom, line) - box.top)
        self.box, self.line, self._pair, self._key = box, line, pair, key_of(pair)

    def made(self) -> None:
        """Its mask where the pair shows (and the pictures it is laid through), if not yet."""
        if self._pair is None:
            return
        box, pair, self._pair = self.box, self._pair, None
        if self._size != box.size:
            self._size = box.size
            self.mask = pygame.Surface(box.size, pygame.SRCALPHA)
            self._old = pygame.Surface(box.size, pygame.SRCALPHA)
            self._new = pygame.Surface(box.size, pygame.SRCALPHA)
            self._light = pygame.Surface(box.size)
        self.mask.fill((255, 255, 255, 0))  # white, its alpha where either shows: what a
        # picture is multiplied by to show only the figure (the tar round it is the front's)
        alpha = pygame.surfarray.pixels_alpha(self.mask)
        for figure in pair:
            _shown(alpha, figure, box)
        del alpha
        self.feet = _feet(self.mask) + box.x

    def touched(self, rows: pygame.Rect) -> bool:
        """Does the front's band (`rows`) reach over the figure or the row it stands on?"""
        return bool(self.box.width) and rows.top <= self.line and rows.bottom > self.box.top

    def keep(self, target: pygame.Surface) -> None:
        """The old scene's picture of it, from `target` before the front is laid over it."""
        self._old.blit(target, (0, 0), self.box)
        self._old.blit(self.mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)

    def lay(self, target: pygame.Surface, new: pygame.Surface, share: float,
            glow: Color) -> None:
        """Over the front laid in `target`: the old figure whole, the morning's (`new`, lit
        by the front's `glow` where it stands, in 256ths) over it at `share` of its strength."""
        if share < 1.0:
            target.blit(self._old, self.box)
        if share <= 0.0:
            return
        self._new.blit(new, (0, 0), self.box)
        if max(glow) > 0:
            self._light.blit(new, (0, 0), self.box)
            self._light.fill(glow, special_flags=pygame.BLEND_RGB_MULT)
            self._new.blit(self._light, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        self._new.blit(self.mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        if share < 1.0:
            self._new.fill((255, 255, 255, round(255 * share)),
                           special_flags=pygame.BLEND_RGBA_MULT)
        target.blit(self._new, self.box)


def _shown(alpha: np.ndarray, figure: Standing, box: pygame.Rect) -> None:
    """Raise `alpha` (a mask's, over `box` of the screen, columns first) to the figure's where
    it shows: its picture above the tar heaped against it (below that the tar, which the
    front crosses: laid whole, the hull of her legs under it showed as a pale wedge)."""
    left, top = figure.at[0] - box.x, figure.at[1] - box.y
    width, height = figure.picture.get_size()
    inside = pygame.Rect(left, top, width, height).clip(0, 0, *alpha.shape)
    if not inside.width or not inside.height:
        return
    own = pygame.surfarray.array_alpha(figure.picture)[
        inside.x - left:inside.right - left, inside.y - top:inside.bottom - top]
    rows = np.arange(inside.y, inside.bottom) + box.y  # of the screen
    heap = (figure.heap[inside.x - left:inside.right - left] if figure.heap is not None
            else np.zeros(inside.width))
    own = np.where(rows[None, :] < figure.line - heap[:, None], own, 0)
    view = alpha[inside.x:inside.right, inside.y:inside.bottom]
    np.maximum(view, own, out=view)


def _feet(mask: pygame.Surface) -> np.ndarray:
    """The columns of `mask` (from its left) the figure shows in over its lowest rows."""
    alpha = pygame.surfarray.array_alpha(mask)
    shown = np.nonzero(alpha.max(axis=0) > 0)[0]
    if not len(shown):
        return np.arange(mask.get_width())
    lowest = alpha[:, max(0, shown[-1] + 1 - FEET_ROWS):shown[-1] + 1]
    return np.nonzero(lowest.max(axis=1) > 0)[0]
