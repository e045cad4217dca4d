"""Figures cut from the dark: mammoth, calf, payphone, palm and coyote, drawn from vectors."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import pairwise
from typing import Any, NamedTuple

import numpy as np
import pygame

from installation.visuals.base import (
    HOUR,
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    scaled,
    smooth_noise,
    stable_seed,
)
from installation.visuals.glow import radial
from installation.visuals.mammoth import GHOSTS, bull, calf, mammoth, smooth
from installation.visuals.mire import DRIPS, Ripples, Wading, sky_over
from installation.visuals.palette import light_at
from installation.visuals.sprites import Banded
from installation.visuals.sprites import visible as shown_part
from installation.visuals.tarpit import MIRROR_DIM, tint

UNIT = 0.25  # one shape unit is this share of the picture height, at scale 1
SUPERSAMPLE = 3  # drawn large and shrunk, for smooth edges
STROKE_STEPS = 40  # discs along each segment of a tapering stroke, less one
BAND_ROWS = 10 * SUPERSAMPLE  # the large drawing is made in bands of this many rows, a step each
MIRROR_SQUASH = 0.7
MIRROR_TINT: Color = tint(MIRROR_DIM)  # as the pool browns what it mirrors
GLOW_REACH = 0.9  # a backlight's radius, as a share of the figure's size
RING_CYCLE, RING_ON = 6.0, 2.0  # an American phone rings two seconds in every six
RING_GAIN = 0.8  # how much the light swells while it rings
Point = tuple[float, float]
MAX_SINK = 0.9
SINK_STEPS = 200  # a sinking animal goes down in at most this many steps over her height:
# each step paints her and the tar round her again (at the dream's 2.2x, 5 rows a step)
SKY_STEP_HOURS = 1 / 6  # the sky's colour on the tar round a sinking animal: 10-minute steps
AHEAD_MARGIN = 1.0  # story seconds: the collar made ahead is the one just after the change
AHEAD_CHANGES = 4  # changes of the sky or depth looked through for one that changes the collar
GHOST_DRIPS = 0.3  # the tar runs up an apparition in low streaks (tall dark ones read as trees
# against her see-through flank)
SINK_TILT = 7.0  # degrees: a sinking animal goes down rear first, its head raised
SWAY_STEPS, SWAY_DEGREES = 9, 4.0  # a palm's crown is cached leaning this many ways, this far
DAY = 24 * HOUR


class Look(NamedTuple):
    """What decides a figure's pixels at a frame (see `Silhouette.look`)."""

    ringing: bool  # the phone's light swelling
    sink: int  # rows sunk below the feet line
    lean: int  # which way a palm's crown leans
    ripple: tuple[int, ...]  # the sizes of its rings on the tar (none: not in the tar)
    sky: Color | None  # the sky its tar glints with (None: not in the tar)


class Pen:
    """Draws shapes given in units (x right, y up, feet at 0) in whole pixels of a supersampled
    drawing: it notes them down, each with the rows it reaches, so that the drawing can then
    be painted a band of rows at a time (`paint`), each band painting only its own shapes."""

    def __init__(self, px: float, origin: tuple[int, int], flip: bool, shrink: int = 1) -> None:
        """`px`: the drawing's pixels to a unit; `shrink`: how many times smaller it is shown."""
        self.px, self.origin, self.flip = px, origin, flip
        self.pixel = shrink / px  # one of the shown picture's pixels, in units
        self.shapes: list[Shape] = []
        # Strokes to work out, all at once (`finish`): where in `shapes`, and how drawn.
        self._strokes: list[tuple[int, Sequence[Point], float, float]] = []

    def at(self, p: Point) -> tuple[int, int]:
        x = -p[0] if self.flip else p[0]
        return (int(self.origin[0] + x * self.px), int(self.origin[1] - p[1] * self.px))

    def polygon(self, points: Sequence[Point], color: Color) -> None:
        corners = [self.at(p) for p in points]
        rows = [y for _x, y in corners]
        self.shapes.append(Shape(color, min(rows), max(rows) + 1, corners=corners))

    def stroke(self, points: Sequence[Point], width0: float, width1: float,
               color: Color) -> None:
        """A tapering line through points (trunks, tusks, fronds), as overlapping discs (worked
        out with the others, in `finish`)."""
        if len(points) > 1:
            self._strokes.append((len(self.shapes), points, width0, width1))
            self.shapes.append(Shape(color, 0, 0))

    def finish(self) -> None:
        """Work out the discs of every stroke at once: STROKE_STEPS + 1 along each segment."""
        if not self._strokes:
            return
        segments = np.array([(*a, *b, n, len(points) - 1, width0, width1)
                             for _at, points, width0, width1 in self._strokes
                             for n, (a, b) in enumerate(pairwise(points))], dtype=float)
        per = STROKE_STEPS + 1
        x0, y0, x1, y1, n, count, width0, width1 = np.repeat(segments, per, axis=0).T
        step = np.tile(np.arange(per, dtype=float), len(segments))
        t = (n + step / STROKE_STEPS) / count
        x, y = x0 + (x1 - x0) * step / STROKE_STEPS, y0 + (y1 - y0) * step / STROKE_STEPS
        radii = np.maximum(1, ((width0 + (width1 - width0) * t) * self.px / 2).astype(int))
        across = -x if self.flip else x  # as `at` does
        xs = (self.origin[0] + across * self.px).astype(int)
        ys = (self.origin[1] - y * self.px).astype(int)
        first = 0
        for at, points, _width0, _width1 in self._strokes:
            last = first + (len(points) - 1) * per
            rows = ys[first:last]
            reach = radii[first:last]
            self.shapes[at] = Shape(self.shapes[at].color, int((rows - reach).min()),
                                    int((rows + reach).max()) + 1,
                                    discs=(xs[first:last], rows, reach))
            first = last
        self._strokes = []

    def ellipse(self, centre: Point, rx: float, ry: float, color: Color) -> None:
        cx, cy = self.at(centre)
        box = pygame.Rect(cx - rx * self.px, cy - ry * self.px, 2 * rx * self.px, 2 * ry * self.px)
        self.shapes.append(Shape(color, box.top, box.bottom + 1, box=box))

    def paint(self, surface: pygame.Surface, top: int) -> None:
        """Paint the shapes that reach the band of rows from `top` down, onto `surface` (the
        band), in the order they were drawn."""
        bottom = top + surface.get_height()
        for shape in self.shapes:
            if shape.last > top and shape.first < bottom:
                shape.paint(surface, top, bottom)


