"""The city as it stood the moment before the flash, for the flash to burn in: the towers the
ruins break, each with its storeys of windows, the May Company's drum on its banded box where
the burnt husk will stand, and along the ruins' boulevard the palms and Johnie's (its glass
front, its roof's wing, its pylon and the blade with the script on it) where they will stand
burnt and broken, the car where its wreck will lie and two people walking (burnt_along.py)."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pygame

from installation.visuals.burnt_along import burnt, car, walker, walkers_at, whole_palm
from installation.visuals.johnies_before import Burnt, Fonts, johnnies_whole
from installation.visuals.maycompany_surfaces import (
    BAND,
    BANDS,
    BASE,
    BOX_FAR,
    BOX_LONG,
    BOX_TALL,
    CAP,
    DRUM_HALF,
    DRUM_TALL,
    FRAME_HALF,
    FRAME_TALL,
    SEAM,
    TILT,
    WING_FAR,
    WING_LONG,
)
from installation.visuals.palette import WHITE
from installation.visuals.ruins import NEAR_GRID, Tower, towers
from installation.visuals.wilshire import JOHNNIES_Z, PALM_UNITS, PALMS, boulevard_place, stands
from installation.visuals.wreckage import WINDOW_X, WINDOW_Y, Grid, grid

BLACK = (0, 0, 0)
LINE = (70, 70, 70)  # the building's bands and seams in the negative: dark, not holes
STRIP = 64  # columns: the masks are laid in strips this wide, each over the rows it shows
OUTLINE = 0.004  # the dark edge that parts one burnt-in shape from the shape behind, of the unit


@dataclass(frozen=True)
class Strips:
    """A mask of the city kept as only its parts that show anything, each its own picture
    (all else is black: laid, it need not be laid, nor kept): `parts` are where they lie
    in the mask."""

    parts: tuple[pygame.Rect, ...]
    pictures: tuple[pygame.Surface, ...]

    def lay(self, surface: pygame.Surface, top: int, flags: int) -> None:
        """The mask over `surface`, its top at row `top`, blended by `flags`."""
        surface.blits([(picture, (part.x, top + part.y), picture.get_rect(), flags)
                       for part, picture in zip(self.parts, self.pictures, strict=True)],
                      doreturn=False)


def cut(mask: pygame.Surface, parts: tuple[pygame.Rect, ...]) -> Strips:
    """The `parts` of a mask, each copied out (the rest is let go)."""
    return Strips(parts, tuple(mask.subsurface(part).copy() for part in parts))


@dataclass(frozen=True)
class City:
    """The city burnt in, as two masks from `top` down: the negative (white, its windows black
    and the May Company's bands dark) and the silhouette (its windows let the light through,
    the May Company solid), each kept as the strips of it that show anything."""

    top: int
    negative: Strips
    silhouette: Strips


@dataclass(frozen=True)
class Store:
    """Where the May Company stands: its drum's axis, the ground, its unit (pixels)."""

    cx: int
    ground: int
    unit: float


def city(seed: int, size: tuple[int, int], ruins: Mapping[str, Any] | None,
         store: Mapping[str, Any] | None, font: Fonts) -> Generator[None, None, City]:
    """The towers of a `ruins` layer's keys as they stood, and the May Company of a
    `maycompany` layer's keys in front of them (either may be None: not burnt in), and the
    palms and Johnie's along the ruins' boulevard if it has one (its sign's letters in
    `font`), in pieces: the palms, each wall of windows, the towers, each mask's May Company,
    each mask's boulevard."""
    width, height = size
    stands = ruins or store or {"ground": 1.0}
    ground = int(height * stands["ground"])
    tallest = int(height * ruins["height"]) if ruins else 0
    unit = store["scale"] * height if store else 0.0
    top = max(0, ground - max(tallest, round((DRUM_TALL + TILT * DRUM_HALF) * unit) + 2))
    along = (yield from boulevard(size, ground, ruins, font)) if ruins and ruins["boulevard"] \
        else []
    top = min([top, *(at[1] for _negative, _solid, at in along)])
    bottom = max([ground, *(at[1] + shape.get_height() for shape, _solid, at in along)])
    picture = pygame.Surface((width, max(1, bottom - top)))
    rows = (grid(height), grid(int(height * NEAR_GRID)))
    plan = towers(seed, width, tallest) if ruins else []
    patterns = []
    for cells in rows if plan else ():
        patterns.append(windows(max(t.width for t in plan) + 1, tallest, cells))
        yield
    for tower in plan:
        place(picture, patterns[tower.row], tower, ground - top)
    silhouette = picture.copy()
    if store:
        at = Store(round(store["x"] * width), round(store["ground"] * height) - top, unit)
        yield
        may_company(picture, at, detail=True)
        yield
        may_company(silhouette, at, detail=False)
    for negative, solid, (x, y) in along:  # nearer than the towers and the store: over them
        yield
        picture.blit(negative, (x, y - top))
        silhouette.blit(solid, (x, y - top))
    yield
    parts = shown_strips(picture, silhouette)
    yield  # (each a few milliseconds: the car's wheels make the masks taller)
    burnt = cut(picture, parts)
    yield
    return City(top, burnt, cut(silhouette, parts))


