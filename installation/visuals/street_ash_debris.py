"""What lies in the ash near the viewer on the burnt boulevard, drawn once into its kept
picture in the street's perspective: broken masonry, glass, scorched paper, a shoe, a hubcap,
letters fallen from the cinema's marquee (see street_letters), and cinders, each with its
shadow on the ash; the heap of broken concrete nearest of all (see street_ash_heap)."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pygame

from installation.visuals.base import Color, Pieces, mix, scaled
from installation.visuals.storefronts import Point, Project
from installation.visuals.street_ash_heap import heaping
from installation.visuals.street_ash_near import strewing
from installation.visuals.street_ash_shadow import shadow
from installation.visuals.street_letters import (
    ASH_DUST,
    FALLEN,
    LETTER_AT,
    LETTER_SIZE,
    drawing_letter,
    fallen_letter,
)
from installation.visuals.wardrobe import hull

DEPTHS = (0.6, 3.2)  # world z: debris lies this near to this far...
NEAR_BIAS = 1.6  # ...thicker towards the viewer
ACROSS = 1.45  # world x either side of the road's middle (the road and the kerbs' drifts)
KERBWARD = 0.35  # the share of it the wind left against the kerbs
STONES, SHARDS, PAPERS, CINDERS = 60, 30, 7, 420  # how many of each
STONE_SIZE, SHARD_SIZE, PAPER_SIZE = (0.014, 0.05), (0.008, 0.02), (0.012, 0.022)
STONE_CORNERS = (4, 8)  # a lump's corners, fewest to most (all six: one hexagon repeated)
STONE_LONG = (1.0, 2.2)  # how much longer one way than the other (a slab), at most
STONE_HIGH = (0.35, 0.9)  # how high its top stands out of the ash, of its size (some sunk
# low in it: a flat drift drawn over their feet showed as a tile of another grey on the ridged ash)
STONE_TONES: tuple[Color, ...] = ((122, 116, 108), (96, 92, 86), (94, 74, 64), (70, 66, 62))
GLASS: Color = (150, 160, 170)  # a shard catching the grey light
GLINT: Color = (214, 220, 226)
PAPER: Color = (172, 164, 148)
PAPER_DUST = 0.75  # a paper crumpled in the ash, dusted: this much of the way to the ash's
# colour (a clean pale sheet, flat, read as a cream card or tray laid on the ash)
PAPER_CORNERS = (5, 7)  # ... its crumpled outline's corners, fewest to most
PAPER_HIGH = 0.35  # ... and its crumpled top this high, of its size
SCORCH: Color = (46, 36, 30)  # a paper's burnt edge
SHOE: Color = (34, 28, 26)
SHOE_SIZE = (0.35, 0.8)  # a shoe, of the size it was drawn at, along and up (a metre long and
# low, 190 pixels at our feet: a black blade across the ash)...
SHOE_AT, SHOE_REACH = (0.78, 0.9), 0.06  # where it lies (world x, z), how far it reaches
SHOE_SUNK = 0.25  # ... half sunk in the ash: its foot this deep, of its height (under an ash lip)
HUBCAP: Color = (72, 70, 68)  # dull steel under the grey sky, no brighter than the ash
HUBCAP_R = 0.04  # its radius, world units (at 0.06 a manhole's size)
HUBCAP_AT = (-0.42, 1.05)  # where it lies (world x, z)
HUBCAP_DUST = 0.75  # the ash over it from this far before its middle (of its radius) on
HUBCAP_DUSTED = 0.78  # ...as grey as the ash round it (of ASH_DUST)
HUBCAP_RINGS = 0.3  # ...its rings this much of the steel through it
LETTERS = 3  # marquee letters in the road
CINDER: Color = (36, 32, 30)
Draw = Callable[[pygame.Surface, Project, float, float, random.Random], None]


def littering(image: pygame.Surface, project: Project, seed: int,
              font: pygame.font.Font | None) -> Pieces:
    """The debris drawn into `image`, a kind a piece, farthest first within each (seeded);
    the marquee's letters in `font` (none without one); the asphalt's chunks and the glass at
    our feet, clear of the rest; the near heap over them all."""
    rng = random.Random(seed)
    taken = [(*HUBCAP_AT, HUBCAP_R), (*SHOE_AT, SHOE_REACH)]  # (where each thing lies and how
    # far it reaches, world units: what is strewn at our feet keeps clear of them)
    for draw, count, reach in ((_cinder, CINDERS, 0.0), (_paper, PAPERS, PAPER_SIZE[1]),
                               (_stone, STONES, STONE_SIZE[1]), (_shard, SHARDS, SHARD_SIZE[1])):
        spots = sorted((_spot(rng) for _ in range(count)), key=lambda p: -p[1])
        for x, z in spots:
            draw(image, project, x, z, rng)
        taken += [(x, z, reach) for x, z in spots] if reach else []
        yield
    _hubcap(image, project, *HUBCAP_AT)
    _shoe(image, project, *SHOE_AT, rng)
    if font is not None:
        for n, where in enumerate(LETTER_AT[:LETTERS]):
            glyph = font.render(FALLEN[(seed + 3 * n) % len(FALLEN)], True, (255, 255, 255))
            glyph = glyph.subsurface(glyph.get_bounding_rect())
            letter = fallen_letter(where, glyph.get_width() / glyph.get_height(), rng)
            yield from drawing_letter(image, project, letter, glyph, rng)
            yield
    taken += [(x, z, LETTER_SIZE) for x, z in LETTER_AT[:LETTERS]]
    yield from strewing(image, project, random.Random(seed + 2), taken)  # (at our feet)
    yield from heaping(image, project, random.Random(seed + 1))  # (last: nearer than all the
    # strewn debris; drawn first, a stone behind it was drawn over a slab's dark side, a pale
    # hexagon on it)


def _spot(rng: random.Random) -> tuple[float, float]:
    """Where a thing lies (world x, z): thicker towards the viewer, and a share of it blown
    against the kerbs."""
    near, far = DEPTHS
    z = near + (far - near) * rng.random() ** NEAR_BIAS
    if rng.random() < KERBWARD:
        return rng.choice((-1, 1)) * rng.uniform(0.8, ACROSS), z
    return rng.uniform(-ACROSS, ACROSS), z


def _around(project: Project, x: float, z: float, size: float, up: float,
            rng: random.Random, corners: int, long: float = 1.0) -> list[Point]:
    """A rough ring of `corners` points round (x, z) `size` wide (`long` times as long one
    way as the other, turned at random), at height `up`, its corners unevenly spaced."""
    turn = rng.uniform(0, math.tau)
    steps = [rng.uniform(0.5, 1.5) for _ in range(corners)]
    ring, a = [], turn
    for step in steps:
        a += math.tau * step / sum(steps)
        r = size * rng.uniform(0.55, 1.0)
        along, across = r * math.cos(a - turn) * long, r * math.sin(a - turn)
        ring.append(project(x + along * math.cos(turn) - across * math.sin(turn),
                            z + (along * math.sin(turn) + across * math.cos(turn)) * 0.8, up))
    return ring


def _stone(image: pygame.Surface, project: Project, x: float, z: float,
           rng: random.Random) -> None:
    """A lump of broken masonry strewn in the ash (see `_lump`)."""
    _lump(image, project, (x, z), rng.uniform(*STONE_SIZE), rng)


def _lump(image: pygame.Surface, project: Project, where: tuple[float, float], size: float,
          rng: random.Random, tones: tuple[Color, ...] = STONE_TONES) -> None:
    """A lump of broken masonry `size` across at `where` (world x, z), each its own shape
    (slab, block or chunk, its corners uneven, standing high or sunk low in the ash): its lit
    top over its darker flank, its shadow beside it."""
    tone, _shape, (foot, top, _lean) = _shaped(image, project, where, size, (rng, tones))
    flank = hull(foot + top)  # (far off, a lump a pixel or two across: its hull a line)
    if len(flank) > 2:
        pygame.draw.polygon(image, scaled(tone, 0.5), flank)
    pygame.draw.polygon(image, tone, top)
    if len(set(top)) > 2:
        pygame.draw.line(image, scaled(tone, 1.3), top[0], top[1])  # an edge catching light


def _shaped(image: pygame.Surface, project: Project, where: tuple[float, float], size: float,
            choice: tuple[random.Random, tuple[Color, ...]]
            ) -> tuple[Color, random.Random, tuple[list[Point], list[Point], float]]:
    """A lump's tone (one of `choice`'s tones, chosen by its random), its shadow drawn, and
    its shape's own random, its foot's and top's corners and its top's lean (world units)."""
    rng, tones = choice
    x, z = where
    tone = rng.choice(tones)
    shadow(image, project, (x, z), size * 1.1)
    shape = random.Random(rng.random())
    corners, long = shape.randint(*STONE_CORNERS), shape.uniform(*STONE_LONG)
    high, lean = size * shape.uniform(*STONE_HIGH), size * shape.uniform(-0.25, 0.25)
    foot = _around(project, x, z, size, 0.0, shape, corners, long)
    top = _around(project, x + lean, z, size * 0.75, high, shape, corners, long)
    return tone, shape, (foot, top, lean)


def _shard(image: pygame.Surface, project: Project, x: float, z: float,
           rng: random.Random) -> None:
    """A piece of window glass flat in the ash, its edge glinting."""
    size = rng.uniform(*SHARD_SIZE)
    points = _around(project, x, z, size, 0.0, rng, 3)
    pygame.draw.polygon(image, scaled(GLASS, rng.uniform(0.55, 0.9)), points)
    image.set_at(points[0], GLINT)


def _paper(image: pygame.Surface, project: Project, x: float, z: float,
           rng: random.Random) -> None:
    """A sheet of paper crumpled into the ash, dusted grey, scorched along one edge: a low
    lump, its crumpled top over its shadowed foot."""
    size = rng.uniform(*PAPER_SIZE)
    shape = random.Random(rng.random())  # (as many draws of `rng` as a flat sheet took: the
    tone = mix(scaled(PAPER, rng.uniform(0.75, 1.0)), ASH_DUST, PAPER_DUST)  # rest as it lay)
    scorched = rng.uniform(0.2, 0.5)
    corners = shape.randint(*PAPER_CORNERS)
    shadow(image, project, (x, z), size)
    foot = _around(project, x, z, size, 0.0, shape, corners, 1.4)
    top = _around(project, x, z, size * 0.8, size * PAPER_HIGH, shape, corners, 1.4)
    flank = hull(foot + top)
    if len(flank) > 2:
        pygame.draw.polygon(image, scaled(tone, 0.7), flank)
    if len(set(top)) > 2:
        pygame.draw.polygon(image, tone, top)
        pygame.draw.line(image, SCORCH, top[0], _mid(top[0], top[1], 1 - scorched))


def _mid(a: Point, b: Point, t: float) -> Point:
    return round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t)


def _cinder(image: pygame.Surface, project: Project, x: float, z: float,
            rng: random.Random) -> None:
    """A fleck of cinder in the ash, as big as its depth makes it."""
    px, py = project(x, z, 0.0)
    size = max(1, round(rng.uniform(1.0, 4.0) / z))
    tone = mix(CINDER, (120, 112, 104), rng.random() * 0.5)
    pygame.draw.rect(image, tone, (px, py, size + rng.randint(0, size), size))


def _hubcap(image: pygame.Surface, project: Project, x: float, z: float) -> None:
    """A hubcap lying flat in the ash, the ash settled on it: a low dished disc dusted the
    ash's grey all over, its rings faint through the dust, only its near rim's steel bare (a
    clean dark disc read as a manhole the ash had melted off, like snow off a warm one; it
    mirrors nothing bright: the sky is ash; no shadow under it: it floated like a saucer)."""

    def oval(near: float, far: float) -> pygame.Rect:
        a = project(x - HUBCAP_R * (near + far) / 2, z - HUBCAP_R * near, 0.0)
        b = project(x + HUBCAP_R * (near + far) / 2, z + HUBCAP_R * far, 0.0)
        return pygame.Rect(a[0], b[1], b[0] - a[0], max(2, a[1] - b[1]))

    pygame.draw.ellipse(image, scaled(HUBCAP, 0.9), oval(1.0, 1.0))
    dust = scaled(ASH_DUST, HUBCAP_DUSTED)
    pygame.draw.ellipse(image, dust, oval(HUBCAP_DUST, 1.05))
    for share in (0.6, 0.25):  # (its rings, faint under the dust)
        pygame.draw.ellipse(image, mix(dust, HUBCAP, HUBCAP_RINGS), oval(share, share), 1)


def _shoe(image: pygame.Surface, project: Project, x: float, z: float,
          rng: random.Random) -> None:
    """A shoe left in the road on its side, half sunk in the ash: its upper and its opening
    above the ash, an ash lip along where it goes under."""
    long, high = SHOE_SIZE
    shadow(image, project, (x, z), 0.06 * long)
    turn = rng.uniform(-0.5, 0.5)
    sunk = 0.05 * SHOE_SUNK

    def at(along: float, up: float) -> Point:
        return project(x + along * long * math.cos(turn), z + along * long * math.sin(turn),
                       (up - sunk) * high)

    upper = [at(-0.07, 0.0), at(0.075, 0.0), at(0.075, 0.012), at(0.04, 0.03),
             at(-0.02, 0.045), at(-0.065, 0.05)]
    middle, ground = project(x, z, 0.0)
    clip = image.get_clip()
    image.set_clip(pygame.Rect(0, 0, image.get_width(), ground).clip(clip))
    pygame.draw.polygon(image, SHOE, upper)
    pygame.draw.polygon(image, (10, 9, 9), [at(-0.055, 0.04), at(-0.02, 0.04),
                                            at(-0.035, 0.048)])
    image.set_clip(clip)
    wide = abs(at(0.085, 0.0)[0] - at(-0.08, 0.0)[0])
    lip = pygame.Rect(0, 0, wide, max(2, wide // 6))
    lip.center = (middle, ground)
    pygame.draw.ellipse(image, scaled(ASH_DUST, 0.85), lip)
