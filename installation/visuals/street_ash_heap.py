"""The heap of the buildings' broken concrete nearest the viewer on the burnt boulevard, drawn
once into its kept picture in the street's perspective: a mound of grey rubble, broken slabs
thrown on it at angles (each a solid plate: its top lit, ash lying on it, its sides lit by the
way they face the grey sky and the low sun: see street_ash_heap_light), rusted rods bent out of
them, all of it grained like broken concrete."""

from __future__ import annotations

import math
import random

import pygame

from installation.visuals.base import Color, Pieces, at_once, scaled
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.storefronts import Point, Project
from installation.visuals.street_ash_heap_light import dot, grained, lifted, lit, sunward, unit
from installation.visuals.street_ash_shadow import shadow
from installation.visuals.street_view import RISE
from installation.visuals.wardrobe import hull

Vector = tuple[float, float, float]  # a direction or a point of the street's world: x, up, z
HEAP_AT = (0.56, 0.6)  # the heap's middle (world x across, z along), near the camera at the
# road's right edge, partly out of the picture
MOUND = (0.3, 0.12, 0.15)  # the mound of rubble under it: how far it reaches across, along, and
# how high it stands in the middle (world units)
MOUND_GRID = (30, 16)  # ... its surface worked out over this many cells across, along
MOUND_LUMPS = 0.55  # ... lumpy: its height varies this much
MOUND_TONES: tuple[Color, ...] = ((78, 76, 73), (70, 68, 66), (80, 72, 66), (62, 60, 58))
# ... broken concrete and brick (at (86, 80, 75) dusted 0.4 of the way to the ash, all in the
# light, the mound between the slabs read as a pale drift)...
MOUND_DUST = 0.3  # ... this much of the way to the ash's colour where it faces up...
MOUND_ROWS = 4  # ... drawn this many rows of cells a piece when built ahead
MOUND_SHADE = (0.55, 1.0)  # ... and each cell of it in the shade of the rubble round it this much
HEAP_SHADOW = (1.3, 0.5)  # its shadow this much wider than the mound, this dark
HEAP_SLABS = 20  # broken slabs thrown on it...
HEAP_SIZE = (0.035, 0.085)  # ... this big, smallest to largest (world units)...
SLAB_THICK = (0.3, 0.55)  # ... this thick, of their size (a chunk as thick as it is wide)...
SLAB_LONG = (1.0, 1.5)  # ... this much longer one way than the other, at most...
SLAB_TILT = (0.15, 0.75)  # ... lying at this slant, radians (none lies flat: it is a heap)
SLAB_SUNK = 0.35  # ... sunk this much of their thickness into the mound under them
CHUNKS = 70  # smaller chunks of it strewn over the mound
CHUNK_SIZE = (0.012, 0.03)
HEAP_TONES: tuple[Color, ...] = ((96, 95, 92), (84, 83, 81), (88, 79, 72), (74, 73, 71))
# (concrete's greys and a brick's: at 112-80, beige, with the ash on them it read as sand)
CREVICE: Color = (22, 21, 20)  # the dark under a slab where it lies on the rubble (lifted
CREVICE_WIDE = 4  # ... short of black) a line this wide round its foot (filled, its foot showed
# past a slab's faces as a long black band)
DUST = 0.3  # a slab's top at its rim: this much of the way to the ash's colour (turned up)...
ASH_LYING = ((0.55, (0.08, 0.35)), (0.9, (0.3, 0.62)))  # ... and where the ash lies on it,
# thin then deeper: this much of the way, its ragged edge this far in from the top's rim
# towards its middle (one even patch read as a paler polygon inlaid in the top)
ASH_RAGGED = 4  # ... its edge broken into this many more points between each two corners
ASH_SEEN = 40  # ... on a top this many pixels across at least
CRACKS, CRACK_SEEN = 2, 90  # cracks across a top this many pixels across at least, at most...
CRACK_DARK, CRACK_JOGS = 0.55, 5  # ... this dark (of the top's colour), jogging this often
EDGE_LIGHT = 1.2  # a slab's top's edge over a side we see, catching the light...
BROKEN_LIGHT = (0.55, 1.25)  # ... and a broken side facing the sun more than this, its edge
# this much lighter
FLECKS = 5.0  # ash flecks and aggregate pits on a slab's top, a 1000 pixels
EYE = HORIZON_T / RISE  # how high the eye is over the road (world units)
ROD: Color = (58, 38, 28)  # a rusted reinforcing rod bent out of a slab...
ROD_LIT: Color = (92, 64, 48)  # ... its side towards the sun
ROD_LONG = (0.8, 1.6)  # ... this long, of its slab's size...
ROD_WIDE = 0.004  # ... this thick (world units)
RODS = 6  # ... out of this many of the slabs
PER_PIECE = 8  # slabs and chunks drawn a piece when the heap is built ahead (~2-3 ms in all)