def shown_strips(*masks: pygame.Surface) -> tuple[pygame.Rect, ...]:
    """Boxes holding every pixel of the `masks` (of one size) that is not black: a strip of
    STRIP columns each, from the first row it shows anything in to the last (a palm's crown
    high over the towers is laid with its own few columns, not with the whole width)."""
    width, _height = masks[0].get_size()
    shown = np.zeros(masks[0].get_size(), dtype=bool)
    for mask in masks:
        pixels = pygame.surfarray.pixels2d(mask)
        shown |= pixels != 0
        del pixels  # (the surface is locked while its pixels are referenced)
    boxes = []
    for x in range(0, width, STRIP):
        rows = np.flatnonzero(shown[x:x + STRIP].any(axis=0))
        if rows.size:
            boxes.append(pygame.Rect(x, int(rows[0]), min(STRIP, width - x),
                                     int(rows[-1] - rows[0]) + 1))
    return tuple(boxes)


def boulevard(size: tuple[int, int], ground: int, ruins: Mapping[str, Any],
              font: Fonts) -> Generator[None, None, list[Burnt]]:
    """The palms, Johnie's, the car and the walkers along the boulevard of a `ruins` layer's
    keys, whole, where wilshire.py and ash_ground.py have them burnt and broken, far to near,
    in pieces (a palm's drawing takes several): each as a negative and a silhouette, and where
    they go in the picture."""
    place = boulevard_place(size, ground, int(size[0] * ruins["boulevard_x"]))
    edge = max(1, round(OUTLINE * size[1]))
    out: list[Burnt] = []
    walking = sorted(enumerate(walkers_at()), key=lambda each: -each[1])
    for z, stand in zip(sorted([JOHNNIES_Z, *PALMS], reverse=True), stands(place), strict=True):
        while walking and walking[0][1] > z:  # a walker farther off than this: behind it
            out.append(walker(place, edge, walking.pop(0)[0]))
            yield
        if stand is None:
            out.append(footless(johnnies_whole(place, font, edge), ground))
            yield
            continue
        palm, feet = yield from whole_palm(stand.tall / PALM_UNITS, stand.flipped,
                                           round(z * 10))
        yield
        out.append(footless(burnt(palm, palm, edge, stand.foot, feet), ground))  # (a few ms)
        yield
    out.extend(walker(place, edge, n) for n, _z in walking)
    out.append(car(place, edge))  # the nearest of all, across the road
    return out


def footless(shape: Burnt, ground: int) -> Burnt:
    """A palm's or Johnie's shape whose silhouette ends at the city's `ground` row: below it,
    its foot is lost in the glare along the horizon as the towers' are (left standing under
    the glare flash.py lays over its middle, its foot read as a box apart from it: Johnie's
    stone wall, over the car's roof on a palm trunk's stub, read as a box on the roof)."""
    negative, solid, (x, y) = shape
    below = max(0, ground - y)
    if below < solid.get_height():
        solid.fill((0, 0, 0, 0), (0, below, solid.get_width(), solid.get_height() - below))
    return negative, solid, (x, y)


