"""Sheets of paper blowing across the road in the wind: grey newsprint (a headline and its
columns) and coloured flyers, far and near (the nearest large, soft with their speed), lifted
by gusts that sweep across the road, fluttering over and over (flat on, then edge on, a curl in
them), drifting with the wind and settling on the road, sliding a little, till the next gust."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled

Project = Callable[[float, float, float], tuple[int, int]]  # across, along, up: a pixel

# Pale sheets: newsprint (grey, printed in columns under a headline; the first, and most of
# them), then a few flyers, dulled by the street's dust: off-white, canary, pink, pale blue (a
# bold block printed on each); in the night's blue until day comes. (Bright white and pink, the
# flyers read as stickers from across the room.)
PAPERS: tuple[Color, ...] = ((228, 224, 210), (222, 220, 212), (218, 210, 170), (214, 194, 194),
                             (192, 202, 216))  # (newsprint at 184 was too faint on the road
#                                                from across the room: light, it reads)
NEWSPRINT = 0.8  # the share of sheets that are newsprint
HEADLINE = (0.1, 0.22)  # along a newspaper sheet from its top end: the headline's band
COLUMNS = 3  # columns of print down it
# A flyer's print: a bold title band across its top end (along from, to), then lines of print
# down it (how many, from, to along it, their ends across it), and a fold across its middle (a
# single grey block on a pink flyer read as a floppy disk or a Post-it, not paper).
TITLE = (0.1, 0.26)
LINES = (5, 0.36, 0.9, (0.16, 0.84))
FOLD = 0.5  # along it: the crease where it was folded, a shade darker than the paper
FOLD_SHADE = 0.88
NIGHT_BLUE: Color = (150, 156, 196)  # what a sheet's colour leans to before the day
NIGHT_SHARE = 0.06  # how far it leans, in the dark (none by day; 0.2 greyed it at first light)
DAWN: Color = (255, 206, 150)  # the lit face catching the low sun: amber, not pink
DAWN_SHARE = 0.3  # how much of it a face square to the sky takes on (0.22 of a pink sun read
#                   as pink cards)
SHADE = 0.8  # a face turned from the sky is this share of its brightness
PRINT = 0.8  # the lines of print on a sheet, of its brightness
INK = 0.55  # a headline's or a flyer's block, of its brightness
PRINT_WIDE = 5.0  # pixels: a sheet seen at least this wide shows its print
LENGTH = 0.018  # a sheet's half length at depth 1, in world units (of the picture's width; at
# 0.015 with fewer sheets most were specks from across the room)
SIZES = (0.6, 1.3)  # each sheet this much smaller or larger
NEAR_SIZES = (1.0, 1.4)  # a sheet nearer than depth 1: a folded newspaper page (a whole page
#                          near the eye was as big as a runner's torso: a card, not litter) ...
FLYER_SIZES = (0.6, 0.9)  # ...a flyer smaller than a sheet of letter paper, near or far
ASPECTS = (0.55, 0.8)  # its width, of its length
CURL = (0.08, 0.2)  # how far its ends curl out of its plane, of its half length (more, near
#                      and edge on, a sheet read as a white crescent)
CURL_SHADE = 0.8  # its curled ends, turned from the light, this share of its face's brightness
CURL_ENDS = 1  # of its outline's points along each edge, this many at each end are curled
EDGE_SHADE = 0.72  # its edges, in the shade of its curl (flat and one colour, it was a card)
LYING = 0.1  # edge on in the air, this share of its width still shows (its curl)
ROAD_SEEN = 0.16  # lying on the road seen from the eye's height: this share of its width
LYING_AT = 1.3  # shows at this depth (more of it nearer, less further: between these)
LYING_LEAST, LYING_MOST = 0.04, 0.45
LYING_CURL = 0.15  # and its curl, this share of it in the air (it lies nearly flat: curled up
#                    more, a near one read as a white crescent)
WIND = 0.9  # world units a real second, left to right, that a sheet in the air drifts
SLIDE = 0.08  # on the road it slides on at this share of that
SPAN = (-1.6, 1.6)  # across the road, where the sheets blow (and come round again)
DEPTH = (0.9, 5.0)  # the sheets blow across the road this near and this far (as many in each
#                     doubling of the distance: a few near, most in the middle of the road;
#                     to 9, half were specks far off that nobody across the room could see)
GUST_EVERY = 5.5  # real seconds from one gust to the next; it sweeps across the road in
GUST_SWEEP = 2.2  # this, from the left; a sheet it finds lying, it lifts (most, each gust;
SKIPS = 0.3  # this share of them only every other gust)
GUST_JITTER = 0.06  # of a hop: each sheet lifted a little sooner or later than the front
SOFT_FROM = 40.0  # pixels: a sheet at least this long is near and fast, soft with motion
SMEAR_BACK = (1.0, 0.66, 0.33)  # its fainter copies back along its way (of a sixtieth's travel)
SMEAR = (0.35, 0.6, 0.85)  # and their strengths, under the sheet itself
SMEAR_ALPHA = 120
AIR = (0.55, 0.8)  # the share of that it is in the air (the rest, on the road)
LIFT = (0.06, 0.34)  # how high it is carried (world units: a car's roof is 0.42)
FLIPS = (2, 5)  # how many times it turns over in the air, on its long side
TILT = 0.9  # radians: how far it swings in the picture's plane in the air
ROAD_TILT = 0.12  # radians: lying on the road, its long side nearly level
REACH = 2.0  # no point of a sheet lies further from its middle than this many half lengths
# (its half length along it, its width (at most 0.8 of it) and its curl (0.18) across)
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
    hop: float  # real seconds from one lift to the next (a gust's, or every other)
    air: float  # share of a hop in the air
    lift: float
    flips: int
    tilt: float  # which way it swings in the air (and how far, of TILT)
    offset: float  # where in its hop it is at 0 s (0 to 1)
    news: bool = True  # newsprint (a headline, columns), or a flyer (a printed block)


@dataclass(frozen=True)
class Placed:
    """A sheet at a moment: across, up, how far it has turned over (radians, 0: flat on to
    the eye; pi/2: flat as it lies) and its angle in the picture's plane."""

    x: float
    up: float
    flip: float
    tilt: float


