"""A police helicopter over the roofs: a readable body and tail boom, a blurred rotor, blinking
lights and a spotlight cone from its nose that searches the ground, ending in the pool of light
it throws there (helicopter_spot.py), passing over as helicopter_path.py flies it."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    scaled,
    smooth_noise,
)
from installation.visuals.glow import radial
from installation.visuals.helicopter_path import Passes, Place, first_pass
from installation.visuals.helicopter_pitch import angles, pitched, step_of, turned
from installation.visuals.helicopter_screen import lights, screen
from installation.visuals.helicopter_spot import Spot
from installation.visuals.lit import lit_mask
from installation.visuals.searchlight import beam_pieces

Point = tuple[float, float]
SUPERSAMPLE = 3
CONE_ANGLE = 0.16  # radians: how wide the spot opens
CONE = 0.8  # how bright the cone is
CONE_FALLOFF = 0.5  # how much the cone fades on its way down (it reaches the ground)
CONE_OPENING = (0.05, 0.66)  # how wide its light is across its sprite at the lamp, and how much
# wider at the ground: one soft cone from a point, widening to its pool (no bright core down
# it: with one, crossed by the searchlights' beams it read as a ray forking into three)
SEARCH = 0.6  # radians: the widest the spot's search leans the cone, both ways together
LEAD = 0.5  # flying fast, its spot leans ahead of it by this share of the widest lean (it
# looks where it is going), searching less; drifting over the crowd it searches them
LOOK_BACK = 2.0  # flying out, its spot leans back this many times as far as it led coming in:
# the cone from its nose, out of the picture, still reaches the lot until its tail is gone
BOB = 0.012  # of the picture's height: it rises and falls this much, slowly, as it flies
NAV_RED, NAV_WHITE = (255, 50, 40), (255, 255, 240)
CONE_PIECES = 4  # the cone's light is worked out in this many bands, one a step
SHEAR_ROWS = 4  # the cone leans by sliding bands of this many rows sideways (no rotating)
HULL = (16, 18, 24)
EDGE = (70, 76, 96)  # the top of the hull, catching the glow of the sky
WINDOW = (60, 96, 92)  # the instruments' glow through the windscreen
ROTOR_FRAMES = 12  # the rotors are cached at this many steps of a half turn of the main one
ROTOR_STEPS_PER_SECOND = 45  # shown this fast: a step or two a frame, so it turns every frame
# it is seen (at 18 steps a second, 4 steps a half turn, it stood still for frames, a line)
DISC_ALPHA, BLADE_ALPHA = 70, 210  # the blur of the turning blades, and a blade where it is
RIM_ALPHA = 70  # the blades' tips catching the sky's glow round the disc's edge
TRAIL, TRAIL_PIECES = 0.9, 6  # the blur behind a blade: radians, in pieces darker to it
TRAIL_ALPHA = 150  # the blur's darkest, by the blade
TAIL_TURNS = 2  # the tail rotor's half turns to one of the main rotor's
# In lengths (the tail at -0.5, the nose at +0.5), y up, facing right.
BODY = ((0.5, 0.02), (0.46, -0.08), (0.3, -0.13), (0.05, -0.14), (-0.05, -0.1), (-0.1, -0.03),
        (-0.42, 0.0), (-0.46, 0.02), (-0.42, 0.045), (-0.08, 0.06), (-0.02, 0.12), (0.1, 0.14),
        (0.25, 0.13), (0.38, 0.1), (0.48, 0.06))
FIN = ((-0.39, 0.03), (-0.46, 0.17), (-0.42, 0.18), (-0.35, 0.045))
VENTRAL = ((-0.41, 0.01), (-0.45, -0.06), (-0.42, -0.06), (-0.39, 0.0))
GLASS = ((0.3, 0.11), (0.38, 0.09), (0.47, 0.04), (0.44, -0.03), (0.3, -0.03))
SKIDS = (((0.2, -0.13), (0.22, -0.19)), ((0.0, -0.13), (-0.02, -0.19)),
         ((-0.1, -0.19), (0.32, -0.19)), ((0.32, -0.19), (0.37, -0.16)),
         ((-0.33, 0.025), (-0.26, 0.025)), ((0.1, 0.14), (0.1, 0.19)))
ROTOR = ((0.1, 0.19), 0.56, 0.045)  # hub, half-span, half-depth (seen a little from below)
TAIL_ROTOR = ((-0.45, 0.1), 0.085)
NOSE_LAMP = (0.42, -0.12)
BOUNDS = (-0.62, 0.7, -0.24, 0.26)  # left, right, bottom, top


class Cone(NamedTuple):
    """The spot's cone in bands of rows, each cut to its lit columns: their pictures, their
    numbers (from the top) and left edges in the cone; and the cone's whole width."""

    bands: list[pygame.Surface]
    numbers: np.ndarray
    lefts: np.ndarray
    width: int


