"""The palms over Wilshire's low roofs (the skyline's `wilshire` style): a few groups of tall
Washingtonias along the near row, in silhouette, their crowns over the blocks' roofs."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import pygame

from installation.visuals.base import Color
from installation.visuals.palm import PALM, PALM_CROWN, crown_picture
from installation.visuals.shapes import shape_picture

GROUPS = 3  # groups of palms across the picture, one in each third of its width...
IN_GROUP = (2, 3)  # ...of this many each...
APART = (0.016, 0.03)  # ...this far apart (of the width)
TALL = (0.36, 0.42, 0.48)  # a palm's height, of the tallest slab (a 6-storey block's roof:
# 0.3): a few heights, each drawn once
UNITS = PALM_CROWN[1] + 0.7  # a palm's height in its drawing's units, foot to crown's top
WHITE = (255, 255, 255)


@dataclass(frozen=True)
class Palm:
    """One palm in the towers' picture: its picture (white, to be tinted) and where it goes."""

    picture: pygame.Surface
    rect: pygame.Rect
    mask: pygame.mask.Mask


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


def palms(spots: list[tuple[int, int, bool]], foot: int) -> Generator[None, None, list[Palm]]:
    """The palms standing on the row `foot` of the towers' picture, drawn in pieces (one
    picture a height and a side, shared)."""
    made: dict[tuple[int, bool], pygame.Surface] = {}
    out = []
    for x, tall, flip in spots:
        if (tall, flip) not in made:
            made[tall, flip] = yield from _picture(tall / UNITS, flip)
        picture = made[tall, flip]
        rect = picture.get_rect(midbottom=(x, foot))
        out.append(Palm(picture, rect, pygame.mask.from_surface(picture)))
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


def behind_palms(standing: list[Palm], rect: pygame.Rect) -> bool:
    """Does a palm stand in front of any of `rect` (a window it would show through)?"""
    for palm in standing:
        if palm.rect.colliderect(rect):
            window = pygame.mask.Mask(rect.size, fill=True)
            if palm.mask.overlap(window, (rect.x - palm.rect.x, rect.y - palm.rect.y)):
                return True
    return False