def heaped(image: pygame.Surface, project: Project, rng: random.Random) -> None:
    """A heap of the buildings' broken concrete near the camera at the road's edge (see
    `heaping`), all at once."""
    at_once(heaping(image, project, rng))


def heaping(image: pygame.Surface, project: Project, rng: random.Random) -> Pieces:
    """The heap in pieces (about 25 ms in all at full size): its shadow on the ash and the
    mound of rubble, then broken slabs thrown on it at angles and chunks strewn over it
    (farthest first, PER_PIECE a piece), rusted rods bent out of a few slabs, then all of it
    grained like broken concrete (a band of rows a piece)."""
    x, z = HEAP_AT
    across, along, _high = MOUND
    shadow(image, project, (x, z), across * HEAP_SHADOW[0], HEAP_SHADOW[1])
    box = _box(image, project)
    before = pygame.surfarray.array3d(image.subsurface(box))
    yield from _mound(image, project, rng)
    pieces = [(x + across * rng.uniform(-0.8, 0.8), z + along * rng.uniform(-0.8, 0.8),
               rng.uniform(*HEAP_SIZE)) for _ in range(HEAP_SLABS)]
    pieces += [(x + across * rng.uniform(-0.9, 0.9), z + along * rng.uniform(-0.9, 0.9),
                rng.uniform(*CHUNK_SIZE)) for _ in range(CHUNKS)]
    rods = set(rng.sample(range(HEAP_SLABS), RODS))
    for k, (n, (sx, sz, size)) in enumerate(sorted(enumerate(pieces), key=lambda p: -p[1][1])):
        if k % PER_PIECE == 0:
            yield
        top = _slab(image, project, (sx, _height(sx, sz), sz), size, rng)
        if n in rods and top is not None:
            _rod(image, project, top, size, rng)
    yield from grained(image, box, before, rng.randrange(1 << 30))