def lit_bands(cone: pygame.Surface) -> Cone:
    """The cone in bands of SHEAR_ROWS rows, without their black sides (they add nothing):
    which of its pixels are lit is read once, through a view (band by band, it took a slow
    piece of the build ahead)."""
    width, drop = cone.get_size()
    tops = np.arange(0, drop, SHEAR_ROWS)
    lit = np.logical_or.reduceat(lit_mask(cone), tops, axis=1)  # (columns, bands)
    numbers = np.flatnonzero(lit.any(axis=0))
    lefts = lit.argmax(axis=0)[numbers]
    rights = width - lit[::-1].argmax(axis=0)[numbers]
    bands = [cone.subsurface((left, top, right - left, min(SHEAR_ROWS, drop - top)))
             for left, right, top in zip(lefts.tolist(), rights.tolist(),
                                         tops[numbers].tolist(), strict=True)]
    return Cone(bands, numbers, lefts, width)


class Helicopter:
    """A police helicopter passing over the roofs, its spot on the ground under it."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: its spot, its cone, its hull, then its rotor a frame at a time."""
        self.params = params
        width, height = setup.size
        self.size = setup.size
        self.seed = setup.seed
        self.length = max(24, round(params["scale"] * width))
        self.passes = Passes(first_pass(setup.timeline, setup.scene, setup.pace),
                             self.length * max(abs(BOUNDS[0]), BOUNDS[1]) / width)
        drop = max(4, int(height * (params["ground"] - params["y"])))
        cone = yield from beam_pieces(drop, scaled(params["color"], CONE), CONE_ANGLE,
                                      CONE_PIECES, CONE_FALLOFF, 0.0, CONE_OPENING)
        yield  # (the cone worked out, then hung, faded, cut in bands and made lights: one
        cone = pygame.transform.flip(cone, False, True)  # piece of 7-10 ms loaded)
        half = cone.get_width() / 2 * sum(CONE_OPENING)  # its light's half width where it lands
        self.spot = Spot(half, height, params["color"], SEARCH / 2)
        _fade_end(cone, self.spot.depth)
        yield
        bands = lit_bands(cone)
        yield
        self.cone = bands._replace(bands=(yield from lights(cone, bands.bands)))  # (one pass)
        self.drop = drop
        yield
        yield from self.spot.making()
        self.nav = {c: radial(max(2, self.length // 40), c, 1.5, core=0.3)
                    for c in (NAV_RED, NAV_WHITE)}
        self.lamp = radial(max(3, self.length // 14), params["color"], 1.4, core=0.35)
        big, middle = _big(self.length, _hull)
        hulls = [pitched(big, middle, degrees, SUPERSAMPLE) for degrees in angles()]
        self.middles = [at for _hull_at, at in hulls]
        self.hulls = _both_ways([hull_at for hull_at, _at in hulls])
        self.rotors: dict[bool, list[list[pygame.Surface]]] = {False: [], True: []}
        for n in range(ROTOR_FRAMES):  # (each frame at each pitch, a piece each)
            yield
            big, middle = _big(self.length, _rotors(n / ROTOR_FRAMES))
            frames = []
            for degrees in angles():
                yield
                frames.append(pitched(big, middle, degrees, SUPERSAMPLE)[0])
            both = _both_ways(frames)
            for left in (False, True):
                self.rotors[left].append(both[left])

    def where(self, seconds: float) -> tuple[float, float, float]:
        """Its middle (x, y) in pixels and which way it faces: 1 flying to the right, -1 to
        the left (it only turns round out of sight)."""
        width, height = self.size
        place = self.passes.at(seconds)
        y = height * (self.params["y"] + BOB * math.sin(seconds * 0.4))
        return width * place.across, y, place.way

    def point(self, centre: Point, face: float, p: Point, tilt: float = 0.0) -> Point:
        """A point of the drawing, in lengths, on the picture (seen as it faces, its nose
        dipped `tilt`: see Place)."""
        x, y = turned((p[0] * self.length, -p[1] * self.length), angles()[step_of(tilt)])
        return centre[0] + x * face, centre[1] + y

    def middle(self, face: float, tilt: float = 0.0) -> Point:
        """Where its middle lies in its drawing, seen as it faces (its nose dipped `tilt`)."""
        step = step_of(tilt)
        x, y = self.middles[step]
        return (self.hulls[False][step].get_width() - x if face < 0 else x), y

    def corner(self, centre: Point, face: float, tilt: float = 0.0) -> tuple[int, int]:
        """Where its drawing's top-left lies, its middle at `centre`, seen as it faces."""
        middle = self.middle(face, tilt)
        return round(centre[0] - middle[0]), round(centre[1] - middle[1])

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        seconds = frame.seconds
        place = self.passes.at(seconds)
        if not place.speed:
            return  # out of sight, turning round
        tilt = place.tilt
        x, y, face = self.where(seconds)
        lamp = self.point((x, y), face, NOSE_LAMP, tilt)
        self._spot(surface, lamp, seconds)
        left, step = face < 0, step_of(tilt)
        hull = self.hulls[left][step]
        rotor = self.rotors[left][int(seconds * ROTOR_STEPS_PER_SECOND) % ROTOR_FRAMES][step]
        corner = self.corner((x, y), face, tilt)
        surface.blit(hull, corner)
        surface.blit(rotor, corner)
        half = self.lamp.get_width() / 2
        surface.blit(self.lamp, (lamp[0] - half, lamp[1] - half),
                     special_flags=pygame.BLEND_RGB_ADD)
        blink = NAV_RED if int(seconds * 1.4) % 2 else NAV_WHITE
        glow = self.nav[blink]
        beacon = self.point((x, y), face, (-0.04, 0.12), tilt)
        half = glow.get_width() / 2
        surface.blit(glow, (beacon[0] - half, beacon[1] - half),
                     special_flags=pygame.BLEND_RGB_ADD)

    def lean(self, seconds: float) -> float:
        """How far its cone leans (the tangent; positive: to the right): searching the ground
        under it, ahead of it as it flies in fast, and back at the lot as it flies out."""
        place = self.passes.at(seconds)
        ahead = LEAD * min(1.0, place.speed / 2)  # (its speed is 2 at most)
        search = ((smooth_noise(self.seed + 7, seconds * 0.3) - 0.5) * (1 - ahead)
                  + ahead * place.way * _looking(place) / 2) * SEARCH
        return math.tan(search)

    def _spot(self, surface: pygame.Surface, lamp: Point, seconds: float) -> None:
        """The pool of light where the cone lands, then the cone from the nose down to it,
        searching."""
        lean = self.lean(seconds)
        self.spot.draw(surface, (lamp[0] + lean * self.drop, lamp[1] + self.drop), lean)
        # Sheared, not rotated: each band of rows slides sideways as far as the cone leans
        # there, so the light still reaches down to the ground (and costs one copy of it).
        cone = self.cone
        # Each band rounded to the pixel as it leans (numpy's rounding is Python's: half to even).
        xs = np.round(lamp[0] - cone.width / 2 + lean * (cone.numbers + 0.5) * SHEAR_ROWS)
        ys = round(lamp[1]) + cone.numbers * SHEAR_ROWS
        places = list(zip((xs.astype(np.int64) + cone.lefts).tolist(), ys.tolist(), strict=True))
        screen(surface, cone.bands, places)


def _looking(place: Place) -> float:
    """Which way its spot leans along its flight: 1 ahead as it comes in, through 0 over
    the crowd, to -LOOK_BACK (back) as it leaves (leaning ahead, its cone left the picture
    with its nose while the rest of it was still in sight)."""
    way = math.cos(math.pi * min(1.0, max(0.0, 0.5 + (place.across - 0.5) * place.way)))
    return way if way > 0 else way * LOOK_BACK


def _fade_end(cone: pygame.Surface, rows: float) -> None:
    """The cone's last `rows` rows fading out to its end: it sinks into its pool of light on
    the ground (whose upper half those rows cross), with no seam where it stops."""
    count = min(cone.get_height(), max(1, round(rows)))
    ramp = np.linspace(1.0, 0.0, count, dtype=np.float32)[None, :, None]
    light = pygame.surfarray.pixels3d(cone)
    light[:, -count:] = np.rint(light[:, -count:] * ramp).astype(np.uint8)
    del light  # (the surface stays locked while a view of it lives)


class _Pen:
    """Draws in lengths (x right, y up, the middle at 0) onto a supersampled surface."""

    def __init__(self, surface: pygame.Surface, px: float) -> None:
        self.surface, self.px = surface, px
        self.middle = (-BOUNDS[0] * px, BOUNDS[3] * px)

    def at(self, p: Point) -> tuple[float, float]:
        return (self.middle[0] + p[0] * self.px, self.middle[1] - p[1] * self.px)

    def polygon(self, points: Sequence[Point], color: Color, alpha: int = 255) -> None:
        pygame.draw.polygon(self.surface, (*color, alpha), [self.at(p) for p in points])

    def line(self, a: Point, b: Point, thick: float, color: Color, alpha: int = 255) -> None:
        pygame.draw.line(self.surface, (*color, alpha), self.at(a), self.at(b),
                         max(1, round(thick * self.px)))


def _hull(pen: _Pen) -> None:
    """The body, its boom and fins, skids and mast; the sky's glow along the top; the
    windscreen faintly lit."""
    pen.polygon([(x, y + 0.012) for x, y in BODY if y > -0.01], EDGE)
    for shape in (BODY, FIN, VENTRAL):
        pen.polygon(shape, HULL)
    for a, b in SKIDS:
        pen.line(a, b, 0.018, HULL)
    pen.polygon(GLASS, WINDOW)


def _rotors(turn: float) -> Callable[[_Pen], None]:
    """Both rotors at `turn` of a half turn of the main one: each a faint disc of blur (the
    main one an ellipse, seen a little from below; the tail's a circle, side on), a blade
    dark where it is and the blur darkening behind it up to it."""
    def draw(pen: _Pen) -> None:
        (hx, hy), span, depth = ROTOR
        _spinning(pen, (hx, hy), (span, depth), math.pi * turn, 0.016)
        (cx, cy), radius = TAIL_ROTOR
        _spinning(pen, (cx, cy), (radius, radius), math.pi * turn * TAIL_TURNS, 0.012)
    return draw


def _spinning(pen: _Pen, hub: Point, radii: Point, angle: float, blade: float) -> None:
    """A two-bladed rotor round `hub` (its disc `radii` across and deep), its blades at
    `angle`: the faint disc, its edge catching the sky's glow, the blur behind each blade in
    pieces growing darker up to it, and the blade, `blade` thick."""
    (hx, hy), (rx, ry) = hub, radii

    def rim(a: float) -> Point:
        return (hx + rx * math.cos(a), hy + ry * math.sin(a))

    edge = [rim(2 * math.pi * k / 48) for k in range(48)]
    pen.polygon(edge, HULL, DISC_ALPHA)
    for a, b in zip(edge, [*edge[1:], edge[0]], strict=True):
        pen.line(a, b, blade / 3, EDGE, RIM_ALPHA)
    for side in (0.0, math.pi):
        for k in range(TRAIL_PIECES):
            near, far = (angle + side - TRAIL * (k + j) / TRAIL_PIECES for j in (0, 1))
            arc = [rim(near + (far - near) * j / 3) for j in range(4)]
            alpha = DISC_ALPHA + (TRAIL_ALPHA - DISC_ALPHA) * (1 - k / TRAIL_PIECES) ** 2
            pen.polygon([hub, *arc], HULL, round(alpha))
        pen.line(hub, rim(angle + side), blade, HULL, BLADE_ALPHA)


def _big(length: int, draw: Callable[[_Pen], None]) -> tuple[pygame.Surface, Point]:
    """A drawing facing right made SUPERSAMPLE times larger (to be pitched and shrunk, for
    smooth edges: see helicopter_pitch), and where its middle is in it."""
    left, right, bottom, top = BOUNDS
    px = length * SUPERSAMPLE
    big = pygame.Surface((round((right - left) * px), round((top - bottom) * px)),
                         pygame.SRCALPHA)
    pen = _Pen(big, px)
    draw(pen)
    return big, pen.middle


def _both_ways(drawings: list[pygame.Surface]) -> dict[bool, list[pygame.Surface]]:
    """Drawings facing right (False) and, mirrored, left (True)."""
    return {False: drawings, True: [pygame.transform.flip(d, True, False) for d in drawings]}
