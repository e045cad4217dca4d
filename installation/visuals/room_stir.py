"""What stirs in Harry's room while he sleeps: the curtains, moved by the night air from the
window open a crack, and the city's windows beyond the blinds going on and off."""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, hash01, mix
from installation.visuals.shares import Box, box

FOLDS = 7  # folds across one curtain
STIR_STEPS = 12  # drawings of each curtain, from hanging still to stirred the most (made once)
STIR_REACH = 0.02  # how far its inner edge comes in over the glass at its hem, of the width
STIR_SECONDS = 6.7  # one breath of air: the curtain comes in and falls back
STIR_SWELL = 23.0  # some come stronger than others, over this many seconds
STIR_LAG = 1.3  # the right curtain takes the air this many seconds after the left
STIR_LOW = 1.6  # how the stir grows down the curtain (its top is held by the rail)
CITY_ROW, CITY_COLUMN = 9, 8  # the far towers' windows, a row and a column apart (pixels)
CITY_CELL = (3, 4)  # one far window (pixels)
CITY_TURNS = 0.45  # of the windows clear of the slats, this share go on and off
CITY_SECONDS = (5.0, 19.0)  # a window stays as it is this long, the least and the most
CITY_ON = 0.55  # the chance a turning window is lit in any one of its turns


def stir(seconds: float, lag: float = 0.0) -> float:
    """How far a curtain is stirred (0 hanging still, 1 the most) at this moment."""
    t = seconds - lag
    breath = 0.5 - 0.5 * math.cos(2 * math.pi * t / STIR_SECONDS)
    swell = 0.7 + 0.3 * math.sin(2 * math.pi * t / STIR_SWELL)
    return breath * swell


def cloth(size: tuple[int, int], color: Color, reach: float, inner_right: bool,
          extra: int = 0) -> pygame.Surface:
    """A curtain `size` pixels hanging still, shaded in folds, its inner edge `reach` pixels
    further in at the hem (less up the curtain): the folds spread with it. Transparent beyond
    its edge; `extra` pixels wider than its size on its inner side (room for its reach)."""
    width, height = size
    rows = (np.arange(height, dtype=np.float32) / max(1, height - 1)) ** STIR_LOW * reach
    wide = width + rows[None, :]  # each row's width
    x = np.arange(width + extra, dtype=np.float32)[:, None]
    if not inner_right:  # (its inner edge at its left: measured from its outer right edge)
        x = (width + extra - 1) - x
    turns = np.float32(FOLDS * 2 * math.pi) / np.maximum(np.float32(1.0), wide - 1)
    folds = 0.55 + 0.45 * np.cos(x * turns)
    sprite = pygame.Surface((width + extra, height), pygame.SRCALPHA)
    rgb = pygame.surfarray.pixels3d(sprite)
    rgb[:] = (np.array(color, np.float32)[None, None, :] * folds[..., None]).astype(np.uint8)
    del rgb
    alpha = pygame.surfarray.pixels_alpha(sprite)
    alpha[:] = (np.clip(wide - x, 0.0, 1.0) * 255).astype(np.uint8)
    del alpha
    return sprite


@dataclass(frozen=True)
class Curtain:
    """One curtain's drawings from still to stirred the most, and where each goes."""

    steps: tuple[pygame.Surface, ...]
    at: tuple[int, int]
    lag: float

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        step = min(STIR_STEPS - 1, round(stir(seconds, self.lag) * (STIR_STEPS - 1)))
        surface.blit(self.steps[step], self.at)


def curtains(shares: tuple[Box, Box], color: Color,
             size: tuple[int, int]) -> Generator[None, None, list[Curtain]]:
    """The two curtains either side of the window (left, right), each in its drawings (made
    in pieces, a drawing a piece)."""
    out = []
    for n, part in enumerate(shares):
        rect = box(part, size)
        inner_right = n == 0
        most = STIR_REACH * size[0]
        extra = math.ceil(most)
        steps = []
        for k in range(STIR_STEPS):
            steps.append(cloth(rect.size, color, most * k / (STIR_STEPS - 1), inner_right, extra))
            yield
        left = rect.left if inner_right else rect.left - extra
        out.append(Curtain(tuple(steps), (left, rect.top), STIR_LAG * n))
    return out


def in_front(curtain: Curtain, before: pygame.Surface, after: pygame.Surface) -> Curtain:
    """The curtain with what stands in front of it kept in front (its drawings are clear
    wherever the room, drawn with everything, differs from the room drawn up to the curtains:
    the bed's foot before the right one)."""
    rect = pygame.Rect(curtain.at, curtain.steps[0].get_size()).clip(before.get_rect())
    old = pygame.surfarray.array3d(before.subsurface(rect))
    new = pygame.surfarray.array3d(after.subsurface(rect))
    clear = (old != new).any(axis=2)
    steps = []
    for step in curtain.steps:
        sprite = step.copy()
        alpha = pygame.surfarray.pixels_alpha(sprite)
        dx, dy = rect.left - curtain.at[0], rect.top - curtain.at[1]
        alpha[dx:dx + rect.width, dy:dy + rect.height][clear] = 0
        del alpha
        steps.append(sprite)
    return Curtain(tuple(steps), curtain.at, curtain.lag)


def hanging(out: pygame.Surface, shares: tuple[Box, Box], color: Color) -> None:
    """The curtains hanging still, drawn into the room."""
    for n, part in enumerate(shares):
        rect = box(part, out.get_size())
        out.blit(cloth(rect.size, color, 0.0, n == 0), rect.topleft)


@dataclass(frozen=True)
class CityWindows:
    """The far windows that go on and off: each a cell on the picture and its seed."""

    cells: tuple[pygame.Rect, ...]
    lit: Color
    seed: int

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """The lit ones of them now (the room is drawn with them all dark)."""
        for n, cell in enumerate(self.cells):
            low, high = CITY_SECONDS
            every = low + (high - low) * hash01(self.seed, n, 1)
            turn = int((seconds + every * hash01(self.seed, n, 2)) // every)
            if hash01(self.seed, n, turn, 3) < CITY_ON:
                surface.fill(self.lit, cell)


def city_windows(towers: list[pygame.Rect], gaps: list[pygame.Rect], tower: Color,
                 lit: Color, seed: int) -> CityWindows:
    """A share of the windows of the far towers that lie clear of the slats (whole in a gap
    between two): those go on and off."""
    cells = []
    for n, rect in enumerate(towers):
        for k, (wy, wx) in enumerate(window_places(rect)):
            cell = pygame.Rect(wx, wy, *CITY_CELL)
            if any(gap.contains(cell) for gap in gaps) and hash01(seed, n, k, 9) < CITY_TURNS:
                cells.append(cell)
    return CityWindows(tuple(cells), mix(tower, lit, 0.85), seed)


def window_places(tower: pygame.Rect) -> list[tuple[int, int]]:
    """The window places of a far tower, (y, x) row by row."""
    return [(wy, wx) for wy in range(tower.top + 6, tower.bottom - 4, CITY_ROW)
            for wx in range(tower.left + 4, tower.right - 4, CITY_COLUMN)]
