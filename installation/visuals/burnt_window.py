"""A shop window on the burnt boulevard, gutted (drawn into the kept picture before its
charring): its glass blown in but for a few jagged edges left in the frame, the burnt-out
shop behind dim, darkest under the lintel's shadow and lightest low where the grey daylight
reaches its floor, its charred frame round it and a stone sill under it with ash lying on it."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, hash01, mix
from installation.visuals.storefronts import Point

DEEP: Color = (10, 9, 9)  # the burnt-out shop at the back, under the lintel's shadow
FLOOR: Color = (60, 53, 48)  # ...its floor, low, where the daylight reaches in
BANDS = 8  # the dim inside graded in this many bands, top to bottom
SHADOW = 0.35  # the lintel's shadow reaches this far down the window, darkest at its top
CHARRED: Color = (72, 66, 62)  # the window's frame, burnt
FRAME = 0.04  # ...this thick, of the window's height (a pixel at least)
SILL: Color = (100, 94, 88)  # the stone sill along its foot...
SILL_DEEP = 0.07  # ...this deep, of the window's height
ASH_ON: Color = (146, 140, 132)  # the ash lying on the sill, catching the light
SHARDS = 5  # glass left in the frame: at most this many pieces along its head and its sides
SHARD_LONG = (0.1, 0.3)  # ...each reaching this far into the window (of its height)
GLASS: Color = (88, 92, 98)  # sooted glass, dull
SEEN = 12  # a window under this many pixels tall is drawn a plain dark hole (its detail noise)

Quad = list[Point]  # a window's corners: its foot near, foot far, head far, head near


def gutted_window(image: pygame.Surface, corners: Quad, seed: int) -> None:
    """The window at `corners` gutted (its broken glass as `seed` has it)."""
    foot, far_foot, far_head, head = corners
    tall = max(abs(foot[1] - head[1]), abs(far_foot[1] - far_head[1]))
    if tall < SEEN:
        pygame.draw.polygon(image, (*DEEP, 255), corners)
        return
    for band in range(BANDS):  # (down from the head)
        top, low = band / BANDS, (band + 1) / BANDS
        depth = max(0.0, 1.0 - (top + low) / 2 / SHADOW) if top < SHADOW else 0.0
        colour = mix(mix(DEEP, FLOOR, (top + low) / 2), DEEP, depth)
        pygame.draw.polygon(image, (*colour, 255), [_down(head, foot, top),
                                                     _down(far_head, far_foot, top),
                                                     _down(far_head, far_foot, low),
                                                     _down(head, foot, low)])
    _shards(image, corners, tall, seed)
    thick = max(1, round(tall * FRAME))
    pygame.draw.lines(image, (*CHARRED, 255), True, corners, thick)
    for a, b in ((foot, head), (far_foot, far_head)):  # (its posts, the glass's stops)
        pygame.draw.line(image, (*CHARRED, 255), a, b, thick * 2)
    deep = max(2, round(tall * SILL_DEEP))
    sill = [foot, far_foot, (far_foot[0], far_foot[1] - deep), (foot[0], foot[1] - deep)]
    pygame.draw.polygon(image, (*SILL, 255), sill)
    pygame.draw.line(image, (*ASH_ON, 255), sill[3], sill[2], max(1, deep // 2))


def _shards(image: pygame.Surface, corners: Quad, tall: int, seed: int) -> None:
    """Jagged pieces of glass left in the frame: hanging from its head, standing in from its
    sides, pointing into the dark."""
    foot, far_foot, far_head, head = corners
    into = 1 if far_foot[0] > foot[0] else -1  # (across the picture from the near side)
    edges = (((head, far_head), (0, 1)), ((foot, head), (into, 0)),
             ((far_foot, far_head), (-into, 0)))
    for n in range(SHARDS):
        (a, b), (dx, dy) = edges[int(hash01(seed, n, 1) * len(edges))]
        at, wide = hash01(seed, n, 2), 0.03 + 0.05 * hash01(seed, n, 3)
        reach = tall * (SHARD_LONG[0] + (SHARD_LONG[1] - SHARD_LONG[0]) * hash01(seed, n, 4))
        base = [_down(a, b, min(1.0, at)), _down(a, b, min(1.0, at + wide))]
        middle = _down(a, b, min(1.0, at + wide * hash01(seed, n, 5)))
        tip = (round(middle[0] + dx * reach), round(middle[1] + dy * reach))
        pygame.draw.polygon(image, (*GLASS, 255), [*base, tip])


def _down(a: Point, b: Point, t: float) -> Point:
    """The point `t` of the way from `a` to `b`."""
    return round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t)
