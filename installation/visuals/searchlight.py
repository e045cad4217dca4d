"""Searchlights: soft beams that sweep the sky from the ground, fading along their length and
lighting the haze where they meet the cloud (the helicopter and its spot: helicopter.py)."""

from __future__ import annotations

import math
from collections.abc import Generator, Mapping
from typing import Any, NamedTuple

import numpy as np
import pygame

from installation.visuals.base import (
    TICK_SLACK,
    TICKS,
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    finished,
    scaled,
    smooth_noise,
)
from installation.visuals.enlarge import Enlarged
from installation.visuals.glow import lit_columns, radial

LOW_RES = 6  # beams are drawn at a sixth of the size and smoothed up: soft edges for free
SWEEP_SECONDS = 12.0
LENGTH = 1.6  # of the picture height
HALF_ANGLE = 0.07  # radians: how wide a beam opens
FALLOFF = 3.0  # how quickly a beam fades along its length
CLOUD_BASE = 0.22  # where the beams meet the haze, from the top of the picture
EDGE_SPARE = 2  # pixels of a beam's sprite kept past where it leaves the canvas (smoothing)
FAINT = 4  # light this faint (every channel under it, small) is not enlarged: it would add
# at most 3 of 255 to the sky, under the grain, at a fifth of the beams' enlarging and adding
ALMOST_FLAT = 0.05  # a beam this close to level never leaves through the top (or side)


class Beam(NamedTuple):
    """One beam as turned for a tick: its angle, its picture and where that goes."""

    angle: float
    image: pygame.Surface
    foot: tuple[float, float]


def beam_sprite(reach: int, color: Color, half_angle: float = HALF_ANGLE) -> pygame.Surface:
    """One beam pointing straight up from the middle of its bottom edge: a soft core, an
    even falloff across it, and a long fade along it (no bands)."""
    return finished(beam_pieces(reach, color, half_angle))


