"""Park La Brea's trees: a belt of crowns along the lawn's far edge and clumps at the towers'
feet, dark in the haze against the sky's glow and the walls, so no tower stands on a ruler's
line and the lawn's far edge is soft and broken (painted among the towers' walls, far to near:
a tree behind a tower is painted before its walls, which hide it)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pygame

from installation.visuals.base import Color, hash01, scaled, smooth_noise
from installation.visuals.xplan_geometry import (
    EYE,
    FIRST_LIT_STOREY,
    WINDOW_SILL,
    WING_LENGTH,
    WING_WIDTH,
    View,
    _inside,
)

BELT = (0.72, 1.0)  # the belt's trees stand this far off, in the far edge's distance
PITCH = 1.2  # storeys between one tree and the next along the belt, where it grows
CLUMPS = 0.1  # the belt's clumps: the noise's rate per storey (open lawn between them)
THIN = 0.42  # where the clumps' noise is under this, no tree
FEET = (0.5, 4.0)  # storeys in front of a tower's nearest wing's end: the clump at its foot
FOOT_TREES = 7  # trees in the clump at each tower's foot
CROWN = ((1.6, 3.0), (1.0, 1.8))  # storeys: a crown's width and height, least and most (low
# and broad: ornamental trees, their crowns one mass at a tower's foot, not lollipops)
TRUNK = 0.25  # storeys of trunk under a crown (at most TRUNK_SHARE of a low tree's height)
TRUNK_SHARE = 0.2
LOWEST = FIRST_LIT_STOREY + WINDOW_SILL - 0.1  # storeys: just under the lowest windows' foot
LEAVES = 9  # round tufts a crown is made of: its outline broken, never an oval's
TUFT = 0.3  # a tuft's radius, of the crown's width...
BIGGEST = 1.2  # ...up to this many times that (the middle one)
DARK = 0.62  # a tree is this bright, of the lawn behind it in the haze
RIM = 0.16  # of a tuft's radius: the strip of its edge towards the glow that catches it...
RIM_LIGHT = 1.5  # ...this much brighter than the tree (flat black blobs, they read as holes)
Outline = list[tuple[float, float]]


@dataclass(frozen=True)
class Tree:
    """One tree: where its foot stands on screen, how big a storey is there, how far off
    (storeys) and which (its shape's seed)."""

    foot: tuple[float, float]
    storey: float
    z: float
    n: int
    high: float = CROWN[1][1] + TRUNK  # storeys: the most it may rise to (see `under_windows`)


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
        (x, y), reach = each.foot, each.storey * CROWN[0][1] / 2
        high = y - each.storey * (CROWN[1][1] + TRUNK)
        spots = ((x, y), (x - reach, y), (x + reach, y), (x - reach, high), (x + reach, high))
        return any(core < each.z and all(any(_inside(spot, outline) for outline in walls)
                                         for spot in spots) for core, walls in towers)
    return [each for each in found if not hidden(each)]


def under_windows(found: list[Tree], cores: Sequence[float]) -> list[Tree]:
    """The trees `found`, each no taller than the foot of the lowest windows of the towers
    behind it where they show over it (`cores`: each tower's core distance): the windows are
    painted after the walls and the trees, so a crown reaching over one would have a window
    painted over it, a tree with a window in front of it."""
    def high(each: Tree) -> float:
        walls = [max(each.z, core - WING_LENGTH - WING_WIDTH / 2) for core in cores
                 if core > each.z]  # (the nearest wall of each tower behind it)
        return min([each.high, *(EYE - (EYE - LOWEST) * each.z / wall for wall in walls)])
    return [replace(each, high=high(each)) for each in found]


def tree(view: View, x: float, z: float, n: int) -> Tree:
    """The tree numbered `n` standing at x (storeys right) and z (off)."""
    return Tree(view.point(x, 0.0, z), view.focal / z, z, n)


def tree_colors(tree: Tree, lawn: Callable[[float], Color]) -> tuple[Color, Color]:
    """A tree's colour, darker than the lawn behind it (`lawn(z)`: the lawn's colour that far
    off), and its tufts' edge towards the glow."""
    dark = scaled(lawn(tree.z), DARK)
    return dark, scaled(dark, RIM_LIGHT)


def paint_tree(surface: pygame.Surface, tree: Tree, origin: tuple[int, int],
               colors: tuple[Color, Color], seed: int) -> None:
    """One tree: its trunk and its crown of overlapping tufts, each tuft's edge towards the
    city's glow (up and to the left) catching it (`colors`: the tree's and that edge's;
    `origin`: the picture's point at the surface's corner)."""
    x, y = tree.foot[0] - origin[0], tree.foot[1] - origin[1]
    storey, n = tree.storey, tree.n
    wide = storey * (CROWN[0][0] + (CROWN[0][1] - CROWN[0][0]) * hash01(seed, n, 3))
    tall = storey * (CROWN[1][0] + (CROWN[1][1] - CROWN[1][0]) * hash01(seed, n, 4))
    trunk = min(TRUNK, tree.high * TRUNK_SHARE) * storey
    tall = min(tall, tree.high * storey - trunk)
    dark, rim = colors
    surface.fill(dark, (round(x - storey / 16), round(y - trunk), max(1, round(storey / 8)),
                        round(trunk) + 1))
    middle = y - trunk - tall / 2
    radius = max(1.0, min(TUFT * wide, tall / 2 / BIGGEST))  # (a low crown: smaller tufts)
    tufts = [(x, middle, radius * BIGGEST)]
    for leaf in range(LEAVES):
        turn = 2 * math.pi * (leaf + hash01(seed, n, leaf, 5)) / LEAVES
        reach = 0.55 + 0.45 * hash01(seed, n, leaf, 6)
        tufts.append((x + math.cos(turn) * max(0.0, wide / 2 - radius) * reach,
                      middle + math.sin(turn) * max(0.0, tall / 2 - radius) * reach,
                      radius * (0.7 + (BIGGEST - 0.7) * hash01(seed, n, leaf, 7))))
    for color, shift in ((rim, 0.0), (dark, RIM)):
        for cx, cy, r in tufts:
            pygame.draw.circle(surface, color, (cx + shift * r, cy + shift * r), r)