def _box(image: pygame.Surface, project: Project) -> pygame.Rect:
    """The part of `image` the heap can cover (its slabs and rods reaching past the mound)."""
    (x, z), (across, along, high) = HEAP_AT, MOUND
    reach = HEAP_SIZE[1] * SLAB_LONG[1]
    points = [project(x + a * (across + reach), z + b * (along + reach), up)
              for a in (-1, 1) for b in (-1, 1) for up in (0.0, high + 3 * reach)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    box = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
    return box.clip(image.get_rect())


def _height(x: float, z: float) -> float:
    """How high the mound stands at (x, z): highest in its middle, none at its edge."""
    across, along, high = MOUND
    r = ((x - HEAP_AT[0]) / across) ** 2 + ((z - HEAP_AT[1]) / along) ** 2
    return high * max(0.0, 1.0 - r)


def _mound(image: pygame.Surface, project: Project, rng: random.Random) -> Pieces:
    """The mound of rubble under ash the slabs lie on: its surface in cells, each lit by the
    way it faces (farthest row first, MOUND_ROWS rows of cells a piece), lumpy."""
    cols, rows = MOUND_GRID
    across, along, _high = MOUND
    lumps = [[1 + MOUND_LUMPS * rng.uniform(-1, 1) for _ in range(cols + 1)]
             for _ in range(rows + 1)]

    def point(i: int, j: int) -> Vector:
        x = HEAP_AT[0] + across * (2 * i / cols - 1)
        z = HEAP_AT[1] + along * (1 - 2 * j / rows)
        return x, _height(x, z) * lumps[j][i], z

    for j in range(rows):
        if j % MOUND_ROWS == 0:
            yield
        for i in range(cols):
            corners = [point(i, j), point(i + 1, j), point(i + 1, j + 1), point(i, j + 1)]
            if all(c[1] <= 0 for c in corners):
                continue
            tone = scaled(rng.choice(MOUND_TONES), rng.uniform(*MOUND_SHADE))
            face = lit(tone, _normal(corners[0], corners[1], corners[3]), MOUND_DUST)
            pygame.draw.polygon(image, face, [project(c[0], c[2], c[1]) for c in corners])


def _slab(image: pygame.Surface, project: Project, where: Vector, size: float,
          rng: random.Random) -> Vector | None:
    """One broken slab `size` across lying at a slant at `where` (world x, up, z: on the
    mound): the faces of it we see, each lit by the way it faces, its top dusted with ash,
    its top's edges catching the light, flecks of ash and pits on it; where a rod leaves it
    (None: too small to see)."""
    tone = rng.choice(HEAP_TONES)
    thick = size * (rng.uniform(*SLAB_THICK) if size >= HEAP_SIZE[0] else 0.9)
    normal, u, v = _plate(rng)
    x, base, z = where
    middle = (x, base + thick * (0.5 - SLAB_SUNK), z)
    ring = _ring(rng, size)
    tops = [_at(middle, (u, v, normal), (a, b, thick / 2)) for a, b in ring]
    feet = [_at(middle, (u, v, normal), (a, b, -thick / 2)) for a, b in ring]
    top = [project(p[0], p[2], p[1]) for p in tops]
    if len(set(top)) < 3:
        return None
    foot = hull([project(p[0], p[2], p[1]) for p in feet])
    if len(foot) > 2:  # (the dark where it lies on the rubble: a line round its foot, the
        # faces over its inner half)
        pygame.draw.polygon(image, lifted(CREVICE), foot, CREVICE_WIDE)
    for k in range(len(ring)):  # (a convex plate: the faces turned to us never overlap)
        quad = [tops[k], tops[(k + 1) % len(ring)], feet[(k + 1) % len(ring)], feet[k]]
        side = _normal(quad[0], quad[1], quad[3])
        if dot(side, _minus(quad[0], middle)) < 0:  # (turned out of the slab)
            side = (-side[0], -side[1], -side[2])
        if _faces_eye(quad[0], side):
            pygame.draw.polygon(image, lit(tone, side, 0.0),
                                [project(p[0], p[2], p[1]) for p in quad])
            edge = EDGE_LIGHT * (BROKEN_LIGHT[1] if sunward(side) > BROKEN_LIGHT[0] else 1.0)
            pygame.draw.line(image, scaled(lit(tone, normal, DUST), edge), top[k],
                             top[(k + 1) % len(ring)], 2 if size > HEAP_SIZE[0] else 1)
    if _faces_eye(tops[0], normal):
        pygame.draw.polygon(image, lit(tone, normal, DUST), top)
        for dust, inset in ASH_LYING:
            _ash_on(image, top, lit(tone, normal, dust), inset, rng)
        _cracked(image, top, lifted(scaled(lit(tone, normal, DUST), CRACK_DARK)), rng)
    else:  # (tipped up away from us: its broken underside turned to us, in its own shade)
        under = (-normal[0], -normal[1], -normal[2])
        pygame.draw.polygon(image, lit(tone, under, 0.0), [project(p[0], p[2], p[1])
                                                           for p in feet])
    return tops[0]


def _plate(rng: random.Random) -> tuple[Vector, Vector, Vector]:
    """A slab's slant: its face's normal and two directions along its face."""
    tilt, turn = rng.uniform(*SLAB_TILT), rng.uniform(0, math.tau)
    normal = (math.sin(tilt) * math.cos(turn), math.cos(tilt), math.sin(tilt) * math.sin(turn))
    u = unit(_cross((0.0, 0.0, 1.0), normal) if abs(normal[2]) < 0.9 else (1.0, 0.0, 0.0))
    return normal, u, _cross(normal, u)


def _ring(rng: random.Random, size: float) -> list[tuple[float, float]]:
    """A broken slab's outline in its own plane: four to six corners round it, unevenly
    spaced and set, longer one way than the other, convex."""
    long, turn = rng.uniform(*SLAB_LONG), rng.uniform(0, math.tau)
    points = []
    corners = rng.randint(4, 6)
    for n in range(corners):  # (round its middle: its sides are told from their way out of it)
        a = turn + math.tau * (n + rng.uniform(-0.3, 0.3)) / corners
        r = size * rng.uniform(0.6, 1.0)
        points.append((r * math.cos(a) * long, r * math.sin(a)))
    return list(hull(points))


def _at(middle: Vector, frame: tuple[Vector, Vector, Vector],
        local: tuple[float, float, float]) -> Vector:
    """The world point `local` (along its two face directions and its normal) of a slab."""
    (ux, uy, uz), (vx, vy, vz), (nx, ny, nz) = frame
    a, b, c = local
    return (middle[0] + a * ux + b * vx + c * nx, middle[1] + a * uy + b * vy + c * ny,
            middle[2] + a * uz + b * vz + c * nz)


def _faces_eye(point: Vector, normal: Vector) -> bool:
    """Is a face through `point`, turned `normal`-wise, turned to the eye?"""
    return dot(_minus((0.0, EYE, 0.0), point), normal) > 0


def _normal(a: Vector, b: Vector, c: Vector) -> Vector:
    """The normal of the face through a, b and c, turned the way they wind (up, for a face
    of the road's running from a to b across it and from a to c towards us)."""
    return unit(_cross(_minus(b, a), _minus(c, a)))


def _minus(a: Vector, b: Vector) -> Vector:
    return a[0] - b[0], a[1] - b[1], a[2] - b[2]


def _cross(a: Vector, b: Vector) -> Vector:
    return a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]


