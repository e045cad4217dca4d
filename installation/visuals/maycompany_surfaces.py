"""The May Company building's surfaces laid out once: per pixel, what it is (gold mosaic,
limestone, granite, glass) and how much of each light reaches it."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from installation.visuals.base import chunks

# Sizes in picture heights at scale 1; x from the cylinder's centre, heights up from the ground.
DRUM_HALF, DRUM_TALL = 0.085, 0.34
FRAME_HALF, FRAME_TALL = 0.112, 0.29  # the black granite slab the cylinder stands against
BOX_TALL, BOX_LONG, BOX_FAR = 0.2, 0.95, 0.62  # the box recedes to the left: its far end's height
WING_LONG, WING_FAR = 0.14, 0.8  # the short return along Fairfax, receding to the right
TILT = 0.12  # the cylinder's top circle, seen from below: its ellipse's height over its width
TILE = 0.0045  # one gold mosaic tile
PIECE_COLUMNS = 24  # the building is laid out this many columns a piece when done ahead
BASE = 0.2  # the black granite base with its display windows, a share of the box's height
BANDS = (0.4, 0.53, 0.66, 0.79)  # the streamline ribbons, shares of the box's height
BAND, LIP = 0.028, 0.012  # a ribbon's recess and the lip above it that catches the light
COPING = 0.94  # the parapet's cap begins here
BAYS, WING_BAYS = 16, 3  # display windows along the box and the wing
POOL_EVERY = 2  # a floodlight at the foot of every second bay
CORNER = 0.05  # the rounded far corner, a share of the box's length
GOLD = (236, 178, 72)
STONE = (226, 212, 182)
GRANITE = (24, 22, 26)
GLASS = (26, 30, 38)
SUN_FROM = (0.55, 0.83)  # the low sun: from its side of the picture, ahead of the building
SPEC_AT, SPEC_WIDE = 0.28, 0.16  # the soft gloss band across the cylinder, on the sun's side
TILE_VARY = 0.07  # how much one tile's gold differs from the next
EDGE_MIRROR, EDGE_FALL = 0.9, 1.5  # the glass tiles mirror the sky towards the sides
GROUT, GROUT_DARK = 0.1, 0.06  # the share of a tile that is grout, and how much darker
SEAM, CAP, RING_DARK = 0.004, 0.012, 0.35  # the rings where it meets the box and at its top
DOOR_HALF, DOOR_TALL = 0.32, 0.75  # its lit entrance: half its width, of the base's height
DOOR_FADE = 0.4  # its light fades this much towards its top
WINDOW_LOW, WINDOW_HIGH, WINDOW_WIDE = 0.035, 0.16, 0.76  # display windows: of box and bay
CANOPY, CANOPY_DARK = 0.03, 0.2  # the shadow line over the base
RECESS_DARK, COPING_DARK, ROLL_DARK = 0.45, 0.12, 0.6  # how much darker in shade
STONE_BLOCKS, STONE_VARY = (60, 14), 0.03  # limestone blocks along and up the box
FRAME_COPING = 0.006  # the granite slab's lighter top edge

Area = tuple[slice, slice]  # columns and rows of the building's image


@dataclass
class Maps:
    """Per pixel: what the surface is and how each light reaches it (see `lit_colours`)."""

    albedo: np.ndarray  # (w, h, 3) 0..255
    ambient: np.ndarray  # each (w, h): how much of that light arrives
    sun: np.ndarray
    flood: np.ndarray
    gloss: np.ndarray
    sky: np.ndarray
    shop: np.ndarray
    alpha: np.ndarray

    def paint(self, area: Area, cover: np.ndarray, albedo: np.ndarray,
              **weights: np.ndarray | float) -> None:
        """Lay a part over what is painted in `area` (columns, rows), `cover` 0..1 per pixel
        (soft at its edges)."""
        keep = 1.0 - cover
        self.albedo[area] = self.albedo[area] * keep[..., None] + albedo * cover[..., None]
        for name in ("ambient", "sun", "flood", "gloss", "sky", "shop"):
            old = getattr(self, name)
            old[area] = old[area] * keep + np.asarray(weights.get(name, 0.0), np.float32) * cover
        self.alpha[area] = self.alpha[area] + cover * (1.0 - self.alpha[area])


@dataclass(frozen=True)
class Building:
    """The building in its image: `unit` pixels to a picture height at scale 1, the image's
    size, and the cylinder's axis (a column of it)."""

    unit: float
    size: tuple[int, int]
    origin: int
    sun: float = -1.0  # the side of the picture the sun lights it from: -1 left, 1 right

    def xs(self) -> np.ndarray:
        """The middle of each of the image's columns, as a column."""
        return np.arange(self.size[0], dtype=np.float32)[:, None] + 0.5

    def heights(self) -> np.ndarray:
        """How far the middle of each of the image's rows is above the ground, as a row."""
        h = self.size[1]
        return h - (np.arange(h, dtype=np.float32)[None, :] + 0.5)

    def surfaces(self) -> Generator[None, None, Maps]:
        """The building's surfaces, a few columns at a time: box, wing, granite frame, then
        the cylinder."""
        w, h = self.size
        maps = yield from blank_maps((w, h))
        xs = self.xs()
        up = self.heights()  # pixels above the ground
        origin = self.origin
        u = self.unit
        low = slice(max(0, h - round(BOX_TALL * u) - 2), h)  # the rows of the box
        for cols in spans(self._columns(origin - BOX_LONG * u, origin)):
            self._box(maps, (cols, low), origin - xs[cols], up[:, low], BOX_LONG * u, BOX_FAR,
                      BAYS)
            yield
        for cols in spans(self._columns(origin, origin + WING_LONG * u)):
            self._box(maps, (cols, low), xs[cols] - origin, up[:, low], WING_LONG * u,
                      WING_FAR, WING_BAYS)
            yield
        for cols in spans(self._columns(origin - FRAME_HALF * u, origin + FRAME_HALF * u)):
            self._frame(maps, (cols, slice(None)), np.abs(xs[cols] - origin), up)
            yield
        for cols in spans(self._columns(origin - DRUM_HALF * u, origin + DRUM_HALF * u)):
            self._drum(maps, (cols, slice(None)), (xs[cols] - origin) / (DRUM_HALF * u), up)
            yield
        return maps

    def _columns(self, start: float, end: float) -> slice:
        """The image's columns from start to end (pixels), with one to spare either side."""
        return slice(max(0, int(start) - 1), min(self.size[0], int(end) + 2))

    def _box(self, maps: Maps, area: Area, along: np.ndarray, up: np.ndarray, long: float,
             far: float, bays: int) -> None:
        """A banded stone wall from the cylinder's axis `long` pixels away, shrinking in
        perspective to `far` of its height: granite base, display windows, ribbons."""
        tall = BOX_TALL * self.unit
        height = tall * (1 - (1 - far) * along / long)
        inside = (along >= 0) & (along <= long)
        # Where along the wall, 0..1 (equal steps of the wall shrink on the picture as it goes).
        s = np.where(inside, (tall / np.maximum(height, 1) - 1) / (1 / far - 1), 0)
        f = up / np.maximum(height, 1)  # 0 at the foot, 1 at the parapet
        cover = np.clip(height - up + 0.5, 0, 1) * inside
        bay = s * bays
        base = f < BASE
        window = (base & (f > WINDOW_LOW) & (f < WINDOW_HIGH)
                  & (np.abs(bay % 1 - 0.5) < WINDOW_WIDE / 2))
        recess = _near_any(f, BANDS, BAND / 2)
        lip = _near_any(f, tuple(b + (BAND + LIP) / 2 for b in BANDS), LIP / 2)
        canopy = (f > BASE) & (f < BASE + CANOPY)
        shade = 1 - RECESS_DARK * recess - COPING_DARK * (f > COPING) - CANOPY_DARK * canopy
        shade = shade * (1 - ROLL_DARK * np.clip((s - 1 + CORNER) / CORNER, 0, 1) ** 2)
        blocks = hashed(np.floor(s * STONE_BLOCKS[0]), np.floor(f * STONE_BLOCKS[1]))
        shade = shade * (1 + STONE_VARY * (blocks - 0.5))
        stone = np.where(base[..., None], np.array(GRANITE, np.float32),
                         np.array(STONE, np.float32))
        albedo = np.where(window[..., None], np.array(GLASS, np.float32), stone) * shade[..., None]
        pools = _pools(s, f, bays)
        glow = window * (0.55 + 0.45 * hashed(np.floor(bay), 3)) * (1.1 - f / BASE)
        maps.paint(area, cover, albedo, ambient=1.0, sun=0.8 + 0.5 * lip,
                   flood=pools * (1 + 1.5 * lip), sky=0.35 * window, shop=glow)

    def _frame(self, maps: Maps, area: Area, off: np.ndarray, up: np.ndarray) -> None:
        """The polished black granite slab behind the cylinder, rising above the box."""
        u = self.unit
        tall = FRAME_TALL * u
        cover = (np.clip(FRAME_HALF * u - off + 0.5, 0, 1) * np.clip(tall - up + 0.5, 0, 1))
        coping = (up > tall - FRAME_COPING * u)
        albedo = np.broadcast_to(np.array(GRANITE, np.float32), (*cover.shape, 3)) * (
            1 + 1.5 * coping[..., None])
        sheen = np.exp(-up / (0.35 * tall))
        maps.paint(area, cover, albedo, ambient=1.0, sun=0.3, flood=0.5 + 1.5 * sheen, sky=0.25)

    def _drum(self, maps: Maps, area: Area, across: np.ndarray, up: np.ndarray) -> None:
        """The cylinder of gold mosaic: rounded by the light, its rings curving in perspective."""
        u = self.unit
        half, tall = DRUM_HALF * u, DRUM_TALL * u
        a = np.clip(across, -1, 1)
        facing = np.sqrt(1 - a ** 2)  # how squarely the surface faces us
        height = up / (1 + TILT * half * facing / tall)  # the height on the cylinder
        cover = (np.clip((1 - np.abs(across)) * half + 0.5, 0, 1)
                 * np.clip((tall - height) * (1 + TILT * half * facing / tall) + 0.5, 0, 1))
        turn = np.arcsin(a) * half  # around the cylinder, in pixels of its surface
        tile = TILE * u
        column, row = np.floor(turn / tile), np.floor(height / tile)
        grain = hashed(column, row)
        grout = (((turn / tile) % 1 < GROUT) | ((height / tile) % 1 < GROUT))
        gold = (1 + TILE_VARY * (grain - 0.5)) * (1 - GROUT_DARK * grout)
        box = BOX_TALL * u
        plinth = height < BASE * box
        ring = (np.abs(height - box) < SEAM * u) | (height > tall - CAP * u)
        door = plinth & (np.abs(a) < DOOR_HALF) & (height < DOOR_TALL * BASE * box)
        albedo = np.array(GOLD, np.float32) * gold[..., None] * (1 - RING_DARK * ring[..., None])
        albedo = np.where(plinth[..., None], np.array(GRANITE, np.float32), albedo)
        albedo = np.where(door[..., None], np.array(GLASS, np.float32), albedo)
        sun = np.clip(a * self.sun * SUN_FROM[0] + facing * SUN_FROM[1], 0, 1) ** 1.3
        flood = facing ** 1.2 * (0.45 + 0.75 * np.exp(-height / (0.4 * tall)))
        gloss = (np.exp(-((a - self.sun * SPEC_AT) / SPEC_WIDE) ** 2) * (0.92 + 0.16 * grain)
                 * (1 - plinth) * (1 - ring))
        edge = (1 - facing) ** EDGE_FALL * (1 - plinth)
        inside = door * (1 - DOOR_FADE * height / (BASE * box))  # the lobby, lit low
        maps.paint(area, cover, albedo, ambient=0.6 + 0.4 * facing, sun=sun, flood=flood,
                   gloss=gloss, sky=EDGE_MIRROR * edge, shop=inside)


