"""What a fire on the ground burns on, drawn under and into its flames: a heap of charred
wreckage (after the flash: broken masonry and roof timbers; on the mall's lot before it: boxes,
bags and a smashed pallet), lit by the fire where it faces the flames, glowing in its top, and
a few charred timbers or slats standing up into the flames, dark against them (a flame on bare
asphalt or ash read as a campfire with nothing to burn)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, mix, scaled

WIDE, TALL = 2.2, 0.75  # the heap: this much of its flames' width across, this much of it high
CHUNKS = 26  # pieces heaped in it
SHADES = (0.7, 1.4)  # each this much darker or paler than its stuff's colour
EMBERS: Color = (205, 92, 26)  # its top glowing under the flames (their bed)...
EMBER_RISE = 0.8  # ...where the pieces are heaped this high (of its height)
FIRELIT: Color = (236, 132, 56)  # the fire's light on a piece's faces towards it...
LIT_REACH = 0.75  # ...falling off to none this far from the flames' middle (of the heap's
LIT_MOST = 0.3  # width), at most this much of it (and a rim along its top edge, twice that)
SUNK = 0.45  # the flames' foot stands this far down into the heap (of its height)
STICKS = 2  # charred timbers (slats) fallen from one side into the flames, as a roof's rafters
# come down together (from both sides they crossed over the flames: a campfire's sticks)...
STICK_FOOT = ((0.5, 0.7), (0.8, 1.0))  # ...their feet this far out from the flames' middle
# (of its width), the first, the second...
STICK_UP = ((0.3, 0.4), (0.15, 0.25))  # ...their broken ends this high up the flames (of their
# height: within them, not poking out over them)...
STICK_IN = ((0.0, 0.2), (-0.15, 0.0))  # ...and this far past their middle (of their width)...
STICK_WIDE = (0.14, 0.6)  # ...this thick at the foot (of the flames' width), this much of it at
# the broken end...
STICK_EDGE: Color = (255, 150, 60)  # ...the flames lighting their upper edges...
EDGE_GLOW = 0.45  # ...this much

@dataclass(frozen=True)
class Stuff:
    """What a heap is made of: its pieces' colours (picked in turn), and whether they are
    boxes and bags (rounded, soft) rather than broken masonry (angular)."""

    colors: tuple[Color, ...]
    soft: bool


RUBBLE = Stuff(((34, 28, 25), (52, 44, 40), (40, 30, 24)), False)  # burnt timber, sooted stone
TRASH = Stuff(((86, 62, 40), (22, 22, 26), (60, 46, 34), (30, 26, 24)), True)  # boxes, bags


@dataclass(frozen=True)
class Fuel:
    """A fire's fuel: the heap under its flames and the timbers in front of them, each with
    where its top left goes from the flames' foot."""

    heap: pygame.Surface
    heap_at: tuple[int, int]
    front: pygame.Surface
    front_at: tuple[int, int]


