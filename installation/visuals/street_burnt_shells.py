"""What the flash left of the burnt boulevard's taller and farther blocks: their tops bitten
down storeys deep in steep steps, gaps a few windows wide blown out of their faces, soot
plumed up the wall over each and their render charred in blotches (far off, the haze kept them
clean, whole and gridded: at 06:36-07:50 a light-grey office block and two straight-edged
towers stood at the end of Wilshire as if nothing had happened)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

import pygame

from installation.visuals.base import Pieces
from installation.visuals.storefronts import Point
from installation.visuals.street_parapet import Parapet

Quad = list[Point]  # a face's foot near, foot far, top far, top near (see Walls.faces)
SEEN = 24  # pixels: a face shorter than this on the picture is left as the street burnt it
STOREYS = 1.0  # world units: a block lower than this is a shop front (street_scorch's)
TOWER = 1.8  # world units: a block taller than this is a tower (storefronts.TOWER), its crown
# and stepped front standing over and before its faces: bitten and blown out as a whole too, as
# is one whose facade runs wider than its faces (the streamline corner's rounded bands)
BITES = (1, 3, 60, 3)  # bites out of a face's top, fewest and most, and one more every this many
# pixels of it seen across (a wide tower's middle stood level between two bites), up to this
# many more
BITE_WIDE = (0.14, 0.34)  # a bite's width, of the face's
BITE_DEEP = (0.18, 0.42)  # how far down it goes at most, of the face's height there
BITE_STEPS = 3  # it falls in this many steps to its floor (masonry breaks in steps)
BITE_PIXELS = 4  # a point of its broken line every this many pixels across
CRUMBLE = 2  # and each point crumbles up to this many pixels up or down
OVER = 0.6  # the sky cut over a bite reaches this high over the face (of its height)
GAPS = (2, 5)  # gaps blown out of a face, fewest and most...
GAP = ((0.08, 0.24), (0.07, 0.2))  # ...each this wide and tall, of the face...
GAP_UP = (0.3, 0.85)  # ...its middle this far up it
GAP_POINTS, GAP_REACH = 7, (0.45, 1.0)  # its ragged edge: corners, each this far out
HOLE = (10, 9, 9)  # black: the floors behind it burnt out
SOOT = (1.4, 0.4, 150)  # the soot plumed over a gap: this many of its heights up, spreading
# this much of its width each side, the wall under it this dark at its foot (of 255)
FAR = 8.0  # world units: walls farther than this are charred and blown out (nearer ones the
# street's charring darkens and street_scorch guts: more, and the walls went near black)
CHAR = (115, 200, 6)  # the face's light kept (of 255) in blotches, darkest and lightest, in
# about this many blotches across it


@dataclass(frozen=True)
class Shell:
    """A block's burnt shell: the sky cut down into its top (polygons, see street_scorch's
    `broken`), the gaps blown out of its faces (polygons, those in `over` only where the block
    was painted), and its faces to char."""

    bites: list[Quad]
    gaps: list[Quad]
    faces: list[Quad]
    over: list[Quad]


def shell(faces: list[Quad], whole: Quad, up: float, near: float, seed: int, fallen: bool,
          width: int) -> Shell:
    """The shell of a block `up` high, `near` its nearest depth, with these faces, all it was
    painted with inside `whole` (a box), on a picture `width` wide (a fallen front, the
    first face, has fallen in already: no bites out of it)."""
    rng = random.Random(seed)
    seen = [face for face in faces if _tall(face) >= SEEN] if up >= STOREYS else []
    wider = _rect(whole).width - _rect([point for face in faces for point in face]).width
    tower = [whole] if (up >= TOWER or wider >= SEEN) and _tall(whole) >= SEEN else []
    standing = [face for face in seen + tower if not (fallen and face is faces[0])]
    bites = [bite for face in standing for bite in _bites(face, _shown(face, width), rng)]
    far = seen if near >= FAR else []
    gaps = [gap for face in far for gap in _gaps(face, _shown(face, width), rng)]
    over = [gap for face in tower if up >= TOWER  # (a near front is gutted: street_scorch)
            for gap in _gaps(face, _shown(face, width), rng)]
    return Shell(bites, gaps, far, over)


def box_of(over: list[Point], faces: list[Point]) -> Quad:
    """The box across all that stands `over` a block's faces and them, from their foot to
    their roof (its crown and mast over it bitten with it), as a face (foot left, foot right,
    top right, top left)."""
    xs, ys = [x for x, _ in over + faces], [y for _, y in faces]
    return [(min(xs), max(ys)), (max(xs), max(ys)), (max(xs), min(ys)), (min(xs), min(ys))]


def _shown(face: Quad, width: int) -> tuple[float, float]:
    """How far across a face (0 to 1) it shows on the picture, from and to (a near long wall
    runs off its edge: what is bitten and blown out of it must be seen)."""
    x0, x1 = face[0][0], face[1][0]
    if x0 == x1:
        return 0.0, 1.0
    ends = sorted(((0 - x0) / (x1 - x0), (width - x0) / (x1 - x0)))
    low, high = max(0.0, ends[0]), min(1.0, ends[1])
    return (low, high) if high > low else (0.0, 1.0)


def _at(face: Quad, u: float, v: float) -> tuple[float, float]:
    """The point `u` across a face and `v` up it."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = face
    foot = (x0 + (x1 - x0) * u, y0 + (y1 - y0) * u)
    top = (x3 + (x2 - x3) * u, y3 + (y2 - y3) * u)
    return foot[0] + (top[0] - foot[0]) * v, foot[1] + (top[1] - foot[1]) * v