def windows(width: int, tall: int, cells: Grid) -> pygame.Surface:
    """A wall of storeys `tall` pixels high standing on its last row, white with a window hole
    in each bay above the street storey (where the ruins' holes are)."""
    across = (np.arange(width) % cells.bay) / cells.bay
    up = tall - np.arange(tall)  # pixels above the ground
    within = (up % cells.floor) / cells.floor
    hole = (((across >= WINDOW_X[0]) & (across < WINDOW_X[1]))[:, None]
            & ((within >= WINDOW_Y[0]) & (within < WINDOW_Y[1]) & (up >= cells.floor))[None, :])
    rgb = np.where(hole[..., None], np.uint8(0), np.uint8(255)).repeat(3, axis=2)
    return pygame.surfarray.make_surface(rgb)


def place(picture: pygame.Surface, wall: pygame.Surface, tower: Tower, ground: int) -> None:
    """One tower out of the wall of windows, standing on `ground` (a row of the picture)."""
    tall = wall.get_height()
    picture.blit(wall, (tower.x, ground - tower.height),
                 pygame.Rect(0, tall - tower.height, tower.width + 1, tower.height))


def may_company(picture: pygame.Surface, at: Store, detail: bool) -> None:
    """The box receding to the left with its wing, the granite slab, the drum in front, white;
    with `detail` (the negative) each with a dark edge parting it from what is behind, the
    box's ribbons and base and the drum's rings drawn dark."""
    u = at.unit
    edge = max(1, round(OUTLINE * u)) if detail else 0
    box = [wall(at, -BOX_LONG * u, BOX_FAR), wall(at, WING_LONG * u, WING_FAR)]
    for shape, far in zip(box, (BOX_FAR, WING_FAR), strict=True):
        pygame.draw.polygon(picture, WHITE, shape)
        if detail:  # (not along its foot: it stands on the glowing ground, no ruled line)
            pygame.draw.lines(picture, BLACK, False, shape, edge)
            ribbons(picture, at, shape, far)
    slab = pygame.Rect(at.cx - round(FRAME_HALF * u), at.ground - round(FRAME_TALL * u),
                       2 * round(FRAME_HALF * u), round(FRAME_TALL * u))
    parted = slab.inflate(2 * edge, 2 * edge)
    picture.fill(BLACK, parted.clip(parted.move(0, -edge)))  # (not below its foot)
    picture.fill(WHITE, slab)
    half, tall = round(DRUM_HALF * u), DRUM_TALL * u
    drum = pygame.Rect(at.cx - half, at.ground - round(tall), 2 * half, round(tall))
    picture.fill(BLACK, drum.inflate(2 * edge, 0))
    pygame.draw.ellipse(picture, BLACK, rim(drum, tall).inflate(2 * edge, 2 * edge))
    picture.fill(WHITE, drum)
    pygame.draw.ellipse(picture, WHITE, rim(drum, tall))
    if detail:
        seam = max(1, round(SEAM * u))
        for ring in (BOX_TALL * u, tall - CAP * u):
            pygame.draw.arc(picture, LINE, rim(drum, ring), 0, np.pi, seam)


def rim(drum: pygame.Rect, up: float) -> pygame.Rect:
    """The ellipse whose upper half is the drum's ring `up` pixels above its foot, seen from
    below: it rises in the middle (as the tilt of maycompany_surfaces.py)."""
    bulge = max(1, round(TILT * drum.width / 2 * up / drum.height))
    return pygame.Rect(drum.x, drum.bottom - round(up) - bulge, drum.width, 2 * bulge)


def wall(at: Store, long: float, far: float) -> list[tuple[float, float]]:
    """The box's wall from the drum's axis `long` pixels along (negative: to the left),
    shrinking in perspective to `far` of its height."""
    tall = BOX_TALL * at.unit
    foot = at.ground - 1  # (its last row above the ground's first, as the towers')
    return [(at.cx, foot), (at.cx, at.ground - tall), (at.cx + long, at.ground - tall * far),
            (at.cx + long, foot)]


def ribbons(picture: pygame.Surface, at: Store, shape: list[tuple[float, float]],
            far: float) -> None:
    """The streamline ribbons and the top of the granite base along a wall, in perspective."""
    tall = BOX_TALL * at.unit
    end = shape[2][0]
    thick = BAND / 2
    for level in (*BANDS, BASE):
        low, high = level - thick, level + thick
        pygame.draw.polygon(picture, LINE, [(at.cx, at.ground - tall * low),
                                            (at.cx, at.ground - tall * high),
                                            (end, at.ground - tall * far * high),
                                            (end, at.ground - tall * far * low)])
