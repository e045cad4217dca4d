"""Wet asphalt breaks up what it mirrors far below the horizon: there a reflection is drawn out
down the road, soft across it and rippled, never a legible mirrored word. Worked on the street's
smeared mirror (a few hundred columns, a row for every ten of the picture's) with eight blits
on surfaces made once, however many rows are asked for (a frame streaks only the rows that
changed): softened across so much that no letter survives, the rows rippled darker in turn.
"""

from __future__ import annotations

import numpy as np
import pygame

STREAK_FROM, STREAK_FULL = 0.2, 0.4  # of the mirror's depth: where the streak begins, full
STREAK_DOWN = 0.05  # of the mirror's rows: how far a light is drawn out down it, to the viewer
STREAK_ACROSS = 0.008  # of its columns: how far it is softened either way, across it
RIPPLE_DARK = 0.3  # every other smeared row is this much darker where the streak is full
STREAK_TAIL = 0.35  # a streak's light at its ends, against its middle
SOFT_BLOCK = 2  # softened across by shrinking this many times `across` columns to one
STREAK_EVERY = 2  # the streak is drawn out from every other smeared row (they overlap)


class Streak:
    """How the smeared mirror of `size` (columns, rows) is streaked: its reach, its rows'
    strengths, and the surfaces it works on (made once)."""

    def __init__(self, size: tuple[int, int]) -> None:
        width, rows = size
        self.down = max(1, round(rows * STREAK_DOWN))
        self.across = max(1, round(width * STREAK_ACROSS))
        depth = np.arange(rows, dtype=np.float32) / max(1, rows)
        self.strength = np.clip((depth - STREAK_FROM) / (STREAK_FULL - STREAK_FROM), 0.0, 1.0)
        self.first = int(np.argmax(self.strength > 0)) if self.strength.any() else rows
        self.full = int(np.argmax(self.strength >= 1)) if (self.strength >= 1).any() else rows
        # How far across a change reaches, in columns either way: softening shrinks a block
        # of 2 * across columns to one and grows it back between it and its neighbours.
        self.reach = 2 * SOFT_BLOCK * self.across + 2
        dark = 1.0 - RIPPLE_DARK * self.strength * (np.arange(rows) % 2)  # the ripples
        # What each row keeps of the streak, and of itself as it is (the ripples darken both).
        self.masks = (_rows_of(self.strength * dark, width),
                      _rows_of((1 - self.strength) * dark, width))
        self._drawn, self._faded, self._soft = (pygame.Surface(size) for _ in range(3))
        self._few = pygame.Surface((max(2, width // (SOFT_BLOCK * self.across)), rows))

    def touches(self, top: int, bottom: int) -> bool:
        """Is a streaked row drawn from any of rows top..bottom - 1?"""
        return bottom + self.down > self.first

    def rows_read(self, top: int, bottom: int) -> tuple[int, int]:
        """The smeared rows that change when rows top..bottom - 1 of the mirror change."""
        if not self.touches(top, bottom):
            return top, bottom
        return top, min(len(self.strength), bottom + self.down)

    def apply(self, raw: pygame.Surface, out: pygame.Surface, top: int, bottom: int) -> None:
        """Rows top..bottom - 1 of `raw` streaked onto `out` (rows before `first` copied as
        they are)."""
        width = raw.get_width()
        plain = min(bottom, max(top, self.first))
        if plain > top:
            out.blit(raw, (0, top), (0, top, width, plain - top))
        if bottom <= plain:
            return
        rows = pygame.Rect(0, plain, width, bottom - plain)
        drawn = self._drawn_out(raw, rows)
        few = self._few.subsurface((0, rows.top, self._few.get_width(), rows.height))
        pygame.transform.smoothscale(drawn, few.get_size(), few)
        soft = self._soft.subsurface(rows)
        pygame.transform.smoothscale(few, soft.get_size(), soft)
        target = out.subsurface(rows)
        target.blit(soft, (0, 0))
        target.blit(self.masks[0], (0, 0), rows, special_flags=pygame.BLEND_RGB_MULT)
        if plain < self.full:  # rows still partly as they are
            mixed = pygame.Rect(0, plain, width, min(bottom, self.full) - plain)
            part = self._faded.subsurface(mixed)
            part.blit(raw, (0, 0), mixed)
            part.blit(self.masks[1], (0, 0), mixed, special_flags=pygame.BLEND_RGB_MULT)
            out.blit(part, mixed, special_flags=pygame.BLEND_RGB_ADD)

    def _drawn_out(self, raw: pygame.Surface, rows: pygame.Rect) -> pygame.Surface:
        """Rows `rows` of `raw` (returned on a surface of their size), each the brightest of
        itself and the rows above it (nearer the horizon), those farther off dimmed: a light
        drawn out down the road, towards the viewer, keeps its brightness and fades at its
        end."""
        drawn = self._drawn.subsurface(rows)
        drawn.blit(raw, (0, 0), rows)
        for away in range(STREAK_EVERY, self.down + 1, STREAK_EVERY):
            source = pygame.Rect(0, max(0, rows.top - away), rows.width, 0)
            source.height = rows.bottom - away - source.top
            if source.height <= 0:
                continue
            faded = self._faded.subsurface(source)
            faded.blit(raw, (0, 0), source)
            faded.fill(_grey(1.0 - (1.0 - STREAK_TAIL) * away / self.down),
                       special_flags=pygame.BLEND_RGB_MULT)
            drawn.blit(faded, (0, source.top + away - rows.top),
                       special_flags=pygame.BLEND_RGB_MAX)
        return drawn


def _rows_of(levels: np.ndarray, width: int) -> pygame.Surface:
    """A surface to multiply by, each row the grey of its level 0..1."""
    grey = np.repeat(np.round(255 * np.clip(levels, 0, 1)).astype(np.uint8)[None, :], width, 0)
    out = pygame.Surface((width, len(levels)))
    pygame.surfarray.blit_array(out, np.repeat(grey[:, :, None], 3, axis=2))
    return out


def _grey(level: float) -> tuple[int, int, int]:
    """A grey to multiply by: `level` 0..1 of full."""
    value = round(255 * min(1.0, max(0.0, level)))
    return value, value, value
