"""The George C. Page Museum across the Lake Pit: a low square pavilion half buried in a grassy
berm, its frieze of Ice Age animals along the top, the glass of its atrium where the berm is
cut away, and trees round it; lit by the afternoon sun from the right."""

from __future__ import annotations

import random
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.museum_frieze import JOINT_SHADE, beasts_mask, relief
from installation.visuals.museum_paint import Rgb, bands, below, grain, hazed, ramp, write

# Where its parts stand, in units of `unit` (the height from the shore to the frieze's top).
HALF_LONG = 4.4  # the pavilion's half length, left and right of its centre
FRIEZE = 0.34  # the frieze band's depth
COPING = 0.04  # the lip over it that catches the sun
BERM_TOP = 0.05  # the berm reaches up to this under the frieze (the wall hidden below)
BERM_RUN = 2.6  # it falls away beyond each end of the pavilion over this
LAWN = 0.45  # ... to the park's lawn, far off, this far over the shore
GLASS = (1.1, 2.5)  # the atrium's glass, where the berm is cut: from, to (right of the centre)
GLASS_FOOT_OVER = 0.3  # the glass stands on the park's level this far over the shore, with
# turf in front of it down to the shore (run down to the shore it read as a glass chute
# standing in the pit)
MULLION = 0.2  # a glazing bar every this far along it
TREE_ROOM = 0.9  # the picture reaches this far above the frieze, for the trees' crowns
SHORE_LIP = 0.05  # a dark band of tar-stained earth along the shore

GRASS_LIT, GRASS_SHADE = (136, 142, 70), (62, 76, 40)  # the berm's turf in the sun, and lower
FRIEZE_STONE = (172, 150, 114)  # the frieze's cast stone
WALL = (120, 112, 100)  # the wall under it, in its own shade
GLASS_TOP, GLASS_FOOT = (118, 146, 160), (34, 48, 56)  # the sky in the glass, and the dark in
GLAZING_BAR = (46, 44, 42)
LEAVES, LEAVES_LIT = (30, 44, 30), (104, 116, 60)  # the trees' crowns, and their sunlit side
EARTH = (40, 32, 24)
HAZE = (178, 186, 192)  # the afternoon haze across the pit
HAZE_AMOUNT = 0.16
LIGHT = (1, -1)  # a step towards the sun (right and up, x right and y down)
SUNLIT_EDGE = 0.05  # a crown's side to the sun is lit this deep (of the unit)
LEAF_TEXTURE, TURF_TEXTURE = 0.3, 0.08  # how much the leaves and the turf vary, pixel to pixel
LOBES = 9  # a crown is this many round lobes


@dataclass(frozen=True)
class Tree:
    """A broad tree's crown beside or behind the pavilion (x, and its top, in units from the
    pavilion's centre and the shore; its radius)."""

    x: float
    top: float
    radius: float


TREES = (Tree(-6.6, 1.55, 0.75), Tree(-5.5, 1.35, 0.6), Tree(-3.2, 1.45, 0.55),
         Tree(0.4, 1.38, 0.5), Tree(4.3, 1.5, 0.5), Tree(9.4, 1.6, 0.7), Tree(10.6, 1.4, 0.6))
# (none from 4.9 to 8.6 right of the centre: there the far city shows, and the calf on the
# near shore stands against the bright lawn in the tar, not a tree's dark reflection)


@dataclass(frozen=True)
class Plan:
    """Where the pavilion is painted: its picture's top row and size, its centre in it, the
    unit (pixels), and the shore's row in it."""

    top: int
    size: tuple[int, int]
    centre: int
    unit: float
    shore: int


def plan_of(x: float, ground: float, scale: float, size: tuple[int, int]) -> Plan:
    """The pavilion's place at `x` (centre), `ground` (the shore it stands back from) and
    `scale` (frieze top over the shore), of a picture of `size`."""
    width, height = size
    unit = scale * height
    shore = round(ground * height)
    top = max(0, round(shore - unit * (1 + TREE_ROOM)))
    return Plan(top, (width, shore - top + 1), round(x * width), unit, shore - top)


