"""The helicopter's pool of light where its beam lands: an ellipse flattened on the ground, as
wide as the beam's end, brightest in its middle and soft to its rim, stretched and its brightest
shifted towards the lamp as the beam leans. It lights what it falls on (the lot, a car, a runner
standing in it, lit up to a person's height): what is under it brightened, and its own glow
added. Made once for a fan of leans; a frame copies what is under it and adds it back, lit."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, scaled

FLAT = 0.3  # the pool's depth on the picture, of its width (the ground seen low)
REACH = 3.0  # the pool's light falls as exp(-REACH r^EDGE), r 1 at its rim: 5% there
EDGE = 3.0  # (over 2: a spotlight's pool, flatter in its middle and firmer to its rim)
MARGIN = 1.15  # the pool's pictures reach this far past its rim (r)
LIFT = 0.09  # of the picture's height: someone standing in the pool is lit this far up
COLUMN = 0.6  # ...over this much of the pool's width, fading upwards
HOT = 0.35  # the brightest spot slides this much of the half width towards the lamp, per
# unit of the lean's tangent (the near side of a leaning beam's pool is nearer the lamp)
BRIGHTEN = 1.0  # what the pool falls on is brightened by this share of itself in its middle
GLOW = 0.2  # the pool's own glow in its middle (the lit haze over the ground), of its colour
LEANS = 8  # the pool is made for this many leans from upright to the steepest (one side;
# the other side's mirrored)


class Pool(NamedTuple):
    """The pool at one lean: what brightens what is under it (multiplied, then added), its
    glow (added), and where the beam's end is in them."""

    gain: pygame.Surface
    glow: pygame.Surface
    end: tuple[int, int]


def pool_light(half: float, lift: float, lean: float) -> tuple[np.ndarray, tuple[int, int]]:
    """The pool's light 0..1 as (columns, rows), for a beam `half` pixels wide at its end
    leaning `lean` (its tangent; positive: the lamp is to the left, the pool to its right),
    and the beam's end in it: the ellipse, and over it a column fading `lift` rows up (what
    stands in the pool), which leans back towards the lamp."""
    rx = half / math.cos(math.atan(lean))  # a leaning beam's pool is longer across
    ry = half * FLAT
    lean_room = abs(lean) * lift
    width = math.ceil(2 * rx * MARGIN + lean_room)
    height = math.ceil(lift + ry * MARGIN)
    ex = rx * MARGIN + (lean_room if lean > 0 else 0.0)
    ey = lift
    x = np.arange(width, dtype=np.float32)[:, None] + 0.5 - ex
    y = np.arange(height, dtype=np.float32)[None, :] + 0.5 - ey
    hot = HOT * lean * rx  # the brightest part nearer the lamp (left, for a positive lean)
    pool = np.exp(-REACH * (((x + hot) / rx) ** 2 + (y / ry) ** 2) ** (EDGE / 2))
    up = np.clip(-y / lift, 0.0, 1.0)  # 0 at the ground, 1 a person's height up
    back = x + lean * np.maximum(0.0, -y)  # the column leans back along the beam
    column = np.exp(-REACH * (back / (rx * COLUMN)) ** 2) * (1.0 - up) ** 1.5 * (y < 0)
    return np.maximum(pool, column), (round(ex), round(ey))


def pool_at(half: float, lift: float, lean: float, color: Color) -> Pool:
    """The pool's pictures at one lean (see `pool_light`): the brightening under its whole
    light, its glow under the ellipse alone (the column is light on what stands there, not
    in the air)."""
    light, end = pool_light(half, lift, lean)
    ground = np.where(np.arange(light.shape[1])[None, :] >= end[1] - half * FLAT, light, 0.0)
    gain = _grey(light * BRIGHTEN)
    glow = pygame.Surface(light.shape)
    tint = np.array(scaled(color, GLOW), dtype=np.float32)[None, None, :]
    pygame.surfarray.blit_array(glow, np.rint(ground[:, :, None] * tint).astype(np.uint8))
    return Pool(gain, glow, end)


def _grey(level: np.ndarray) -> pygame.Surface:
    """A surface grey by `level` 0..1 (to multiply by)."""
    out = pygame.Surface(level.shape)
    grey = np.rint(np.clip(level, 0.0, 1.0) * 255).astype(np.uint8)
    pygame.surfarray.blit_array(out, np.repeat(grey[:, :, None], 3, axis=2))
    return out


class Spot:
    """The pool of a beam `half` pixels wide at its end, in a picture `height` high, made for
    leans up to `steepest` radians either way."""

    def __init__(self, half: float, height: int, color: Color, steepest: float) -> None:
        self.half, self.lift, self.color = half, LIFT * height, color
        self.depth = half * FLAT  # rows from the beam's end to the pool's rim, up or down
        self.step = math.tan(steepest) / (LEANS - 1)
        self.pools: dict[bool, list[Pool]] = {False: [], True: []}

    def making(self) -> Pieces:
        """The pool at each lean of the fan, one a piece, and its mirror."""
        for n in range(LEANS):
            pool = pool_at(self.half, self.lift, n * self.step, self.color)
            width = pool.gain.get_width()
            self.pools[False].append(pool)
            self.pools[True].append(Pool(pygame.transform.flip(pool.gain, True, False),
                                         pygame.transform.flip(pool.glow, True, False),
                                         (width - pool.end[0], pool.end[1])))
            yield
        widest = self.pools[False][-1].gain.get_size()
        self.under = pygame.Surface((widest[0] + 1, widest[1] + 1))

    def draw(self, surface: pygame.Surface, end: tuple[float, float], lean: float) -> None:
        """The pool where the beam, leaning `lean` (its tangent), ends at `end`: what is under
        it copied, multiplied by the pool's light, its glow added, and added back on."""
        pool = self.pools[lean < 0][min(LEANS - 1, round(abs(lean) / self.step))]
        corner = (round(end[0]) - pool.end[0], round(end[1]) - pool.end[1])
        place = pygame.Rect(corner, pool.gain.get_size()).clip(surface.get_rect())
        if not place.width or not place.height:
            return
        part = place.move(-corner[0], -corner[1])
        under = self.under.subsurface((0, 0, place.width, place.height))
        under.blit(surface, (0, 0), place)
        under.blit(pool.gain, (0, 0), part, special_flags=pygame.BLEND_RGB_MULT)
        under.blit(pool.glow, (0, 0), part, special_flags=pygame.BLEND_RGB_ADD)
        surface.blit(under, place.topleft, special_flags=pygame.BLEND_RGB_ADD)
