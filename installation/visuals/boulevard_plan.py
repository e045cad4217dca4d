"""The boulevard's plan: where its buildings stand along each side, how tall, in what
material, and which are the streamline corner and the cinema (seeded, laid out once)."""

from __future__ import annotations

from typing import Any

from installation.visuals.base import Color, hash01

Z_NEAR, Z_FAR = 0.6, 40.0  # the street's near and far ends, in its world units
# The buildings: two- and three-storey shops (their heights), a few deco towers (their share on
# each side, and heights); the left side stays low from LOW_LEFT[0] to LOW_LEFT[1], where the
# May Company stands over it at the end of the street. Beyond GROW_FROM they grow with depth
# to a skyline at the vanishing point.
SHOP_UP = (0.9, 1.25)
TOWER_SHARE, TOWER_UP = 0.3, (2.0, 2.9)
LOW_LEFT = (2.2, 22.0)
GROW_FROM, GROW = 12.0, 14.0
BLOCK_LONG, BLOCK_GAP = (1.2, 3.2), (0.0, 0.3)  # a building's length and the gap to the next
# The materials of the 1930s boulevard, each (wall, trim, how much of the horizon's colour it
# takes by day: glazed tile and black glass mirror the sunset, stucco only warms): cream
# stucco, terracotta, black and gold, green tile, buff stucco; lit by the day (least, and
# more by daylight).
Material = tuple[Color, Color, float]
MATERIALS: tuple[Material, ...] = (
    ((214, 198, 166), (240, 230, 206), 0.12), ((170, 88, 58), (226, 180, 130), 0.15),
    ((30, 28, 32), (200, 156, 66), 0.4), ((44, 92, 76), (178, 208, 182), 0.32),
    ((196, 172, 146), (232, 216, 194), 0.12))
MATERIAL_SALT = 31
# The streamline corner: its side, where it stands (beyond a cross street this wide), its height.
# The building beyond it is always a deco tower, this much taller than the others (its stages
# floodlit from dusk: the landmark of the street, over the shops and the towers beyond).
CORNER_SIDE, CORNER_AT, CROSS_STREET, CORNER_UP = 1, 4.0, 0.9, 1.6
LANDMARK_RISE = 2.0
# The cinema's side (the left: the right has the bar's neon at night), where its marquee
# stands and the wall it needs beyond that.
CINEMA_SIDE, CINEMA_AT, CINEMA_ROOM = -1, 2.1, 0.5
Block = tuple[int, float, float, float, float]  # side, z from, z to, height, window seed


def layout(rng: Any) -> list[Block]:
    """Buildings along both sides: (side, z from, z to, height, window seed)."""
    out = []
    for side in (-1, 1):
        z = 1.1 + rng.uniform(0.0, 0.5)
        crossed = side != CORNER_SIDE
        beyond = False  # the building beyond the corner is next
        while z < Z_FAR:
            corner = not crossed and z >= CORNER_AT - CROSS_STREET
            if corner:  # a cross street, and the streamline corner beyond it
                z, crossed = z + CROSS_STREET, True
            depth = rng.uniform(*BLOCK_LONG)
            low = side < 0 and LOW_LEFT[0] <= z <= LOW_LEFT[1]
            tower = (rng.random() < TOWER_SHARE or beyond) and not low
            up = rng.uniform(*TOWER_UP) if tower else rng.uniform(*SHOP_UP)
            up = up + LANDMARK_RISE if beyond and tower else up
            up, beyond = (CORNER_UP, True) if corner else (up, False)
            grow = 1 + max(0.0, z - GROW_FROM) / GROW
            out.append((side, z, z + depth, up * grow, rng.random()))
            z += depth + rng.uniform(*BLOCK_GAP)
    return out


def corner_of(blocks: list[Block]) -> Block | None:
    """The streamline building with its rounded corner: the first on the right past the
    cross street (see `layout`)."""
    return next((b for b in blocks if b[0] == CORNER_SIDE and b[1] >= CORNER_AT), None)


def landmark_of(blocks: list[Block]) -> Block | None:
    """The deco tower beyond the streamline corner (see `layout`)."""
    corner = corner_of(blocks)
    if corner is None:
        return None
    return next((b for b in blocks if b[0] == CORNER_SIDE and b[1] > corner[1]), None)


def theatre_of(blocks: list[Block]) -> Block | None:
    """The building with the cinema: the one at CINEMA_AT on the left (None if there is
    a gap there)."""
    return next((b for b in blocks
                 if b[0] == CINEMA_SIDE and b[1] <= CINEMA_AT < b[2] - CINEMA_ROOM), None)


def materials(blocks: list[Block], seed: int) -> dict[Block, Material]:
    """Each building's material, seeded: never the same as the one before it on its side, nor
    (the nearest) as the nearest across the road."""
    out: dict[Block, Material] = {}
    last = -1
    # along the left side towards us, then across the road and away along the right side
    for block in sorted(blocks, key=lambda b: (b[0], b[0] * b[1])):
        pick = int(hash01(seed, int(block[4] * 1e6), MATERIAL_SALT) * (len(MATERIALS) - 1))
        last = (last + 1 + pick) % len(MATERIALS)  # (any but the last one picked)
        out[block] = MATERIALS[last]
    return out