@dataclass(frozen=True)
class Shape:
    """One thing a pen drew, in whole pixels of the drawing, and the rows it reaches."""

    color: Color
    first: int
    last: int
    corners: list[tuple[int, int]] | None = None  # a polygon
    discs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # x, y, radius of each
    box: pygame.Rect | None = None  # an ellipse

    def paint(self, surface: pygame.Surface, top: int, bottom: int) -> None:
        """Paint it on a band of the drawing from row `top` to `bottom` (the band's size)."""
        color = (*self.color, 255)
        if self.corners is not None:
            pygame.draw.polygon(surface, color, [(x, y - top) for x, y in self.corners])
        elif self.box is not None:
            pygame.draw.ellipse(surface, color, self.box.move(0, -top))
        elif self.discs is not None:
            xs, ys, radii = self.discs
            for n in np.flatnonzero((ys + radii >= top) & (ys - radii < bottom)).tolist():
                pygame.draw.circle(surface, color, (int(xs[n]), int(ys[n]) - top),
                                   int(radii[n]))


def payphone(pen: Pen, color: Color) -> None:
    """A pedestal payphone under its little hood, handset hanging on the side."""
    pen.polygon([(-0.03, 0.0), (0.03, 0.0), (0.03, 0.5), (-0.03, 0.5)], color)
    pen.polygon([(-0.12, 0.46), (0.12, 0.46), (0.12, 0.82), (-0.12, 0.82)], color)
    pen.polygon([(-0.2, 0.8), (0.2, 0.8), (0.2, 1.0), (-0.2, 1.0)], color)
    pen.polygon([(-0.2, 0.78), (-0.18, 0.78), (-0.18, 0.98), (-0.2, 0.98)], color)
    pen.polygon([(0.18, 0.78), (0.2, 0.78), (0.2, 0.98), (0.18, 0.98)], color)
    pen.stroke([(0.14, 0.78), (0.16, 0.7), (0.15, 0.58)], 0.05, 0.05, color)  # handset
    pen.stroke([(0.12, 0.56), (0.18, 0.5), (0.14, 0.44), (0.1, 0.5)], 0.012, 0.012, color)


def palm_trunk(pen: Pen, color: Color, form: PalmForm | None = None) -> None:
    """A Washingtonia's very tall thin trunk, flared at its foot, leaning a little (and bowed
    its own way, by seed) as it rises to the crown."""
    bow = (form or PALM).bow
    x, _y = PALM_CROWN
    pen.stroke(smooth([(0.0, 0.0), (0.03 + bow[0], 1.2), (0.1 + bow[1], 2.4), (x, 3.2)]),
               TRUNK_FOOT, TRUNK_TOP, color)


def palm(pen: Pen, color: Color, form: PalmForm | None = None) -> None:
    """A tall Washingtonia: a thin, leaning trunk and under the crown a skirt of dead fronds,
    tapering down the trunk (the live crown is drawn apart, by `palm_crown`, so that it can
    sway)."""
    form = form or PALM
    palm_trunk(pen, color, form)
    x, y = PALM_CROWN
    pen.polygon([(x + dx, y + dy) for dx, dy in form.skirt], color)
    for dx, length in form.dead:  # dead fronds hanging flat down its sides: a ragged edge
        foot = (x + dx * 1.15, y - length)
        pen.stroke([(x + dx * 0.6, y), (x + dx, y - length * 0.5), foot], 0.035, 0.01, color)


