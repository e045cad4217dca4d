"""People mirrored in the tar below their feet: each sprite flipped at the foot line, darkened as
the tar mirrors, fading with depth, softened a little, and drawn with the tar's smooth wobble."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.skeleton import Point
from installation.visuals.tar_wobble import wobble
from installation.visuals.tarpit import MIRROR_DIM, gloss, tint

WOBBLE_RATE = 30  # the tar's wobble under a reflection moves on this many times a second
SOFT = 2  # a reflection is softened by shrinking it this many times and enlarging it again
ROWS_PER_WIDTH = 2  # the wobble is worked out for this many picture widths of rows (any
# landscape picture's rows; a row further down takes the last row's push)


@dataclass(frozen=True)
class Mirror:
    """How a layer's figures mirror in the tar below their feet."""

    strength: float  # 0 to 1: how opaque the reflection is at the feet
    depth: int  # rows from the feet to the foot of the picture (the mirror fades over them)
    width: int  # the picture's, for the tar's wobble
    seed: int


class Wobble:
    """How far the tar's wobble pushes each row of the picture under a layer's reflections,
    worked out once for the frames that share a step of it (WOBBLE_RATE a second)."""

    def __init__(self, mirror: Mirror) -> None:
        self.mirror = mirror
        self._wobbled: tuple[int | None, np.ndarray] = (None, np.zeros(0))  # its step, shifts

    def at(self, seconds: float) -> np.ndarray:
        """Each picture row's push at `seconds` (from the picture's top row)."""
        width = self.mirror.width
        step = math.floor(seconds * WOBBLE_RATE)
        if self._wobbled[0] != step:
            rows = np.arange(ROWS_PER_WIDTH * width)
            self._wobbled = (step, wobble(rows, width, step / WOBBLE_RATE))
        return self._wobbled[1]


def reflected(sprite: pygame.Surface, feet: Point,
              mirror: Mirror) -> tuple[pygame.Surface, Point]:
    """A sprite mirrored in the tar below its feet: flipped at the foot line, darker and browner
    (as the tar mirrors the sky), fading as the tar's mirror does further down; with where the
    feet are on it (on its top edge), softened a little (tar is no clean glass). `wobbled`
    draws it with the tar's wobble."""
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
    return softened(flipped), (feet[0], feet[1] - rows - 2 * gap)


def softened(image: pygame.Surface) -> pygame.Surface:
    """The image a little blurred, its size kept: shrunk SOFT times and enlarged again."""
    width, height = image.get_size()
    small = pygame.transform.smoothscale(image, (max(1, width // SOFT), max(1, height // SOFT)))
    return pygame.transform.smoothscale(small, (width, height))


def wobbled(surface: pygame.Surface, image: pygame.Surface, at: tuple[int, int],
            shifts: np.ndarray) -> None:
    """A reflection drawn at `at`, each of its rows pushed sideways by the tar's wobble at its
    row of the picture (`shifts`, each row's from the picture's top: the last for any further
    down), a blit for each run of rows pushed alike."""
    width, rows = image.get_size()
    if rows <= 0 or len(shifts) == 0:
        return
    pushes = shifts[np.clip(np.arange(at[1], at[1] + rows), 0, len(shifts) - 1)]
    starts = np.flatnonzero(np.diff(pushes, prepend=pushes[0] - 1)).tolist()
    ends = [*starts[1:], rows]
    surface.blits([(image, (at[0] + int(pushes[top]), at[1] + top), (0, top, width, end - top))
                   for top, end in zip(starts, ends, strict=True)], doreturn=False)
