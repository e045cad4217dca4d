"""Cars on the boulevard in perspective: tyres, a body, a glasshouse and the shadow under them
(their colours: car_paint.py; their lamps and the light they throw: car_lamps.py); a car in a
lane seen whole (its flank towards the middle of the road, its lid and roof from above) or by
its near end alone."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import NamedTuple

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.car_details import (
    FLANK_FROM,
    LID_SHADE,
    back_glass,
    doors,
    roof_light,
    rounded,
    window_frame,
    wipers,
)
from installation.visuals.car_paint import CHROME, Finish, finish
from installation.visuals.car_paint import PAINTS as PAINTS  # (for the wrecks and the panic)
from installation.visuals.car_paint import paint_of as paint_of
from installation.visuals.car_sheen import Sheen
from installation.visuals.street_view import across_at, down_at

Project = Callable[[float, float, float], tuple[int, int]]
HALF_WIDTH = 0.16  # world units (the road is 2 wide)
# Every height of a car is its height here times TALL (at 1, its roof a quarter of its width on
# the screen, a 1980s sedan's about three quarters: a thin slab seen from above, its flank a
# sliver, its wheels mid-body; the dusk's oncoming cars read as sheared boxes).
TALL = 1.5
BODY, ROOF = 0.13 * TALL, 0.21 * TALL  # heights of the waist and the roof (a low glasshouse:
#                  taller, its windscreen, seen from high up, was larger than its roof)
SILL = 0.035 * TALL  # the body's lower edge: the tyres show under it, down to the road
BUMPER = 0.055 * TALL  # the top of the bumper, darker than the paint
WHEEL_IN, WHEEL_HALF = 0.115, 0.03  # a tyre's middle from the car's, and its half width
LAMP_GAP = 0.11  # from the middle of the car to each lamp
LAMP_HALF, LAMP_LOW, LAMP_HIGH = 0.03, 0.065 * TALL, 0.095 * TALL  # a lamp: half width, foot, top
TYRE: Color = (12, 12, 14)
UNDERSIDE: Color = (22, 20, 20)  # the dark between the tyres, under the sill
NEAR_DETAIL = 40  # pixels: a car this wide or wider shows its grille and its bumper's chrome
GRILLE_SHADE = 0.4  # the grille between the lamps, of the paint
CHROME_SHINE = 0.45  # how much of CHROME shows over the lid's colour (it mirrors the dark too)
CHROME_THIN = 90  # the chrome strip is the car's width over this (a pixel at least)
SHADOW_DEPTH = 0.7  # how dark the road is under a car, at its darkest
SHADOW_REACH = 1.35  # the shadow's width against the car's
LAMP_GLOW_UP = 0.08 * TALL  # where the glow of a car's lamps is centred, above the road
# A car seen whole, along it from its near end (world units): its length, where its near glass
# rises from the lid, where its roof starts and ends, where its far glass comes down; the
# glasshouse's half width at the waist and at the roof (a 1980s sedan's: boxy, little tumble-
# home); its wheels' middles along it, and their arches' half length and height over the sill.
CAR_LONG = 0.85
SCREEN_FOOT, ROOF_FROM, ROOF_TO, REAR_FOOT = 0.22, 0.34, 0.67, 0.78
CABIN_WAIST, CABIN_ROOF = 0.148, 0.128
ARCHES, ARCH_HALF, ARCH_UP = (0.17, 0.68), 0.075, 0.07 * TALL
DOOR_SEAMS = (0.26, 0.46, 0.63)  # along the car: the doors' seams (the front door's front, ...)
# A wheel's hub cap: round (a small square in a dark arch read as a slot, not a wheel), its
# middle this high over the road (the tyre's), its radius; of so many points (of 10, a wheel
# passing under the eye was an octagon; its heights TALL times its lengths, as the car's).
HUB_UP, HUB_RADIUS, HUB_POINTS = 0.05 * TALL, 0.024, 16
# The tyre round it, standing on the road (its radius the hub's height), its sidewall a little
# paler than the dark of the arch: a car passing close showed its hub cap alone, floating in
# a black arch on a black flank.
TYRE_RADIUS, SIDEWALL_SHEEN = HUB_UP / TALL, 0.3
LID_ROUNDED = 240  # pixels: a lid this wide or wider, passing under the eye, rounds over
NEAREST_SEEN = 0.05  # a car's points nearer than this are drawn here (under the picture's foot)
# The streaks: from, to along the glass's foot, and along its top (aslant: it was a stripe
# painted along the car); a wide faint one first, GLINT_SOFT of the streak's colour over the
# glass (any wider than GLINT_WIDE), then the bright one in it (alone, on a near car's big
# windscreen, it read as a tan stripe painted on a slab)
GLINT_ACROSS = (((0.16, 0.44), (0.34, 0.62)), ((0.29, 0.37), (0.47, 0.53)))
GLINT_SOFT, GLINT_WIDE = 0.35, 0.15
PILLAR_OF = 8  # a pillar's width, of the flank's height on the screen (at the glass: at
CABIN_TALL = 1.5  # most this many times its height at its far end: a car whose near end is
#                   under the picture's foot has a flank there far taller than by its glass,
#                   and its pillars were drawn as thick as a door, in slabs and tabs)
FLANK_DETAIL = 6  # pixels: a flank this tall or taller shows its arches, strip and pillar
ARCH_LIP_OF = 40  # an arch's lip catching the light (as the shoulder does): the flank's
# height over this, in pixels (at night a dark tyre in a dark flank showed only its hub cap)
UNDER_US = 60  # pixels: a flank this tall is a car nearly under us (its far lid shows)
LINE_MOST = 3  # pixels: the strip and the shoulder are no thicker (a car passing close)
# The levels a car is drawn by, from the road up (see `Seen`), and their places in HEIGHTS.
HEIGHTS = (0.0, SILL, SILL + 0.02, BUMPER, BODY, ROOF, LAMP_LOW, LAMP_HIGH, LAMP_GLOW_UP)
ROAD, SILL_AT, TYRE_TOP, BUMPER_AT, WAIST, TOP, LAMP_FOOT, LAMP_TOP, GLOW_AT = range(9)
SHADOW_HALF = HALF_WIDTH * SHADOW_REACH  # half the shadow's width
# The car's edges across the road, each its lane + a step + a nudge (the very floats of lane -
# HALF_WIDTH, lane - WHEEL_IN - WHEEL_HALF, ...): the body's sides, the tyres' (left tyre, right),
# the lamps' (left lamp, right), the lamps' middles, the shadow's sides, the car's middle.
STEPS = np.array((-HALF_WIDTH, HALF_WIDTH, -WHEEL_IN, -WHEEL_IN, WHEEL_IN, WHEEL_IN,
                  -LAMP_GAP, -LAMP_GAP, LAMP_GAP, LAMP_GAP, -LAMP_GAP, LAMP_GAP,
                  -SHADOW_HALF, SHADOW_HALF, 0.0))
NUDGES = np.array((0.0, 0.0, -WHEEL_HALF, WHEEL_HALF, -WHEEL_HALF, WHEEL_HALF,
                   -LAMP_HALF, LAMP_HALF, -LAMP_HALF, LAMP_HALF, 0.0, 0.0, 0.0, 0.0, 0.0))
SIDES, TYRES, LAMPS, LAMP_MIDDLES, SHADOW_SIDES, MIDDLE = (0, 2, 6, 10, 12, 14)  # their places


def _arch(along: float) -> list[tuple[float, float, float]]:
    """A wheel's arch cut in the flank round a wheel `along` the car, from the sill up and
    down again (the tyre in it; from the road, a dark box hung under the body and the wheels
    read as a sled's runners); then its round hub cap within the tyre."""
    h, low, top = ARCH_HALF, SILL + 0.5 * ARCH_UP, SILL + ARCH_UP
    arch = [(along - h, SILL), (along - h, low), (along - 0.6 * h, top), (along + 0.6 * h, top),
            (along + h, low), (along + h, SILL)]
    hub = [(along + HUB_RADIUS * math.cos(turn), HUB_UP + TALL * HUB_RADIUS * math.sin(turn))
           for turn in (2 * math.pi * n / HUB_POINTS for n in range(HUB_POINTS))]
    return [(HALF_WIDTH, d, up) for d, up in arch + hub]


def _tyre(along: float) -> list[tuple[float, float, float]]:
    """The tyre of the wheel `along` the car, on the flank: a round of HUB_POINTS points."""
    return [(HALF_WIDTH, along + TYRE_RADIUS * math.cos(turn),
             HUB_UP + TALL * TYRE_RADIUS * math.sin(turn))
            for turn in (2 * math.pi * n / HUB_POINTS for n in range(HUB_POINTS))]


# A car seen whole: its points (across towards the middle of the road, along from its near
# end, up), and where each part's points are in it.
SHELL: tuple[tuple[float, float, float], ...] = (
    (HALF_WIDTH, 0.0, SILL), (HALF_WIDTH, CAR_LONG, SILL), (HALF_WIDTH, CAR_LONG, BODY),
    (HALF_WIDTH, 0.0, BODY),  # the flank
    (CABIN_WAIST, SCREEN_FOOT, BODY), (CABIN_ROOF, ROOF_FROM, ROOF), (CABIN_ROOF, ROOF_TO, ROOF),
    (CABIN_WAIST, REAR_FOOT, BODY),  # the side windows
    (-CABIN_ROOF, ROOF_FROM, ROOF), (-CABIN_ROOF, ROOF_TO, ROOF),  # the roof's far side
    (-CABIN_WAIST, SCREEN_FOOT, BODY),  # the near glass's far foot
    (-HALF_WIDTH, 0.0, BODY), (-HALF_WIDTH, SCREEN_FOOT, BODY), (HALF_WIDTH, SCREEN_FOOT, BODY),
    (HALF_WIDTH, 0.0, BUMPER), (HALF_WIDTH, CAR_LONG, BUMPER),  # the strip along the flank
    *_arch(ARCHES[0]), *_arch(ARCHES[1]),
    (-CABIN_WAIST, REAR_FOOT, BODY), (-HALF_WIDTH, REAR_FOOT, BODY),  # the far glass's foot,
    (HALF_WIDTH, REAR_FOOT, BODY), (-HALF_WIDTH, CAR_LONG, BODY),  # the far lid's corners
    *_tyre(ARCHES[0]), *_tyre(ARCHES[1]),  # the tyres in the arches
    *((HALF_WIDTH, along, up) for along in DOOR_SEAMS for up in (SILL, BODY)))  # the doors' seams
SHELL_AXES = np.array(SHELL, dtype=np.float64).T  # across, along, up: a row each
FLANK, WINDOWS, ROOF_FAR, SCREEN_FAR, LID_FAR, STRIP, WHEELS = 0, 4, 8, 10, 11, 14, 16
ARCH_POINTS = 6  # an arch's points (then its hub's)
BACK = WHEELS + 2 * (ARCH_POINTS + HUB_POINTS)  # the far glass's and the far lid's own points
TYRES_AT = BACK + 4  # the tyres' points (HUB_POINTS a tyre)
SEAMS_AT = TYRES_AT + 2 * HUB_POINTS  # the doors' seams' points (sill, shoulder: two a seam)


class Seen(NamedTuple):
    """Where one car is on the screen: the columns of its edges (see `edges`) and the rows of
    its levels (see HEIGHTS); seen whole, also its shell's points (see SHELL), else none."""

    xs: Sequence[int]
    ys: Sequence[int]
    shell: Sequence[tuple[int, int]] = ()



def edges(lanes: np.ndarray) -> np.ndarray:
    """Every car's edges across the road (see STEPS), a row a car, from their lanes."""
    return (lanes[:, None] + STEPS) + NUDGES


def seen(project: Project, lane: float, z: float) -> Seen:
    """Where a car in `lane` at depth z is seen (its columns and rows, one point at a time)."""
    return Seen([project(x, z, 0.0)[0] for x in edges(np.array([lane]))[0].tolist()],
                [project(lane, z, up)[1] for up in HEIGHTS])


def body(surface: pygame.Surface, project: Project, lane: float, z: float,
         paint: Color, glass: Color) -> None:
    """The car in `lane` at depth z, where `project` sees it (see `draw_body`)."""
    draw_body(surface, seen(project, lane, z), finish(paint, glass))


def draw_body(surface: pygame.Surface, car: Seen, colours: Finish, front: bool = False,
              sheen: Sheen | None = None) -> None:
    """The car seen from straight ahead or behind (its `front`, or its back): tyres on the
    road, a wide low body with a bumper and a lid, a narrower glasshouse with its pillars (seen
    whole: its flank, roof and glass first, then its near end before them; a roof under the
    eye laid out on `sheen`'s pictures)."""
    xs, ys, shell = car
    if shell:
        draw_shell(surface, shell, colours, front, sheen)
    if ys[TOP] >= surface.get_clip().bottom:  # (its near end under the picture's foot)
        return
    x0, x1 = xs[SIDES], xs[SIDES + 1]
    ground, sill = ys[ROAD], ys[SILL_AT]
    wide = max(2, x1 - x0)
    pygame.draw.rect(surface, UNDERSIDE, (x0 + wide // 8, sill, wide - wide // 4,
                                          max(1, ground - sill)))
    tyre_top = ys[TYRE_TOP]
    tall = max(1, ground - tyre_top + 1)
    for tyre in (TYRES, TYRES + 2):
        t0, t1 = xs[tyre], xs[tyre + 1]
        pygame.draw.rect(surface, TYRE, (t0, tyre_top, max(1, t1 - t0), tall))
    bumper, waist, top = ys[BUMPER_AT], ys[WAIST], ys[TOP]
    inset = max(1, wide // 7)
    round_by = max(1, wide // 14)
    paint, glass = colours.paint, colours.glass
    pygame.draw.rect(surface, colours.lid, (x0, waist, wide, max(2, sill - waist)),
                     border_radius=round_by)
    pygame.draw.rect(surface, paint, (x0, waist + max(1, (sill - waist) // 4), wide,
                                      max(1, sill - waist - (sill - waist) // 4)))
    pygame.draw.rect(surface, colours.bumper, (x0, bumper, wide, max(1, sill - bumper + 1)))
    if not shell:  # (seen whole, its glasshouse is the shell's)
        cabin = [(x0 + inset, waist), (x0 + 2 * inset, top), (x1 - 2 * inset, top),
                 (x1 - inset, waist)]
        pygame.draw.polygon(surface, paint, cabin)
        rim = max(1, inset // 2)
        pane = [(x + (rim if x < (x0 + x1) / 2 else -rim), y + (rim // 2 if y == top else 0))
                for x, y in cabin]
        pygame.draw.polygon(surface, glass, pane)
    if wide >= NEAR_DETAIL:
        _front(surface, car, colours)


def draw_shell(surface: pygame.Surface, shell: Sequence[tuple[int, int]],
               colours: Finish, front: bool = False, sheen: Sheen | None = None) -> None:
    """A car's flank (in the shade, its shoulder catching the sky, its wheels in their dark
    arches, a bright strip along it, its doors' seams), its side windows, its roof and lid lit
    by the sky (the light along the roof's edge) and its near glass mirroring it (a windscreen,
    at its `front`, with its wipers): all that lies behind its near end."""
    flank = shell[FLANK:FLANK + 4]
    pygame.draw.polygon(surface, colours.flank, flank)
    tall = flank[0][1] - flank[3][1]
    if tall >= FLANK_DETAIL:  # the strip, broken by the wheels' arches (drawn over them,
        # it ran through the hub caps, which read as ovals floating on a line)
        pygame.draw.line(surface, colours.strip, shell[STRIP], shell[STRIP + 1],
                         min(LINE_MOST, max(1, tall // FLANK_DETAIL // 2)))
        lip = min(LINE_MOST, max(1, tall // ARCH_LIP_OF))
        sidewall = mix(TYRE, colours.hub, SIDEWALL_SHEEN)
        for n, wheel in enumerate((WHEELS, WHEELS + ARCH_POINTS + HUB_POINTS)):
            arch = shell[wheel:wheel + ARCH_POINTS]
            pygame.draw.polygon(surface, TYRE, arch)
            pygame.draw.lines(surface, colours.shoulder, False, arch[1:-1], lip)
            tyre = TYRES_AT + n * HUB_POINTS
            pygame.draw.polygon(surface, sidewall, shell[tyre:tyre + HUB_POINTS])
            pygame.draw.polygon(surface, TYRE, shell[tyre:tyre + HUB_POINTS], lip)
            pygame.draw.polygon(surface, colours.hub, shell[wheel + ARCH_POINTS:
                                                    wheel + ARCH_POINTS + HUB_POINTS])
    windows = shell[WINDOWS:WINDOWS + 4]
    cabin = round(min(tall, CABIN_TALL * (flank[1][1] - flank[2][1])) / TALL)  # (by the glass;
    # over TALL: a taller car's pillars no thicker, they overran its outline at the foot)
    soft = mix(colours.screen, colours.glint, GLINT_SOFT)  # (the sky's faint streak)
    if tall >= UNDER_US:  # (the far lid and glass: seen only when the car is nearly under us;
        # the glass sloping away under the sky mirrors its glow, a band between roof and lid)
        pygame.draw.polygon(surface, colours.lid, [shell[BACK + 1], shell[BACK + 2], flank[2],
                                                    shell[BACK + 3]])
        back_glass(surface, [shell[BACK], windows[3], windows[2], shell[ROOF_FAR + 1]],
                   (colours.screen, soft), colours.roof, colours.shoulder)
    near = tall >= FLANK_FROM  # (its doors, its roof's light and its wipers: a near car's)
    if near:
        doors(surface, list(pairwise(shell[SEAMS_AT:SEAMS_AT + 2 * len(DOOR_SEAMS)]))[::2],
              colours.flank, colours.strip)
    pygame.draw.polygon(surface, colours.side_glass, windows)
    if near:
        window_frame(surface, windows, colours.strip, colours.shoulder)
    pygame.draw.line(surface, colours.shoulder, flank[3], flank[2],
                     min(LINE_MOST, max(1, tall // 8)))
    if tall >= FLANK_DETAIL:  # the pillar between the doors' windows
        pygame.draw.line(surface, colours.flank, _between(windows[0], windows[3]),
                         _between(windows[1], windows[2]), max(1, cabin // 10))
    roof = [shell[ROOF_FAR], windows[1], windows[2], shell[ROOF_FAR + 1]]
    pygame.draw.polygon(surface, colours.roof, roof)
    if near:
        roof_light(surface, roof, colours.roof, colours.shoulder, colours.lid, colours.flank,
                   sheen)
    screen = [shell[SCREEN_FAR], windows[0], windows[1], shell[ROOF_FAR]]
    pygame.draw.polygon(surface, colours.screen, screen)
    if tall >= FLANK_DETAIL:  # the sky's streaks across it, its wipers (a windscreen); the
        # body round the glass: the pillars either side of it and behind the side windows
        for (a, b), (c, d) in GLINT_ACROSS:
            pygame.draw.polygon(surface, colours.glint if b - a < GLINT_WIDE else soft, [
                _along(screen[0], screen[1], a), _along(screen[0], screen[1], b),
                _along(screen[3], screen[2], d), _along(screen[3], screen[2], c)])
        if front and near:
            wipers(surface, screen)
        pillar = max(1, cabin // PILLAR_OF)
        pygame.draw.polygon(surface, colours.pillar, screen, pillar)
        pygame.draw.line(surface, colours.pillar, windows[2], windows[3], pillar)
    lid = [shell[LID_FAR], flank[3], shell[LID_FAR + 2], shell[LID_FAR + 1]]
    pygame.draw.polygon(surface, colours.lid, lid)
    if near and _long(lid[0], lid[1]) >= LID_ROUNDED:  # (rounding over, across and along
        rounded(surface, lid, colours.lid, colours.shoulder, colours.flank,  # it: one flat
                sheen=sheen, bands=LID_SHADE)  # colour, a slab)


def _long(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The length of the screen's line from a to b, in pixels."""
    return math.dist(a, b)


def _between(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """The point half way from a to b."""
    return _along(a, b, 0.5)


def _along(a: tuple[int, int], b: tuple[int, int], share: float) -> tuple[int, int]:
    """The point `share` of the way from a to b."""
    return round(a[0] + (b[0] - a[0]) * share), round(a[1] + (b[1] - a[1]) * share)


def shells(middle: int, size: tuple[int, int], horizon: int,
           lanes: np.ndarray, depths: np.ndarray) -> list[list[tuple[int, int]]]:
    """Each car's SHELL seen, cars in `lanes` with their near ends at `depths` (arrays of one
    number a car), under a street view's vanishing column, picture size and horizon row: its
    flank the one towards the middle of the road."""
    across, along, up = SHELL_AXES
    towards = np.where(lanes < 0, 1.0, -1.0)[:, None]
    x = lanes[:, None] + towards * across[None, :]
    k = 1.0 / np.maximum(depths[:, None] + along[None, :], NEAREST_SEEN)
    width, height = size
    cols = across_at(middle, width, x, k)
    rows = down_at(horizon, height, up[None, :], k)
    points: list[list[tuple[int, int]]] = np.stack([cols, rows], axis=-1).astype(int).tolist()
    return points


def _front(surface: pygame.Surface, car: Seen, colours: Finish) -> None:
    """What a near car shows of its front or back between its lamps: a dark grille (or the
    panel round the plate), and a bright chrome line along its bumper."""
    xs, ys = car.xs, car.ys
    left, right = xs[LAMPS + 1], xs[LAMPS + 2]
    low, high = ys[LAMP_FOOT], ys[LAMP_TOP]
    if right > left and low > high:
        pygame.draw.rect(surface, scaled(colours.paint, GRILLE_SHADE),
                         (left, high, right - left, low - high))
    x0, x1, bumper = xs[SIDES], xs[SIDES + 1], ys[BUMPER_AT]
    chrome = max(1, (x1 - x0) // CHROME_THIN)
    pygame.draw.rect(surface, mix(colours.lid, CHROME, CHROME_SHINE),
                     (x0, bumper, x1 - x0, chrome))


def extent(car: Seen) -> pygame.Rect:
    """The box round all of a car seen at `car` (its near end and its shell), a pixel or two
    over."""
    columns = [*car.xs, *(x for x, _ in car.shell)]
    rows = [*car.ys, *(y for _, y in car.shell)]
    left, top = min(columns) - 2, min(rows) - 2
    return pygame.Rect(left, top, max(columns) + 3 - left, max(rows) + 3 - top)


def moved(car: Seen, dx: int, dy: int) -> Seen:
    """A car seen at `car`, moved on the screen by (dx, dy)."""
    return Seen([x + dx for x in car.xs], [y + dy for y in car.ys],
                [(x + dx, y + dy) for x, y in car.shell])


def shadow(width: int, height: int) -> pygame.Surface:
    """The dark under a car on the road, to multiply it by: deepest under the middle."""
    w, h = max(4, width), max(2, height)
    x = np.linspace(-1.0, 1.0, w, dtype=np.float32)[:, None]
    y = np.linspace(-1.0, 1.0, h, dtype=np.float32)[None, :]
    dark = np.clip(1.4 - np.sqrt(x * x + y * y) * 1.4, 0, 1) * SHADOW_DEPTH
    level = (255 * (1 - dark)).astype(np.uint8)
    out = pygame.Surface((w, h))
    pygame.surfarray.blit_array(out, np.repeat(level[:, :, None], 3, axis=2))
    return out


