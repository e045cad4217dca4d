"""Park La Brea's X-plan towers on screen: their walls, their windows, which a nearer wall hides."""

from __future__ import annotations

import math
from collections.abc import Generator, Iterator
from dataclasses import dataclass, replace

import numpy as np
import pygame

from installation.visuals.base import clear_surface

Point = tuple[float, float]  # in plan: x (right), z (away from the viewer), in storeys

STOREYS = 13
WING_LENGTH = 6.0  # from the core's centre to a wing's end, in storeys (about 3 m each)
WING_WIDTH = 3.0
CORE_SIDE = 1.6  # the lift machinery over the roof: its side and height, in storeys
CORE_RISE = 1.3
BAY = 1.0  # window pitch along a face, in storeys
WINDOW_WIDE, WINDOW_TALL, WINDOW_SILL = 0.84, 0.66, 0.17  # a window in its bay and storey
Pane = tuple[float, float, float]  # a window's width in its bay, height and sill in its storey
NEAR_PANE: Pane = (WINDOW_WIDE, WINDOW_TALL, WINDOW_SILL)  # the nearest tower's: a room's
FAR_PANE: Pane = (0.46, 0.42, 0.3)  # the towers beyond: smaller in the wall, a concrete frame
# round each, so from afar a tower's wing is an even grid of windows (at 0.84 x 0.66 of the
# bay its lit windows ran together into blocks of mixed sizes, like a game of Tetris)
FIRST_LIT_STOREY = 1  # the lobby has no flats
EYE = 6.0  # the viewer's eye over the park, in storeys: a window of a neighbouring tower
BACK = 150.0  # how far off the back towers stand, in storeys (the lens: at 300 it was so long
# that their tower, near enough to show their window, filled the picture's height, one flat
# wall beside the night; at 150 the towers beyond stand as tall, each in more perspective)
NEAR = 8.0  # how far off the nearest tower's core stands: their window a little over a
# quarter of the picture's height, they in it at a person's size for its storey (at 8.2 on the
# long lens it filled two thirds of it: giants beside the towers; at 24 it was a fifth)
NEAR_TURN = 15.0  # its X turned so that one wing's long side faces the viewer, receding to its
# far end past their window: the roof's edge over it falls towards the corner (at 2 it was a
# flat wall; past 30 the wing that points at the viewer swings in front of their window). That
# wing's end is turned away, so past the corner by their window the night is open (at -10 the
# end, in shade, and the wall beside their window made the right half one blank wall)
INNER_SPARE = 0.9  # of a wing wall's length beyond its whole bays: this much at its inside
# corner, the rest at its outer corner (half each, the wall by their window was a blank board)
FRONT_INNER = 0  # the front wall's first end is its inside corner (see _front)
HOME_STOREY = STOREYS - 1  # their flat is on the top floor: the roof's edge over their window,
# the sky over it one with the night past the corner (nearest the point given, the wall ran
# off the picture's top: a hard seam down its whole height)
HOME_BAY = -1  # their window is in that side's last bay, by the corner past which the next
# tower, the far towers and the sky are seen
LIGHT = (-0.8, -0.6)  # where the night glow comes from in plan: left of the viewer, in front
INSIDE = (False, False, False, False)  # the crossing: all its sides are inside the wings
WING_WALLS = (True, True, True, False)  # a wing's fourth side is where it meets the crossing
PLACING_STEPS = 3  # moves of the nearest tower that bring its window to the given point
SLAB = 0.07  # the depth of a floor slab's edge, in storeys
MIN_SLAB_STOREY = 30  # pixels a storey must measure for its wall's slabs to be drawn
PLANES_PER_PIECE = 16  # walls painted in one step of telling what hides what
BAYS_PER_PIECE = 4  # bays of a wall whose windows are laid out in one step (a whole wide
# wall's were a piece of ~3-5 ms)
MIN_WINDOW = 1.5  # narrower than this (pixels) a window on a face seen edge-on is left out
# The stair in each inside corner of the X (where two wings meet the core): its small windows
# at the half landings, between the corner and the first bay (in storeys: from the corner,
# wide, tall, over the floor), on one wall of the corner and the other by turns (its flights
# turn back at each landing).
STAIR_AT, STAIR_WIDE, STAIR_TALL, STAIR_LANDING = 0.05, 0.24, 0.26, 0.53  # a landing's small
# square window (0.42 tall, seen at a slant, they read as a column of pale dashes; wider, they
# would run into the wall's first window)
STAIR_EDGE_ON = 0.5  # one narrower than this share of its height is seen too edge-on to read
# as a window (a thin pale dash): left out
STAIR_LEAST = 4  # pixels: one narrower than this is too small for its frame (a pale fleck on
# the farthest towers, brighter at its edges than in its middle): left out
SHOWN = 0.34  # a window the picture's edge cuts to less than this share of its height is left
# out (only its sill showed, a stray pale line across the wall's top)


