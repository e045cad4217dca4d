"""What the flash left of the boulevard's fronts, drawn into its kept picture: windows gutted
to black holes, awnings burnt to their bare frames, signs with letters gone (their roofs broken:
see street_parapet), streetlight poles bent or down with torn cables hanging from them, rubble
at the feet of a few fronts."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pygame

from installation.visuals.base import Color, hash01
from installation.visuals.burnt_window import gutted_window
from installation.visuals.storefronts import Piece, Point, Project, Tone, paint
from installation.visuals.street_posts import IRON, ashen_pole
from installation.visuals.street_soot import sooted

HOLE: Color = (10, 9, 9)  # a gutted window: black, the room behind it burnt out
FRAME: Color = (128, 104, 90)  # an awning's bare frame, rusted (charred with the wall after)
HOLES = frozenset(("window", "display", "office low", "office high"))
GUTTED = frozenset(("window", "office low"))  # shop and upper windows: gutted openings (an
INSIDE = frozenset(("display", "office high"))  # upper window's transom and a shop's display
# lie inside them)
BURNT_AWAY = frozenset(("valance", "spill"))  # cloth and light: nothing left of them
RIBS = 4  # an awning frame's ribs, end to end
GAPS = (1, 3)  # letters burnt off a sign: fewest, most (each a gap this share of the name)
GAP_WIDE = 0.16
FALLEN = 2  # fronts fallen in (of the near ones, not the nearest, the cinema's or the landmark)
FALLEN_NEAR = 8.0  # ...of those nearer than this
POLE_DOWN = 0.3  # the share of poles lying on the sidewalk
POLE_LEAN = (0.15, 0.55)  # radians the others lean, towards the road or away
SAG = 0.12  # how far a bent sign sags, of its rise over the bend
WIRE_POINTS, WIRE_BEND = 6, 1.6  # a hanging cable's points, and how much more its end swings
END_STOREY, END_SEEN, END_BAY = 0.32, 3.0, 1.1  # a far building's end: a storey this tall
# (world units), its windows drawn if at least this many pixels, a bay this wide (of a storey)
END_WINDOW, END_WIDER = (0.55, 0.55), 0.15  # a window: width of its bay, height of its storey;
# this share of them burnt together with the next into one gap
RUBBLE: Color = (58, 52, 48)
RUBBLE_STONES = 14  # stones in a heap at a front's foot


def scorched(image: pygame.Surface, pieces: Sequence[Piece], tone: Tone, seed: int) -> None:
    """A facade's pieces after the fire: windows black, awnings bare frames, letters gone,
    the rest painted as in `tone`, soot over the openings (charred later with the whole
    picture)."""
    plain: list[Piece] = []
    for n, piece in enumerate(pieces):
        if piece.role in HOLES or piece.role == "awning" or piece.role in BURNT_AWAY:
            paint(image, plain, tone)
            plain = []
            if piece.role in GUTTED:
                gutted_window(image, piece.corners, seed + n)
            elif piece.role in HOLES and piece.role not in INSIDE:  # (in a window, gutted)
                pygame.draw.polygon(image, (*HOLE, 255), piece.corners)
            elif piece.role == "awning":
                _frame(image, piece.corners)
            continue
        worded = piece.mask is not None and piece.mask.get_width() > piece.mask.get_height()
        plain.append(_gapped(piece, seed, n) if worded else piece)
    paint(image, plain, tone)
    sooted(image, list(pieces), seed)


def _frame(image: pygame.Surface, corners: list[Point]) -> None:
    """An awning's iron frame, its canvas burnt off: its edges and ribs."""
    pygame.draw.lines(image, (*FRAME, 255), True, corners, 2)
    for n in range(1, RIBS):
        t = n / RIBS
        pygame.draw.line(image, (*FRAME, 255), _between(corners[0], corners[1], t),
                         _between(corners[3], corners[2], t), 1)


def _between(a: Point, b: Point, t: float) -> Point:
    return round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t)


def _gapped(piece: Piece, seed: int, n: int) -> Piece:
    """A sign's letters with a few burnt off: gaps cut across its mask, seeded."""
    assert piece.mask is not None
    mask = piece.mask.copy()
    width, height = mask.get_size()
    gaps = GAPS[0] + int(hash01(seed, n, width) * (GAPS[1] - GAPS[0] + 1))
    for g in range(gaps):
        at = hash01(seed, n, g, height) * (1 - GAP_WIDE)
        mask.fill((0, 0, 0, 0), (round(at * width), 0, max(1, round(GAP_WIDE * width)), height))
    return replace(piece, mask=mask)


def breaking(image: pygame.Surface, sky: list[Point]) -> tuple[pygame.Rect, pygame.Surface]:
    """What lies under a roof's sky before its building is painted (see `broken`)."""
    xs, ys = [p[0] for p in sky], [p[1] for p in sky]
    box = pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)
    box = box.clip(image.get_rect())
    return box, image.subsurface(box).copy()


def broken(image: pygame.Surface, sky: list[Point],
           under: tuple[pygame.Rect, pygame.Surface]) -> None:
    """The building just painted cut back to its broken roof: what lay under its sky again."""
    box, before = under
    if not box.width or not box.height:
        return
    mask = pygame.Surface(box.size, pygame.SRCALPHA)
    mask.fill((0, 0, 0, 0))
    shifted = [(x - box.x, y - box.y) for x, y in sky]
    pygame.draw.polygon(mask, (255, 255, 255, 255), shifted)
    before.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    pygame.draw.polygon(image.subsurface(box), (0, 0, 0, 0), shifted)
    image.blit(before, box.topleft, special_flags=pygame.BLEND_RGBA_ADD)