def _cracked(image: pygame.Surface, top: list[Point], dark: Color, rng: random.Random) -> None:
    """A large slab's top broken by a crack or two in `dark`, jagged, from one edge of it
    (`top`: its corners) to another."""
    xs = [p[0] for p in top]
    if max(xs) - min(xs) < CRACK_SEEN:
        return
    for _ in range(rng.randint(1, CRACKS)):
        a, b = rng.sample(range(len(top)), 2)
        start, end = _on_edge(top, a, rng), _on_edge(top, b, rng)
        jogs = [start]
        for n in range(1, CRACK_JOGS):
            t = n / CRACK_JOGS
            jogs.append((round(start[0] + (end[0] - start[0]) * t + rng.uniform(-4, 4)),
                         round(start[1] + (end[1] - start[1]) * t + rng.uniform(-2, 2))))
        pygame.draw.lines(image, dark, False, [*jogs, end])


def _on_edge(ring: list[Point], n: int, rng: random.Random) -> Point:
    """A point somewhere along the edge of `ring` from its `n`th corner to the next."""
    (ax, ay), (bx, by), t = ring[n], ring[(n + 1) % len(ring)], rng.uniform(0.25, 0.75)
    return round(ax + (bx - ax) * t), round(ay + (by - ay) * t)


def _ash_on(image: pygame.Surface, top: list[Point], ash: Color, insets: tuple[float, float],
            rng: random.Random) -> None:
    """The ash lying on a slab's top (`top`: its corners on the picture), in `ash`: a ragged
    patch inside its rim (its edge `insets` of the way in), the concrete's edge bare round
    it."""
    xs, ys = [p[0] for p in top], [p[1] for p in top]
    if max(xs) - min(xs) < ASH_SEEN:
        return
    middle = (sum(xs) / len(xs), sum(ys) / len(ys))
    ring = []
    for a, b in zip(top, top[1:] + top[:1], strict=True):
        for step in range(ASH_RAGGED + 1):
            t = step / (ASH_RAGGED + 1)
            edge = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            inset = rng.uniform(*insets)
            ring.append((round(edge[0] + (middle[0] - edge[0]) * inset),
                         round(edge[1] + (middle[1] - edge[1]) * inset)))
    pygame.draw.polygon(image, ash, ring)


def _rod(image: pygame.Surface, project: Project, foot: Vector, size: float,
         rng: random.Random) -> None:
    """A rusted reinforcing rod bent up out of a slab (`foot`: where it leaves it, world x,
    up, z), `size` long or so."""
    x, up, z = foot
    lean, long = rng.uniform(-0.6, 0.6), size * rng.uniform(*ROD_LONG)
    bend = [project(x + lean * long * t * t, z, up + long * t) for t in (0.0, 0.5, 1.0)]
    wide = max(2, abs(project(x + ROD_WIDE, z, 0.0)[0] - project(x, z, 0.0)[0]))
    pygame.draw.lines(image, ROD, False, bend, wide)
    pygame.draw.lines(image, ROD_LIT, False, [(px - wide // 2, py) for px, py in bend])
