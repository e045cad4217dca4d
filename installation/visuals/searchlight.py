"""Searchlights: soft beams that sweep the sky from the ground, fading along their length and
lighting the haze where they meet the cloud (the helicopter and its spot: helicopter.py).

Each beam is turned ahead, at full size, to a fan of angles a few degrees apart; a frame adds
the turned beam nearest its angle, its bands of rows slid sideways (sheared) as far as the
angle between leans them. Nothing is turned or enlarged while the show runs, and every beam
moves on every frame. A beam lights the haze like a screen over what is behind it (its light
added, less where that is bright already): where beams cross each other or the helicopter's
cone, the light grows towards white without a hard-edged white shape."""

from __future__ import annotations

import math
from collections.abc import Generator, Mapping
from typing import Any, NamedTuple

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    finished,
    scaled,
    smooth_noise,
)
from installation.visuals.enlarge import Enlarged, lit_bits
from installation.visuals.glow import lit_columns, radial
from installation.visuals.lit import pieces_of

LOW_RES = 6  # beams are drawn at a sixth of the size and smoothed up: soft edges for free
SWEEP_SECONDS = 12.0
LENGTH = 1.6  # of the picture height
HALF_ANGLE = 0.07  # radians: how wide a beam opens
FALLOFF = 3.0  # how quickly a beam fades along its length
OPENING = (0.16, 0.45)  # how wide a beam's light is across its sprite at its foot, and how much
# wider at its tip (it falls as exp(-3 r^2) across, r 1 at that width)
CORE = 0.55  # of a beam's light in a narrow bright core down its middle (a searchlight's)
CLOUD_BASE = 0.22  # where the beams meet the haze, from the top of the picture
HAZE_ANGLE = 1.2  # radians from the upright: a beam leaning further meets no haze
WANDER = 0.3  # radians: the widest a beam's slow wander takes it (half each way)
EDGE_SPARE = 2  # small pixels of a beam kept past where it leaves the picture (smoothing)
BELOW = 2  # small rows below the lamps the light may reach (a beam's foot is as wide as it)
FAINT = 4  # light this faint (every channel under it) is cut from a turned beam's bands: it
# would add at most 3 of 255 to the sky, under the grain
ALMOST_FLAT = 0.05  # a beam this close to level never leaves through the top
FAN_STEP = math.radians(2.5)  # the angles the beams are turned to ahead, this far apart
STAIR = 1.5  # pixels: the most a band of a sheared beam steps sideways from the next
MOST_ROWS = 32  # the tallest band of rows a beam is sheared in
ENLARGE_PIXELS = 600_000  # full-size pixels of a beam turned ahead enlarged a piece of the
# building at a time (enlarged and cut out in one piece: 8-19 ms, a frame of the panic dropped)
TRIM_PIXELS = 100_000  # ...and cut out (made a light to lay as a screen: ~25 ns a pixel)
HAZE_ROWS, HAZE_GAP = 16, 8  # the lit haze is added in bands of rows, cut to where it is lit


class Turned(NamedTuple):
    """A beam turned to `angle`, at full size, in bands of rows cut to their lit columns: each
    band's picture, its left edge from the lamp, its top row in the picture, and the height
    of its middle above the lamps (how far a lean slides it)."""

    angle: float
    bands: list[pygame.Surface]
    lefts: np.ndarray
    tops: list[int]
    rises: np.ndarray


def beam_sprite(reach: int, color: Color, half_angle: float = HALF_ANGLE) -> pygame.Surface:
    """One beam pointing straight up from the middle of its bottom edge: a soft core, an
    even falloff across it, and a long fade along it (no bands)."""
    return finished(beam_pieces(reach, color, half_angle))


