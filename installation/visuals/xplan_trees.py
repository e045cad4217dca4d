"""Park La Brea's trees: a belt of crowns along the lawn's far edge and clumps at the towers'
feet, dark in the haze against the sky's glow and the walls, crowns massed in clumps lit on top
by the city's glow, on trunks and limbs, so no tower stands on a ruler's line and the lawn's far
edge is soft and broken, the crowns near a path lamp lit from below by it (painted among the
towers' walls, far to near: a tree behind a tower is painted before its walls, which hide it;
the windows behind a crown are left out)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pygame

from installation.visuals.base import Color, hash01, mix, scaled, smooth_noise
from installation.visuals.xplan_geometry import EYE, WING_LENGTH, View, Window, _inside
from installation.visuals.xplan_park import LAMP, Lamp

BELT = (0.72, 1.0)  # the belt's trees stand this far off, in the far edge's distance
PITCH = 1.2  # storeys between one tree and the next along the belt, where it grows
CLUMPS = 0.1  # the belt's clumps: the noise's rate per storey (open lawn between them)
THIN = 0.42  # where the clumps' noise is under this, no tree
FEET = (0.5, 4.0)  # storeys in front of a tower's nearest wing's end: the clump at its foot
FOOT_TREES = 7  # trees in the clump at each tower's foot
CROWN = ((1.6, 3.0), (1.2, 2.2))  # storeys: a crown's width and height, least and most (broad
# shade trees, their crowns massed in front of the towers' lowest floors, not lollipops; kept
# under those floors' windows, at most 1.8 storeys, they were flat blobs on sticks)
SIZES = (0.55, 1.3)  # each tree this much of that, the least and the most: young and old
TRUNK = 0.55  # storeys of trunk under a crown
TRUNK_WIDE = 0.16  # storeys: a trunk's width at its foot (its limbs taper from it)
CLUMPS_IN = (4, 7)  # clumps of leaves a crown is massed in, the least and the most
CLUMP = (0.18, 0.26)  # a clump's radius, of the crown's width, the least and the most
TUFTS = 5  # round tufts a clump is made of: its outline broken, never an oval's
ROUND = 0.85  # a crown at most this tall, of its width (narrower, it stood as a column)
LOW_CLUMPS = 0.35  # the low clumps' middles this share of the crown's half height under its middle
LOW_SIZE = 0.8  # the low clumps this much smaller than the others
TOP_SPREAD = 0.8  # the upper clumps spread this share of the crown's half width either side
CROWN_PAD = 0.15  # of a crown's width: its tufts stand this far out of it, at most
SMALL = 24  # pixels: a crown narrower than this is one clump (far off: a few pixels)
DARK = 0.62  # a tree is this bright, of the lawn behind it in the haze
SHADE = 0.55  # a clump's underside, turned from the glow, this much of the tree's colour
GLOW = (132, 110, 128)  # its top towards the city's glow (up and to the left) takes this much
GLOW_SHARE = 0.26  # of the glow's light (flat black blobs read as holes)
LIT_SHIFT, LIT_SIZE = 0.3, 0.72  # the lit cap: moved up-left this share of a tuft's radius,
# this share of its size (the rest of the tuft, below and right, stays in shade)
EDGE_TUFTS = 9  # small tufts of leaves round a clump's rim: its edge ragged, not a cloud's
EDGE_OUT = (0.72, 0.92)  # their middles this far out from the clump's, of its radius
EDGE_SIZE = (0.14, 0.26)  # their radii, of the clump's
EDGE_LEAST = 4.0  # pixels: a clump smaller than this has no rim of tufts (a few pixels far off)
FLARE = 1.8  # a trunk's foot this much wider than its width (the roots spreading into the lawn)
FLARE_HIGH = 0.12  # the flare narrowing to the trunk's width this share of the way up
FORK_WIDE = 0.45  # the trunk this much of its width where it forks (it tapers to its limbs)
BEND = 0.5  # a trunk leans this much of its width either way at its middle (none grows straight)
LAMP_REACH = 8.0  # storeys: a path lamp lights the trees this near it (it stands 1.3 high,
# level with the crowns' undersides: their lower tufts and the trunk's side towards it; those
# along the path between the towers' wings, hidden behind them, light the trees in front)
UNDERLIT = 0.75  # a crown's underside beside a lamp takes this much of the lamp's light,
UNDER_POWER = 1.2  # added: less up the crown as this power of the height, none over its middle
TRUNK_LIT = 0.35  # and down its trunk, to this share of it at the foot (far under the globe)
LAMP_SIDE = 0.4  # the side away from the lamp takes this much less of it
BOX_MARGIN = 2  # pixels round a lit tree's crown box it is painted in alone (its trunk's foot)
Outline = list[tuple[float, float]]
Colors = tuple[Color, Color, Color]  # a tree's shade, body and lit tops


@dataclass(frozen=True)
class Tree:
    """One tree: where its foot stands on screen, how big a storey is there, how far off
    (storeys) and which (its shape's seed)."""

    foot: tuple[float, float]
    storey: float
    z: float
    n: int
    lamp: float = 0.0  # how much a path lamp near it lights it (0: none near, 1: beside one)
    side: float = 0.0  # which way that lamp stands: -1 left of it, 1 right, 0 in front or behind


def belt(view: View, width: int, edge: int, seed: int) -> list[Tree]:
    """The trees along the lawn's far edge (picture row `edge`) in the picture."""
    far = view.focal * EYE / max(1.0, edge - view.horizon)  # storeys off: the far edge
    storey = view.focal / far
    out = []
    for n in range(int(width / storey / PITCH) + 1):
        along = (n + hash01(seed, n, 1)) * PITCH  # storeys from the left, at the far edge
        if smooth_noise(seed + 17, along * CLUMPS) < THIN:
            continue
        z = far * (BELT[0] + (BELT[1] - BELT[0]) * hash01(seed, n, 2))
        x = (along * storey - view.centre) * far / view.focal
        out.append(tree(view, x, z, n))
    return out


def at_feet(view: View, towers: Sequence[tuple[float, list[Outline]]], seed: int) -> list[Tree]:
    """A clump of trees in front of each tower's foot (`towers`: each one's core distance and
    its walls' outlines; theirs, whose foot is out of the picture, has none)."""
    out = []
    for k, (core, walls) in enumerate(towers):
        if core < 2 * (WING_LENGTH + FEET[1]):
            continue
        left = min(x for outline in walls for x, _ in outline)
        right = max(x for outline in walls for x, _ in outline)
        for n in range(FOOT_TREES):
            z = core - WING_LENGTH - FEET[0] - (FEET[1] - FEET[0]) * hash01(seed, k, n, 8)
            spot = left + (right - left) * hash01(seed, k, n, 9)
            x = (spot - view.centre) * z / view.focal
            out.append(tree(view, x, z, 1000 * k + n))
    return out


def unhidden(found: list[Tree], towers: Sequence[tuple[float, list[Outline]]]) -> list[Tree]:
    """The trees `found` not wholly behind a tower (its crown's top, sides and foot inside the
    walls of one in front of it): painted, they would only be painted over."""
    def hidden(each: Tree) -> bool:
        (x, y), reach = each.foot, each.storey * CROWN[0][1] * SIZES[1] / 2
        high = y - each.storey * (CROWN[1][1] + TRUNK) * SIZES[1]
        spots = ((x, y), (x - reach, y), (x + reach, y), (x - reach, high), (x + reach, high))
        return any(core < each.z and all(any(_inside(spot, outline) for outline in walls)
                                         for spot in spots) for core, walls in towers)
    return [each for each in found if not hidden(each)]


def clear_of(windows: list[Window], trees: list[Tree], cores: Sequence[float],
             seed: int) -> list[Window]:
    """The `windows` no tree's crown stands in front of (`cores`: each tower's core distance):
    the windows are painted after the walls and the trees, so one behind a crown would be
    painted over it, a tree with a window in front of it; behind it the wall stays dark."""
    boxes = [(each.z, crown_box(each, seed)) for each in trees]
    return [w for w in windows
            if not any(z < cores[w.tower] and box.colliderect(w.rect) for z, box in boxes)]


def lit(view: View, found: list[Tree], near: Sequence[Lamp]) -> list[Tree]:
    """The trees `found`, each lit by the path lamps `near` within LAMP_REACH storeys of it
    (the nearer, the brighter), from the side they stand on."""
    def across(foot: tuple[float, float], z: float) -> float:
        return (foot[0] - view.centre) * z / view.focal

    out = []
    for each in found:
        x, light, side = across(each.foot, each.z), 0.0, 0.0
        for lamp in near:
            dx = across(lamp.foot, lamp.z) - x
            share = max(0.0, 1.0 - math.hypot(dx, lamp.z - each.z) / LAMP_REACH)
            light, side = light + share, side + share * max(-1.0, min(1.0, dx))
        out.append(each if light == 0.0 else
                   replace(each, lamp=min(1.0, light), side=side / light))
    return out


@dataclass(frozen=True)
class Shape:
    """A tree's size on screen, in pixels: its crown's width and height, its trunk's height."""

    wide: float
    tall: float
    trunk: float


def shape(each: Tree, seed: int) -> Shape:
    """How big the tree is (each of a size of its own, young or old)."""
    storey, n = each.storey, each.n
    size = SIZES[0] + (SIZES[1] - SIZES[0]) * hash01(seed, n, 10)
    wide = size * storey * (CROWN[0][0] + (CROWN[0][1] - CROWN[0][0]) * hash01(seed, n, 3))
    tall = min(ROUND * wide,
               size * storey * (CROWN[1][0] + (CROWN[1][1] - CROWN[1][0]) * hash01(seed, n, 4)))
    return Shape(wide, tall, TRUNK * size * storey)


def crown_box(each: Tree, seed: int) -> pygame.Rect:
    """Where the tree's crown and trunk may reach on screen (its tufts stand a little out)."""
    (x, y), form = each.foot, shape(each, seed)
    pad = CROWN_PAD * form.wide
    return pygame.Rect(round(x - form.wide / 2 - pad), round(y - form.trunk - form.tall - pad),
                       round(form.wide + 2 * pad), round(form.tall + form.trunk + pad))


def tree(view: View, x: float, z: float, n: int) -> Tree:
    """The tree numbered `n` standing at x (storeys right) and z (off)."""
    return Tree(view.point(x, 0.0, z), view.focal / z, z, n)


def tree_colors(tree: Tree, lawn: Callable[[float], Color]) -> Colors:
    """A tree's colours, darker than the lawn behind it (`lawn(z)`: the lawn's colour that far
    off): its clumps' undersides, its body (and trunk), their tops towards the glow."""
    dark = scaled(lawn(tree.z), DARK)
    return scaled(dark, SHADE), dark, mix(dark, GLOW, GLOW_SHARE)


def paint_tree(surface: pygame.Surface, tree: Tree, origin: tuple[int, int],
               colors: Colors, seed: int) -> None:
    """One tree: its trunk flaring at its foot, leaning a little and tapering to where it forks
    into limbs, and its crown massed in clumps round the limbs' ends, each clump of
    overlapping tufts with a ragged rim, shaded underneath and lit on top towards the city's
    glow (up and to the left), the limbs seen between them; beside a path lamp, its crown's
    lower half and its trunk warm in the lamp's light from below (`colors`: see tree_colors;
    `origin`: the picture's point at the surface's corner)."""
    if tree.lamp <= 0.0:
        _paint(surface, tree, origin, colors, seed)
        return
    box = crown_box(tree, seed).inflate(2 * BOX_MARGIN, 2 * BOX_MARGIN).move(
        -origin[0], -origin[1])
    alone = pygame.Surface(box.size, pygame.SRCALPHA)
    _paint(alone, tree, (origin[0] + box.x, origin[1] + box.y), colors, seed)
    _underlit(alone, tree, (origin[0] + box.x, origin[1] + box.y), shape(tree, seed))
    surface.blit(alone, box.topleft)


def _paint(surface: pygame.Surface, tree: Tree, origin: tuple[int, int], colors: Colors,
           seed: int) -> None:
    """The tree's trunk, limbs and crown as the city's glow lights them (see paint_tree)."""
    x, y = tree.foot[0] - origin[0], tree.foot[1] - origin[1]
    form = shape(tree, seed)
    wide, tall, trunk = form.wide, form.tall, form.trunk
    middle = y - trunk - tall / 2
    clumps = _clumps(tree, seed, (x, middle), (wide, tall))
    stem = max(1.0, TRUNK_WIDE * trunk / TRUNK)  # (as thick as the tree is big)
    fork = (x, y - trunk - tall * 0.15)
    _trunk(surface, colors[1], ((x, y + 1), fork),
           (stem, BEND * stem * (2 * hash01(seed, tree.n, 17) - 1)))
    for cx, cy, _ in clumps:
        _limb(surface, colors[1], fork, (cx, cy), stem * 0.55)
    for clump in clumps:
        _clump(surface, clump, colors, (seed, tree.n))


def _underlit(alone: pygame.Surface, tree: Tree, origin: tuple[int, int], form: Shape) -> None:
    """A path lamp's light added to the tree painted `alone`: none over its crown's middle,
    growing to its foot, stronger on the lamp's side."""
    x, y = tree.foot[0] - origin[0], tree.foot[1] - origin[1]
    middle, low = y - form.trunk - form.tall / 2, y - form.trunk
    down = np.arange(alone.get_height()) - middle
    rows = np.clip(down / max(1.0, low - middle), 0.0, 1.0) ** UNDER_POWER
    rows = np.minimum(rows, 1.0 - (1.0 - TRUNK_LIT) * np.clip(
        (down - (low - middle)) / max(1.0, form.trunk), 0.0, 1.0))  # (less down the trunk)
    across = (np.arange(alone.get_width()) - x) / max(1.0, form.wide / 2)
    sides = np.clip(1.0 - LAMP_SIDE + LAMP_SIDE * tree.side * across, 0.0, 1.0)
    share = UNDERLIT * tree.lamp * sides[:, None] * rows[None, :]
    rgb = pygame.surfarray.pixels3d(alone)
    rgb[...] = np.clip(rgb + share[:, :, None] * np.array(LAMP, np.float32), 0, 255).astype(
        np.uint8)
    del rgb  # (the surface unlocked before it is blitted)


def _trunk(surface: pygame.Surface, color: Color,
           ends: tuple[tuple[float, float], tuple[float, float]],
           form: tuple[float, float]) -> None:
    """A trunk from its foot up to its fork (`form`: its width and how far it leans at its
    middle): wide where its roots spread, tapering as it rises."""
    ((x0, y0), (x1, y1)), (width, bend) = ends, form
    rise = y0 - y1
    spine = [(x0, y0, FLARE * width), (x0 + 0.3 * bend, y0 - FLARE_HIGH * rise, width),
             (x0 + bend, y0 - 0.55 * rise, (1 + FORK_WIDE) * width / 2),
             (x1, y1, FORK_WIDE * width)]
    pygame.draw.polygon(surface, color, [(x - w / 2, y) for x, y, w in spine]
                        + [(x + w / 2, y) for x, y, w in reversed(spine)])


def _clumps(tree: Tree, seed: int, middle: tuple[float, float],
            size: tuple[float, float]) -> list[tuple[float, float, float]]:
    """Where the crown's clumps stand (centre and radius): two low at its sides, apart (the
    limbs seen between them), the rest along its top; the low ones first (painted under the
    tops of the upper ones)."""
    (x, y), (wide, tall), n = middle, size, tree.n
    if wide < SMALL:
        return [(x, y, max(1.0, min(wide, tall) / 2))]
    count = CLUMPS_IN[0] + int((CLUMPS_IN[1] - CLUMPS_IN[0] + 1) * hash01(seed, n, 11))
    out = []
    for k in range(count):
        r = min(tall / 2, wide * (CLUMP[0] + (CLUMP[1] - CLUMP[0]) * hash01(seed, n, k, 13)))
        side, up = wide / 2 - r, tall / 2 - r
        if k < 2:  # (the low ones, either side)
            r *= LOW_SIZE
            dx = (1 if k else -1) * (wide / 2 - r) * (0.85 + 0.15 * hash01(seed, n, k, 14))
            out.append((x + dx, y + (tall / 2 - r) * LOW_CLUMPS, r))
            continue
        turn = math.pi * (k - 2 + 0.5 + 0.5 * (hash01(seed, n, k, 12) - 0.5)) / (count - 2)
        reach = 0.8 + 0.2 * hash01(seed, n, k, 14)
        out.append((x - math.cos(turn) * side * reach * TOP_SPREAD,
                    y - math.sin(turn) * up * reach, r))
    return out


def _clump(surface: pygame.Surface, clump: tuple[float, float, float], colors: Colors,
           which: tuple[int, int]) -> None:
    """One clump of leaves: its tufts and the small ones round its rim in shade, the body over
    them a little up, the lit caps over those towards the glow."""
    (cx, cy, r), (shade, body, lit) = clump, colors
    tufts = [(cx, cy, r * 0.7)]
    for t in range(TUFTS):
        turn = 2 * math.pi * (t + hash01(*which, t, 15)) / TUFTS
        tufts.append((cx + math.cos(turn) * r * 0.4, cy + math.sin(turn) * r * 0.35,
                      r * (0.45 + 0.25 * hash01(*which, t, 16))))
    tufts += [] if r < EDGE_LEAST else [_rim_tuft(clump, t, which) for t in range(EDGE_TUFTS)]
    for color, shift, grow in ((shade, 0.0, 1.0), (body, -0.12, 0.92), (lit, -LIT_SHIFT,
                                                                         LIT_SIZE)):
        for tx, ty, tr in tufts:
            if grow < 1.0 and ty > cy + r * 0.2:  # (the lower tufts: in shade)
                continue
            pygame.draw.circle(surface, color, (tx + shift * tr, ty + shift * tr), tr * grow)


def _rim_tuft(clump: tuple[float, float, float], t: int,
              which: tuple[int, int]) -> tuple[float, float, float]:
    """The `t`th small tuft round a clump's rim: where it stands and how big."""
    cx, cy, r = clump
    turn = 2 * math.pi * (t + hash01(*which, t, 18)) / EDGE_TUFTS
    out = r * (EDGE_OUT[0] + (EDGE_OUT[1] - EDGE_OUT[0]) * hash01(*which, t, 19))
    return (cx + math.cos(turn) * out, cy + math.sin(turn) * out * 0.9,
            r * (EDGE_SIZE[0] + (EDGE_SIZE[1] - EDGE_SIZE[0]) * hash01(*which, t, 20)))


def _limb(surface: pygame.Surface, color: Color, start: tuple[float, float],
          end: tuple[float, float], width: float) -> None:
    """A trunk or limb from `start` to `end`, `width` pixels at its start, tapering."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    if length < 1:
        return
    nx, ny = (y1 - y0) / length, -(x1 - x0) / length
    a, b = width / 2, max(0.5, width / 4)
    pygame.draw.polygon(surface, color, [(x0 + nx * a, y0 + ny * a), (x1 + nx * b, y1 + ny * b),
                                         (x1 - nx * b, y1 - ny * b), (x0 - nx * a, y0 - ny * a)])
