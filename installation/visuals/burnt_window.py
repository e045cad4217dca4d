"""A shop window on the burnt boulevard, gutted (drawn into the kept picture before its
charring): its glass blown in but for a few jagged edges left in the frame, the burnt-out
shop behind a black hole (a touch less dark low, where the grey daylight reaches its floor),
the far jamb's reveal lit (the wall is thick: an opening, not a slab), its charred frame and
posts round it and a stone sill under it with ash lying on it."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, hash01, mix
from installation.visuals.storefronts import Point

DEEP: Color = (10, 9, 9)  # the burnt-out shop at the back, under the lintel's shadow
FLOOR: Color = (15, 13, 12)  # ...its floor, low, where the daylight barely reaches in (kept
# under street_char's OPENING grey, so the char leaves it black and the grey sky does not light
# it as wall: at (70, 62, 56) the window's lower half read as a grey, see-through pane)
BANDS = 8  # the dim inside graded in this many bands, top to bottom, at least...
BAND_PIXELS = 3  # ...or one every this many pixels of its height (no stripes on a near window)
SHADOW = 0.35  # the lintel's shadow reaches this far down the window, darkest at its top
CHARRED: Color = (72, 66, 62)  # the window's frame, burnt
FRAME = 0.04  # ...this thick, of the window's height (a pixel at least)
SILL: Color = (100, 94, 88)  # the stone sill along its foot...
SILL_DEEP = 0.11  # ...this deep, of the window's height
ASH_ON: Color = (150, 144, 136)  # the ash lying on the sill, catching the light (half of it)
UNDER_SILL: Color = (30, 27, 25)  # the sill's shadow on the wall under it
REVEAL: Color = (118, 110, 102)  # the far jamb's inner face, towards us and the grey light...
REVEAL_WIDE = 0.12  # ...this wide, of the window's height
POST_APART = 1.6  # a post (mullion) between panes every this many of its heights along it
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
    bands = max(BANDS, tall // BAND_PIXELS)
    for band in range(bands):  # (down from the head)
        top, low = band / bands, (band + 1) / bands
        depth = max(0.0, 1.0 - (top + low) / 2 / SHADOW) if top < SHADOW else 0.0
        colour = mix(mix(DEEP, FLOOR, (top + low) / 2), DEEP, depth)
        pygame.draw.polygon(image, (*colour, 255), [_down(head, foot, top),
                                                     _down(far_head, far_foot, top),
                                                     _down(far_head, far_foot, low),
                                                     _down(head, foot, low)])
    _reveal(image, corners, tall)
    _shards(image, corners, tall, seed)
    thick = max(1, round(tall * FRAME))
    pygame.draw.lines(image, (*CHARRED, 255), True, corners, thick)
    wide = abs(far_foot[0] - foot[0])
    posts = max(1, round(wide / (tall * POST_APART)))
    for n in range(posts + 1):  # (its posts, the glass's stops: the ends and between panes)
        t = n / posts
        pygame.draw.line(image, (*CHARRED, 255), _down(foot, far_foot, t),
                         _down(head, far_head, t), thick * 2)
    _sill(image, foot, far_foot, tall)


def _reveal(image: pygame.Surface, corners: Quad, tall: int) -> None:
    """The far jamb's inner face, turned towards us, lit grey: the opening has depth."""
    foot, far_foot, far_head, head = corners
    share = REVEAL_WIDE * tall / max(1, abs(far_foot[0] - foot[0]))
    inner_foot, inner_head = _down(far_foot, foot, share), _down(far_head, head, share)
    pygame.draw.polygon(image, (*REVEAL, 255), [far_foot, far_head, inner_head, inner_foot])


def _sill(image: pygame.Surface, foot: Point, far_foot: Point, tall: int) -> None:
    """The stone sill along the window's foot, its shadow on the wall under it and the ash
    lying along its top, catching the light."""
    deep = max(2, round(tall * SILL_DEEP))
    shade = max(1, deep // 2)
    under = [(foot[0], foot[1] + shade), (far_foot[0], far_foot[1] + shade), far_foot, foot]
    pygame.draw.polygon(image, (*UNDER_SILL, 255), under)
    sill = [foot, far_foot, (far_foot[0], far_foot[1] - deep), (foot[0], foot[1] - deep)]
    pygame.draw.polygon(image, (*SILL, 255), sill)
    ash = [sill[3], sill[2], (far_foot[0], far_foot[1] - deep // 2),
           (foot[0], foot[1] - deep // 2)]
    pygame.draw.polygon(image, (*ASH_ON, 255), ash)


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
