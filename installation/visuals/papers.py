"""Sheets of paper blowing across the road in the wind: pale newsprint and flyers of several
sizes, lifted by a gust, fluttering over and over (flat on, then edge on, a curl in them), drifting
with the wind and settling on the road, sliding a little, until the next gust takes them."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled

Project = Callable[[float, float, float], tuple[int, int]]  # across, along, up: a pixel

# Pale sheets: newsprint, white flyers, a yellow one; in the night's blue until day comes.
PAPERS: tuple[Color, ...] = ((222, 218, 204), (238, 236, 230), (236, 226, 178))
NIGHT_BLUE: Color = (150, 156, 196)  # what a sheet's colour leans to before the day
NIGHT_SHARE = 0.2  # how far it leans, in the dark (none by day)
DAWN: Color = (255, 206, 188)  # the lit face catching the dawn
DAWN_SHARE = 0.22  # how much of it a face square to the sky takes on
SHADE = 0.75  # a face turned from the sky is this share of its brightness
PRINT = 0.8  # the lines of print on a sheet, of its brightness
PRINT_WIDE = 5.0  # pixels: a sheet seen at least this wide shows its lines of print
LENGTH = 0.02  # a sheet's half length at depth 1, in world units (of the picture's width)
SIZES = (0.5, 1.25)  # each sheet this much smaller or larger
ASPECTS = (0.55, 0.8)  # its width, of its length
CURL = (0.08, 0.3)  # how far its ends curl out of its plane, of its half length
LYING = 0.1  # lying on the road seen from the eye's height: this share of its width shows
LYING_CURL = 0.35  # and its curl, this share of it in the air (it lies nearly flat)
WIND = 0.9  # world units a real second, left to right, that a sheet in the air drifts
SLIDE = 0.08  # on the road it slides on at this share of that
SPAN = (-1.6, 1.6)  # across the road, where the sheets blow (and come round again)
DEPTH = (1.3, 9.0)  # the sheets blow across the road this near and this far
HOPS = (4.0, 7.5)  # real seconds from one gust that lifts a sheet to the next
AIR = (0.55, 0.8)  # the share of that it is in the air (the rest, on the road)
LIFT = (0.06, 0.34)  # how high it is carried (world units: a car's roof is 0.42)
FLIPS = (2, 5)  # how many times it turns over in the air, on its long side
TILT = 0.9  # radians: how far it swings in the picture's plane in the air
ROAD_TILT = 0.12  # radians: lying on the road, its long side nearly level
POINTS = 7  # along a sheet's long side, its outline's points (its curl is a curve)
ALONG = tuple(-1.0 + 2.0 * k / (POINTS - 1) for k in range(POINTS))  # where they are, -1 to 1


@dataclass(frozen=True)
class Sheet:
    """One sheet: its depth, its place in the wind, size and shape, colour and its gusts."""

    z: float
    start: float  # where across the road it is at 0 s
    size: float
    aspect: float
    curl: float
    paper: Color
    hop: float  # real seconds from one lift to the next
    air: float  # share of a hop in the air
    lift: float
    flips: int
    tilt: float  # which way it swings in the air (and how far, of TILT)
    offset: float  # where in its hop it is at 0 s (0 to 1)


@dataclass(frozen=True)
class Placed:
    """A sheet at a moment: across, up, how far it has turned over (radians, 0: flat on to
    the eye; pi/2: flat as it lies) and its angle in the picture's plane."""

    x: float
    up: float
    flip: float
    tilt: float


def sheets(count: int, rng: np.random.Generator, daylight: float) -> list[Sheet]:
    """`count` sheets, each its own (its colour in the night's blue, less as day comes)."""
    found = []
    for _ in range(count):
        paper = PAPERS[int(rng.integers(len(PAPERS)))]
        found.append(Sheet(
            float(rng.uniform(*DEPTH)), float(rng.uniform(*SPAN)), float(rng.uniform(*SIZES)),
            float(rng.uniform(*ASPECTS)), float(rng.uniform(*CURL)),
            mix(paper, NIGHT_BLUE, NIGHT_SHARE * (1 - daylight)), float(rng.uniform(*HOPS)),
            float(rng.uniform(*AIR)), float(rng.uniform(*LIFT)),
            int(rng.integers(FLIPS[0], FLIPS[1] + 1)), float(rng.uniform(-1, 1)),
            float(rng.random())))
    return found