def sheets(count: int, rng: np.random.Generator, daylight: float) -> list[Sheet]:
    """`count` sheets, each its own (its colour in the night's blue, less as day comes), each
    lifted by the gusts as their front passes where it starts."""
    found = []
    low, high = SPAN
    for _ in range(count):
        news = bool(rng.random() < NEWSPRINT)
        paper = PAPERS[0] if news else PAPERS[1 + int(rng.integers(len(PAPERS) - 1))]
        z = float(math.exp(rng.uniform(math.log(DEPTH[0]), math.log(DEPTH[1]))))
        start = float(rng.uniform(low, high))
        hop = GUST_EVERY * (2 if rng.random() < SKIPS else 1)
        front = -(start - low) / (high - low) * GUST_SWEEP / hop
        found.append(Sheet(
            z, start, float(rng.uniform(*(FLYER_SIZES if not news else
                                          NEAR_SIZES if z < 1.0 else SIZES))),
            float(rng.uniform(*ASPECTS)), float(rng.uniform(*CURL)),
            mix(paper, NIGHT_BLUE, NIGHT_SHARE * (1 - daylight)), hop,
            float(rng.uniform(*AIR)), float(rng.uniform(*LIFT)),
            int(rng.integers(FLIPS[0], FLIPS[1] + 1)), float(rng.uniform(-1, 1)),
            (front + float(rng.uniform(-GUST_JITTER, GUST_JITTER))) % 1.0, news))
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
    lying = LYING if at.up > 0.0 else min(LYING_MOST, max(LYING_LEAST,
                                                          ROAD_SEEN * LYING_AT / sheet.z))
    seen = math.copysign(max(abs(seen), lying), seen if seen else 1.0)
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
    """Each sheet where the wind has it, farthest first; a near one soft with its speed. (A
    sheet whose reach lies wholly off the picture is left out: most of the near ones are
    blowing past either side of it, and each cost as much to work out as one seen.)"""
    seen = surface.get_clip()
    for sheet in sorted(all_sheets, key=lambda s: -s.z):
        at = placed(sheet, seconds)
        cx, cy = project(at.x, sheet.z, at.up)
        length = LENGTH * sheet.size * width * 0.5 / sheet.z
        if 2 * length >= SOFT_FROM and at.up > 0:
            was = placed(sheet, seconds - 1 / 60)
            bx, by = project(was.x, sheet.z, was.up)
            moved = (cx - bx, cy - by)
            if _reaches(seen, (cx, cy), REACH * length + abs(moved[0]) + abs(moved[1])):
                _smeared(surface, sheet, at, length, (cx, cy), moved)
        elif _reaches(seen, (cx, cy), REACH * length):
            _sheet(surface, sheet, at, length, (cx, cy))


