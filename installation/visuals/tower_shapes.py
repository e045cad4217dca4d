"""The Mid-Wilshire towers' shapes: 1920s-30s stepped towers, 1960s slabs, 1980s glass towers
and low blocks, the face each turns to the eye, and what stands on their roofs."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from installation.visuals.base import hash01

Tier = tuple[int, int, int, int]  # x, width, bottom and top (pixels above the ground)
Rhythm = tuple[int, int, int, int]  # a window's width and height, and the pitch across and up
Detail = tuple[str, int, int, int, int]  # what (tank, antenna), x, width, bottom, top
LOW = 0.42  # a building under this share of the tallest is a low block, not a tower
SLIM = (0.58, 0.85)  # a tower's shaft takes this share of its lot (a lower wing the rest)
WING = (0.14, 0.32)  # the lower wing beside a shaft, of the tower's height
DECO, GLASS_TOWER, RIBBED = 0.22, 0.45, 0.72  # a tower is deco (1920s-30s), glass (1980s),
# ribbed (a 1960s slab with white fins) under each, else banded (a 1960s slab with ribbons)
DECO_STEPS = ((0.72, 0.0), (0.84, 0.13), (0.93, 0.27), (1.0, 0.38))  # (top, inset) each tier
CROWN_STEPS = ((0.88, 0.0), (0.94, 0.08), (1.0, 0.18))
PENTHOUSE = (0.94, 0.22)  # a slab's roof box: where it begins, its inset each side
MAST = 0.1  # a deco tower's mast, of its height
ROOF_BOX = 0.5  # share of low blocks with a box on the roof
SIDE_FACE = (0.1, 0.22)  # the side face's share of a tier: at the picture's middle, and more
# at its edges (seen more from the side the farther off the line of sight)
TANK = 0.45  # share of the low blocks (and of the slabs) with a water tank on its legs
TANK_SIZE = (0.05, 0.06)  # its width and its height (a third of it its legs), of the tallest
TANK_LEAST = 5  # pixels: a narrower tank is left off
ANTENNA = 0.5  # share of the slabs and glass towers with an antenna on the roof
ANTENNA_HEIGHT = (0.05, 0.1)  # of the building's height
PICKS = 8  # the numbers that shape a building (the first five as they always were)


@dataclass(frozen=True)
class Building:
    """One building on its lot: its tiers bottom up, what it is, how far in its row, which
    face it turns to the eye and what stands on its roof."""

    x: int
    width: int
    height: int
    row: int  # 0 far, 1 near
    kind: str  # deco, glass, ribbed, banded or low
    tiers: tuple[Tier, ...]
    turn: int  # the side face seen: -1 its left, 1 its right (the one towards the middle)
    side: float  # the side face's share of each tier
    depth: float  # 0 the nearest of its row .. 1 the farthest
    details: tuple[Detail, ...] = ()
    tone: float = 0.0  # 0..1: which of its era's materials
    rhythm: Rhythm | None = None  # its own windows' size and rhythm (None: the skyline's grid)
    busy: float = 1.0  # 0..1: how many of its offices or rooms are up at night (0: all dark)


def shape(lot: tuple[int, int], height: int, row: int, tallest: int,
          pick: tuple[float, ...], middle: int = 0) -> Building:
    """A building on `lot` (x, width), `height` tall, in a picture whose middle is at
    `middle`: the numbers 0..1 in `pick` choose."""
    x, width = lot
    kind_pick, slim_pick, place_pick, wing_pick, face_pick = pick[:5]
    off = min(1.0, abs(x + width / 2 - middle) / max(1, middle))
    side = SIDE_FACE[0] + SIDE_FACE[1] * off * (0.6 + 0.4 * face_pick)
    turn = 1 if x + width / 2 < middle else -1
    if height < LOW * tallest:
        tiers = [(x, width, 0, height)]
        if wing_pick < ROOF_BOX and width > 8:
            box = max(2, height // 10)
            tiers.append((x + round(width * place_pick * 0.5), max(3, width // 3), height,
                          height + box))
        return Building(x, width, height, row, "low", tuple(tiers), turn, side, kind_pick,
                        _details("low", tiers, height, tallest, pick), pick[5])
    kind = ("deco" if kind_pick < DECO else "glass" if kind_pick < GLASS_TOWER
            else "ribbed" if kind_pick < RIBBED else "banded")
    shaft = max(4, round(width * (SLIM[0] + (SLIM[1] - SLIM[0]) * slim_pick)))
    left = x + round((width - shaft) * place_pick)
    tiers = []
    if width - shaft > 3:  # the lower block beside the shaft, on the same lot
        tiers.append((x, width, 0, round(height * (WING[0] + (WING[1] - WING[0]) * wing_pick))))
    steps = {"deco": DECO_STEPS, "glass": CROWN_STEPS}.get(
        kind, ((PENTHOUSE[0], 0.0), (1.0, PENTHOUSE[1])))
    low = 0
    for top, inset in steps:
        cut = round(shaft * inset)
        high = round(height * top)
        tiers.append((left + cut, max(2, shaft - 2 * cut), low, high))
        low = high
    if kind == "deco":
        tiers.append((left + shaft // 2 - 1, 2, height, height + round(height * MAST)))
    return Building(x, width, height, row, kind, tuple(tiers), turn, side, kind_pick,
                    _details(kind, tiers, height, tallest, pick), pick[5])


def slab(lot: tuple[int, int], height: int, row: int, kind: str,
          pick: tuple[float, ...], middle: int = 0) -> Building:
    """A flat-topped 1960s-80s office slab on `lot` (Wilshire's): one box, `height` tall,
    on a low podium the width of its lot when the lot is wider than the slab, and on some a
    small box of lift machinery set well in from its edges (never a stepped crown)."""
    x, width = lot
    slim_pick, place_pick, wing_pick, face_pick, box_pick = pick[:5]
    off = min(1.0, abs(x + width / 2 - middle) / max(1, middle))
    side = SIDE_FACE[0] + SIDE_FACE[1] * off * (0.6 + 0.4 * face_pick)
    shaft = max(4, round(width * (SLIM[0] + (1 - SLIM[0]) * slim_pick)))
    left = x + round((width - shaft) * place_pick)
    tiers = []
    if width - shaft > 3:
        tiers.append((x, width, 0, round(height * WING[0] * (0.6 + wing_pick))))
    tiers.append((left, shaft, 0, height))
    if box_pick < ROOF_BOX:
        cut = round(shaft * PENTHOUSE[1])
        tiers.append((left + cut, shaft - 2 * cut, height,
                      height + max(2, round(height * (1 - PENTHOUSE[0])))))
    return Building(x, width, height, row, kind, tuple(tiers), 1 if x + width / 2 < middle
                    else -1, side, pick[5], (), pick[6])


def _details(kind: str, tiers: list[Tier], height: int, tallest: int,
             pick: tuple[float, ...]) -> tuple[Detail, ...]:
    """What stands on the roof: a water tank on its legs on a low block or a slab's lower
    roof, an antenna on a slab's or a glass tower's penthouse."""
    if len(pick) < PICKS:
        return ()
    tank_pick, antenna_pick, place = pick[5:8]
    out: list[Detail] = []
    if kind in ("low", "ribbed", "banded") and tank_pick < TANK:
        x, width, _, top = tiers[0]
        tank = round(tallest * TANK_SIZE[0])
        if width > 2 * tank and tank >= TANK_LEAST:  # (smaller, it reads as a cross)
            at = x + round((width - tank) * (0.15 + 0.7 * place))
            out.append(("tank", at, tank, top, top + round(tallest * TANK_SIZE[1])))
    if kind in ("glass", "ribbed", "banded") and antenna_pick < ANTENNA:
        x, width, _, top = tiers[-1]
        tall = round(height * (ANTENNA_HEIGHT[0] + (ANTENNA_HEIGHT[1] - ANTENNA_HEIGHT[0])
                               * antenna_pick / ANTENNA))
        at = x + round((width - 1) * (0.25 + 0.5 * place))
        out.append(("antenna", at, 1, top, top + max(3, tall)))
    return tuple(out)


def picks(seed: int, n: int) -> tuple[float, ...]:
    """The numbers that shape building n (apart from the plan's own random numbers)."""
    return tuple(hash01(seed, n, 11, k) for k in range(PICKS))


def outline(building: Building, ground: int) -> list[pygame.Rect]:
    """The building's tiers as rectangles, `ground` the row its feet stand on."""
    return [pygame.Rect(x, ground - top, width, top - low)
            for x, width, low, top in building.tiers]


def split(building: Building, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
    """A tier's front face and its side face (the one towards the picture's middle)."""
    side = max(1, round(rect.width * building.side)) if rect.width >= 4 else 0
    if building.turn > 0:
        return (pygame.Rect(rect.x, rect.y, rect.width - side, rect.height),
                pygame.Rect(rect.right - side, rect.y, side, rect.height))
    return (pygame.Rect(rect.x + side, rect.y, rect.width - side, rect.height),
            pygame.Rect(rect.x, rect.y, side, rect.height))


def crown_top(building: Building, ground: int) -> tuple[int, int]:
    """Where a beacon stands: the middle of its highest tier's roof."""
    rect = min(outline(building, ground), key=lambda r: r.top)
    return rect.centerx, rect.top
