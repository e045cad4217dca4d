"""People mirrored in the tar below their feet: each sprite flipped at the foot line, darkened as
the tar mirrors, fading with depth, and drawn broken into the tar's wobbling bands."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.skeleton import Point
from installation.visuals.tarpit import BAND, MIRROR_DIM, gloss, ripples, tint

WOBBLE_RATE = 30  # the tar's wobble under a reflection moves on this many times a second


@dataclass(frozen=True)
class Mirror:
    """How a layer's figures mirror in the tar below their feet."""

    strength: float  # 0 to 1: how opaque the reflection is at the feet
    depth: int  # rows from the feet to the foot of the picture (the mirror fades over them)
    width: int  # the picture's, for the tar's wobble
    seed: int


class Wobble:
    """How far the tar's wobble pushes each band of a layer's reflections, worked out once for
    the frames that share a step of it (it moves on WOBBLE_RATE times a second)."""

    def __init__(self, mirror: Mirror) -> None:
        self.mirror = mirror
        self._wobbled: tuple[int | None, np.ndarray] = (None, np.zeros(0))  # its step, shifts

    def at(self, seconds: float) -> np.ndarray:
        """The bands' shifts at `seconds` (down from the tar's edge)."""
        mirror = self.mirror
        step = math.floor(seconds * WOBBLE_RATE)
        if self._wobbled[0] != step:
            self._wobbled = (step, ripples(mirror.seed, mirror.depth, step / WOBBLE_RATE,
                                           mirror.width))
        return self._wobbled[1]


def reflected(sprite: pygame.Surface, feet: Point,
              mirror: Mirror) -> tuple[pygame.Surface, Point]:
    """A sprite mirrored in the tar below its feet: flipped at the foot line, darker and browner
    (as the tar mirrors the sky), fading as the tar's mirror does further down; with where the
    feet are on it (on its top edge). `wobbled` draws it broken into the tar's bands."""
    width, height = sprite.get_size()
    rows = min(height, int(feet[1]))
    flipped = pygame.transform.flip(sprite.subsurface((0, 0, width, rows)), False, True)
    dim = tint(MIRROR_DIM)
    for y in range(rows):  # the tar's darkening with depth, as a fading into it
        fade = mirror.strength * gloss(y / mirror.depth) / gloss(0.0)
        flipped.fill((*dim, round(255 * min(1.0, fade))), (0, y, width, 1),
                     special_flags=pygame.BLEND_RGBA_MULT)
    # Its top row is the sprite's row above the foot line (rounded as the sprite's place is),
    # or, for a part cut off above the feet (an arm), as far below them as the part is above.
    gap = max(0.0, feet[1] - height)
    return flipped, (feet[0], feet[1] - rows - 2 * gap)


def wobbled(surface: pygame.Surface, image: pygame.Surface, at: tuple[int, int],
            shifts: np.ndarray) -> None:
    """A reflection drawn at `at` in bands of BAND rows, each pushed sideways by the tar's
    wobble there (`shifts`, a band's each, down from the tar's edge: the last one for any
    further down)."""
    width, rows = image.get_size()
    last = len(shifts) - 1
    surface.blits([(image, (at[0] + int(shifts[min(n, last)]), at[1] + y), (0, y, width, BAND))
                   for n, y in enumerate(range(0, rows, BAND))], doreturn=False)