def fuel(flame: tuple[int, int], seed: int, stuff: Stuff = RUBBLE) -> Fuel:
    """The fuel under flames `flame` (width, height) pixels: the heap (draw it before them),
    the timbers (after them)."""
    rng = random.Random(seed)
    wide = max(6, round(flame[0] * WIDE))
    tall = max(3, round(flame[0] * TALL))
    heap = pygame.Surface((wide, tall), pygame.SRCALPHA)
    pieces = [_piece(rng, wide, tall, stuff, n) for n in range(CHUNKS)]
    for _y, corners, color, lit in sorted(pieces, key=lambda piece: -piece[0]):  # low first
        pygame.draw.polygon(heap, (*color, 255), corners)
        if lit > 0.05 and len(corners) > 2:
            first, second = sorted(corners, key=lambda c: c[1])[:2]  # its top edge
            pygame.draw.line(heap, (*mix(color, FIRELIT, min(1.0, 2 * lit)), 255), first,
                             second, 1)
    front, reach = _timbers(rng, flame, stuff)
    sunk = round(tall * SUNK)
    return Fuel(heap, (-wide // 2, -sunk), front, (-front.get_width() // 2, -reach))


def _piece(rng: random.Random, wide: int, tall: int, stuff: Stuff,
           n: int) -> tuple[float, list[tuple[float, float]], Color, float]:
    """One piece of the heap: how low it lies, its outline, its colour (lit by the fire
    towards the heap's top middle) and how much the fire lights it."""
    across = rng.uniform(-1.0, 1.0)
    rise = (1 - across * across) * rng.uniform(0.45, 1.0)  # a mound: highest in its middle
    x, y = (across * 0.45 + 0.5) * wide, tall - rise * tall * 0.8
    size = rng.uniform(0.07, 0.16) * wide
    turn = rng.uniform(0, math.pi)
    if stuff.soft:  # a box's or a bag's round-shouldered outline
        corners = [(x + size * math.cos(turn + a) * (1.1 if k % 2 else 0.9),
                    y + size * 0.55 * math.sin(turn + a))
                   for k, a in enumerate(2 * math.pi * j / 6 for j in range(6))]
    else:  # a broken block or a length of timber
        corners = [(x + size * rng.uniform(0.6, 1.2) * math.cos(turn + a),
                    y + size * 0.5 * math.sin(turn + a)) for a in (0.0, 1.7, 3.3, 4.9)]
    base = scaled(stuff.colors[n % len(stuff.colors)], rng.uniform(*SHADES))
    if rise > EMBER_RISE:
        return y, corners, mix(base, EMBERS, 0.8), 1.0
    near = math.hypot(x - wide / 2, (y - tall * 0.2) * 2) / (LIT_REACH * wide)
    lit = LIT_MOST * max(0.0, 1 - near)
    return y, corners, mix(base, FIRELIT, lit), lit


def _timbers(rng: random.Random, flame: tuple[int, int],
             stuff: Stuff) -> tuple[pygame.Surface, int]:
    """Charred timbers fallen from one side of the heap into the flames' lower part, dark,
    tapering to a broken end, their upper edges lit by the flames, their feet on the heap at
    the flames' foot row: their picture and how far above that row they reach."""
    reach = round(flame[1] * STICK_UP[0][1]) + 2
    wide = 2 * flame[0] + 4
    image = pygame.Surface((wide, reach + 2), pygame.SRCALPHA)
    thick = max(2.0, flame[0] * STICK_WIDE[0])
    dark = scaled(stuff.colors[0], 0.6)
    edge = mix(dark, STICK_EDGE, EDGE_GLOW)
    side = rng.choice((-1, 1))  # the side they fell from
    for k in range(STICKS):
        foot = (wide / 2 + side * flame[0] * rng.uniform(*STICK_FOOT[k]), float(reach))
        top = (wide / 2 - side * flame[0] * rng.uniform(*STICK_IN[k]),
               reach - flame[1] * rng.uniform(*STICK_UP[k]))
        length = max(1.0, math.hypot(top[0] - foot[0], top[1] - foot[1]))
        nx, ny = (foot[1] - top[1]) / length, (top[0] - foot[0]) / length  # across it
        half = (thick / 2, thick * STICK_WIDE[1] / 2 * rng.uniform(0.7, 1.0))
        jag = rng.uniform(0.2, 0.5) * thick  # its broken end, torn across at a slant
        outline = [(foot[0] + nx * half[0], foot[1] + ny * half[0]),
                   (top[0] + nx * half[1], top[1] + ny * half[1]),
                   (top[0] - (top[0] - foot[0]) / length * jag, top[1]
                    - (top[1] - foot[1]) / length * jag),
                   (top[0] - nx * half[1], top[1] - ny * half[1]),
                   (foot[0] - nx * half[0], foot[1] - ny * half[0])]
        pygame.draw.polygon(image, (*dark, 255), outline)
        upper = (0, 1) if outline[0][1] < outline[-1][1] else (-1, -2)
        pygame.draw.line(image, (*edge, 255), outline[upper[0]], outline[upper[1]], 1)
    return image, reach
