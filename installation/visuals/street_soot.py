"""Where the fire came out of a burnt front's windows, drawn over its facade (charred later with
the whole picture): a soft plume of soot rising above every opening, darkest at its lintel; the
grey sky through a few upper windows (the floors behind them gone); shards of glass still in a
few frames, catching the light."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, hash01
from installation.visuals.storefronts import Piece, Point

OPENINGS = frozenset(("window", "display", "office", "office low"))  # soot rises above these
PLUME_RISE = {"office": 0.9, "office low": 0.9}  # a plume rises this many times its
PLUME_LOW = 0.5  # opening's height (a shop window's: this, under its sign)...
PLUME_SPREAD = 0.12  # ...widening this much of the opening's width each side
PLUME_LEVELS = (0.9, 0.78, 0.64)  # the light left under it: its whole, lower part, at the lintel
SOFT = 3  # a plume is drawn this many times smaller, then scaled up (soft edged)
SKY_HOLES = 0.3  # the share of upper windows the sky shows through
SKY_SPAN = (0.2, 0.55)  # how much of such a window, along it
SHARDS = 0.25  # the share of openings with a shard of glass left in the frame
SHARD_WIDE, SHARD_HIGH = 0.06, 14  # a shard's foot along its frame, its height at most (px)
SHARD: Color = (226, 230, 234)  # (charred with the wall: a pale glint on the dark)
CLEAR = (0, 0, 0, 0)


def sooted(image: pygame.Surface, pieces: list[Piece], seed: int) -> None:
    """Soot over every opening among `pieces`, then the sky through a few upper windows and a
    shard left in a few frames (seeded)."""
    openings = [p for p in pieces if p.role in OPENINGS and len(p.corners) == 4]
    for piece in openings:
        _plume(image, piece.corners, PLUME_RISE.get(piece.role, PLUME_LOW))
    for n, piece in enumerate(openings):
        if piece.role == "office" and hash01(seed, n, 71) < SKY_HOLES:
            start = hash01(seed, n, 72) * (1 - SKY_SPAN[1])
            long = SKY_SPAN[0] + (SKY_SPAN[1] - SKY_SPAN[0]) * hash01(seed, n, 73)
            pygame.draw.polygon(image, CLEAR, _part(piece.corners, start, start + long))
        elif hash01(seed, n, 74) < SHARDS:
            _shard(image, piece.corners, hash01(seed, n, 75))


def _plume(image: pygame.Surface, corners: list[Point], rises: float) -> None:
    """A soft plume of soot rising `rises` times its height above the opening `corners` (foot
    near, foot far, top far, top near), multiplied into `image`."""
    (x0, y0), (x1, _y1), (x2, y2), (x3, y3) = corners
    high = max(2, abs(y0 - y3))
    rise = round(high * rises)
    spread = round(abs(x2 - x3) * PLUME_SPREAD)
    left, right = min(x2, x3) - spread - 2, max(x2, x3) + spread + 2
    top = min(y2, y3) - rise - 2
    box = pygame.Rect(left, top, right - left, max(y2, y3) - top + 2)
    box = box.clip(image.get_rect())
    if box.width < 2 or box.height < 2:
        return
    small = pygame.Surface((box.width // SOFT + 2, box.height // SOFT + 2))
    small.fill((255, 255, 255))
    near, far = (x3, y3), (x2, y2)
    way = 1 if x2 >= x3 else -1
    for n, level in enumerate(PLUME_LEVELS):
        up = rise * (1 - n / len(PLUME_LEVELS))
        wide = spread * (1 - n / len(PLUME_LEVELS))
        shape = [near, far, (far[0] + way * wide, far[1] - up), (near[0] - way * wide,
                                                                  near[1] - up)]
        grey = round(255 * level)
        pygame.draw.polygon(small, (grey, grey, grey),
                            [((x - box.x) / SOFT + 1, (y - box.y) / SOFT + 1) for x, y in shape])
    soft = pygame.transform.smoothscale(small, (box.width + 2 * SOFT, box.height + 2 * SOFT))
    image.blit(soft, box.topleft, area=pygame.Rect(SOFT, SOFT, *box.size),
               special_flags=pygame.BLEND_RGB_MULT)


def _part(corners: list[Point], start: float, end: float) -> list[Point]:
    """The part of an opening from `start` to `end` of the way along it."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners

    def at(a: Point, b: Point, t: float) -> Point:
        return round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t)

    return [at((x0, y0), (x1, y1), start), at((x0, y0), (x1, y1), end),
            at((x3, y3), (x2, y2), end), at((x3, y3), (x2, y2), start)]


def _shard(image: pygame.Surface, corners: list[Point], where: float) -> None:
    """A jagged shard of glass left standing in the frame's foot, catching the light."""
    foot = _part(corners, where * 0.8, where * 0.8 + SHARD_WIDE)
    high = min(SHARD_HIGH, abs(corners[0][1] - corners[3][1]) // 3)
    tip = (foot[0][0] + (foot[1][0] - foot[0][0]) // 3, foot[0][1] - max(2, high))
    pygame.draw.polygon(image, (*SHARD, 255), [foot[0], foot[1], tip])