def _reaches(seen: pygame.Rect, middle: tuple[float, float], reach: float) -> bool:
    """Might a sheet about `middle`, no point of it further than `reach` each way, touch the
    pixels `seen`? (A pixel to spare.)"""
    return (middle[0] + reach + 1 >= seen.left and middle[0] - reach - 1 < seen.right
            and middle[1] + reach + 1 >= seen.top and middle[1] - reach - 1 < seen.bottom)


def _sheet(surface: pygame.Surface, sheet: Sheet, at: Placed, length: float,
           middle: tuple[float, float], alpha: int | None = None,
           shift: tuple[int, int] = (0, 0)) -> None:
    """One sheet about `middle` (pixels): its face, and its print where it is seen wide
    enough; with `alpha`, as see-through as that (on a surface with alpha); drawn `shift`
    pixels up and left of where `middle` puts it (a smear's layer cut to what it covers)."""
    shape, seen = outline(length, sheet, at)
    _face(surface, _points(shape, middle), seen, sheet.news, shade_of(sheet, at.flip), alpha,
          shift)


def _points(shape: Sequence[tuple[float, float]],
            middle: tuple[float, float]) -> list[tuple[float, float]]:
    """An outline about its middle, placed about `middle` (pixels)."""
    return [(middle[0] + x, middle[1] + y) for x, y in shape]


def _face(surface: pygame.Surface, points: Sequence[tuple[float, float]], seen: float,
          news: bool, color: Color, alpha: int | None, shift: tuple[int, int]) -> None:
    """A sheet's face at `points` and its print (see `_sheet`)."""
    fill: tuple[int, ...] = color if alpha is None else (*color, alpha)
    pygame.draw.polygon(surface, fill, _shifted(points, shift))  # (no smoothed edge: on a
    #   picture with alpha, as a fade draws on, it left pixels short of opaque)
    if seen >= PRINT_WIDE:
        _curled(surface, points, color, alpha, shift)
        _print(surface, points, news, alpha, color, shift)


def _curled(surface: pygame.Surface, points: Sequence[tuple[float, float]], color: Color,
            alpha: int | None, shift: tuple[int, int]) -> None:
    """A sheet seen wide enough: its curled ends in shade, and its long edges a shade darker,
    so that it reads as a bent sheet of paper rather than a flat card."""
    half = len(points) // 2
    top, bottom = points[:half], points[half:][::-1]

    def ink(k: float) -> tuple[int, ...]:
        return scaled(color, k) if alpha is None else (*scaled(color, k), alpha)

    for ends in (slice(0, CURL_ENDS + 1), slice(half - CURL_ENDS - 1, half)):
        pygame.draw.polygon(surface, ink(CURL_SHADE),
                            _shifted([*top[ends], *bottom[ends][::-1]], shift))
    for edge in (top, bottom):
        pygame.draw.lines(surface, ink(EDGE_SHADE), False, _shifted(edge, shift))


def _shifted(points: Sequence[tuple[float, float]],
             shift: tuple[int, int]) -> Sequence[tuple[float, float]]:
    """`points` moved `shift` up and left (exactly: each stays past it, see `_smeared`)."""
    if shift == (0, 0):
        return points
    return [(x - shift[0], y - shift[1]) for x, y in points]