def painting(plan: Plan, seed: int) -> Generator[None, None, pygame.Surface]:
    """The pavilion, its berm and the trees round it, in steps of a few milliseconds (the
    costly ones a band of columns at a time)."""
    width, rows = plan.size
    u, c, shore = plan.unit, plan.centre, plan.shore
    rng = np.random.default_rng(seed)
    rgb = np.zeros((width, rows, 3), np.float32)
    alpha = np.zeros((width, rows), np.float32)
    crowns = _crowns(plan, rng)
    yield
    leaf = grain(rng, (width, rows), 3)
    yield
    lit = np.zeros_like(crowns)
    step = max(1, round(u * SUNLIT_EDGE))
    lit[:-step, step:] = crowns[step:, :-step]  # crown one step to the sun: not the lit side
    for cols in bands(width):
        yield
        shade = (1 - lit[cols]) * 0.7 + LEAF_TEXTURE * leaf[cols] + 0.1
        rgb[cols] = ramp(LEAVES, LEAVES_LIT, shade) * crowns[cols][..., None]
        alpha[cols] = crowns[cols]
    yield
    frieze_top = shore - u
    left, right = round(c - HALF_LONG * u), round(c + HALF_LONG * u)
    _frieze(rgb, alpha, (left, right), round(frieze_top), round(FRIEZE * u), seed)
    yield
    glass = (round(c + GLASS[0] * u), round(c + GLASS[1] * u))
    _glass(rgb, alpha, glass, round(frieze_top + FRIEZE * u), round(shore - GLASS_FOOT_OVER * u),
           u)
    yield
    tops = _berm_tops(width, plan, glass)
    blades = grain(rng, (width, rows), 5)
    picture = pygame.Surface(plan.size, pygame.SRCALPHA)
    for cols in bands(width):
        yield
        _berm(rgb[cols], alpha[cols], tops[cols], blades[cols], plan)
        write(picture, cols, hazed(rgb[cols], HAZE, HAZE_AMOUNT), alpha[cols])
    return picture


def _berm(rgb: Rgb, alpha: np.ndarray, tops: np.ndarray, blades: np.ndarray,
          plan: Plan) -> None:
    """The berm's turf over some columns (in place): sunlit at its crest, darker down its
    slope, a dark lip of tar-stained earth along the shore."""
    rows = rgb.shape[1]
    u, shore = plan.unit, plan.shore
    turf = below(tops, rows)
    depth = np.clip((np.arange(rows, dtype=np.float32)[None, :] - tops[:, None])
                    / max(1.0, u * (1 - FRIEZE)), 0, 1)
    grass = ramp(GRASS_LIT, GRASS_SHADE, depth ** 0.7)
    grass *= (1 + TURF_TEXTURE * blades)[..., None]
    rgb += (grass - rgb) * turf[..., None]
    np.maximum(alpha, turf, out=alpha)
    lip = np.clip((np.arange(rows)[None, :] - (shore - SHORE_LIP * u)), 0, 1)
    rgb += (np.asarray(EARTH, np.float32) - rgb) * (lip * turf)[..., None]


def _berm_tops(width: int, plan: Plan, glass: tuple[int, int]) -> np.ndarray:
    """The berm's top row in each column: just under the frieze along the pavilion, falling
    away beyond its ends in a smooth shoulder to the shore, cut away before the glass down to
    the turf it stands on."""
    u, c, shore = plan.unit, plan.centre, plan.shore
    x = np.arange(width, dtype=np.float32)
    beyond = np.clip((np.abs(x - c) - HALF_LONG * u) / (BERM_RUN * u), 0, 1)
    fall = beyond * beyond * (3 - 2 * beyond)
    crest = shore - u * (1 - FRIEZE - BERM_TOP)
    tops = crest + (shore - LAWN * u - crest) * fall
    cut = (x >= glass[0]) & (x < glass[1])
    tops[cut] = shore - GLASS_FOOT_OVER * u
    return tops