@dataclass(frozen=True)
class Pole:
    """A streetlight pole after the blast, in the street's world: its foot, its head and the
    end of its arm (x across, z along, up), and whether it lies on the sidewalk."""

    foot: tuple[float, float, float]
    head: tuple[float, float, float]
    arm: tuple[float, float, float]
    down: bool


def poles(feet: list[tuple[float, float]], reach: float, tall: float,
          rng: random.Random) -> list[Pole]:
    """The poles standing at `feet` (world x, z; their arms `reach` towards the road), each
    lying on the sidewalk, or leaning towards the road or away, its arm hanging."""
    out = []
    for x, z in feet:
        side = 1 if x > 0 else -1
        if rng.random() < POLE_DOWN:
            head = (x - side * 0.15, z + tall * 0.9, 0.02)
            out.append(Pole((x, z, 0.0), head, head, True))
            continue
        lean = rng.uniform(*POLE_LEAN) * rng.choice((-1, 1))
        top = (x - side * math.sin(lean) * tall, z, math.cos(lean) * tall)
        arm = (top[0] - side * reach * 0.6, z, top[2] - reach * 0.7)
        out.append(Pole((x, z, 0.0), top, arm, False))
    return out


def pole(image: pygame.Surface, project: Project, bent: Pole) -> None:
    """One pole drawn in the ashen air (see street_posts.ashen_pole)."""
    ashen_pole(image, project, (bent.foot, bent.head, bent.arm), bent.down,
               round(bent.foot[1] * 1000 + bent.foot[0] * 10))


def wire(surface: pygame.Surface, top: Point, long: float, swing: float) -> None:
    """A torn cable hanging `long` pixels from `top`, swung `swing` radians (more towards its
    free end, as a rope bends)."""
    points = []
    for n in range(WIRE_POINTS + 1):
        share = n / WIRE_POINTS
        turn = swing * share ** WIRE_BEND
        points.append((round(top[0] + math.sin(turn) * long * share),
                       round(top[1] + math.cos(turn) * long * share)))
    pygame.draw.lines(surface, IRON, False, points, 2)


def rubble(image: pygame.Surface, project: Project, foot: tuple[float, float, float],
           rng: random.Random) -> None:
    """A heap of fallen wall at a front's foot (world x of the wall, z from, z to): stones
    spilled over the sidewalk, thickest against the wall."""
    x, z0, z1 = foot
    side = 1 if x > 0 else -1
    for _ in range(RUBBLE_STONES):
        z = rng.uniform(z0, z1)
        out = rng.random() ** 2 * 0.35
        size = rng.uniform(0.03, 0.08)
        middle = (x - side * out, z)
        corners = [project(middle[0] + size * math.cos(a), middle[1] + size * math.sin(a),
                           size * 0.6 * (1 - out) * (a % 2)) for a in (0.3, 1.9, 3.4, 4.8)]
        shade = rng.uniform(0.6, 1.2)
        pygame.draw.polygon(image, (*(min(255, round(c * shade)) for c in RUBBLE), 255), corners)


def bent(pieces: Sequence[Piece], row: int, lean: float) -> list[Piece]:
    """`pieces` bent over above `row` (the cinema's blade, buckled in the blast): every point
    above it pushed sideways by `lean` of its height over the row, and sagging a little."""

    def moved(point: Point, height: int = 0) -> Point:
        rise = max(0, row - point[1] - height // 2)
        return round(point[0] + rise * lean), round(point[1] + rise * SAG)

    out = []
    for piece in pieces:
        if piece.mask is not None:
            corners = [moved(piece.corners[0], piece.mask.get_height())]
        else:
            corners = [moved(p) for p in _kinked(piece.corners, row)]
        out.append(replace(piece, corners=corners))
    return out


def _kinked(corners: list[Point], row: int) -> list[Point]:
    """A shape's corners with a corner added wherever an edge crosses `row` (a shape bent
    there bends at it: its corners alone moved, the cinema's blade ran straight and slanted
    from its foot to its top while its letters, bent at the row, left it for the wall)."""
    if len(corners) < 3:
        return corners
    out: list[Point] = []
    for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True):
        out.append((x0, y0))
        if (y0 - row) * (y1 - row) < 0:
            share = (row - y0) / (y1 - y0)
            out.append((round(x0 + (x1 - x0) * share), row))
    return out


def gutted_end(image: pygame.Surface, end: list[Point], up: float, seed: int) -> None:
    """A far building's end towards us (`end`: inner foot, outer foot, outer top, inner top,
    `up` tall) with its windows gutted: a storey's row of black holes every END_STOREY,
    a few of them fallen together into wider gaps (none if a storey is under END_SEEN
    pixels: they would read as a grid of noise)."""
    (x0, foot), (x1, _), _top, (_, top) = end
    storeys = max(1, round(up / END_STOREY))
    tall = (foot - top) / storeys
    if tall < END_SEEN:
        return
    left, wide = min(x0, x1), abs(x1 - x0)
    bays = max(1, round(wide / (tall * END_BAY)))
    across = wide / bays
    for floor in range(1, storeys):  # (the ground floor's fronts are rubble: see `rubble`)
        y = foot - tall * (floor + END_WINDOW[1])
        for bay in range(bays):
            spread = 1 + (hash01(seed, floor, bay) < END_WIDER)  # two windows burnt into one
            if bay % 2 and spread > 1:
                continue
            x = left + across * (bay + (1 - END_WINDOW[0]) / 2)
            hole = pygame.Rect(round(x), round(y), max(1, round(across * (END_WINDOW[0]
                               + spread - 1))), max(1, round(tall * END_WINDOW[1] * 0.8)))
            pygame.draw.rect(image, (*HOLE, 255), hole.clip((left, top, wide, foot - top)))
