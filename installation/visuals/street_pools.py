"""The boulevard's night light on its walls and sidewalks: a warm pool under each streetlamp,
narrowing up the wall behind it, and each lit shop window's glow on the wall round it and the
sidewalk before it. Made once for a street as a light map; laid over the street's picture when
it is built for a light (a few blits a band of rows), so it costs nothing a frame. The light
brings out each wall's own material: it adds to a colour in proportion to it, least to what is
already bright (a lit window, a neon letter)."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, mix
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.storefronts import Piece
from installation.visuals.street_view import RISE, Perspective, across_at

# A streetlamp's pool, in the street's world units: its half-width along the wall at the foot
# (narrowing by POOL_NARROWS up to its top), how high it reaches, its reach across the ground
# from under the lamp's head, and its strength (of the light map's full scale).
LAMP_HALF, POOL_NARROWS, LAMP_TOP, LAMP_REACH, LAMP_POOL = 0.75, 0.6, 1.5, 0.55, 1.0
BRIGHTEST = 0.35  # the pool on the wall is brightest this share of the way up it
SHOP_TOP, SHOP_REACH, SHOP_POOL = 0.5, 0.3, 0.55  # a lit window's glow: its height, reach, strength
SHOP_SPREAD = 0.7  # ...its half-width along the wall, of the window's half-length
GROUND_SHARE = 0.55  # the sidewalk takes this much of a pool (the road: none, a wet one mirrors)
SPREAD = 2.5  # a pool is worked out this many half-widths either side of its heart
NEAREST = 0.35  # nothing nearer than this depth is in the picture
DOUBLINGS = 4  # at its fullest, the light adds 2 ** DOUBLINGS times a dark colour to itself
# (a colour is doubled that often before it is lit, so the light keeps its gradations)...
SPARES = 2  # ...times its distance from white this many times over (a lit window takes little)
LAMP_WHITE = 0.35  # a lamp's pool is whiter than its glow (the eye sees colours in it)
PATCH_PIXELS = 12_000  # a pool is worked out about this many pixels a piece
SIDEWALK_ROWS = 16  # the sidewalks are lit in bands of this many rows (the narrower, the less road)
LIGHT_PIXELS = 50_000  # the light is laid over the street about this many pixels a piece


@dataclass(frozen=True)
class Pool:
    """One light on the street: its side (-1 left, 1 right), where it is along the street,
    how far along the wall it spreads, how high up it; where its heart is across the ground
    and how far across it reaches; its colour and strength 0..1."""

    side: int
    z: float
    half: float
    top: float
    x: float
    reach: float
    color: Color
    strength: float


def lamp_pool(side: int, z: float, head_x: float, color: Color) -> Pool:
    """The pool of a streetlamp whose head hangs at `head_x` across, at depth `z`."""
    return Pool(side, z, LAMP_HALF, LAMP_TOP, side * head_x, LAMP_REACH,
                mix(color, (255, 255, 255), LAMP_WHITE), LAMP_POOL)


def shop_pool(side: int, span: tuple[float, float], walk: float, color: Color,
              share: float) -> Pool:
    """The glow of a shop window lit `share` along `span` of the wall at `walk` across."""
    half = (span[1] - span[0]) / 2
    return Pool(side, span[0] + half, half * SHOP_SPREAD, SHOP_TOP, side * (walk - SHOP_REACH),
                SHOP_REACH, color, SHOP_POOL * share)


class Lighting:
    """The light map of a street's pools (made in pieces by `making`) and the rows it lights."""

    def __init__(self, view: Perspective, walk: float, road: float) -> None:
        self.view, self.walk, self.road = view, walk, road
        self.map = pygame.Surface(view.size)
        self.rows = (view.size[1], 0)  # the first and last lit row (none yet)

    def making(self, pools: list[Pool]) -> Pieces:
        """Add each pool to the map, about PATCH_PIXELS a piece (small pools a few together)."""
        yield  # (a large new surface takes a while to touch)
        self.map.fill((0, 0, 0))
        yield
        done = 0
        for pool in pools:
            area = self._area(pool)
            if area is None:
                continue
            self.rows = (min(self.rows[0], area.top), max(self.rows[1], area.bottom))
            step = max(1, PATCH_PIXELS // area.width)
            for top in range(area.top, area.bottom, step):
                rows = pygame.Rect(area.left, top, area.width, min(step, area.bottom - top))
                self.map.blit(self._patch(pool, rows), rows.topleft,
                              special_flags=pygame.BLEND_RGB_ADD)
                done += rows.width * rows.height
                if done >= PATCH_PIXELS:
                    done = 0
                    yield

    def laying_sidewalks(self, image: pygame.Surface, level: float) -> Pieces:
        """Light the sidewalks on `image` (the street being built, its walls not yet) with the
        map at `level` 0..1, in bands of SIDEWALK_ROWS rows, about LIGHT_PIXELS a piece (of each
        band, only the sidewalks' columns: the road takes no light)."""
        (width, height), horizon = self.view.size, self.view.horizon
        done = 0
        for top in range(max(self.rows[0], horizon + 1), min(self.rows[1], height),
                         SIDEWALK_ROWS):
            bottom = min(top + SIDEWALK_ROWS, self.rows[1], height)
            near, far = (self._ground_k(y) for y in (bottom, top))
            for side in (-1, 1):
                edges = sorted(across_at(self.view.middle, width, side * x, k)
                               for x, k in ((self.walk, near), (self.road, far)))
                left, right = max(0, int(edges[0])), min(width, int(edges[1]) + 2)
                if right > left:
                    self._lay(image, pygame.Rect(left, top, right - left, bottom - top), level)
                    done += (right - left) * (bottom - top)
            if done >= LIGHT_PIXELS:
                done = 0
                yield

    def _ground_k(self, row: int) -> float:
        """1/z of the ground seen at `row` (below the horizon)."""
        height, horizon = self.view.size[1], self.view.horizon
        return max(0.0, row + 0.5 - horizon) / ((height - horizon) * HORIZON_T)

    def lighting_wall(self, image: pygame.Surface, wall: list[tuple[int, int]],
                      pieces: list[Piece], level: float) -> Pieces:
        """Light a wall just painted on `image` (its corners `wall`, its facade's `pieces` over
        it) with the map at `level`: the wall and what takes light on it, not what gives
        light (its lit windows, its signs' letters) nor what lies beyond it; a large wall in
        pieces of about LIGHT_PIXELS."""
        xs, ys = [x for x, _ in wall], [y for _, y in wall]
        area = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
        area = area.clip(pygame.Rect(0, self.rows[0], self.view.size[0],
                                     self.rows[1] - self.rows[0]))
        if not area.width or not area.height or level <= 0:
            return
        if area.width * area.height > LIGHT_PIXELS // 2:
            yield  # (a large wall's light apart from its painting)
        mask = pygame.Surface(area.size)
        mask.fill((0, 0, 0))
        shift = (-area.left, -area.top)
        pygame.draw.polygon(mask, (255, 255, 255), _moved(wall, shift))
        for piece in pieces:  # in the order painted: what covers what
            if piece.mask is not None:
                continue  # (letters glow, and are spared by their brightness)
            shade = (0, 0, 0) if piece.glows() else (255, 255, 255)
            if piece.role == "frame line":
                start, end = _moved(piece.corners, shift)
                pygame.draw.line(mask, shade, start, end)
            else:
                pygame.draw.polygon(mask, shade, _moved(piece.corners, shift))
        step = max(1, LIGHT_PIXELS // area.width)
        for top in range(0, area.height, step):
            if top:
                yield
            band = pygame.Rect(0, top, area.width, min(step, area.height - top))
            self._lay(image, band.move(area.topleft), level, mask.subsurface(band))

    def _lay(self, image: pygame.Surface, area: pygame.Rect, level: float,
             mask: pygame.Surface | None = None) -> None:
        """Light `area` of `image` with the map at `level` (only where `mask`, of its size,
        is white): each colour gains itself times the light and its distance from white."""
        copy, room = pygame.Surface(area.size), pygame.Surface(area.size)
        value = round(255 * max(0.0, min(1.0, level)))
        copy.fill((0, 0, 0))
        copy.blit(image, (0, 0), area)  # (see-through: stays black, takes no light)
        room.fill((255, 255, 255))
        room.blit(copy, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
        for _ in range(DOUBLINGS):  # (a brighter colour stops at white: it takes the light as is)
            copy.blit(copy, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        copy.blit(self.map, (0, 0), area, special_flags=pygame.BLEND_RGB_MULT)
        for _ in range(SPARES):
            copy.blit(room, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
        if mask is not None:
            copy.blit(mask, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
        copy.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)
        image.blit(copy, area.topleft, special_flags=pygame.BLEND_RGB_ADD)

    def _area(self, pool: Pool) -> pygame.Rect | None:
        """The part of the picture a pool lights: round its wall and its ground."""
        near = max(NEAREST, pool.z - SPREAD * pool.half)
        far = pool.z + SPREAD * pool.half
        wall = pool.side * self.walk
        spread = SPREAD * pool.reach
        points = [self.view(x, z, up) for z in (near, far)
                  for x, up in ((wall, 0.0), (wall, pool.top), (pool.x - spread, 0.0),
                                (pool.x + spread, 0.0))]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        area = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 2, max(ys) - min(ys) + 2)
        area = area.clip(pygame.Rect((0, 0), self.view.size))
        return area if area.width and area.height else None

    def _patch(self, pool: Pool, rows: pygame.Rect) -> pygame.Surface:
        """The pool's light over `rows` of the picture, as a surface of its colour."""
        strength = self._strength(pool, rows)
        rgb = np.array(pool.color, np.float32) * pool.strength
        patch = np.clip(strength[:, :, None] * rgb, 0, 255).astype(np.uint8)
        return pygame.surfarray.make_surface(patch)

    @np.errstate(over="ignore", divide="ignore", invalid="ignore")
    def _strength(self, pool: Pool, rows: pygame.Rect) -> np.ndarray:
        """How strongly the pool lights each pixel of `rows` (columns, rows), 0..1: on the
        ground (road and sidewalk) where the ground is seen, else on the wall on its side
        (far off, where the numbers run out of range, none)."""
        (width, height), middle, horizon = self.view.size, self.view.middle, self.view.horizon
        ground = height - horizon
        cols = np.arange(rows.left, rows.right, dtype=np.float32)[:, None] + 0.5
        ys = np.arange(rows.top, rows.bottom, dtype=np.float32)[None, :] + 0.5
        below = np.maximum(ys - horizon, 1e-6)
        k = below / (ground * HORIZON_T)  # 1/z of the ground seen there
        x = (cols - middle) / (width * 0.5 * k)
        on_ground = (ys > horizon) & (np.abs(x) <= self.walk)
        lit = np.exp(-((x - pool.x) / pool.reach) ** 2 - ((1 / k - pool.z) / pool.half) ** 2)
        lit *= np.where(np.abs(x) < self.road, 0.0, GROUND_SHARE)
        k_wall = (cols - middle) / (pool.side * self.walk * width * 0.5)
        on_wall = ~on_ground & (k_wall > 0)
        k_wall = np.maximum(k_wall, 1e-6)
        up = (HORIZON_T - (ys - horizon) / (ground * k_wall)) / RISE
        rise = np.clip(up / pool.top, 0.0, 1.0)
        half = pool.half * (1 - POOL_NARROWS * rise)
        profile = np.where(rise < BRIGHTEST, 1 - ((BRIGHTEST - rise) / BRIGHTEST) ** 2 / 2,
                           1 - ((rise - BRIGHTEST) / (1 - BRIGHTEST)) ** 2)
        wall = np.exp(-((1 / k_wall - pool.z) / half) ** 2) * profile
        wall = np.where(up >= 0, wall, 0.0)
        out = np.where(on_ground, lit, np.where(on_wall, wall, 0.0))
        return np.nan_to_num(out, nan=0.0, posinf=0.0, neginf=0.0)


def lighting(view: Perspective, walk: float, road: float,
             pools: list[Pool]) -> Generator[None, None, Lighting]:
    """The light map of `pools` for a street seen through `view` (its walls at `walk` across,
    its road `road` either side of the middle), made in pieces."""
    made = Lighting(view, walk, road)
    yield from made.making(pools)
    return made


def _moved(points: list[tuple[int, int]], shift: tuple[int, int]) -> list[tuple[int, int]]:
    """`points` moved by `shift`."""
    return [(x + shift[0], y + shift[1]) for x, y in points]