@dataclass(frozen=True)
class View:
    """The viewer's eye: where straight ahead and eye level fall, and the lens."""

    centre: float  # screen x straight ahead
    horizon: float  # screen y of eye level
    focal: float  # pixels a storey measures one storey away

    def point(self, x: float, y: float, z: float) -> tuple[float, float]:
        """Where a point x (right), y (up, storeys over the park), z (away) falls on screen."""
        return (self.centre + self.focal * x / z, self.horizon - self.focal * (y - EYE) / z)


@dataclass(frozen=True)
class Tower:
    """One tower: where its core stands, how its X is turned, and how high its ground is."""

    x: float
    z: float
    turn: float  # degrees
    lift: float = 0.0  # storeys: the park rises and falls a little


@dataclass(frozen=True)
class Box:
    """A block of a tower: its plan (four corners, counter-clockwise) and its floor and roof."""

    corners: tuple[Point, Point, Point, Point]
    bottom: float
    top: float
    wing: bool  # a wing has flats (windows); the core has none
    walls: tuple[bool, ...] = (True, True, True, True)  # which sides are outside walls


@dataclass(frozen=True)
class Plane:
    """A face or roof to paint: its outline, how much glow it catches, which tower."""

    outline: list[tuple[float, float]]
    tone: float  # 0 turned away from the glow, 1 facing it
    tower: int
    face: int  # its number among all the planes, for telling what hides what
    floors: bool = False  # a wing's wall near enough that its floor slabs' edges show
    inner: int = -1  # which end meets the crossing (a wing's inside corner): 0 its first, 1 its
    # last, -1 neither
    stairs: tuple[pygame.Rect, ...] = ()  # the stair's narrow windows in that inside corner


@dataclass(frozen=True)
class Window:
    """A window: its rectangle, its tower, its face, the bay and storey it is in."""

    rect: pygame.Rect
    tower: int
    face: int
    bay: int
    storey: int
    slope: float = 0.0  # pixels its wall's level lines fall a pixel to the right, at its middle


def view_for(size: tuple[int, int], ground: float, height: float) -> View:
    """The lens that stands the back towers on `ground`, `height` of the picture tall."""
    width, tall = size
    focal = height * tall * BACK / STOREYS
    return View(width / 2, ground * tall - focal * EYE / BACK, focal)


def boxes(tower: Tower) -> list[Box]:
    """The core, four wings and the lift machinery on the roof, placed and turned."""
    turn = math.radians(tower.turn)
    half = WING_WIDTH / 2

    def placed(u: float, v: float, angle: float) -> Point:
        c, s = math.cos(angle), math.sin(angle)
        return (tower.x + u * c - v * s, tower.z + u * s + v * c)

    def square(side: float) -> tuple[Point, Point, Point, Point]:
        h = side / 2
        return (placed(-h, -h, turn), placed(h, -h, turn), placed(h, h, turn), placed(-h, h, turn))

    floor, roof = tower.lift, tower.lift + STOREYS
    out = [Box(square(WING_WIDTH), floor, roof, False, INSIDE),  # where the wings cross
           Box(square(CORE_SIDE), roof, roof + CORE_RISE, False)]
    for k in range(4):
        angle = turn + k * math.pi / 2
        out.append(Box((placed(half, -half, angle), placed(WING_LENGTH, -half, angle),
                        placed(WING_LENGTH, half, angle), placed(half, half, angle)),
                       floor, roof, True, WING_WALLS))
    return out


