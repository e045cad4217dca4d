"""What lies in the ash at our feet on the burnt boulevard, at the scale of the road near us,
drawn once into its kept picture in the street's perspective: the asphalt broken up through the
ash in dark chunks, grit and small rubble strewn thick, and glass, its broken edges glinting in
the grey light (the debris farther off, a few pixels across, left the near road a smooth plane)."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pygame

from installation.visuals.base import Color, Pieces, mix, scaled
from installation.visuals.storefronts import Point, Project
from installation.visuals.street_ash_shadow import shadow

Taken = tuple[tuple[float, float, float], ...] | list[tuple[float, float, float]]  # what lies
# there already: each thing's world x, z and how far it reaches
Draw = Callable[[pygame.Surface, Project, tuple[float, float], float, random.Random], None]
NEAR = (0.56, 1.3)  # world z: what is strewn lies this near to this far (the picture's foot to
# about 300 rows up it at 1080)...
NEAR_BIAS = 1.4  # ... thicker towards us
ACROSS = 1.2  # ... this far either side of the road's middle (world x)
KEEP_CLEAR = (0.4, 0.7)  # ... and none of the chunks nearer than this depth within this of the
# road's middle (the ash lies deep and unbroken under our feet: a dark chunk there read as a
# hole in it)
CHUNKS, CHUNK_SIZE = 14, (0.02, 0.05)  # asphalt broken up through the ash: this many, this big
ASPHALT: tuple[Color, ...] = ((58, 56, 54), (50, 48, 47), (64, 61, 58))  # ... its tops (dusted)
CHUNK_HIGH = (0.3, 0.6)  # ... standing this high out of the ash, of their size (lower, their
# shadow reached up past their tops, and going under the fresh ash level with it took them)
CHUNK_SHADOW = 0.9  # ... their shadow this big, of their size
CHUNK_FLANK = 0.62  # ... their broken sides this much of their top's light
CHUNK_DUST: Color = (118, 110, 101)  # ... the ash on them
CHUNK_DUSTED = (0.2, 0.55)  # ... this much of the way to it
GRIT, GRIT_SIZE = 900, (0.0012, 0.016)  # grit and small rubble: this many, this big...
GRIT_SPREAD = 3.0  # ... most of them tiny, few large (sizes drawn as this power of a uniform)
CLUMPS = 34  # ... lying in this many clumps (the wind and the traffic of the night left it in
# drifts and ruts, bare ash between: strewn evenly it read as a printed stipple)
CLUMP_LINES = (-1.0, -0.45, 0.3, 1.0)  # ... most clumps along these (world x): the kerbs, ruts
ON_LINES = 0.7  # ... this share of the clumps along them
CLUMP_REACH = (0.03, 0.09)  # ... each clump this wide across (world x), three times as long
BURIED = 0.7  # ... this share of the bits half buried: lighter ash laid over all but an edge
BURIED_ASH = 0.25  # ... that ash this much of the way from the ground's grey to white
GRIT_TONES: tuple[Color, ...] = ((112, 106, 99), (88, 84, 79), (70, 62, 56), (46, 42, 40))
GRIT_SIDE = 0.55  # ... their sides this much of their top's light
SHARDS, SHARD_SIZE = 60, (0.005, 0.016)  # glass: this many pieces, this big...
GLASS: Color = (128, 136, 142)  # ... lying flat in the ash, greyed by it
GLINT: Color = (226, 230, 232)  # ... a broken edge catching the grey light
GLINTING = 0.6  # ... on this share of them
APART = 1.3  # things strewn clear of each other by this much of their reaches...
TRIES = 40  # ... a place for each looked for this many times at most (else it is left out)
PER_PIECE = 90  # things strewn a piece when the street is built ahead


def strewing(image: pygame.Surface, project: Project, rng: random.Random,
             taken: Taken = ()) -> Pieces:
    """The asphalt's chunks and the glass at our feet, farthest first within each kind,
    PER_PIECE things a piece, clear of what lies there already (`taken`: each thing's world
    x, z and reach): loose debris sinks level into the fresh ash, one piece of touching things
    as one (a chunk touching a stone took the stone's top under with it)."""
    yield from _strewn(image, project, rng, ((_chunk, CHUNKS, CHUNK_SIZE),
                                             (_shard, SHARDS, SHARD_SIZE)), taken)


def gritting(image: pygame.Surface, project: Project, rng: random.Random) -> Pieces:
    """The grit at our feet, farthest first, PER_PIECE bits a piece: drawn into the ground
    before anything stands on it, the fresh ash settles over it as over the ground round it
    (drawn as debris, a bit touching a stone went under the ash with it, level across both,
    taking the stone's top under; and the ground's fresh ash laid over what goes under was
    blitted over 70% more of the picture each frame)."""
    clumps = [_clump(rng) for _ in range(CLUMPS)]
    spots = sorted((_clumped(rng, clumps) for _ in range(GRIT)), key=lambda p: -p[1])
    for n, where in enumerate(spots):
        if n % PER_PIECE == 0:
            yield
        low, high = GRIT_SIZE
        _grit(image, project, where, low + (high - low) * rng.random() ** GRIT_SPREAD, rng)


def _clump(rng: random.Random) -> tuple[float, float, float]:
    """Where a clump of grit lies (world x, z) and how wide: mostly along a kerb or a rut."""
    z = _depth(rng)
    x = rng.choice(CLUMP_LINES) if rng.random() < ON_LINES else rng.uniform(-ACROSS, ACROSS)
    return x + rng.gauss(0, 0.04), z, rng.uniform(*CLUMP_REACH)


def _clumped(rng: random.Random, clumps: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Where a bit of grit lies (world x, z): in one of `clumps`, thickest at its middle."""
    x, z, reach = rng.choice(clumps)
    return x + rng.gauss(0, reach), max(NEAR[0], z + rng.gauss(0, 3 * reach))


def _strewn(image: pygame.Surface, project: Project, rng: random.Random,
            kinds: tuple[tuple[Draw, int, tuple[float, float]], ...], taken: Taken) -> Pieces:
    """Each of `kinds` (how it is drawn, how many, how big) strewn at our feet, clear of
    `taken` and of each other."""
    placed = list(taken)
    for draw, count, size in kinds:
        spots = []
        for _ in range(count):
            spot = _spot(rng, draw is _chunk, placed, size[1])
            if spot is not None:
                spots.append(spot)
                placed += [(*spot, size[1])] if taken else []
        for n, (x, z) in enumerate(sorted(spots, key=lambda p: -p[1])):
            if n % PER_PIECE == 0:
                yield
            draw(image, project, (x, z), rng.uniform(*size), rng)


def _spot(rng: random.Random, clear: bool, taken: Taken,
          reach: float) -> tuple[float, float] | None:
    """Where a thing reaching `reach` lies near us (world x, z), thicker towards us, clear of
    `taken` (a chunk: `clear` of the ash under our feet too); None if TRIES found no room."""
    for _ in range(TRIES):
        x, z = rng.uniform(-ACROSS, ACROSS), _depth(rng)
        if clear and z < KEEP_CLEAR[1] and abs(x) < KEEP_CLEAR[0]:
            continue
        if all(max(abs(x - tx), abs(z - tz)) > APART * (reach + tr) for tx, tz, tr in taken):
            return x, z
    return None


def _depth(rng: random.Random) -> float:
    """How far off a thing at our feet lies (world z), thicker towards us."""
    near, far = NEAR
    return near + (far - near) * rng.random() ** NEAR_BIAS


def _ring(project: Project, where: tuple[float, float], size: float, up: float,
          rng: random.Random, corners: int) -> list[Point]:
    """A rough ring of `corners` points `size` round `where` (world x, z) at height `up`."""
    x, z = where
    turn = rng.uniform(0, math.tau)
    ring = []
    for n in range(corners):
        a = turn + math.tau * (n + rng.uniform(-0.3, 0.3)) / corners
        r = size * rng.uniform(0.55, 1.0)
        ring.append(project(x + r * math.cos(a), z + 0.8 * r * math.sin(a), up))
    return ring


def _chunk(image: pygame.Surface, project: Project, where: tuple[float, float], size: float,
           rng: random.Random) -> None:
    """A chunk of the road's asphalt broken up through the ash: its dusted top tilted up, its
    dark broken side towards us, its near edge catching the light, its shadow."""
    shadow(image, project, where, size * CHUNK_SHADOW)
    corners = rng.randint(4, 6)
    tilt = rng.uniform(*CHUNK_HIGH) * size
    seed = rng.random()
    foot = _ring(project, where, size, 0.0, random.Random(seed), corners)
    top = _ring(project, where, size * 0.92, tilt, random.Random(seed), corners)
    tone = mix(rng.choice(ASPHALT), CHUNK_DUST, rng.uniform(*CHUNK_DUSTED))
    for k in range(corners):
        side = [foot[k], foot[(k + 1) % corners], top[(k + 1) % corners], top[k]]
        pygame.draw.polygon(image, scaled(tone, CHUNK_FLANK), side)
    pygame.draw.polygon(image, tone, top)
    near = max(range(corners), key=lambda k: top[k][1] + top[(k + 1) % corners][1])
    pygame.draw.line(image, scaled(tone, 1.35), top[near], top[(near + 1) % corners], 2)


def _grit(image: pygame.Surface, project: Project, where: tuple[float, float], size: float,
          rng: random.Random) -> None:
    """A bit of grit or small rubble in the ash, a rough shape: a lit top over its darker side,
    most of them half buried (lighter ash over all but their upper edge)."""
    tone = rng.choice(GRIT_TONES)
    foot = _ring(project, where, size, 0.0, rng, rng.randint(3, 7))
    cx, cy = project(*where, 0.0)
    r, g, b, _a = image.get_at((min(max(round(cx), 0), image.get_width() - 1),
                                min(max(round(cy), 0), image.get_height() - 1)))
    ash = (r, g, b)
    lift = max(1, round(abs(foot[0][0] - foot[len(foot) // 2][0]) * 0.25))
    pygame.draw.polygon(image, scaled(tone, GRIT_SIDE), foot)
    pygame.draw.polygon(image, tone, [(px, py - lift) for px, py in foot])
    if rng.random() < BURIED:
        over = mix(ash, (255, 255, 255), BURIED_ASH * rng.random())
        pygame.draw.polygon(image, over, [(px, py + lift) for px, py in foot])


def _shard(image: pygame.Surface, project: Project, where: tuple[float, float], size: float,
           rng: random.Random) -> None:
    """A piece of window glass flat in the ash, greyed, its broken edge glinting."""
    points = _ring(project, where, size, 0.0, rng, 3)
    pygame.draw.polygon(image, scaled(GLASS, rng.uniform(0.7, 1.0)), points)
    if rng.random() < GLINTING:
        pygame.draw.line(image, GLINT, points[0], points[1])
