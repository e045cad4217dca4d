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
SOFT = 0.02  # of a figure's picture's height: its mask fades out over this many rows above the
# tar heaped against it (cut there in one row, the frame stepped from the night to the front)
LONE_ROWS = 6  # the rows of a figure of the arriving scene alone the light reaches first
LONE_SHARE = 0.5  # ... where the light's share is this, it comes whole at once (faded in, the
# calf's back showed the skull under it through it for a frame)
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


Pair = tuple[Standing | None, Standing]  # the scene being left's (None: the arriving scene's
# alone, as the calf on the near bank), the arriving one's


def standing_in(entries: Iterable[tuple[int, Any, Any]], frame: Frame) -> list[Standing]:
    """The figures standing in a scene's land at `frame` (its layers' `entries`)."""
    found = (getattr(layer, "standing", None) for _index, _spec, layer in entries)
    return [figure for ask in found if ask is not None
            and (figure := ask(frame)) is not None]


def paired(old: Sequence[Standing], new: Sequence[Standing]) -> list[Pair]:
    """The figures standing in the arriving scene, each with the one standing at its place in
    the scene being left (the same name; None: none there), each as each shows."""
    leaving = {figure.name: figure for figure in old}
    return [(leaving.get(figure.name), figure) for figure in new]


def key_of(pair: Pair) -> tuple[Any, ...]:
    """What decides a pair's mask: its pictures, where they lie and the row they stand on."""
    return tuple((id(figure.picture), figure.at, figure.line) if figure else None
                 for figure in pair)


class Whole:
    """One figure of both scenes taken whole: a mask where either shows (the more of their
    alphas), above the row it stands on; the old scene's picture of it kept before the front
    is laid, then the old one laid back through it, the morning's over it at its share. A
    figure of the arriving scene alone comes whole as the light reaches its top (`row`): the
    light comes down over what stands tall first (turned where it stands, its first rows were
    the night's tar and the bones in it, a skull under the calf's back)."""

    def __init__(self) -> None:
        self.box, self.line, self.row = pygame.Rect(0, 0, 0, 0), 0, 0
        self.lone = False  # of the arriving scene alone
        self.feet = np.zeros(0, np.int64)  # the columns of the screen it stands on
        self._key: tuple[Any, ...] | None = None
        self._pair: Pair | None = None
        self._size = (0, 0)  # of the pictures below (made again only for another size)

    def fit(self, pair: Pair) -> None:
        """Where the pair shows now (its mask is made when the front first reaches it)."""
        if key_of(pair) == self._key:
            return
        figures = [figure for figure in pair if figure is not None]
        line = min(figure.line for figure in figures)
        box = pygame.Rect(figures[0].at, figures[0].picture.get_size()).unionall(
            [pygame.Rect(figure.at, figure.picture.get_size()) for figure in figures[1:]])
        box.height = max(0, min(box.bottom, line) - box.top)
        self.box, self.line, self._pair, self._key = box, line, pair, key_of(pair)
        self.row, self.lone = line, pair[0] is None

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
            if figure is not None:
                _shown(alpha, figure, box)
        if pair[0] is None:  # (its picture has room round it to lift its trunk)
            self.row = box.y + _top(alpha) + LONE_ROWS
        del alpha
        self.feet = _feet(self.mask, self.row - box.y) + box.x

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
        by the front's `glow` where it stands, in 256ths) over it at `share` of its strength
        (a figure of the arriving scene alone: all or none of it)."""
        if self.lone:
            share = float(share >= LONE_SHARE)
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
    soft = max(1.0, SOFT * height)
    own = own * np.clip((figure.line - heap[:, None] - rows[None, :]) / soft, 0.0, 1.0)
    view = alpha[inside.x:inside.right, inside.y:inside.bottom]
    np.maximum(view, own.astype(np.uint8), out=view)


def _top(alpha: np.ndarray) -> int:
    """The first row of a mask's `alpha` (columns first) the figure shows in."""
    rows = np.nonzero(alpha.max(axis=0) > 0)[0]
    return int(rows[0]) if len(rows) else 0


def _feet(mask: pygame.Surface, row: int) -> np.ndarray:
    """The columns of `mask` (from its left) the figure shows in over the rows it turns by
    (FEET_ROWS of them, its lowest up to `row`)."""
    alpha = pygame.surfarray.array_alpha(mask)
    shown = np.nonzero(alpha.max(axis=0) > 0)[0]
    shown = shown[shown < row]
    if not len(shown):
        return np.arange(mask.get_width())
    lowest = alpha[:, max(0, shown[-1] + 1 - FEET_ROWS):shown[-1] + 1]
    return np.nonzero(lowest.max(axis=1) > 0)[0]
