"""The streamline corner on the boulevard: a building whose end towards the viewer is rounded,
its ribbon windows and pale speed bands running round the curve."""

from __future__ import annotations

import math

from installation.visuals.storefronts import (
    FLOOR_FIRST,
    FLOOR_GLASS,
    FLOOR_STEP,
    GLASS_HIGH,
    GLASS_LOW,
    PARAPET,
    SHOP_LIGHT,
    SPEED_BANDS,
    Piece,
    Project,
    Wall,
)

RADIUS = 0.4  # world units: the curve's radius
SEGMENTS = 10  # straight pieces the curve is drawn in
TURNS = ("wall", "turn", "end")  # its shade as it turns from the street towards the viewer
BAND = 0.03  # a speed band's height
SHOP_SHARE = 0.8  # how brightly its curved shop window is lit


def rounded(project: Project, wall: Wall) -> list[Piece]:
    """The rounded corner at the wall's near end, from the sidewalk up to its roof."""
    side, x, z, up = wall.side, wall.x, wall.z0, wall.up

    def at(turned: float, high: float) -> tuple[int, int]:
        """A point on the curve, `turned` 0 (along the street) to 1 (facing the viewer)."""
        angle = turned * math.pi / 2
        return project(side * (x + RADIUS * (1 - math.cos(angle))),
                       z + RADIUS * (1 - math.sin(angle)), high)

    def strip(a: float, b: float, low: float, high: float) -> list[tuple[int, int]]:
        return [at(a, low), at(b, low), at(b, high), at(a, high)]

    bands = [(up - below, up - below + BAND) for below in SPEED_BANDS]
    floors = []
    floor = FLOOR_FIRST
    while floor + FLOOR_GLASS + PARAPET < up - max(SPEED_BANDS):
        floors.append((floor, floor + FLOOR_GLASS))
        floor += FLOOR_STEP
    pieces = []
    for n in range(SEGMENTS):
        a, b = n / SEGMENTS, (n + 1) / SEGMENTS
        pieces.append(Piece(TURNS[min(len(TURNS) - 1, int(a * len(TURNS)))],
                            strip(a, b, 0.0, up)))
        pieces += [Piece("office", strip(a, b, low, high)) for low, high in floors]
        pieces.append(Piece("window", strip(a, b, GLASS_LOW, GLASS_HIGH), SHOP_LIGHT,
                            SHOP_SHARE))
        pieces += [Piece("trim", strip(a, b, low, high)) for low, high in bands]
    return pieces