def _distance(box: Box) -> float:
    """How far the block's middle is from the viewer (for painting back to front)."""
    x = sum(c[0] for c in box.corners) / 4
    z = sum(c[1] for c in box.corners) / 4
    return math.hypot(x, z)


def sides(box: Box) -> Iterator[tuple[Point, Point, Point]]:
    """The block's walls that face the viewer: their ends and outward direction in plan."""
    ends = zip(box.corners, box.corners[1:] + box.corners[:1], strict=True)
    for (a, b), real in zip(ends, box.walls, strict=True):
        if not real:
            continue
        length = math.dist(a, b)
        normal = ((b[1] - a[1]) / length, -(b[0] - a[0]) / length)  # outward: corners go ccw
        middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        if normal[0] * -middle[0] + normal[1] * -middle[1] > 0:
            yield a, b, normal


def wall(view: View, a: Point, b: Point, bottom: float, top: float) -> list[tuple[float, float]]:
    """A wall's outline on screen."""
    return [view.point(a[0], bottom, a[1]), view.point(b[0], bottom, b[1]),
            view.point(b[0], top, b[1]), view.point(a[0], top, a[1])]


def glow(normal: Point) -> float:
    """How much of the night glow a wall facing `normal` catches, 0 to 1."""
    return max(0.0, normal[0] * LIGHT[0] + normal[1] * LIGHT[1])


def window_rect(view: View, a: Point, b: Point, bay: int, storey: float,
                inner: int = -1, pane: Pane = NEAR_PANE) -> pygame.Rect:
    """Where a wall's window (bay from its end a, storey from the tower's floor; `inner`: see
    _bay_start; `pane`: its size) falls."""
    wide, tall, sill = pane
    return opening(view, (a, b), (_bay_start(a, b, bay, inner, wide), wide),
                   (storey + sill, tall))