def _tall(face: Quad) -> float:
    return max(face[0][1] - face[3][1], face[1][1] - face[2][1])


def _bites(face: Quad, shown: tuple[float, float], rng: random.Random) -> list[Quad]:
    """Steep stepped bites down into a face's top where it is `shown`, each with the sky
    over it."""
    span = shown[1] - shown[0]
    wide = max(1.0, abs(face[1][0] - face[0][0]) * span)
    out = []
    for _ in range(rng.randint(BITES[0], BITES[1]) + min(BITES[3], round(wide) // BITES[2])):
        half = rng.uniform(*BITE_WIDE) / 2 * span
        middle = shown[0] + rng.uniform(half, span - half)
        deep = rng.uniform(*BITE_DEEP)
        steps = max(2, round(2 * half / span * wide / BITE_PIXELS))
        line = []
        for k in range(steps + 1):
            u = middle - half + 2 * half * k / steps
            fall = math.ceil(BITE_STEPS * (1 - abs(u - middle) / half)) / BITE_STEPS
            x, y = _at(face, u, 1 - deep * max(0.0, fall))
            line.append((round(x), round(y + (2 * rng.random() - 1) * CRUMBLE)))
        over = [(round(x), round(y)) for x, y in (_at(face, middle + half, 1 + OVER),
                                                  _at(face, middle - half, 1 + OVER))]
        out.append(line + over)
    return out


def _gaps(face: Quad, shown: tuple[float, float], rng: random.Random) -> list[Quad]:
    """Ragged gaps blown out of a face where it is `shown`, each over a few windows and
    floors."""
    span = shown[1] - shown[0]
    out = []
    for _ in range(rng.randint(*GAPS)):
        wide, tall = rng.uniform(*GAP[0]) * span, rng.uniform(*GAP[1])
        u, v = shown[0] + rng.uniform(wide, span - wide), rng.uniform(*GAP_UP)
        edge = []
        for k in range(GAP_POINTS):
            turn = 2 * math.pi * k / GAP_POINTS
            reach = rng.uniform(*GAP_REACH)
            x, y = _at(face, u + wide / 2 * reach * math.cos(turn),
                       v + tall / 2 * reach * math.sin(turn))
            edge.append((round(x), round(y)))
        out.append(edge)
    return out


def gutting(image: pygame.Surface, burnt: Shell, seed: int,
            before: tuple[pygame.Rect, pygame.Surface]) -> Pieces:
    """The shell's faces charred in blotches, soot plumed up over each gap, and the gaps
    blown black (into the block's picture, before its top is bitten off; those `over` it
    only where it changed the picture from what it was `before`), in pieces: a face each,
    the gaps, those over it."""
    for face in burnt.faces:
        _char(image, face, seed)
        yield
    for gap in burnt.gaps:
        _soot(image, gap)
    for gap in burnt.gaps:
        pygame.draw.polygon(image, (*HOLE, 255), gap)
    yield
    _over(image, burnt, before)


def _over(image: pygame.Surface, burnt: Shell,
          before: tuple[pygame.Rect, pygame.Surface]) -> None:
    """The gaps `over` a tower blown black where it was painted (see `gutting`): each only
    where the picture inside its own box changed from what it was `before`."""
    box, was = before
    for gap in burnt.over:
        area = _rect(gap).clip(box)
        if not area.width or not area.height:
            continue
        now = image.subsurface(area)
        then = was.subsurface(area.move(-box.x, -box.y))
        unpainted = ~(pygame.surfarray.array3d(now) != pygame.surfarray.array3d(then)).any(axis=2)
        kept = now.copy()
        pygame.draw.polygon(image, (*HOLE, 255), gap)
        blown = pygame.surfarray.pixels3d(now)
        blown[unpainted] = pygame.surfarray.array3d(kept)[unpainted]
        del blown
        alpha = pygame.surfarray.pixels_alpha(now)
        alpha[unpainted] = pygame.surfarray.array_alpha(kept)[unpainted]
        del alpha


def _char(image: pygame.Surface, face: Quad, seed: int) -> None:
    """A face's light darkened in soft blotches (its render burnt, no longer clean)."""
    box = _rect(face).clip(image.get_rect())
    if not box.width or not box.height:
        return
    rng = random.Random(seed + box.x * 7919 + box.y)
    across = max(2, CHAR[2] * box.width // max(1, box.height) + 2)
    small = pygame.Surface((across, CHAR[2] + 2))
    for x in range(small.get_width()):
        for y in range(small.get_height()):
            level = rng.randint(CHAR[0], CHAR[1])
            small.set_at((x, y), (level, level, level))
    blotches = pygame.transform.smoothscale(small, box.size)
    cut = pygame.Surface(box.size)
    cut.fill((255, 255, 255))
    pygame.draw.polygon(cut, (0, 0, 0), [(x - box.x, y - box.y) for x, y in face])
    blotches.blit(cut, (0, 0), special_flags=pygame.BLEND_RGB_MAX)  # (white off the face)
    image.blit(blotches, box.topleft, special_flags=pygame.BLEND_RGB_MULT)


def _soot(image: pygame.Surface, gap: Quad) -> None:
    """Soot plumed up the wall over a gap: darkest at its top, spreading and fading."""
    xs, ys = [x for x, _ in gap], [y for _, y in gap]
    left, right, top = min(xs), max(xs), min(ys)
    tall = max(2, round((max(ys) - top) * SOOT[0]))
    spread = round((right - left) * SOOT[1])
    plume = pygame.Surface((right - left + 2 * spread + 1, tall))
    plume.fill((255, 255, 255))
    for row in range(tall):
        share = row / tall  # (0 at the plume's top)
        level = round(255 - (255 - SOOT[2]) * share)
        half = (right - left) / 2 + spread * (1 - share)
        middle = plume.get_width() / 2
        pygame.draw.line(plume, (level, level, level), (round(middle - half), row),
                         (round(middle + half), row))
    image.blit(plume, (left - spread, top - tall + 1), special_flags=pygame.BLEND_RGB_MULT)


def unbitten(top: Parapet, burnt: Shell) -> Parapet:
    """A broken top without the rebar and beams whose foot lies where a bite took the top
    away (within its box: they would hang in the sky)."""
    boxes = [_rect(bite) for bite in burnt.bites]
    return replace(top, steel=[bar for bar in top.steel
                               if not any(box.collidepoint(bar[0]) for box in boxes)])


def _rect(points: list[Point]) -> pygame.Rect:
    """The box round `points`."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