def beam_pieces(reach: int, color: Color, half_angle: float = HALF_ANGLE,
                pieces: int = 1, falloff: float = FALLOFF, core: float = CORE,
                opening_at: tuple[float, float] = OPENING) -> Generator[None, None,
                                                                     pygame.Surface]:
    """`beam_sprite` worked out `pieces` bands of its columns at a time, pausing after each,
    fading along its length by `falloff`, `core` of its light in a narrow bright core down its
    middle (0: none, soft across), widening as `opening_at` has it (see OPENING); returns the
    sprite."""
    half = max(3, int(math.tan(half_angle) * reach * 2))
    width = 2 * half
    along = np.linspace(1.0, 0.0, reach, dtype=np.float32)[None, :]  # 1 at the tip
    opening = opening_at[0] + opening_at[1] * along  # the beam widens as it goes
    tint = np.array(color, dtype=np.float32)[None, None, :]
    across_all = np.linspace(-1.0, 1.0, width, dtype=np.float32)[:, None]
    sprite = pygame.Surface((width, reach))
    edges = [width * n // pieces for n in range(pieces + 1)]
    for left, right in zip(edges, edges[1:], strict=False):
        across = across_all[left:right]
        profile = np.exp(-(across / opening) ** 2 * 3.0)
        level = profile * np.exp(-along * falloff) * (1.0 - core + core * np.exp(
            -(across / opening) ** 2 * 30.0))
        rgb = level[:, :, None] * tint * 0.8
        pygame.surfarray.blit_array(sprite.subsurface((left, 0, right - left, reach)),
                                    np.clip(rgb, 0, 255).astype(np.uint8))
        yield
    return sprite


def without_dark_sides(sprite: pygame.Surface) -> pygame.Surface:
    """A sprite without the black columns down both its sides, as many cut from each (so its
    middle stays where it was)."""
    first, end = lit_columns(sprite)
    cut = min(first, sprite.get_width() - end)
    return sprite.subsurface((cut, 0, sprite.get_width() - 2 * cut, sprite.get_height()))


def with_alpha(sprite: pygame.Surface) -> pygame.Surface:
    """A copy of an opaque sprite with a per-pixel alpha channel (all opaque): the same
    colours turned by rotozoom, which turns such a surface without converting it twice."""
    copy = pygame.Surface(sprite.get_size(), pygame.SRCALPHA)
    copy.blit(sprite, (0, 0))
    return copy


class Searchlight:
    """`beams` lights along the ground, each swinging through `spread` degrees."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the lamps, the beam and the haze it lights, then the beam turned
        to each angle of the fan, one a step."""
        self.params = params
        width, height = setup.size
        self.size = setup.size
        self.seed = setup.seed
        small_height = max(4.0, height / LOW_RES)
        color: Color = params["color"]
        self.reach = int(small_height * LENGTH)
        beam = beam_sprite(self.reach, color)
        self.across = beam.get_width() / 2 + EDGE_SPARE  # the beam's widest reach across
        # turned quicker: without its black sides (they would stay black), and with an alpha
        # channel (rotozoom makes one to turn it in, and drops it again after, otherwise)
        self.beam = with_alpha(without_dark_sides(beam))
        haze = radial(max(4, int(small_height) // 7) * LOW_RES, scaled(color, 0.22), 1.6)
        self.haze_size = haze.get_width()
        lit = (pygame.surfarray.array2d(haze) & lit_bits(FAINT)) != 0
        self.haze = [(as_light(piece), at) for piece, at  # its faint corners left out
                     in pieces_of(haze, lit, HAZE_ROWS, HAZE_GAP)]
        rng = setup.rng("beams")
        count = params["beams"]
        self.lamps = [((i + 0.5 + rng.uniform(-0.3, 0.3)) / count, rng.uniform(-0.35, 0.35),
                       rng.random()) for i in range(count)]
        self.ground = params["ground"]
        # Beams climb from the lamps: below them all is black but for their feet.
        self.bottom = min(height, LOW_RES * (math.ceil(small_height * self.ground) + BELOW))
        swing = math.radians(params["spread"]) + WANDER / 2  # the furthest from its lean
        leans = [lean for _x, lean, _phase in self.lamps]
        self.first = math.floor((min(leans) - swing) / FAN_STEP)  # the fan's first, in steps
        self.fan: list[Turned] = []
        for n in range(self.first, math.ceil((max(leans) + swing) / FAN_STEP) + 1):
            yield
            self.fan.append((yield from self.turn(n * FAN_STEP)))

    def shown_length(self, y: float, angle: float) -> int:
        """How much of the beam, from its foot `y` small rows down the picture, can reach
        the picture's top at this angle: the rest lies above it and is not turned."""
        along: list[float] = [self.reach]
        if math.cos(angle) > ALMOST_FLAT:  # out through the top
            along.append((y + self.across * abs(math.sin(angle))) / math.cos(angle))
        return max(1, min(self.reach, math.ceil(min(along)) + EDGE_SPARE))

    def turn(self, angle: float) -> Generator[None, None, Turned]:
        """The beam turned to `angle` and enlarged where it is lit, down to the rows under the
        lamps it may light, in bands short enough that sliding them for the angles nearby
        shows no stair; made in two steps, returned after the second."""
        foot_y = self.size[1] * self.ground
        length = self.shown_length(foot_y / LOW_RES, angle)
        beam = self.beam.subsurface((0, self.reach - length, self.beam.get_width(), length))
        image = pygame.transform.rotozoom(beam, -math.degrees(angle), 1.0)
        width, height = image.get_size()
        # The lamp sits at the middle of the beam's foot, wherever rotation put it.
        foot = (LOW_RES * (width / 2 - math.sin(angle) * length / 2),
                LOW_RES * (height / 2 + math.cos(angle) * length / 2))
        top = round(foot_y - foot[1])  # where the enlarged beam's top row lands
        light = Enlarged((width + 1, height + 1), LOW_RES, FAINT)
        yield  # (its large new surface's first touches: a piece of their own)
        light.small.blit(image, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        yield from light.enlarging(max(0, min(height, math.ceil((self.bottom - top) / LOW_RES))),
                                   band_rows(angle), ENLARGE_PIXELS)
        yield  # enlarging a wide beam and cutting it out took 8-19 ms in two pieces
        pieces = yield from trimmed(light, top)
        return Turned(angle, [piece for piece, _x, _y in pieces],
                      np.array([x - foot[0] for _piece, x, _y in pieces]),
                      [y for _piece, _x, y in pieces],
                      np.array([foot_y - y - piece.get_height() / 2 for piece, _x, y in pieces]))

    def aim(self, n: int, seconds: float) -> float:
        """Beam n's angle from the upright, in radians, `seconds` into the scene."""
        _x, lean, phase = self.lamps[n]
        speed = self.params["speed"]
        t = seconds * speed / SWEEP_SECONDS + phase
        wander = (smooth_noise(self.seed + n, seconds * 0.15 * speed) - 0.5) * WANDER
        return lean + math.radians(self.params["spread"]) * math.sin(2 * math.pi * t) + wander

    def nearest(self, angle: float) -> Turned:
        """The beam turned ahead to the fan's angle nearest `angle`."""
        n = round(angle / FAN_STEP) - self.first
        return self.fan[min(len(self.fan) - 1, max(0, n))]

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        width, height = self.size
        foot_y = height * self.ground
        cloud_y = height * CLOUD_BASE
        half = self.haze_size / 2
        for n, (across, _lean, _phase) in enumerate(self.lamps):
            angle = self.aim(n, frame.seconds)
            turned = self.nearest(angle)
            lamp = across * width
            # Sheared, not turned: each band slides sideways as far as the angle between
            # the fan's and the beam's leans it there (rounded half to even, as numpy does).
            slide = math.tan(angle) - math.tan(turned.angle)
            xs = np.round(lamp + turned.lefts + slide * turned.rises).astype(np.int64)
            surface.fblits(list(zip(turned.bands, zip(xs.tolist(), turned.tops, strict=True),
                                    strict=True)), pygame.BLEND_PREMULTIPLIED)
            if abs(angle) < HAZE_ANGLE:  # where it meets the haze, the cloud lights up
                x, y = lamp + math.tan(angle) * (foot_y - cloud_y) - half, cloud_y - half * 0.6
                surface.fblits([(piece, (x + left, y + top)) for piece, (left, top) in self.haze],
                               pygame.BLEND_PREMULTIPLIED)


def band_rows(angle: float) -> int:
    """How many small rows of a beam turned to `angle` are sheared together: as many as keep
    the step between bands under STAIR pixels for any angle nearer it than the next of the
    fan (but at least one)."""
    slides = [abs(math.tan(angle + side * FAN_STEP / 2) - math.tan(angle)) for side in (-1, 1)]
    return max(1, min(MOST_ROWS // LOW_RES, int(STAIR / (LOW_RES * max(slides)))))


def trimmed(light: Enlarged, top: int
            ) -> Generator[None, None, list[tuple[pygame.Surface, int, int]]]:
    """Copies of the enlarged light's pieces without their faint sides (every channel under
    its `faint`), each with its corner, `top` rows further down; those wholly above the
    picture (or faint through) left out: made in steps of about TRIM_PIXELS."""
    pieces = []
    done = 0
    for piece, (x, y) in light.pieces:
        if done > TRIM_PIXELS:
            done = 0
            yield
        first, end = lit_columns(piece, light.lit_bits)
        height = piece.get_height()
        done += piece.get_width() * height
        if end > first and top + y + height > 0:
            pieces.append((as_light(piece.subsurface((first, 0, end - first, height))),
                           x + first, top + y))
    return pieces


def as_light(piece: pygame.Surface) -> pygame.Surface:
    """A copy of an opaque picture of light to lay over a picture premultiplied, as a screen:
    its alpha its brightest channel, so what is behind keeps (255 - that) / 255 of itself
    and the sum stays under white (added, two beams and the helicopter's cone over the sky
    clipped to a flat white oval where they crossed)."""
    return finished(light_pieces(piece))


def light_pieces(piece: pygame.Surface, pixels: float = math.inf
                 ) -> Generator[None, None, pygame.Surface]:
    """What `as_light` makes, its alpha worked out in bands of rows of about `pixels` pixels,
    a piece each (the helicopter's whole cone: 8.5 ms loaded)."""
    light = pygame.Surface(piece.get_size(), pygame.SRCALPHA)
    light.blit(piece, (0, 0))
    width, height = piece.get_size()
    rows = max(1, min(height, int(min(pixels / max(1, width), height))))
    for top in range(0, height, rows):
        if top:
            yield
        band = (0, top, width, min(rows, height - top))
        alpha = pygame.surfarray.pixels_alpha(light.subsurface(band))
        alpha[:] = pygame.surfarray.array3d(piece.subsurface(band)).max(axis=2)
        del alpha  # (the surface stays locked while a view of it lives)
    return light