def _bay_start(a: Point, b: Point, bay: int, inner: int = -1,
               wide: float = WINDOW_WIDE) -> float:
    """How far along a wall (storeys from its end a) the window of a bay begins: the wall's
    spare length beyond its whole bays mostly at its inside corner (`inner`: 0 its end a, 1
    its end b; -1 none: half at each end; see INNER_SPARE), so that its last window comes
    near the wing's outer corner (the near tower's corner by their window: a narrow pier)."""
    length = math.dist(a, b)
    bays = int(length // BAY)
    share = 0.5 if inner < 0 else INNER_SPARE if inner == 0 else 1 - INNER_SPARE
    spare = (length - bays * BAY) * share
    return spare + bay * BAY + (BAY - wide) / 2


def window_slope(view: View, a: Point, b: Point, bay: int, storey: float,
                 inner: int = -1, pane: Pane = NEAR_PANE) -> float:
    """How many pixels the wall's level line through a window's middle falls a pixel to the
    right (its wall in perspective)."""
    wide, tall, sill = pane
    start, length = _bay_start(a, b, bay, inner, wide), math.dist(a, b)
    middle = storey + sill + tall / 2
    (x0, y0), (x1, y1) = (view.point(a[0] + (b[0] - a[0]) * t / length, middle,
                                     a[1] + (b[1] - a[1]) * t / length)
                          for t in (start, start + wide))
    return (y1 - y0) / (x1 - x0) if x1 != x0 else 0.0


def opening(view: View, ends: tuple[Point, Point], across: tuple[float, float],
            up: tuple[float, float]) -> pygame.Rect:
    """Where an opening in a wall falls: `across` (from the wall's first end, how wide) and
    `up` (its foot, how tall), in storeys."""
    (a, b), (start, wide), (low, tall) = ends, across, up
    length = math.dist(a, b)

    def along(t: float) -> Point:
        return (a[0] + (b[0] - a[0]) * t / length, a[1] + (b[1] - a[1]) * t / length)

    middle = low + tall / 2
    (x0, z0), (x1, z1) = along(start), along(start + wide)
    cx, cz = along(start + wide / 2)
    left, right = view.point(x0, middle, z0)[0], view.point(x1, middle, z1)[0]
    top, bottom = view.point(cx, low + tall, cz)[1], view.point(cx, low, cz)[1]
    return pygame.Rect(round(min(left, right)), round(top), round(abs(right - left)),
                       round(bottom - top))


def _stairs(view: View, box: Box, ends: tuple[Point, Point], inner: int
            ) -> tuple[pygame.Rect, ...]:
    """The stair's windows in a wing wall's inside corner (none on a wall without one)."""
    if inner < 0:
        return ()
    length = math.dist(*ends)
    start = STAIR_AT if inner == 0 else length - STAIR_AT - STAIR_WIDE
    found = (opening(view, ends, (start, STAIR_WIDE), (box.bottom + s + STAIR_LANDING,
                                                       STAIR_TALL))
             for s in range(FIRST_LIT_STOREY + inner, STOREYS, 2))
    return tuple(rect for rect in found
                 if rect.height >= 1
                 and rect.width >= max(STAIR_LEAST, STAIR_EDGE_ON * rect.height))


def _inner(box: Box, a: Point, b: Point) -> int:
    """Which end of a wing's wall meets the crossing: 0 the first, 1 the last, -1 neither
    (its far end, or the core's walls)."""
    if not box.wing:
        return -1
    corner = (box.corners[0], box.corners[3])  # (a wing's first and last corners: its inside)
    return 0 if a in corner else 1 if b in corner else -1


def planes_of(view: View, towers: list[Tower]) -> Iterator[tuple[Plane, Box, Point, Point]]:
    """Every wall and roof that faces the viewer, back to front, with its block and ends."""
    blocks = sorted(((box, n) for n, t in enumerate(towers) for box in boxes(t)),
                    key=lambda bn: -_distance(bn[0]))
    face = 0
    for box, n in blocks:
        for a, b, normal in sides(box):
            inner = _inner(box, a, b)
            yield Plane(wall(view, a, b, box.bottom, box.top), glow(normal), n, face,
                        box.wing and _storey(view, (a, b)) >= MIN_SLAB_STOREY, inner,
                        _stairs(view, box, (a, b), inner)), box, a, b
            face += 1
        if box.top < EYE:  # seen from above
            outline = [view.point(c[0], box.top, c[1]) for c in box.corners]
            yield Plane(outline, 1.0, n, face), box, box.corners[0], box.corners[0]
            face += 1


def _storey(view: View, ends: tuple[Point, Point]) -> float:
    """How many pixels a storey measures at a wall's middle."""
    return view.focal * 2 / (ends[0][1] + ends[1][1])


def windows_of(view: View, planes: list[tuple[Plane, Box, Point, Point]], near: int = -1
               ) -> Generator[None, None, list[Window]]:
    """The windows of every wing's walls, in rows, that a narrow wall does not squash away
    (BAYS_PER_PIECE bays of a wall at a time); tower `near`'s a room's size, the others'
    smaller (see FAR_PANE)."""
    out: list[Window] = []
    for plane, box, a, b in planes:
        if not box.wing or a == b:
            continue
        pane = NEAR_PANE if plane.tower == near else FAR_PANE
        for bay in range(int(math.dist(a, b) // BAY)):
            if bay % BAYS_PER_PIECE == 0:
                yield
            for storey in range(FIRST_LIT_STOREY, STOREYS):
                rect = window_rect(view, a, b, bay, box.bottom + storey, plane.inner, pane)
                if rect.width >= MIN_WINDOW and rect.height >= 1:
                    out.append(Window(rect, plane.tower, plane.face, bay, storey,
                                      window_slope(view, a, b, bay, box.bottom + storey,
                                                   plane.inner, pane)))
    return out


def seen(size: tuple[int, int], planes: list[Plane],
         windows: list[Window]) -> Generator[None, None, list[Window]]:
    """The windows no nearer wall hides (each face painted in its own colour, then read at
    the window's corners and middle) and the picture's edge does not cut down to a sill."""
    owner = yield from clear_surface(size)  # (a full frame's memory touched in pieces; no
    # face is 0, its alpha is read with its colour, as the colour was drawn)
    for n, plane in enumerate(planes, 1):
        pygame.draw.polygon(owner, _label(plane.face), plane.outline)
        if n % PLANES_PER_PIECE == 0:
            yield
    yield
    screen = owner.get_rect()
    shown = [(w, w.rect.clip(screen)) for w in windows]
    shown = [(w, r) for w, r in shown if r.width and r.height >= SHOWN * w.rect.height]
    yield  # (then each window's corners read: together, a piece of ~3 ms)
    xs = np.array([(r.left, r.right - 1, r.left, r.right - 1, r.centerx) for _, r in shown])
    ys = np.array([(r.top, r.top, r.bottom - 1, r.bottom - 1, r.centery) for _, r in shown])
    want = np.array([owner.map_rgb(_label(w.face)) for w, _ in shown], np.int64) & 0xFFFFFFFF
    pixels = pygame.surfarray.pixels2d(owner)
    found = pixels[xs, ys] if shown else np.zeros((0, 5))
    del pixels
    return [w for (w, _), ok in zip(shown, np.all(found == want[:, None], axis=1), strict=True)
            if ok]


def hidden(spot: tuple[float, float], tower: int, planes: list[Plane]) -> bool:
    """Is this point of a tower behind a wall of another tower painted after (nearer)?"""
    mine = max(n for n, plane in enumerate(planes) if plane.tower == tower)
    return any(_inside(spot, plane.outline) for plane in planes[mine + 1:]
               if plane.tower != tower)


def _inside(spot: tuple[float, float], outline: list[tuple[float, float]]) -> bool:
    """Is the point inside the polygon (a ray to the right crosses its edges an odd number of
    times)?"""
    x, y = spot
    inside = False
    for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _label(face: int) -> tuple[int, int, int]:
    """A face's colour in the picture of which face is where (0 is no face)."""
    n = face + 1
    return (n & 0xFF, (n >> 8) & 0xFF, (n >> 16) & 0xFF)


def _front(tower: Tower) -> tuple[Point, Point, float]:
    """The wall of the tower that faces the viewer: the first wing's side turned towards the
    viewer (whatever the turn, the same wall: by the most squarely facing one, a turn of a
    few degrees swapped it for another wing's end, a window twice the size), and its
    middle's distance."""
    wing = next(box for box in boxes(tower) if box.wing)
    a, b = wing.corners[0], wing.corners[1]
    return a, b, (a[1] + b[1]) / 2


def near_tower(view: View, home: tuple[float, float]) -> tuple[Tower, pygame.Rect]:
    """The nearest tower placed (across and up or down) so that its front wall's window by
    the corner on its top floor (HOME_BAY, HOME_STOREY) has its middle exactly at `home`
    (pixels); and that window."""
    tower = Tower(0.0, NEAR, NEAR_TURN)
    a, b, z = _front(tower)
    bay = HOME_BAY % int(math.dist(a, b) // BAY)
    storey = HOME_STOREY
    window = window_rect(view, a, b, bay, storey, FRONT_INNER)
    for _ in range(PLACING_STEPS):  # the window is not quite at the wall's middle depth
        shift = (home[0] - window.centerx) * z / view.focal
        tower = replace(tower, x=tower.x + shift,
                        lift=tower.lift + (window.centery - home[1]) * z / view.focal)
        a, b = (a[0] + shift, a[1]), (b[0] + shift, b[1])
        window = window_rect(view, a, b, bay, tower.lift + storey, FRONT_INNER)
    return tower, window
