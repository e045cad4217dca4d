"""What a city fire burns on: a building's charred stump under its flames, its broken roof line a
glowing bed the flames rise from, its windows lit from within (made once, at build; its glow
flickers with the flames)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, hash01
from installation.visuals.flame_shape import heat_colors
from installation.visuals.flames import brightnesses

TALL = 0.55  # the stump's height, of its flames' height
WIDE = (1.1, 0.45)  # its width: this much of a flame's width, and this much more a flame beside
SINK = 0.06  # the flames' foot stands this far down into the roof's bed (of the stump's
# height): out of the glow, not on a line over it
RAGGED = (0.2, 9)  # its broken roof wanders this much of its height, in about this many lumps
# (half of them broken steps, half slumped)
CORNERS = 0.4  # its corners broken down up to this much of its height
FLOORS = (2, 0.24, 0.45)  # floors of windows, each this tall (of the stump), the top one's sill
# this far down it...
BAYS = (0.22, 0.5)  # ...bays this wide (of the stump's height), their openings this share of one
LIT = 0.55  # windows lit from within, of all...
WINDOW_HEAT = (0.22, 0.6)  # ...as hot as this at most (the flame's colours, flame_shape.RAMP):
# the lower floor dull red, the upper orange (all of them yellow read as lit offices)
BED = (0.75, 0.1)  # the roof's bed: as hot as this at the roof line, fading into the wall over
# this much of the stump's height...
BED_ABOVE = 0.08  # ...and into the flames' foot over this much of it above the roof...
BED_UP = 0.6  # ...as hot as this much of the roof's there (the flames' own foot is hot)
HOT_SPOTS = 0.65  # the bed's heat wanders this much along it (glowing, not a lit rule)
SOFT = 0.07  # its light blurred along the roof over this much of the stump's height, twice:
# sharp, each broken step of the roof hung a ruled streak of light down the wall and up into
# the flames, a comb of them along the top (at 05:16-05:28 the right stump's read as a glitch)
HOLE = 0.45  # an unlit opening's darkness, of the wall's
CLEAR: Color = (255, 0, 255)  # where the stump is not (its picture's key colour)


@dataclass(frozen=True)
class Base:
    """A fire's stump: its picture (keyed, its top left at `place` from the fire's foot on
    the ground) and the glow of its bed and windows at each of the fire's brightnesses (for
    additive blits, the same place), and where its flames stand on it (their foot, from the
    fire's foot)."""

    wall: pygame.Surface
    glows: tuple[pygame.Surface, ...]
    place: tuple[int, int]
    glow_at: tuple[int, int]
    flames: tuple[int, int]


def roof_line(wide: int, tall: int, seed: int) -> np.ndarray:
    """How far down from the stump's top its roof lies at each column: ragged, its corners
    broken down."""
    across = np.linspace(-1.0, 1.0, wide)
    along = np.linspace(0, RAGGED[1], wide)
    heights = np.array([hash01(seed, k, 3) for k in range(RAGGED[1] + 1)])
    lumps = 0.5 * np.interp(along, np.arange(RAGGED[1] + 1), heights) \
        + 0.5 * heights[np.minimum(along.astype(int), RAGGED[1])]
    broken = heights[np.minimum((along * 0.5).astype(int), RAGGED[1])]
    return tall * (RAGGED[0] * (1 - lumps) + CORNERS * broken * np.abs(across) ** 2)


def windows(wide: int, tall: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Where its window openings are (an (x, y) mask) and how hot each one's light is (0: unlit)."""
    holes, heat = np.zeros((wide, tall), bool), np.zeros((wide, tall))
    bay = max(4, round(BAYS[0] * tall))
    high = max(2, round(FLOORS[1] * tall * 0.6))
    for floor in range(FLOORS[0]):
        sill = round(tall * (FLOORS[2] + FLOORS[1] * floor))
        for k in range(wide // bay):
            left = k * bay + (wide % bay) // 2 + round(bay * (1 - BAYS[1]) / 2)
            cut = (slice(left, left + max(2, round(bay * BAYS[1]))), slice(sill - high, sill))
            holes[cut] = True
            if hash01(seed, floor, k) < LIT:
                hot = WINDOW_HEAT[1] - (WINDOW_HEAT[1] - WINDOW_HEAT[0]) * floor / max(
                    1, FLOORS[0] - 1)
                heat[cut] = hot * (0.6 + 0.4 * hash01(seed, floor, k, 1))
    return holes, heat


def bed_heat(roof: np.ndarray, tall: int, above: int, seed: int) -> np.ndarray:
    """The glowing bed along the roof line (x, y over the stump and `above` rows over it):
    hottest at the roof, fading down into the wall and up into the flames."""
    rows = np.arange(tall + above)[None, :] - above - roof[:, None]  # 0 at the roof
    into = np.exp(-np.clip(rows, 0, None) / max(1.0, BED[1] * tall))
    up = np.clip(1 + rows / max(1, above), 0, 1) ** 2
    wander = np.interp(np.linspace(0, 3 * RAGGED[1], len(roof)), np.arange(3 * RAGGED[1] + 1),
                       [hash01(seed, k, 9) for k in range(3 * RAGGED[1] + 1)])
    heat = BED[0] * (1 - HOT_SPOTS * wander)[:, None] * np.where(rows >= 0, into, BED_UP * up)
    return along(along(heat, round(SOFT * tall)), round(SOFT * tall))


def along(heat: np.ndarray, reach: int) -> np.ndarray:
    """`heat` (x, y) averaged over `reach` columns either side (fewer at its ends)."""
    if reach < 1:
        return heat
    sums = np.cumsum(np.pad(heat, ((reach + 1, reach), (0, 0)), mode="edge"), axis=0)
    return (sums[2 * reach + 1:] - sums[:-2 * reach - 1]) / (2 * reach + 1)


def make_base(flame: tuple[int, int], tongues: int, wall: Color, seed: int) -> Base:
    """The stump under a fire of `tongues` flames each `flame` (width, height): walls of the
    colour `wall`, its glow at each of the fire's brightnesses (see flames.brightnesses)."""
    wide = round(flame[0] * (WIDE[0] + WIDE[1] * (tongues - 1)))
    tall = max(4, round(flame[1] * TALL))
    above = max(2, round(flame[1] * BED_ABOVE))
    roof = roof_line(wide, tall, seed)
    rows = np.arange(tall)[None, :]
    solid = rows >= roof[:, None]
    holes, hot = windows(wide, tall, seed)
    image = pygame.Surface((wide, tall))
    shade = np.where(holes & solid, HOLE, 1.0)
    rgb = (np.array(wall, float) * shade[..., None]).astype(np.uint8)
    pygame.surfarray.blit_array(image, np.where(solid[..., None], rgb, np.array(CLEAR)))
    image.set_colorkey(CLEAR, pygame.RLEACCEL)  # (a hard foot on the rubble: alpha's soft
    # one cost 0.1 ms a stump a frame)
    heat = bed_heat(roof, tall, above, seed)
    heat[:, above:] = np.maximum(heat[:, above:], hot * solid)
    glow = pygame.Surface(heat.shape)
    pygame.surfarray.blit_array(glow, heat_colors(np.clip(heat, 0, 1)).astype(np.uint8))
    sink = round(SINK * tall)
    return Base(image, brightnesses(glow), (-wide // 2, -tall), (-wide // 2, -tall - above),
                (0, -tall + sink + round(float(roof.mean()))))
