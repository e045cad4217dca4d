"""The Mid-Wilshire towers' shapes and daylight faces: slabs, deco setbacks, crowns, low blocks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, hash01, mix, scaled
from installation.visuals.fills import fill

Tier = tuple[int, int, int, int]  # x, width, bottom and top (pixels above the ground)
LOW = 0.42  # a building under this share of the tallest is a low block, not a tower
SLIM = (0.58, 0.85)  # a tower's shaft takes this share of its lot (a lower wing the rest)
WING = (0.14, 0.32)  # the lower wing beside a shaft, of the tower's height
DECO, CROWNED, RIBBED = 0.22, 0.45, 0.72  # a tower is deco, crowned, ribbed under each, else
# banded (a slab with ribbons of dark glass)
DECO_STEPS = ((0.72, 0.0), (0.84, 0.13), (0.93, 0.27), (1.0, 0.38))  # (top, inset) each tier
CROWN_STEPS = ((0.88, 0.0), (0.94, 0.08), (1.0, 0.18))
PENTHOUSE = (0.94, 0.22)  # a slab's roof box: where it begins, its inset each side
MAST = 0.1  # a deco tower's mast, of its height
ROOF_BOX = 0.5  # share of low blocks with a box on the roof
# What the faces are made of by day (the night leaves only the buildings' own colour).
GLASS, STONE, CONCRETE = (44, 58, 80), (206, 190, 160), (176, 174, 168)
FINS = (196, 198, 200)  # a ribbed slab's white fins
MATERIAL = 0.5  # how far the daylight takes a face from the buildings' colour to its material
SUNLIT = (255, 246, 226)
SUN, SHADE = 0.35, 0.3  # by day a sunlit face goes this far to SUNLIT, a shaded one darker
SPLIT = (0.3, 0.6)  # the west (left) face's share of a tier: seen at its corner
FAR_HAZE, NEAR_HAZE = (0.45, 0.25), (0.0, 0.3)  # by day: haze of a row's nearest, and more
NIGHT_FAR = 0.25  # at night the far row is this much hazier (as before there were faces)
MULLION, BAND = 0.22, 0.3  # how much lighter a mullion, how much darker a glass band


@dataclass(frozen=True)
class Building:
    """One building on its lot: its tiers bottom up, what it is and how far in its row."""

    x: int
    width: int
    height: int
    row: int  # 0 far, 1 near
    kind: str  # ribbed, banded, crowned, deco or low
    tiers: tuple[Tier, ...]
    split: float  # the west (left) face's share of each tier
    depth: float  # 0 the nearest of its row .. 1 the farthest


def shape(lot: tuple[int, int], height: int, row: int, tallest: int,
          pick: tuple[float, ...]) -> Building:
    """A building on `lot` (x, width), `height` tall: five numbers 0..1 in `pick` choose."""
    x, width = lot
    kind_pick, slim_pick, place_pick, wing_pick, face_pick = pick[:5]
    split = SPLIT[0] + (SPLIT[1] - SPLIT[0]) * face_pick
    if height < LOW * tallest:
        tiers = [(x, width, 0, height)]
        if wing_pick < ROOF_BOX and width > 8:
            box = max(2, height // 10)
            tiers.append((x + round(width * place_pick * 0.5), max(3, width // 3), height,
                          height + box))
        return Building(x, width, height, row, "low", tuple(tiers), split, kind_pick)
    kind = ("deco" if kind_pick < DECO else "crowned" if kind_pick < CROWNED
            else "ribbed" if kind_pick < RIBBED else "banded")
    shaft = max(4, round(width * (SLIM[0] + (SLIM[1] - SLIM[0]) * slim_pick)))
    left = x + round((width - shaft) * place_pick)
    tiers = []
    if width - shaft > 3:  # the lower block beside the shaft, on the same lot
        tiers.append((x, width, 0, round(height * (WING[0] + (WING[1] - WING[0]) * wing_pick))))
    steps = {"deco": DECO_STEPS, "crowned": CROWN_STEPS}.get(
        kind, ((PENTHOUSE[0], 0.0), (1.0, PENTHOUSE[1])))
    low = 0
    for top, inset in steps:
        cut = round(shaft * inset)
        high = round(height * top)
        tiers.append((left + cut, max(2, shaft - 2 * cut), low, high))
        low = high
    if kind == "deco":
        tiers.append((left + shaft // 2 - 1, 2, height, height + round(height * MAST)))
    return Building(x, width, height, row, kind, tuple(tiers), split, kind_pick)


def picks(seed: int, n: int) -> tuple[float, ...]:
    """The five numbers that shape building n (apart from the plan's own random numbers)."""
    return tuple(hash01(seed, n, 11, k) for k in range(5))


def outline(building: Building, ground: int) -> list[pygame.Rect]:
    """The building's tiers as rectangles, `ground` the row its feet stand on."""
    return [pygame.Rect(x, ground - top, width, top - low)
            for x, width, low, top in building.tiers]


def material(building: Building) -> Color:
    return {"deco": STONE, "low": CONCRETE, "ribbed": FINS}.get(building.kind, GLASS)


def faces(building: Building, base: Color, haze: Color, daylight: float, sun: float,
          side: float) -> tuple[Color, Color]:
    """The left and right face's colours in `sun` (0 at dusk, 1 at noon), the one on the
    sun's `side` (-1 left, 1 right, between as it crosses the middle: see sky.sun_side)
    sunlit, the other shaded: the nearer, the more contrast."""
    own = mix(base, material(building), MATERIAL * sun)
    lit = mix(own, SUNLIT, SUN * sun)
    shaded = scaled(own, 1 - SHADE * sun)
    first, more = FAR_HAZE if building.row == 0 else NEAR_HAZE
    amount = daylight * (first + more * building.depth)
    if building.row == 0:
        amount += NIGHT_FAR * (1 - daylight)
    left, right = mix(shaded, lit, (1 - side) / 2), mix(shaded, lit, (1 + side) / 2)
    return mix(left, haze, amount), mix(right, haze, amount)


def paint(image: pygame.Surface, building: Building, ground: int, colors: tuple[Color, Color],
          facade: float, storey: int) -> None:
    """The building's tiers, each its two faces (`colors`: left, right); by day (`facade`
    above 0) its mullions and glass bands, a storey `storey` pixels."""
    for rect in outline(building, ground):
        cut = rect.x + round(rect.width * building.split)
        fill(image, (*colors[0], 255), pygame.Rect(rect.x, rect.y, cut - rect.x, rect.height))
        fill(image, (*colors[1], 255), pygame.Rect(cut, rect.y, rect.right - cut,
                                                   rect.height))
        if facade > 0 and rect.width >= 4 and rect.height >= storey:
            _facade(image, rect, building.kind, colors, facade, storey)


def _facade(image: pygame.Surface, rect: pygame.Rect, kind: str, colors: tuple[Color, Color],
            strength: float, storey: int) -> None:
    """Mullions (vertical lines) and dark glass bands (one a storey) on a tier, by kind: a
    slab's ribbons of glass, a crowned tower's fine grid, a deco tower's piers, a low block's
    bands of windows."""
    area = rect.clip(image.get_rect())
    if not area.width or not area.height:
        return
    pixels = pygame.surfarray.pixels3d(image)[area.left:area.right, area.top:area.bottom]
    faces_now = pixels.astype(np.float32)
    light, dark = 1 + MULLION * strength, 1 - BAND * strength
    if kind in ("deco", "ribbed"):  # piers or fins, the dark glass recessed between them
        faces_now[2::3] *= 1 - 1.5 * BAND * strength
        faces_now[1::3] *= 1 - BAND * strength
    elif kind == "crowned":  # a dark curtain wall, its mullions catching the light
        faces_now *= dark
        faces_now[1::4] *= light
    else:  # ribbons of dark glass, a storey apart (a low block's: its bands of windows)
        for row in range(max(1, storey // 2)):
            faces_now[:, 1 + row::storey] *= dark
        if kind == "banded":
            faces_now[1::6] *= light
    pixels[...] = np.clip(faces_now, 0, 255).astype(np.uint8)
    del pixels


def crown_top(building: Building, ground: int) -> tuple[int, int]:
    """Where a beacon stands: the middle of its highest tier's roof."""
    rect = min(outline(building, ground), key=lambda r: r.top)
    return rect.centerx, rect.top
