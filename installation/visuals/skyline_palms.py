"""The palms over Wilshire's low roofs (the skyline's `wilshire` style): a few groups of tall
Washingtonias along the near row, in silhouette, their crowns over the blocks' roofs."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import Color
from installation.visuals.made_once import MadeOnce
from installation.visuals.palm import PALM, PALM_CROWN, crown_picture
from installation.visuals.shapes import shape_picture

GROUPS = 3  # groups of palms across the picture, one in each third of its width...
IN_GROUP = (2, 3)  # ...of this many each...
APART = (0.016, 0.03)  # ...this far apart (of the width)
TALL = (0.36, 0.42, 0.48)  # a palm's height, of the tallest slab (a 6-storey block's roof:
# 0.3): a few heights, each drawn once
UNITS = PALM_CROWN[1] + 0.7  # a palm's height in its drawing's units, foot to crown's top
DRAWN = 160  # pixels: a palm is drawn once this tall for every skyline of the show (the
# searchlights' tallest is 155), then made each one's size (drawn at each size, a scene's
# palms took ~300 full-frame blits of its building, in pieces of up to 25)
WHITE = (255, 255, 255)
SOLID = 127  # a palm's pixel this opaque or more stands in front (as a mask has it)


@dataclass(frozen=True)
class Palm:
    """One palm in the towers' picture: its picture (white, to be tinted) and where it goes."""

    picture: pygame.Surface
    rect: pygame.Rect


def palm_spots(rng: Any, width: int, tallest: int) -> list[tuple[int, int, bool]]:
    """Where each palm's foot stands across the picture, how tall it is and whether it is
    drawn mirrored."""
    spots = []
    for group in range(GROUPS):
        x = width * (group + rng.uniform(0.1, 0.7)) / GROUPS
        for _ in range(rng.randint(*IN_GROUP)):
            spots.append((int(x), int(tallest * rng.choice(TALL)), rng.random() < 0.5))
            x += width * rng.uniform(*APART)
    return spots


def palms(spots: list[tuple[int, int, bool]], foot: int,
          made: MadeOnce) -> Generator[None, None, list[Palm]]:
    """The palms standing on the row `foot` of the towers' picture: the palm drawn once a
    side for the show (found in `made`), made each one's height."""
    drawn: dict[bool, pygame.Surface] = {}
    sized: dict[tuple[int, bool], pygame.Surface] = {}
    out = []
    for x, tall, flip in spots:
        if flip not in drawn:
            drawn[flip] = yield from made.picture(("skyline palm", DRAWN, flip),
                                                  partial(_picture, DRAWN / UNITS, flip))
        if (tall, flip) not in sized:
            whole = drawn[flip]
            scale = tall / DRAWN
            sized[tall, flip] = pygame.transform.smoothscale(whole, (
                max(1, round(whole.get_width() * scale)),
                max(1, round(whole.get_height() * scale))))
        picture = sized[tall, flip]
        rect = picture.get_rect(midbottom=(x, foot))
        out.append(Palm(picture, rect))
    return out


def _picture(px: float, flip: bool) -> Generator[None, None, pygame.Surface]:
    """A whole palm, `px` pixels to a unit: its trunk and skirt, its crown over them; its foot
    at the middle of its bottom row."""
    trunk, (fx, fy) = yield from shape_picture("palm", px, flip, WHITE)
    crown = yield from crown_picture(PALM, px, flip, WHITE)
    cx = fx + (-1 if flip else 1) * PALM_CROWN[0] * px
    cy = fy - PALM_CROWN[1] * px
    half = int(max(fx, trunk.get_width() - fx, abs(cx - fx) + crown.get_width() / 2)) + 1
    top = int(max(fy, fy - cy + crown.get_height() / 2)) + 1
    picture = pygame.Surface((2 * half, top), pygame.SRCALPHA)
    picture.blit(trunk, (half - fx, top - fy))
    picture.blit(crown, crown.get_rect(center=(round(half + cx - fx), round(top - fy + cy))))
    yield
    return picture


def paint_palms(image: pygame.Surface, standing: list[Palm], color: Color) -> None:
    """The palms on `image` in `color` (their silhouette)."""
    for palm in standing:
        tinted = palm.picture.copy()
        tinted.fill((*color, 255), special_flags=pygame.BLEND_RGBA_MULT)
        image.blit(tinted, palm.rect)


def behind_palms(standing: list[Palm], rects: Sequence[pygame.Rect]) -> frozenset[int]:
    """Which of `rects` (windows) a palm (or the park's trees) stands in front of, any of it
    (a window that would show through): counted in each palm's solid pixels summed over its
    box, where a window meets it (a mask overlap each window took ~13 full-frame blits a
    scene; the park's belt stands in front of a thousand)."""
    boxes = [palm.rect for palm in standing]
    sums = [_summed(pygame.surfarray.array_alpha(palm.picture) > SOLID) for palm in standing]
    hidden = set()
    for i, rect in enumerate(rects):
        for k in rect.collidelistall(boxes):
            a = rect.clip(boxes[k]).move(-boxes[k].x, -boxes[k].y)
            total = sums[k]
            if total[a.right, a.bottom] - total[a.left, a.bottom] - total[a.right, a.top] \
                    + total[a.left, a.top] > 0:
                hidden.add(i)
                break
    return frozenset(hidden)


def _summed(solid: np.ndarray) -> np.ndarray:
    """How many solid pixels lie above and left of each corner (a row and a column of 0s
    first): any box's count in four look-ups."""
    total = np.zeros((solid.shape[0] + 1, solid.shape[1] + 1), np.int32)
    total[1:, 1:] = solid.cumsum(axis=0, dtype=np.int32).cumsum(axis=1, dtype=np.int32)
    return total
