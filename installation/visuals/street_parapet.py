"""A burnt front's broken top, in the street's perspective: its parapet broken in steps as
masonry breaks (a point every few pixels of the picture, so near walls break as finely as far
ones), bites out of it, bent rebar and a beam or two sticking up out of the breaks, and where a
front has fallen in, a floor slab hanging into the gap."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, scaled
from installation.visuals.storefronts import Point, Project

JAG_PIXELS = 5  # a point of the broken line every this many pixels of the picture
RUN = (1, 6)  # points a stretch of it runs level, fewest and most
JAG_UP = 2.0  # drops are shares of the wall's height up to this; taller walls drop as this
JAG = (0.0, 0.06)  # how far a stretch drops, of the wall's height
NOTCHES, NOTCH = 0.12, (0.05, 0.2)  # the share of stretches bitten deeper, and how much
CRUMBLE = 0.012  # each point of a stretch crumbles this much more or less, of the height
FALLEN_DROP = (0.3, 0.55)  # how far a fallen front's middle drops, of its height
OVER = 2.2  # the sky cut over a broken roof reaches this high (of the wall): crowns and masts
REBAR = 0.1  # the chance a point of the line has rebar sticking up (more at a notch)
REBAR_LONG = (0.025, 0.08)  # a bar's length, of the wall's height there
BEAM = 0.35  # the chance a notch has a steel beam sticking out of its edge
BEAM_LONG = (0.08, 0.18)
STEEL: Color = (112, 74, 54)  # rusted steel (charred with the wall after)
SLAB: Color = (96, 92, 88)  # a floor slab's concrete
SLAB_EDGE: Color = (140, 134, 126)
SLAB_HANG = (0.18, 0.32)  # how far a hanging slab's free end drops, of the wall's height


@dataclass(frozen=True)
class Parapet:
    """A broken top: the sky cut over it (a polygon), the rebar and beams sticking out of it
    (lines: from, to, width) and the slabs hanging into it (polygons)."""

    sky: list[Point]
    steel: list[tuple[Point, Point, Point, int]]
    slabs: list[list[Point]]


def broken_roof(project: Project, outline: list[tuple[float, float]], up: float,
                rng: random.Random, fallen: bool) -> Parapet:
    """The broken top along a roof's `outline` (world x, z points) of a wall `up` high: the
    sky from OVER its height down to its ragged line; a `fallen` front has fallen in, deep in
    its middle."""
    points = _along(project, outline, up)
    depth = rng.uniform(*FALLEN_DROP)
    reach = min(up, JAG_UP) / up  # (a tower's top breaks as raggedly as a shop's, no more)
    line: list[Point] = []
    steel: list[tuple[Point, Point, Point, int]] = []
    drop, run, last = 0.0, 0, len(points) - 1
    for i, (x, z) in enumerate(points):
        notch = False
        if run <= 0:
            before = drop
            drop = rng.uniform(*JAG) * reach
            notch = rng.random() < NOTCHES
            drop += rng.uniform(*NOTCH) * reach if notch else 0.0
            run = rng.randint(*RUN)
            if i:  # masonry breaks in steps: straight down, then level again
                line.append(project(x, z, up * (1 - _fallen(before, fallen, depth, i, last))))
        run -= 1
        here = _fallen(drop + rng.uniform(-CRUMBLE, CRUMBLE) * reach, fallen, depth, i, last,
                       rng)
        foot = project(x, z, up * (1 - here))
        line.append(foot)
        tall = abs(project(x, z, 0.0)[1] - project(x, z, up)[1])
        if rng.random() < REBAR * (3 if notch else 1):
            steel.append(_bar(foot, tall * rng.uniform(*REBAR_LONG), rng, 1 + tall // 260))
        if notch and rng.random() < BEAM:
            steel.append(_bar(foot, tall * rng.uniform(*BEAM_LONG), rng, 2 + tall // 200))
    sky = [project(x, z, up * OVER) for x, z in points]
    slabs = [_slab(project, points, up, depth)] if fallen and len(points) > 4 else []
    return Parapet(sky + line[::-1], steel, slabs)


def _along(project: Project, outline: list[tuple[float, float]],
           up: float) -> list[tuple[float, float]]:
    """Points along `outline` (world x, z) a few pixels apart on the picture at its top (its
    depth taken evenly in 1/z, as the picture spaces it)."""
    points: list[tuple[float, float]] = []
    for (xa, za), (xb, zb) in zip(outline, outline[1:], strict=False):
        seen = math.dist(project(xa, za, up), project(xb, zb, up))
        steps = max(2, round(seen / JAG_PIXELS))
        for s in range(steps):
            t = s / steps
            points.append((xa + (xb - xa) * t, 1.0 / (1 / za + (1 / zb - 1 / za) * t)))
    points.append(outline[-1])
    return points


def _fallen(drop: float, fallen: bool, depth: float, i: int, last: int,
            rng: random.Random | None = None) -> float:
    """How far the top has dropped at point `i` of `last`: deep in the middle if it fell."""
    if not fallen:
        return drop
    middle = 1 - abs(2 * i / max(1, last) - 1)
    jitter = rng.uniform(-0.04, 0.04) if rng is not None else 0.0
    return max(drop, depth * middle ** 0.5 + jitter)


def _bar(foot: Point, long: float, rng: random.Random,
         width: int) -> tuple[Point, Point, Point, int]:
    """A bar sticking up out of the break at `foot`, `long` pixels, bent part way up."""
    lean = rng.uniform(-0.5, 0.5)
    knee = (round(foot[0] + math.sin(lean) * long * 0.5),
            round(foot[1] - math.cos(lean) * long * 0.5))
    bend = lean + rng.uniform(-1.3, 1.3)
    tip = (round(knee[0] + math.sin(bend) * long * 0.5),
           round(knee[1] - math.cos(bend) * long * 0.5))
    return foot, knee, tip, int(width)


def _slab(project: Project, points: list[tuple[float, float]], up: float,
          depth: float) -> list[Point]:
    """A floor slab still hanging from one side of a fallen front's gap, its free end down."""
    n = len(points)
    (xa, za), (xb, zb) = points[n // 5], points[n // 2]
    high = up * (1 - depth * 0.7)
    hang = up * SLAB_HANG[0] + (up * (SLAB_HANG[1] - SLAB_HANG[0])) * ((n % 7) / 6)
    thick = up * 0.03
    return [project(xa, za, high), project(xb, zb, high - hang),
            project(xb, zb, high - hang - thick), project(xa, za, high - thick)]


def draw_parapet(image: pygame.Surface, parapet: Parapet) -> None:
    """The steel and the slabs of a broken top, over the wall just painted."""
    for slab in parapet.slabs:
        pygame.draw.polygon(image, (*SLAB, 255), slab)
        pygame.draw.line(image, (*SLAB_EDGE, 255), slab[0], slab[1], 2)
    for foot, knee, tip, width in parapet.steel:
        tone = scaled(STEEL, 0.8 + 0.1 * (width % 3))
        pygame.draw.lines(image, (*tone, 255), False, [foot, knee, tip], width)