def palm_crown(pen: Pen, color: Color, form: PalmForm | None = None) -> None:
    """The live crown (at 0, 0): a tight head of fan fronds, each a stalk arching out of the
    head into a fan of leaflets whose tips hang, the lowest fronds drooping below the head."""
    form = form or PALM
    fans = [_fan(frond) for frond in form.fronds]
    pen.ellipse((0.0, -0.03), HEAD[0], HEAD[1], color)
    hub = sorted(((frond.angle, whole[len(whole) // 2])
                  for frond, (_base, whole, _leaflets) in zip(form.fronds, fans, strict=True)))
    pen.polygon([point for _angle, point in hub], color)  # dense between the fans
    for frond, (base, whole, leaflets) in zip(form.fronds, fans, strict=True):
        out, up = math.sin(frond.angle), math.cos(frond.angle)
        pen.stroke([(0.0, 0.0), (out * frond.stalk * 0.55, up * frond.stalk * 0.55), base],
                   0.035, 0.022, color)
        for leaflet in leaflets:
            pen.stroke(leaflet, 0.028, 0.004, color)
        pen.polygon([base, *whole], color)


def _solid(crown: pygame.Surface, color: Color) -> None:
    """Make a crown one colour through (shrunk, its edges were darker and its body a shade
    see-through: over the trunk and skirt, where the crown parts, dark lines showed)."""
    pygame.surfarray.pixels3d(crown)[:] = color
    alpha = pygame.surfarray.pixels_alpha(crown)
    alpha[alpha >= SOLID] = 255
    del alpha  # the surface is locked while its pixels are referenced


def _fan(frond: Frond) -> tuple[Point, list[Point], list[list[Point]]]:
    """One fan frond's shape: where its stalk ends (bent down by the fan's weight), the fan's
    edge where it splits into leaflets (turned down as far) and each leaflet, its tip hanging."""
    base = (math.sin(frond.angle) * frond.stalk,
            math.cos(frond.angle) * frond.stalk - frond.droop * STALK_SAG)
    facing = frond.angle + math.copysign(frond.droop * FAN_TURN, frond.angle)  # towards down
    whole, leaflets = [], []
    hang = LEAFLET_HANG + frond.droop * 0.2
    for k in range(LEAFLETS):
        share = 2 * k / (LEAFLETS - 1) - 1
        turn = facing + frond.spread * share
        ax, ay = math.sin(turn), math.cos(turn)
        at = (base[0] + ax * frond.blade * FAN_WHOLE, base[1] + ay * frond.blade * FAN_WHOLE)
        length = frond.blade * (1 - FAN_WHOLE) * (1 - 0.3 * share * share)
        whole.append(at)
        leaflets.append([at, (at[0] + ax * length * 0.55, at[1] + ay * length * 0.55 - hang * 0.3),
                         (at[0] + ax * length, at[1] + ay * length - hang)])
    return base, whole, leaflets


@dataclass(frozen=True)
class Frond:
    """One live fan frond of a palm's crown, in units from the crown."""

    angle: float  # radians from straight up, round the head
    stalk: float  # its stalk's length
    blade: float  # the fan's reach past the stalk
    spread: float  # radians: the fan's half width
    droop: float  # how far its weight bends it down: 0 standing stiff, 1 the lowest


@dataclass(frozen=True)
class PalmForm:
    """One palm's own shape (by its layer's seed): trunk's bow, skirt, dead fronds, crown."""

    bow: tuple[float, float]  # the trunk's middle points pushed across, in units
    skirt: tuple[Point, ...]  # the dead fronds' thatch round the top of the trunk
    dead: tuple[tuple[float, float], ...]  # (across, length) of dead fronds down its sides
    fronds: tuple[Frond, ...]


def palm_form(seed: int) -> PalmForm:
    """A palm of its own: how many fronds, how long and how they hang, how long its skirt,
    how its trunk bows (no two alike, the same for one seed)."""
    rng = random.Random(stable_seed(seed, "palm"))
    bow = (rng.uniform(-BOW, BOW), rng.uniform(-BOW, BOW))
    length = rng.uniform(*SKIRT_LENGTH)
    width = rng.uniform(*SKIRT_WIDTH)
    skirt = _skirt(rng, length, width)
    dead = tuple((width * rng.uniform(-1.0, 1.0), length * rng.uniform(0.75, 1.1))
                 for _ in range(rng.randint(*DEAD_FRONDS)))
    count = rng.randint(*FRONDS)
    fronds = []
    for n in range(count):
        angle = CROWN_ARC * (2 * (n + rng.uniform(0.15, 0.85)) / count - 1)
        side = abs(angle) / CROWN_ARC  # 0 straight up, 1 hanging
        fronds.append(Frond(
            angle=angle, stalk=rng.uniform(0.08, 0.16) * (1.2 - 0.5 * side),
            blade=rng.uniform(0.2, 0.3) * (0.75 + 0.45 * math.sin(math.pi * side)),
            spread=rng.uniform(0.42, 0.58),
            droop=side ** 1.5 * rng.uniform(0.8, 1.2)))
    return PalmForm(bow, skirt, dead, tuple(sorted(fronds, key=lambda f: -abs(f.angle))))


def _skirt(rng: random.Random, length: float, width: float) -> tuple[Point, ...]:
    """The skirt's outline: wide under the crown, tapering down the trunk to a ragged hem."""
    side = [(width * (1.0 - SKIRT_TAPER * t) + rng.uniform(-0.012, 0.012), -length * t)
            for t in (0.0, 0.25, 0.5, 0.75)]
    hem = [(width * (1 - SKIRT_TAPER) * (1 - 2 * k / HEM_POINTS),
            -length * (1.0 + (0.08 if k % 2 else 0.0) * rng.uniform(0.5, 1.5)))
           for k in range(HEM_POINTS + 1)]
    return (*side, *hem, *[(-sx, sy) for sx, sy in reversed(side)])


def burnt_palm(pen: Pen, color: Color) -> None:
    """A palm after the fire: its trunk a little bent, a ragged skirt of dead fronds hanging
    round the top of it and, above, the charred stubs of the crown drooping (straight stubs
    out of a pole read as a TV aerial)."""
    pen.stroke(list(BURNT_TRUNK), 0.09, 0.05, color)
    x, y = PALM_CROWN
    pen.polygon([(x + dx, y + dy) for dx, dy in BURNT_SKIRT], color)
    for n, (dx, length) in enumerate(BURNT_DEAD):  # dead fronds hanging down the trunk
        foot = (x + dx * 1.3 + 0.01 * (n % 2), y - length)
        pen.stroke([(x + dx * 0.5, y), (x + dx, y - length * 0.5), foot], 0.05, 0.012, color)
    for n, (angle, length, droop) in enumerate(BURNT_STUBS):
        out, up = math.sin(angle), math.cos(angle)
        rise = (x + out * length * 0.5, y + up * length * 0.5)
        tip = (x + out * length, y + up * length - droop * 0.5)
        end = (tip[0] + out * 0.02, tip[1] - droop)  # burnt through, the end hangs
        pen.stroke(smooth([(x, y), rise, tip, end]), 0.04, 0.01, color)
        for k in range(1, BURNT_LEAFLETS + 1):  # the charred leaflets left on it, hanging
            at = _along_line([(x, y), rise, tip], k / (BURNT_LEAFLETS + 1))
            hang = 0.03 + 0.025 * ((n + k) % 3)
            pen.stroke([at, (at[0] + out * 0.008, at[1] - hang)], 0.014, 0.005, color)


def _along_line(points: Sequence[Point], t: float) -> Point:
    """The point `t` of the way along a line of equal pieces, by its pieces."""
    at = t * (len(points) - 1)
    n = min(int(at), len(points) - 2)
    (ax, ay), (bx, by) = points[n], points[n + 1]
    return (ax + (bx - ax) * (at - n), ay + (by - ay) * (at - n))


PALM_CROWN = (0.16, 3.22)
TRUNK_FOOT, TRUNK_TOP = 0.1, 0.05  # the trunk's width at its foot and under the crown
BOW = 0.05  # how far a trunk's middle may bow, either way
HEAD = (0.09, 0.08)  # the crown's dense heart, half width and half height
FRONDS = (13, 17)  # live fronds in a crown, fewest and most
CROWN_ARC = 2.5  # radians from straight up: the fronds fill the head round to here (below it
# the skirt hangs)
LEAFLETS = 11  # leaflets in a fan
FAN_WHOLE = 0.4  # a fan is whole this share of its reach, split into leaflets beyond
LEAFLET_HANG = 0.02  # how far a leaflet's tip hangs below its line, besides the frond's droop
STALK_SAG = 0.06  # how far the heaviest frond's stalk sags at its end
SOLID = 250  # a crown's pixels this opaque are its body (below: its edges)
FAN_TURN = 0.6  # radians: how far the heaviest frond's fan turns down
SKIRT_LENGTH = (0.5, 0.85)  # how far a skirt of dead fronds hangs, least and most
SKIRT_WIDTH = (0.11, 0.15)  # its half width under the crown, least and most
SKIRT_TAPER = 0.55  # how much narrower at its hem
HEM_POINTS = 6  # points across its ragged hem
DEAD_FRONDS = (5, 9)  # dead fronds hanging down its sides, fewest and most
BURNT_TRUNK = ((0.0, 0.0), (0.05, 0.9), (0.06, 1.7), (0.09, 2.5), (0.16, 3.22))  # bent a little
BURNT_SKIRT = ((-0.06, 0.03), (0.06, 0.03), (0.08, -0.1), (0.05, -0.25), (-0.05, -0.25),
               (-0.08, -0.1))  # the dead fronds' bases round the top of the trunk
BURNT_DEAD = ((-0.07, 0.36), (-0.05, 0.46), (-0.03, 0.4), (-0.01, 0.52), (0.01, 0.44),
              (0.03, 0.5), (0.05, 0.38), (0.07, 0.43), (0.08, 0.32))  # (across, length) of
# the dead fronds hanging from it: a ragged skirt
BURNT_STUBS = ((-1.75, 0.23, 0.2), (-1.05, 0.12, 0.05), (-0.4, 0.08, 0.02), (0.35, 0.13, 0.07),
               (1.15, 0.27, 0.24), (1.9, 0.15, 0.12), (2.5, 0.1, 0.08))  # what is left of the
# fronds: (radians from straight up, length, how far its burnt end hangs)
BURNT_LEAFLETS = 3  # charred leaflets left hanging from each stub
CROWN_REACH = 0.75  # the fronds reach this far from the crown, in units
PALM = palm_form(0)  # the shape of a palm drawn without a seed of its own


def coyote(pen: Pen, color: Color) -> None:
    """A coyote, head low, sniffing the floor."""
    body = [(0.42, 0.36), (0.3, 0.46), (0.0, 0.48), (-0.24, 0.46), (-0.34, 0.42), (-0.44, 0.34),
            (-0.54, 0.26), (-0.62, 0.22), (-0.6, 0.18), (-0.48, 0.2), (-0.38, 0.24),
            (-0.3, 0.26), (-0.2, 0.3), (0.0, 0.3), (0.3, 0.3), (0.42, 0.3)]
    pen.polygon(body, color)
    pen.polygon([(-0.4, 0.36), (-0.36, 0.48), (-0.32, 0.38)], color)  # ear
    pen.polygon([(-0.46, 0.33), (-0.44, 0.45), (-0.39, 0.35)], color)  # ear
    for x0, x1 in ((-0.22, -0.24), (-0.12, -0.1), (0.26, 0.3), (0.36, 0.4)):
        pen.stroke([(x0, 0.34), (x1, 0.0)], 0.05, 0.03, color)
    pen.stroke([(0.4, 0.38), (0.52, 0.26), (0.56, 0.12)], 0.1, 0.05, color)  # tail


SHAPES: dict[str, tuple[Callable[[Pen, Color], None], tuple[float, float, float, float]]] = {
    # name: (drawing, bounds in units: left, right, bottom, top)
    "mammoth": (mammoth, (-1.2, 0.75, 0.0, 1.42)),
    "calf": (calf, (-0.8, 0.75, 0.0, 1.35)),
    "bull": (bull, (-1.35, 0.75, 0.0, 1.35)),
    "payphone": (payphone, (-0.25, 0.25, 0.0, 1.05)),
    "palm": (palm, (-0.7, 1.0, 0.0, 3.6)),
    "palm crown": (palm_crown, (-CROWN_REACH, CROWN_REACH, -CROWN_REACH, CROWN_REACH)),  # at rest
    "burnt palm": (burnt_palm, (-0.7, 1.0, 0.0, 3.6)),
    "coyote": (coyote, (-0.7, 0.65, 0.0, 0.55)),
}


def in_tar(params: Mapping[str, Any]) -> bool:
    """Does this figure stand in the tar (sunk in it, or sinking)?"""
    return bool(params["sink"] > 0 or params["sinking"] > 0)


def across(params: Mapping[str, Any], size: tuple[int, int]) -> tuple[float, float]:
    """How far across a picture of `size` a figure can reach, in pixels: from its left to its
    right (its shape's bounds, turned as it faces)."""
    width, height = size
    _draw, (left, right, _bottom, _top) = SHAPES[params["shape"]]
    px = params["scale"] * UNIT * height
    middle = width * params["x"]
    if params["flip"]:
        left, right = -right, -left
    return middle + left * px, middle + right * px


class Silhouette:
    """One figure, drawn once per scene (supersampled), standing on its feet line."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the large drawing a band at a time, then glow and reflection."""
        self.params = params
        width, height = setup.size
        draw, (left, right, bottom, top) = SHAPES[params["shape"]]
        if params["ghost"]:  # tusks and all of the apparition's own colour
            draw = GHOSTS.get(params["shape"], draw)
        form = palm_form(setup.seed) if params["shape"] == "palm" else PALM  # its own shape
        if params["shape"] == "palm":
            draw = partial(palm, form=form)
        px = params["scale"] * UNIT * height
        flip = params["flip"]
        origin_x = int((right if flip else -left) * px * SUPERSAMPLE) + 2
        self.image = yield from _render(draw, (left, right, bottom, top), px, flip,
                                        params["color"])
        self.crowns: list[pygame.Surface] = []
        self.seed = setup.seed
        if params["shape"] == "palm":
            yield from self._sway_crowns(form, params, px, setup.size)
        self.feet = (int(width * params["x"]) - origin_x // SUPERSAMPLE,
                     int(height * params["y"]) - int(top * px))
        self.line = self.feet[1] + self.image.get_height()  # the tar's (or ground's) surface
        if params["sinking"]:  # she goes down rear first, fighting it: the tar closes over
            yield
            before = self.image.get_size()
            self.image = pygame.transform.rotate(self.image, SINK_TILT if flip else -SINK_TILT)
            after = self.image.get_size()  # turned about its middle, which stays put
            self.feet = (self.feet[0] + (before[0] - after[0]) // 2,
                         self.feet[1] + (before[1] - after[1]) // 2)
            yield
        self.span = (top - bottom) * px
        self.sink = int(params["sink"] * self.span)
        shape = self.image
        if params["ghost"]:  # see-through, tusks and all (the tar round her keeps her shape)
            self.image = self.image.copy()
            _fade(self.image, 1 - params["ghost"])
        yield
        drips = GHOST_DRIPS if params["ghost"] else DRIPS
        self.wading = (Wading(shape, self.span, setup.seed, self.image, drips) if in_tar(params)
                       else None)
        self.ripples: Ripples | None = None  # mirrored, it lies on the tar's surface
        if self.wading is not None and params["reflect"] > 0:
            self.ripples = yield from self.wading.ripples(self._visible(self.sink))
        self.sky_top = sky_over(setup)
        self.scene_at = setup.scene.at
        self._ahead_of: tuple[Any, ...] | None = None  # the frame and look made ahead from
        self._coming: tuple[int, Color] | None = None  # the depth and sky to make ahead
        yield
        self.mirror = self._mirror(self.image) if params["reflect"] > 0 else None
        self.cut_figure, self.cut_mirror = Banded(), Banded()  # blitted where they show
        self._mirrored = (self.image, self.mirror)  # the last figure mirrored, and its mirror
        self._mirrored_ahead: tuple[pygame.Surface, pygame.Surface | None] | None = None
        self.glow = None
        if params["glow"] is not None:
            radius = int(max(self.image.get_size()) * GLOW_REACH)
            self.glow = radial(radius, params["glow"], 1.6)
            self.ringing = radial(radius, scaled(params["glow"], RING_GAIN), 1.6)
            centre = (self.feet[0] + self.image.get_width() // 2,
                      self.feet[1] + self.sink + int(self.image.get_height() * 0.3))
            self.glow_at = (centre[0] - radius, centre[1] - radius)
        self.reach = self._reach()

    def _reach(self) -> pygame.Rect:
        """Where `draw` can paint, at any depth and lean: its glow, the figure (sunk or not)
        and its reflection, a palm's crown, and in the tar its collar and rings."""
        x, y = self.feet
        least = int(self.params["sink"] * self.span) // self._step() * self._step()
        top = y + min(self.sink, least)  # as little sunk as it ever is
        areas = [pygame.Rect(x, top, self.image.get_width(), max(1, self.line - top))]
        if self.mirror is not None:
            areas.append(pygame.Rect((x, self.line), self.mirror.get_size()))
        if self.glow is not None:
            areas.append(pygame.Rect(self.glow_at, self.glow.get_size()))
        if self.crowns:
            areas.append(self.crown_area)
        if self.wading is not None:
            areas.append(self.wading.area(x, self.line))
        if self.ripples is not None:
            areas.append(self._ring_area())
        return areas[0].unionall(areas[1:])

    def _mirror(self, figure: pygame.Surface) -> pygame.Surface:
        """Its reflection in still tar or a wet street: upside down, dim, squashed a little.
        Made of the whole figure; a sunk figure shows only the top of it (see `draw`)."""
        flipped = pygame.transform.flip(figure, False, True)
        flipped = pygame.transform.smoothscale(flipped, (flipped.get_width(), max(
            1, int(figure.get_height() * MIRROR_SQUASH))))
        _fade(flipped, self.params["reflect"] * 0.5, MIRROR_TINT)
        return flipped

    def _mirror_of(self, figure: pygame.Surface) -> pygame.Surface:
        """The reflection of the figure as it shows (kept for the last one asked)."""
        if self._mirrored[0] is not figure:
            ahead = self._mirrored_ahead
            self._mirrored = (ahead if ahead is not None and ahead[0] is figure
                              else (figure, self._mirror(figure)))
        mirror = self._mirrored[1]
        assert mirror is not None
        return mirror

    def sunk(self, frame: Frame) -> int:
        """Rows sunk below the feet line: `sink`, and `sinking` more each story hour since the
        scene began (story time, so the same moment always shows the same depth)."""
        share = min(MAX_SINK, self.params["sink"] + self.params["sinking"] * self._hours(frame))
        step = self._step()
        return int(share * self.span) // step * step

    def _hours(self, frame: Frame) -> float:
        """Story hours since the scene began."""
        return ((frame.story_time - self.scene_at) % DAY) / HOUR

    def _step(self) -> int:
        """Rows a sinking figure goes down at a time."""
        return max(1, round(self.span / SINK_STEPS))

    def _next_change(self, frame: Frame) -> float | None:
        """Story seconds until her collar next changes: she sinks a step, or the sky over the
        tar moves on (None: neither, in this scene)."""
        waits = []
        deeper = (self.sunk(frame) + self._step()) / self.span  # her share a step down
        if self.params["sinking"] and deeper <= MAX_SINK:
            hours = (deeper - self.params["sink"]) / self.params["sinking"] - self._hours(frame)
            waits.append(hours * HOUR)
        if self.sky_top is None:
            waits.append((SKY_STEP_HOURS - frame.hour % SKY_STEP_HOURS) * HOUR)
        return min(waits, default=None)

    def _make_ahead(self, frame: Frame, sink: int, sky: Color) -> None:
        """A piece a frame of the collar and coat her next depth or sky will need, then the
        reflection of the figure they leave showing, so that the frame she sinks a step on
        only draws them."""
        assert self.wading is not None
        now = (frame.story_time, frame.seconds)
        if self._ahead_of is not None and self._ahead_of[:2] == now:
            return  # a piece this frame already
        changed = self._ahead_of is None or self._ahead_of[2:] != (sink, sky)
        self._ahead_of = (*now, sink, sky)
        if changed:  # this frame paints her again: the next one starts the pieces
            self._coming = self._next_key(frame, (self._visible(sink), sky))
        elif self._coming is not None:
            coming = self.wading.made_figure(*self._coming)
            if coming is None:
                self.wading.ahead(*self._coming)
            elif self.mirror is not None and not self._mirror_kept(coming):
                self._mirrored_ahead = (coming, self._mirror(coming))  # a piece of its own

    def _mirror_kept(self, figure: pygame.Surface) -> bool:
        """Is this figure's reflection kept (the one shown, or the one made ahead)?"""
        ahead = self._mirrored_ahead
        return self._mirrored[0] is figure or (ahead is not None and ahead[0] is figure)

    def _next_key(self, frame: Frame, key: tuple[int, Color]) -> tuple[int, Color] | None:
        """The rows above the surface and the sky her collar will next have, if they change
        within AHEAD_CHANGES changes of the sky or her depth (a sky step may keep its colour)."""
        for _ in range(AHEAD_CHANGES):
            wait = self._next_change(frame)
            if wait is None:
                return None
            frame = replace(frame, story_time=frame.story_time + wait + AHEAD_MARGIN)
            sink = self.sunk(frame) if self.params["sinking"] else self.sink
            coming = (self._visible(sink), self.sky(frame))
            if coming != key:
                return coming
        return None

    def _visible(self, sink: int) -> int:
        """Rows of it above the surface when sunk `sink` rows."""
        return min(self.image.get_height(), self.line - self.feet[1] - sink)

    def _sway(self, seconds: float) -> int:
        """Which way the crown leans: a slow rocking in the wind with gusts on top."""
        wind = 0.7 * (2 * smooth_noise(self.seed, seconds * 0.2) - 1) + 0.3 * math.sin(
            seconds * 1.7 + self.crown_at[0])
        return min(SWAY_STEPS - 1, max(0, round((wind + 1) / 2 * (SWAY_STEPS - 1))))

    def look(self, frame: Frame) -> Look:
        """Still but for the ring (is the phone's light pulsing now?), the depth it has sunk
        to, the lean of a palm's crown and, in the tar, its rings and the sky's colour."""
        ring = self.params["ring"]
        ringing = bool(self.glow is not None and ring and frame.seconds < ring
                       and frame.seconds % RING_CYCLE < RING_ON)
        sink = self.sunk(frame) if self.params["sinking"] else self.sink
        sky = None
        if self.wading is not None:
            sky = self.sky(frame)
            self._make_ahead(frame, sink, sky)
        return Look(ringing, sink, self._sway(frame.seconds) if self.crowns else 0,
                    self.ripples.sizes(frame.seconds) if self.ripples is not None else (), sky)

    def sky(self, frame: Frame) -> Color:
        """The colour of the sky over the tar (the scene's own, or the hour's, taken every
        SKY_STEP_HOURS: her collar's glints need not follow each level the sky moves, and
        each change paints the tar round her again)."""
        if self.sky_top is not None:
            return self.sky_top
        return light_at(math.floor(frame.hour / SKY_STEP_HOURS) * SKY_STEP_HOURS).top

    def changed(self, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[pygame.Rect]:
        was, now = Look(*old), Look(*new)
        areas = []
        if was.ringing != now.ringing and self.glow is not None:
            areas.append(pygame.Rect(self.glow_at, self.ringing.get_size()))
        if was.sink != now.sink:  # from the top of her, as the less sunk one stands, down
            mirror = self.mirror.get_height() if self.mirror is not None else 0
            top = self.feet[1] + min(was.sink, now.sink)
            areas.append(pygame.Rect(self.feet[0], top, self.image.get_width(),
                                     self.line - top + mirror))
        if self.wading is not None and (was.sink, was.sky) != (now.sink, now.sky):
            areas.append(self.wading.area(self.feet[0], self.line))  # the tar round her
        if self.ripples is not None and (was.ripple, was.sink) != (now.ripple, now.sink):
            areas.append(self._ring_area())
        if was.lean != now.lean:
            areas.append(self.crown_area)
        return areas

    def _ring_area(self) -> pygame.Rect:
        """Where its rings on the tar can reach, at any depth."""
        assert self.ripples is not None
        return self.ripples.area(self.feet[0], self.line)

    def warm(self, frame: Frame) -> Pieces:
        """Ahead of `frame`: the collar and coat where it meets the tar a piece at a time (its
        first draw would make them all at once), then the reflection of the figure they
        leave showing."""
        look = self.look(frame)
        if self.wading is None or look.sky is None:
            return
        visible = self._visible(look.sink)
        while True:
            begun = self.wading.pieces_made
            self.wading.ahead(visible, look.sky)
            if self.wading.pieces_made == begun:  # made (or already shown)
                break
            yield
        self.wading.prepare(visible, look.sky)
        if self.mirror is not None:
            yield
            self._mirror_of(self.wading.figure)

    def _sway_crowns(self, form: PalmForm, params: Mapping[str, Any], px: float,
                     size: tuple[int, int]) -> Pieces:
        """The palm's crown drawn once, then turned to each of its SWAY_STEPS leans (each
        cut to the part that shows), with where each goes and the area they cover."""
        width, height = size
        flip = params["flip"]
        reach = CROWN_REACH
        crown = yield from _render(partial(palm_crown, form=form),
                                   (-reach, reach, -reach, reach), px, flip, params["color"])
        _solid(crown, params["color"])
        cx = (-PALM_CROWN[0] if flip else PALM_CROWN[0]) * px
        self.crown_at = (int(width * params["x"] + cx),
                         int(height * params["y"] - PALM_CROWN[1] * px))
        self.crown_corners: list[tuple[int, int]] = []  # where each leaning crown goes
        for step in range(SWAY_STEPS):
            angle = SWAY_DEGREES * (2 * step / (SWAY_STEPS - 1) - 1)
            turned = pygame.transform.rotozoom(crown, angle, 1.0)
            part, (dx, dy) = shown_part(turned)  # its clear margin blits nothing
            corner = turned.get_rect(center=self.crown_at).topleft
            self.crowns.append(part)
            self.crown_corners.append((corner[0] + dx, corner[1] + dy))
            yield
        self.crown_area = pygame.Rect(self.crown_corners[0], self.crowns[0].get_size(
            )).unionall([pygame.Rect(at, c.get_size())
                         for at, c in zip(self.crown_corners, self.crowns, strict=True)])

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The figure as it shows at this frame (nothing, where the surface's clip is clear of
        all it can paint: a still picture painted again elsewhere, a band of sky)."""
        if not surface.get_clip().colliderect(self.reach):
            return
        x, y = self.feet
        ringing, sink, lean, _ripple, sky = self.look(frame)
        visible = self._visible(sink)
        if self.glow is not None:
            surface.blit(self.glow, self.glow_at, special_flags=pygame.BLEND_RGB_ADD)
            if ringing:
                surface.blit(self.ringing, self.glow_at, special_flags=pygame.BLEND_RGB_ADD)
        if visible > 0:
            figure = self.image
            if self.wading is not None and sky is not None:
                self.wading.prepare(visible, sky)
                figure = self.wading.figure  # what of her has gone under cleared
            if self.mirror is not None:
                mirror = self._mirror_of(figure)
                skip = int((self.image.get_height() - visible) * MIRROR_SQUASH)
                self.cut_mirror.blit(surface, mirror, (x, self.line), pygame.Rect(
                    0, skip, mirror.get_width(), mirror.get_height() - skip))
            if self.ripples is not None:
                self.ripples.draw(surface, x, self.line, frame.seconds)  # under her
            self.cut_figure.blit(surface, figure, (x, y + sink),
                                 pygame.Rect(0, 0, figure.get_width(), visible))
            if self.crowns:
                surface.blit(self.crowns[lean], self.crown_corners[lean])
            if self.wading is not None:  # where it goes into the tar, the tar heaps round it
                self.wading.draw(surface, x, self.line)


def shape_picture(shape: str, px: float, flip: bool, color: Color
                  ) -> Generator[None, None, tuple[pygame.Surface, tuple[int, int]]]:
    """One of SHAPES drawn `px` pixels to a unit (mirrored if `flip`), in pieces: the picture
    and where in it its feet are."""
    draw, (left, right, bottom, top) = SHAPES[shape]
    image = yield from _render(draw, (left, right, bottom, top), px, flip, color)
    return image, (round((right if flip else -left) * px), round(top * px))


def _render(draw: Callable[[Pen, Color], None], bounds: tuple[float, float, float, float],
            px: float, flip: bool, color: Color) -> Generator[None, None, pygame.Surface]:
    """A drawing in units, drawn large a band at a time and shrunk, for smooth edges."""
    left, right, bottom, top = bounds
    big = px * SUPERSAMPLE
    # Whole multiples of the supersampling, so each band shrinks exactly as the whole would.
    span_w = _whole(int((right - left) * big) + 4)
    span_h = _whole(int((top - bottom) * big) + 4)
    origin = (int((right if flip else -left) * big) + 2, int(top * big) + 2)
    image = pygame.Surface((span_w // SUPERSAMPLE, span_h // SUPERSAMPLE), pygame.SRCALPHA)
    pen = Pen(big, origin, flip, SUPERSAMPLE)
    draw(pen, color)  # noted down once, painted a band at a time
    pen.finish()
    yield
    for band_top in range(0, span_h, BAND_ROWS):
        rows = min(BAND_ROWS, span_h - band_top)
        band = pygame.Surface((span_w, rows), pygame.SRCALPHA)
        pen.paint(band, band_top)
        small = pygame.transform.smoothscale(band, (span_w // SUPERSAMPLE, rows // SUPERSAMPLE))
        # Added onto transparent black: a plain copy of colour and alpha.
        image.blit(small, (0, band_top // SUPERSAMPLE), special_flags=pygame.BLEND_RGBA_ADD)
        yield
    return image


def _fade(image: pygame.Surface, share: float, tint: Color = (255, 255, 255)) -> None:
    """Make a figure's pixels see-through: `share` of their alpha left (and their colour
    multiplied by `tint`, 255 for all of it)."""
    image.fill((*tint, round(255 * share)), special_flags=pygame.BLEND_RGBA_MULT)


def _whole(length: int) -> int:
    """`length` rounded up to a whole number of supersampled pixels."""
    return -(-length // SUPERSAMPLE) * SUPERSAMPLE