def _frieze(rgb: Rgb, alpha: np.ndarray, ends: tuple[int, int], top: int, deep: int,
            seed: int) -> None:
    """The frieze band along the pavilion's top, the wall in shade under it down to the
    shore (the berm covers most of it), and the coping that catches the sun."""
    left, right = ends
    rows = rgb.shape[1]
    rgb[left:right, top:] = WALL
    alpha[left:right, top:] = 1.0
    mask, joints = beasts_mask(right - left, deep, random.Random(seed))
    band = np.broadcast_to(np.asarray(FRIEZE_STONE, np.float32), (right - left, deep, 3)).copy()
    band *= (1 + relief(mask, LIGHT))[..., None]
    for joint in joints:
        band[joint] *= JOINT_SHADE
    band[:, -max(1, deep // 10):] *= 0.7  # the ledge's shadow along its foot
    rgb[left:right, top:top + deep] = band
    lip = max(1, round(deep * COPING / FRIEZE))
    rgb[left:right, max(0, top - lip):top] = np.asarray(FRIEZE_STONE, np.float32) * 1.15
    alpha[left:right, max(0, top - lip):min(rows, top)] = 1.0
    rgb[right - max(2, deep // 6):right, top:top + deep] *= 1.1  # its end towards the sun


def _glass(rgb: Rgb, alpha: np.ndarray, ends: tuple[int, int], top: int, foot: int,
           unit: float) -> None:
    """The atrium's glass wall where the berm is cut away, down to the row `foot`: the sky in
    its upper panes, dark inside below, glazing bars; the cut's concrete cheeks either side."""
    left, right = ends
    y = np.arange(top, foot, dtype=np.float32)
    t = (y - top) / max(1, foot - top)
    column = ramp(GLASS_TOP, GLASS_FOOT, t ** 0.6)
    rgb[left:right, top:foot] = column[None, :, :]
    alpha[left:right, top:foot] = 1.0
    bar = max(1, round(unit * 0.025))
    for x in np.arange(left, right, MULLION * unit):
        rgb[round(x):round(x) + bar, top:foot] = GLAZING_BAR
    rgb[left:right, top:top + bar * 2] = GLAZING_BAR  # the transom under the frieze
    cheek = max(2, round(unit * 0.06))
    rgb[left - cheek:left, top:foot] = np.asarray(WALL, np.float32) * 1.25  # the lit cheek
    rgb[right:right + cheek, top:foot] = np.asarray(WALL, np.float32) * 0.7
    alpha[left - cheek:right + cheek, top:foot] = 1.0


def _crowns(plan: Plan, rng: np.random.Generator) -> np.ndarray:
    """Where broad trees' crowns stand round and behind the pavilion (an (x, y) mask 0 or 1),
    each a crown of lobes on a trunk."""
    width, rows = plan.size
    sheet = pygame.Surface((width, rows))
    white = (255, 255, 255)
    u = plan.unit
    for tree in TREES:
        x = plan.centre + tree.x * u
        r = tree.radius * u
        top = plan.shore - tree.top * u
        for _ in range(LOBES):
            dx, dy = rng.uniform(-0.7, 0.7) * r, rng.uniform(0.2, 1.0) * r
            lobe = r * rng.uniform(0.45, 0.7)
            pygame.draw.circle(sheet, white, (round(x + dx), round(top + dy + lobe * 0.6)),
                               round(lobe))
        pygame.draw.line(sheet, white, (round(x), round(top + r)), (round(x), plan.shore),
                         max(2, round(u * 0.06)))
    return (pygame.surfarray.array_red(sheet) > 127).astype(np.float32)
