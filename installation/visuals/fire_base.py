"""What a city fire burns on: a building's charred stump under its flames, its roof broken down
into a glowing bed the flames rise from, a few torn openings in its wall lit by the fire inside,
soot streaked up the wall over them (made once, at build; its glow flickers with the flames)."""

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
BITES = (1, 2, 0.35, 0.55)  # bites out of the roof, fewest and most, each this much of the wall
# down at least and at most: a flat crest of flames sat along a level box (05:20, the review)
BITE_AT = (0.12, 0.62, 0.22)  # a bite's middle: this far across, left or right, and up to this
# much further
BITE_WIDE = (0.12, 0.3)  # a bite's width, of the stump's: steep sided, as masonry falls
STUB = (0.0, 0.12)  # a stretch of wall left standing higher over the breaks (of its height)
OPENINGS = (2, 4)  # torn openings in the wall, fewest and most (a regular grid of lit windows
# read as an occupied building with a bonfire on its roof)
OPENING = ((0.2, 0.62), (0.18, 0.46))  # one's width and height, of the stump's height (as
# unequal as broken masonry leaves them: of one size, they read as a row of lit windows)
SLOT_FULL = 0.8  # an opening fills at most this much of its slot across the wall
SILL = (0.5, 0.88)  # its sill this far down the stump, anywhere in its slot across it
TORN = (0.3, 5)  # its top and bottom edges wander this much of its height, over this many
# lumps across it (broken masonry, not a comb)...
BRICK = 3  # ...broken out a course of this many pixels at a time (smooth, soft blobs)
DARK_ONE = 0.25  # the chance an opening shows no fire (gutted and out)
WINDOW_HEAT = (0.4, 0.78)  # the fire inside: as hot as this at an opening's top and its foot
# (the flame's colours, flame_shape.RAMP: red above, orange-yellow where it burns)
SOOT = (0.6, 1.6, 0.5)  # soot streaked up the wall over an opening: the wall this dark at its
# lintel, fading over this many of its heights up, spreading this much of its width each side
BED = (0.75, 0.1)  # the roof's bed: as hot as this at the roof line, fading into the wall over
# this much of the stump's height...
BED_ABOVE = 0.08  # ...and into the flames' foot over this much of it above the roof...
BED_UP = 0.6  # ...as hot as this much of the roof's there (the flames' own foot is hot)
HOT_SPOTS = 0.65  # the bed's heat wanders this much along it (glowing, not a lit rule)
SOFT = 0.07  # its light blurred along the roof over this much of the stump's height, twice:
# sharp, each broken step of the roof hung a ruled streak of light down the wall and up into
# the flames, a comb of them along the top (at 05:16-05:28 the right stump's read as a glitch)
KEPT = (0.35, 0.5, 0.2)  # the glow over the wall's broken top (on what stands behind it,
# not the wall) fades out towards the stump's sides over this much of its half width, down a
# bite over this much of its height, and is none over this much of its half width at its sides:
# lit to its edges, the tower behind showed through a lit box (05:20, 05:50: review 26 #3)
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
    broken down, a bite or two fallen out of it and a stretch of wall left standing."""
    across = np.linspace(-1.0, 1.0, wide)
    along = np.linspace(0, RAGGED[1], wide)
    heights = np.array([hash01(seed, k, 3) for k in range(RAGGED[1] + 1)])
    lumps = 0.5 * np.interp(along, np.arange(RAGGED[1] + 1), heights) \
        + 0.5 * heights[np.minimum(along.astype(int), RAGGED[1])]
    broken = heights[np.minimum((along * 0.5).astype(int), RAGGED[1])]
    down = RAGGED[0] * (1 - lumps) + CORNERS * broken * np.abs(across) ** 2
    x = np.arange(wide)
    for k in range(BITES[0] + int(hash01(seed, 11) * (BITES[1] - BITES[0] + 1))):
        side = (k + int(hash01(seed, 12) * 2)) % 2  # (either side of the flames: under them
        # the flames' flat foot hung over a bite, a ruled edge at 05:17)
        middle = wide * (BITE_AT[side] + BITE_AT[2] * hash01(seed, 12, k))
        half = wide * (BITE_WIDE[0] + (BITE_WIDE[1] - BITE_WIDE[0]) * hash01(seed, 13, k)) / 2
        deep = BITES[2] + (BITES[3] - BITES[2]) * hash01(seed, 14, k)
        steps = np.ceil(3 * np.clip(1 - np.abs(x - middle) / half, 0, 1)) / 3  # (stepped)
        down = np.maximum(down, deep * steps)
    stub = np.abs(x - wide * (0.15 + 0.7 * hash01(seed, 15))) < wide * 0.06
    standing = STUB[0] + STUB[1] * hash01(seed, 16) + RAGGED[0] * 0.5 * lumps  # (ragged too)
    down = np.where(stub, np.minimum(down, standing), down)
    return tall * down


def windows(roof: np.ndarray, tall: int,
            seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where its torn openings are (an (x, y) mask), how hot the fire inside shows in each
    (0: out) and the soot over them (the wall's shade, 1: clean): a few, each its own size in
    its own slot across the wall, none on a grid, all under its broken `roof` (see roof_line)."""
    wide = len(roof)
    holes, heat = np.zeros((wide, tall), bool), np.zeros((wide, tall))
    soot = np.ones((wide, tall))
    count = OPENINGS[0] + int(hash01(seed, 21) * (OPENINGS[1] - OPENINGS[0] + 1))
    x, y = np.arange(wide)[:, None], np.arange(tall)[None, :]
    for k in range(count):
        width = tall * (OPENING[0][0] + (OPENING[0][1] - OPENING[0][0]) * hash01(seed, 22, k))
        high = tall * (OPENING[1][0] + (OPENING[1][1] - OPENING[1][0]) * hash01(seed, 23, k))
        slot = wide / count
        width = min(width, slot * SLOT_FULL)  # (apart: two run together read as one gap)
        left = slot * k + max(0.0, slot - width) * hash01(seed, 24, k)
        sill = tall * (SILL[0] + (SILL[1] - SILL[0]) * hash01(seed, 25, k))
        under = float(roof[int(left):max(int(left) + 1, int(left + width))].max()) + 3
        sill = min(tall - 2.0, max(sill, under + high))  # (down out of a bite in the roof)
        torn = high * TORN[0] * jagged(x[:, 0], left, width, (seed, 26, k))[:, None]
        side = width * TORN[0] * 0.5 * jagged(y[0], sill - high, high, (seed, 29, k))[None, :]
        inside = (x >= left + side) & (x < left + width - side[:, ::-1]) \
            & (y < sill - torn * 0.4) & (y >= sill - high + torn)
        holes |= inside
        if hash01(seed, 27, k) >= DARK_ONE:
            depth = np.clip((y - (sill - high)) / max(1.0, high), 0, 1)
            hot = WINDOW_HEAT[0] + (WINDOW_HEAT[1] - WINDOW_HEAT[0]) * depth
            heat = np.where(inside, hot * (0.75 + 0.25 * hash01(seed, 28, k)), heat)
        soot = np.minimum(soot, sooted(x - (left + width / 2), (sill - high) - y, width, high))
    return holes, heat, soot