def beam_pieces(reach: int, color: Color, half_angle: float = HALF_ANGLE,
                pieces: int = 1) -> Generator[None, None, pygame.Surface]:
    """`beam_sprite` worked out `pieces` bands of its columns at a time, pausing after each;
    returns the sprite."""
    half = max(3, int(math.tan(half_angle) * reach * 2))
    width = 2 * half
    along = np.linspace(1.0, 0.0, reach, dtype=np.float32)[None, :]  # 1 at the tip
    opening = 0.16 + 0.45 * along  # the beam widens as it goes
    tint = np.array(color, dtype=np.float32)[None, None, :]
    across_all = np.linspace(-1.0, 1.0, width, dtype=np.float32)[:, None]
    sprite = pygame.Surface((width, reach))
    edges = [width * n // pieces for n in range(pieces + 1)]
    for left, right in zip(edges, edges[1:], strict=False):
        across = across_all[left:right]
        profile = np.exp(-(across / opening) ** 2 * 3.0)
        level = profile * np.exp(-along * FALLOFF) * (0.45 + 0.55 * np.exp(
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
        """Set up in steps: the lamps and the beam, then each half's full-size light."""
        self.params = params
        width, height = setup.size
        self.size = setup.size
        self.seed = setup.seed
        self.small = (max(4.0, width / LOW_RES), max(4.0, height / LOW_RES))  # the picture, small
        color: Color = params["color"]
        self.reach = int(self.small[1] * LENGTH)
        beam = beam_sprite(self.reach, color)
        self.across = beam.get_width() / 2 + EDGE_SPARE  # the beam's widest reach across
        # turned quicker: without its black sides (they would stay black), and with an alpha
        # channel (rotozoom makes one to turn it in, and drops it again after, otherwise)
        self.beam = with_alpha(without_dark_sides(beam))
        self.haze = radial(max(4, int(self.small[1]) // 7), scaled(color, 0.22), 1.6)
        rng = setup.rng("beams")
        count = params["beams"]
        self.lamps = [((i + 0.5 + rng.uniform(-0.3, 0.3)) / count, rng.uniform(-0.35, 0.35),
                       rng.random()) for i in range(count)]
        self.ground = params["ground"]
        # Beams climb from the lamps: below them all is black, so the small canvases cover
        # only the rows above (and two to spare for the smoothing), and a column and row past
        # them (the pixels their last ones are smoothed towards): one for the even beams, one
        # for the odd, each kept enlarged until its beams turn again.
        self.rows = min(math.ceil(self.small[1]), math.ceil(self.small[1] * self.ground) + 2)
        canvas = (math.ceil(self.small[0]) + 1, self.rows + 1)
        self.halves = []
        for _ in range(2):
            yield  # a full-size surface takes a while to make
            self.halves.append(Half(Enlarged(canvas, LOW_RES, FAINT)))

    def shown_length(self, x: float, y: float, angle: float) -> int:
        """How much of the beam, from its foot at (x, y) on the small canvas, can reach the
        canvas at this angle: the rest lies past its top or side and is not rotated."""
        w = self.small[0]
        half = self.across
        along: list[float] = [self.reach]
        if math.cos(angle) > ALMOST_FLAT:  # out through the top
            along.append((y + half * abs(math.sin(angle))) / math.cos(angle))
        if abs(math.sin(angle)) > ALMOST_FLAT:  # out through the side it leans to
            side = w - x if math.sin(angle) > 0 else x
            along.append((side + half * abs(math.cos(angle))) / abs(math.sin(angle)))
        return max(1, min(self.reach, math.ceil(min(along)) + EDGE_SPARE))

    def aim(self, n: int, seconds: float) -> float:
        """Beam n's angle from the upright, in radians, `seconds` into the scene."""
        _x, lean, phase = self.lamps[n]
        speed = self.params["speed"]
        t = seconds * speed / SWEEP_SECONDS + phase
        wander = (smooth_noise(self.seed + n, seconds * 0.15 * speed) - 0.5) * 0.3
        return lean + math.radians(self.params["spread"]) * math.sin(2 * math.pi * t) + wander

    def turned(self, n: int, seconds: float) -> Beam:
        """Beam n turned to its angle at its last turn (see `turn_tick`): where it is is a
        function of time alone."""
        angle = self.aim(n, turn_tick(n, seconds) / TICKS)
        w, h = self.small
        bx, base_y = self.lamps[n][0] * w, h * self.ground
        length = self.shown_length(bx, base_y, angle)
        beam = self.beam.subsurface((0, self.reach - length, self.beam.get_width(), length))
        image = pygame.transform.rotozoom(beam, -math.degrees(angle), 1.0)
        # The lamp sits at the middle of the beam's foot, wherever rotation put it.
        foot = (bx - image.get_width() / 2 + math.sin(angle) * length / 2,
                base_y - image.get_height() / 2 - math.cos(angle) * length / 2)
        return Beam(angle, image, foot)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        for parity, half in enumerate(self.halves):
            tick = turn_tick(parity, frame.seconds)
            if half.tick != tick:
                self._light(half, parity, frame.seconds)
                half.tick = tick
            half.light.add(surface)

    def _light(self, half: Half, parity: int, seconds: float) -> None:
        """Draw the beams of one parity (and the haze they light) small, and enlarge them."""
        w, h = self.small
        canvas = half.light.small
        canvas.fill((0, 0, 0))
        base_y = h * self.ground
        cloud_y = h * CLOUD_BASE
        for n in range(parity, len(self.lamps), 2):
            beam = self.turned(n, seconds)
            canvas.blit(beam.image, beam.foot, special_flags=pygame.BLEND_RGB_ADD)
            if abs(beam.angle) < 1.2:  # where it meets the haze, the cloud lights up
                hx = self.lamps[n][0] * w + math.tan(beam.angle) * (base_y - cloud_y)
                half_width = self.haze.get_width() / 2
                canvas.blit(self.haze, (hx - half_width, cloud_y - half_width * 0.6),
                            special_flags=pygame.BLEND_RGB_ADD)
        half.light.enlarge(self.rows)


class Half:
    """Half the beams (the even or the odd ones), drawn small and kept enlarged, and the
    tick they were turned for."""

    def __init__(self, light: Enlarged) -> None:
        self.light = light
        self.tick: int | None = None


def turn_tick(n: int, seconds: float) -> int:
    """The tick beam n was last turned on: each beam turns on every other tick (the odd beams
    on the ticks between, TICKS a second) and is held for the tick after."""
    return math.floor((seconds * TICKS + TICK_SLACK + n % 2) / 2) * 2 - n % 2