def blank_maps(size: tuple[int, int]) -> Generator[None, None, Maps]:
    """Maps of the whole picture with nothing painted, one map a piece."""
    albedo = np.zeros((*size, 3), np.float32)
    yield
    weights = []
    for _ in range(7):
        weights.append(np.zeros(size, np.float32))
        yield
    return Maps(albedo, *weights)


def spans(cols: slice, most: int = PIECE_COLUMNS) -> list[slice]:
    """`cols` (a slice with a start and a stop) in runs of at most `most`."""
    return chunks(cols.stop, most, cols.start)



def _pools(s: np.ndarray, f: np.ndarray, bays: int) -> np.ndarray:
    """Floodlight thrown up the wall from lamps at its foot: fans of light fading upwards."""
    spacing = POOL_EVERY / bays
    off = (s % spacing) / spacing - 0.5  # -0.5..0.5 across one lamp's reach
    wide = 0.1 + 0.25 * f  # the fan opens as it rises
    return 0.05 + 1.7 * np.exp(-(off / wide) ** 2) * np.exp(-f * 1.2)


def _near_any(f: np.ndarray, centres: tuple[float, ...], half: float) -> np.ndarray:
    """Where f lies within `half` of any of the centres (as 0 or 1)."""
    hit = np.zeros(f.shape, bool)
    for centre in centres:
        hit |= np.abs(f - centre) < half
    return hit.astype(np.float32)



def hashed(a: np.ndarray, b: np.ndarray | float) -> np.ndarray:
    """A repeatable pseudo-random number in [0, 1) for each pair of whole numbers."""
    x = (np.asarray(a, np.int64) * 374761393 + np.asarray(b, np.int64) * 668265263) & 0xFFFFFFFF
    x = ((x ^ (x >> 13)) * 1274126177) & 0xFFFFFFFF
    return ((x ^ (x >> 16)) & 0xFFFFFF).astype(np.float32) / float(1 << 24)


def columns_of(params: Mapping[str, Any], size: tuple[int, int]) -> tuple[int, int]:
    """The columns a May Company layer's (`params`) building spans in a picture of `size`,
    from the far end of its box to past its wing: left, and right (one past its last)."""
    unit = params["scale"] * size[1]
    middle = round(params["x"] * size[0])
    return (middle - round(BOX_LONG * unit),
            middle + round(max(WING_LONG, FRAME_HALF) * unit) + 1)