def _smeared(surface: pygame.Surface, sheet: Sheet, at: Placed, length: float,
             middle: tuple[float, float], moved: tuple[float, float]) -> None:
    """A near sheet, fast across the picture: copies of it back along the way it moved in
    the last sixtieth of a second, fainter the further back, under it: soft with its speed.

    The copies are laid on a layer with alpha, then it on the picture: a layer only as
    large as what they cover of the picture (a sheet blown round from one side of the road
    to the other moved thousands of pixels in a sixtieth: a layer reaching that far, ~9,000
    pixels square, took up to 0.2 s to make)."""
    shape, seen = outline(length, sheet, at)
    color = shade_of(sheet, at.flip)
    reach = int(length * 1.3 + abs(moved[0]) + abs(moved[1])) + 2
    area = pygame.Rect(0, 0, 2 * reach, 2 * reach)
    area.center = (round(middle[0]), round(middle[1]))
    copies = [(_points(shape, (reach - moved[0] * share, reach - moved[1] * share)),
               round(SMEAR_ALPHA * strength))
              for share, strength in zip(SMEAR_BACK, SMEAR, strict=True)]
    covered = _covering([p for points, _alpha in copies for p in points])
    cut = covered.clip((0, 0), area.size)
    seen_to = pygame.Rect(surface.get_clip()).move(-area.x, -area.y).bottomright  # (cut short
    cut.size = (max(0, min(cut.right, seen_to[0]) - cut.x),  # only right and below: a shape
                max(0, min(cut.bottom, seen_to[1]) - cut.y))  # past a layer's left or top
    #   edge was filled a few pixels differently along it)
    if cut.width and cut.height:
        layer = pygame.Surface(cut.size, pygame.SRCALPHA)
        for points, alpha in copies:
            _face(layer, points, seen, sheet.news, color, alpha, cut.topleft)
        surface.blit(layer, cut.move(area.topleft))
    _face(surface, _points(shape, middle), seen, sheet.news, color, None, (0, 0))


def _covering(points: Sequence[tuple[float, float]]) -> pygame.Rect:
    """The pixels that shapes drawn within `points` may touch, a pixel to spare each way
    (whole pixels short of them all: each moved by its corner stays past 0, so exactly)."""
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    left, top = math.floor(min(xs)) - 1, math.floor(min(ys)) - 1
    return pygame.Rect(left, top, math.ceil(max(xs)) + 2 - left, math.ceil(max(ys)) + 2 - top)


def _print(surface: pygame.Surface, points: Sequence[tuple[float, float]], news: bool,
           alpha: int | None, color: Color, shift: tuple[int, int]) -> None:
    """What is printed on a sheet: newsprint, a headline's dark band across its top end and
    its columns of print down it (faint lines between them); a flyer, a bold title across its
    top, lines of print under it and the crease where it was folded."""
    half = len(points) // 2
    top, bottom = points[:half], points[half:][::-1]

    def across(along: float, *shares: float) -> list[tuple[float, float]]:
        """The points `shares` of the way across the sheet, `along` of the way down it."""
        a, b = _along(top, along), _along(bottom, along)
        return [(a[0] + (b[0] - a[0]) * share - shift[0], a[1] + (b[1] - a[1]) * share - shift[1])
                for share in shares]

    def ink(k: float) -> tuple[int, ...]:
        return scaled(color, k) if alpha is None else (*scaled(color, k), alpha)

    dark = ink(INK)
    if news:
        head, foot = across(HEADLINE[0], 0.12, 0.88), across(HEADLINE[1], 0.12, 0.88)
        pygame.draw.polygon(surface, dark, [head[0], foot[0], foot[1], head[1]])
        faint = ink(PRINT)
        shares = [n / COLUMNS for n in range(1, COLUMNS)]
        for start, end in zip(across(HEADLINE[1] + 0.06, *shares), across(0.94, *shares),
                              strict=True):
            pygame.draw.line(surface, faint, start, end)
        return
    crease = across(FOLD, 0.0, 1.0)
    pygame.draw.line(surface, ink(FOLD_SHADE), crease[0], crease[1])
    head, foot = across(TITLE[0], 0.12, 0.88), across(TITLE[1], 0.12, 0.88)
    pygame.draw.polygon(surface, dark, [head[0], foot[0], foot[1], head[1]])
    count, first, last, (left, right) = LINES
    for n in range(count):
        start, end = across(first + (last - first) * n / (count - 1), left, right)
        pygame.draw.line(surface, dark, start, end)


def _along(edge: Sequence[tuple[float, float]], share: float) -> tuple[float, float]:
    """The point `share` (0 to 1) of the way along a sheet's edge (its points in order)."""
    n, f = _step(share, len(edge))
    return (edge[n][0] + (edge[n + 1][0] - edge[n][0]) * f,
            edge[n][1] + (edge[n + 1][1] - edge[n][1]) * f)


@cache
def _step(share: float, points: int) -> tuple[int, float]:
    """Which of `points` along an edge the point `share` of the way along it follows, and
    how far on to the next (the same few shares on every sheet: worked out once)."""
    k = share * (points - 1)
    n = min(points - 2, int(k))
    return n, k - n