def jagged(at: np.ndarray, start: float, length: float, salt: tuple[int, ...]) -> np.ndarray:
    """How far an opening's edge is broken in (0..1) at each of `at` along it (from `start`,
    `length` long): TORN's lumps, each course of BRICK pixels broken out on its own."""
    lumps = np.interp(at, np.linspace(start, start + length, TORN[1] + 1),
                      [hash01(*salt, c) for c in range(TORN[1] + 1)])
    firsts, which = np.unique(((at - start) // BRICK).astype(int), return_inverse=True)
    courses = np.array([hash01(*salt, 99, int(c)) for c in firsts])[which]
    return np.clip(lumps * (0.4 + 0.6 * courses) + 0.3 * courses - 0.15, 0, 1)


def sooted(dx: np.ndarray, up: np.ndarray, width: float, high: float) -> np.ndarray:
    """The wall's shade under the soot streaked up from an opening (`dx` across from its
    middle, `up` over its lintel, in pixels): darkest at the lintel, spreading and fading."""
    rise = np.clip(up / max(1.0, SOOT[1] * high), 0, 1)
    spread = width / 2 + SOOT[2] * width * rise
    fade = (1 - rise) * np.clip(1 - np.abs(dx) / np.maximum(1.0, spread), 0, 1)
    return np.where(up >= 0, 1 - (1 - SOOT[0]) * fade, 1.0)


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


def on_wall(roof: np.ndarray, tall: int, above: int) -> np.ndarray:
    """How much of the bed's glow (x, y as bed_heat's) is kept: all of it on the wall, over
    its broken top (on whatever stands behind) only under its flames, fading out towards its
    sides and down into its bites; the edge between soft (see SOFT)."""
    rows = np.arange(tall + above)[None, :] - above - roof[:, None]  # 0 at the roof
    edge = 1 - KEPT[2] - np.abs(np.linspace(-1.0, 1.0, len(roof)))
    sides = np.clip(edge / KEPT[0], 0, 1)
    crest = np.clip(1 - (roof - roof.min()) / max(1.0, KEPT[1] * tall), 0, 1)
    kept = np.where(rows >= 0, 1.0, (sides * crest)[:, None])
    reach = round(SOFT * tall)
    return np.where(rows >= 0, 1.0, np.minimum(kept, along(along(kept, reach), reach)))


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
    holes, hot, soot = windows(roof, tall, seed)
    image = pygame.Surface((wide, tall))
    shade = np.where(holes & solid, HOLE, soot)
    rgb = (np.array(wall, float) * shade[..., None]).astype(np.uint8)
    pygame.surfarray.blit_array(image, np.where(solid[..., None], rgb, np.array(CLEAR)))
    image.set_colorkey(CLEAR, pygame.RLEACCEL)  # (a hard foot on the rubble: alpha's soft
    # one cost 0.1 ms a stump a frame)
    heat = bed_heat(roof, tall, above, seed)
    heat *= on_wall(roof, tall, above)
    heat[:, above:] = np.maximum(heat[:, above:], hot * solid)
    glow = pygame.Surface(heat.shape)
    pygame.surfarray.blit_array(glow, heat_colors(np.clip(heat, 0, 1)).astype(np.uint8))
    sink = round(SINK * tall)
    return Base(image, brightnesses(glow), (-wide // 2, -tall), (-wide // 2, -tall - above),
                (0, -tall + sink + round(float(roof.mean()))))