def placed(sheet: Sheet, seconds: float) -> Placed:
    """Where the sheet is `seconds` into the scene: in a hop it is lifted, carried up and on,
    turning over, and comes down flat; then it lies, sliding a little, till the next."""
    hops = seconds / sheet.hop + sheet.offset
    done, into = divmod(hops, 1.0)
    ground = 1.0 - sheet.air
    per_hop = sheet.hop * WIND * (sheet.air + SLIDE * ground)
    if into < sheet.air:
        k = into / sheet.air
        travel = sheet.hop * WIND * sheet.air * k
        up = sheet.lift * math.sin(math.pi * k) ** 0.8
        flip = math.pi / 2 + 2 * math.pi * sheet.flips * _eased(k)
        tilt = TILT * sheet.tilt * math.sin(math.pi * k)
    else:
        travel = sheet.hop * WIND * (sheet.air + SLIDE * (into - sheet.air))
        up, flip, tilt = 0.0, math.pi / 2, ROAD_TILT * sheet.tilt
    low, high = SPAN
    x = low + (sheet.start - low + done * per_hop + travel) % (high - low)
    return Placed(x, up, flip, tilt)


def _eased(k: float) -> float:
    """Turning over fast as the gust takes it, slowing as it comes down."""
    return 1.0 - (1.0 - k) ** 2


def outline(length: float, sheet: Sheet, at: Placed) -> tuple[list[tuple[float, float]], float]:
    """The sheet's outline about its middle, in pixels (`length`: its half length there), and
    how wide it is seen (pixels): along its long side, each edge curled by its turn."""
    wide = length * sheet.aspect
    seen = math.cos(at.flip)
    seen = math.copysign(max(abs(seen), LYING), seen if seen else 1.0)
    curl = sheet.curl * (LYING_CURL if at.up == 0.0 else 1.0)
    bend = -curl * length * math.sin(at.flip)  # (lying, its ends curl up off the road)
    along = (math.cos(at.tilt), math.sin(at.tilt))
    across = (-along[1], along[0])
    sides = []
    for edge in (1.0, -1.0):
        row = []
        for a in ALONG:
            off = edge * wide * seen + bend * a * a
            row.append((along[0] * a * length + across[0] * off,
                        along[1] * a * length + across[1] * off))
        sides.append(row if edge > 0 else row[::-1])
    return sides[0] + sides[1], abs(wide * seen) * 2


def shade_of(sheet: Sheet, flip: float) -> Color:
    """The colour of the face seen: lit by the sky as it faces up (catching the dawn), in
    shade as it faces down."""
    sky = math.sin(flip) * (1.0 if math.cos(flip) >= 0 else -1.0)
    lit = SHADE + (1 - SHADE) * max(0.0, sky)
    return mix(scaled(sheet.paper, lit), DAWN, DAWN_SHARE * max(0.0, sky))


def draw_sheets(surface: pygame.Surface, all_sheets: Sequence[Sheet], seconds: float,
                project: Project, width: int) -> None:
    """Each sheet where the wind has it, farthest first."""
    for sheet in sorted(all_sheets, key=lambda s: -s.z):
        at = placed(sheet, seconds)
        cx, cy = project(at.x, sheet.z, at.up)
        length = LENGTH * sheet.size * width * 0.5 / sheet.z
        shape, seen = outline(length, sheet, at)
        points = [(cx + x, cy + y) for x, y in shape]
        color = shade_of(sheet, at.flip)
        pygame.draw.polygon(surface, color, points)  # (no smoothed edge: on a picture
        #   with alpha, as a fade draws on, it left pixels short of opaque)
        if seen >= PRINT_WIDE and sheet.paper != PAPERS[1]:  # newsprint: its lines of print
            _print(surface, points, scaled(color, PRINT))


def _print(surface: pygame.Surface, points: Sequence[tuple[float, float]], ink: Color) -> None:
    """Two faint lines of print down the sheet, a third of the way in from each edge."""
    half = len(points) // 2
    top, bottom = points[:half], points[half:][::-1]
    for share in (0.33, 0.67):
        line = [(a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share)
                for a, b in zip(top[1:-1], bottom[1:-1], strict=True)]
        pygame.draw.lines(surface, ink, False, line)
