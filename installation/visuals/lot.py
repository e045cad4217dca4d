"""The mall's parking lot at night, the looting under way: asphalt swept by the searchlights,
faded bay lines, cars left where they stopped (some burnt out), debris, and fires burning on
it (flickering, their light on the ground, their smoke rising)."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    chunks,
    mix,
    scaled,
    smooth_noise,
    stable_seed,
)
from installation.visuals.glow import radial
from installation.visuals.lot_smoke import Column, column_blits, column_pieces, puff_shape
from installation.visuals.ruins import FIRE_FLICKER_HZ
from installation.visuals.ruins_glow import FLAME, GLOW_STEPS, dimmed
from installation.visuals.street_fuel import TRASH, fuel
from installation.visuals.wrecks import draw_wreck, wreck_of

# Where things stand on the lot: the row of their feet (of the picture height) and how big a
# person is there (of the picture height), so cars stand behind the looters' lanes.
EYE = 0.723  # the eye's level: everything on the lot shrinks towards it
PERSON_PER_ROW = 0.319  # a person's height, of the picture, per share of it below the eye
CAR_LENGTH = 2.6  # a car's length, in heights of a person beside it
# The cars: (across, feet, burnt, door open), across of the width.
CARS: tuple[tuple[float, float, bool, bool], ...] = (  # the nearest first
    (0.17, 0.955, True, False), (0.8, 0.952, False, True), (0.43, 0.87, True, False),
    (0.07, 0.826, False, True), (0.66, 0.825, True, False), (0.95, 0.872, False, False),
    (0.235, 0.828, False, False), (0.86, 0.827, False, True),
)
# The fires: across, feet, and how high their flames stand (of a person's height there): the
# burnt wreck near the left still burning inside, a heap of looted trash in the middle of the
# lot (its boxes, bags and pallet: street_fuel's TRASH).
FIRES: tuple[tuple[float, float, float], ...] = ((0.17, 0.955, 0.45), (0.58, 0.866, 0.0))
COLUMNS = 480  # the asphalt is made this many columns a piece
SHEEN = 0.16  # the searchlights' spill on the far lot, of their colour
FADE_DOWN = 0.55  # the near lot, below the spill, this much darker
GRAIN = 0.12  # the asphalt's grain, of its colour
POOLS = ((0.3, 0.86, 0.2), (0.74, 0.9, 0.25), (0.52, 0.94, 0.18))  # beams' pools: x, y, width
POOL_LIGHT = 0.2  # a pool's brightness at its middle, of the light's colour
POOL_FLAT = 0.22  # a pool's height, of its width (the ground seen at a slant)
BAY_ROWS = ((0.84, 0.862), (0.9, 0.935))  # rows of parking bays: their far and near edges
BAY_PAINT = 0.16  # the bay lines' faded paint, of the light mixed into the asphalt
BAY_SPACING = 0.75  # between two bay lines, of a car's length there
UNDER = (0.16, 0.1, 0.04)  # the lot a car hides, of its length: from its wheels' row this far
# back (the ground under it and its shade), this far past either end and this far down (a
# burnt one sunk on its rims); no bay line shows there (one ran into a car's rear at 04:55)
DEBRIS = 140  # bits of glass, boxes and litter strewn on the lot
DEBRIS_SIZE = (0.0015, 0.006)  # of the picture height, at the near edge
GLINT = 0.25  # share of the debris that is glass catching the light
FIRE_GLOW = 0.06  # a fire's glow on the ground, of the picture height
GROUND_GLOW = 0.5  # the still warm pool a fire throws round itself, of its firelight
GROUND_REACH = 3  # how far that pool reaches, in the fire's glow radii
FLICKER_REACH = 1.3  # how far its flickering light reaches, in the same
GLOW_FLAT = 0.4  # the glow on the ground is this flat (the ground at a slant)
FLAME_TALL = 1.3  # the flames at their brightest, of a person's height there
FLAME_LOW = 0.55  # at their dimmest, of that
FLAME_DIM = 0.5  # and as bright, of their brightest
FLAME_DETAIL = 32  # the radius of the glow a tongue is stretched from
FLAME_WIDE = 0.9  # their width, of their tallest
FLAME_CORE: Color = (255, 236, 190)  # the hot middle
SMOKE_FROM = 0.35  # a fire's smoke leaves its flames this far up them
SMOKE_PHASE = 0.31  # how far through a puff's rise one fire's smoke is ahead of the last's


@dataclass(frozen=True)
class Fire:
    """A fire on the lot: where its flames stand and its light lies, how far its light reaches
    on the ground, and at each brightness step its flames and their flickering light in one
    sprite (for an additive blit) with that sprite's top left from the flames' foot."""

    x: int
    y: int  # the flames' foot
    ground: int  # the row its light lies round on the ground
    radius: int
    steps: tuple[tuple[pygame.Surface, tuple[int, int]], ...]


def person_at(row: float) -> float:
    """How tall a person is standing at `row` (of the picture height), of the picture height."""
    return max(0.005, (row - EYE) * PERSON_PER_ROW)


def car_length(row: float, height: int) -> int:
    """How long (pixels) a car standing at `row` (of the picture height) is."""
    return round(CAR_LENGTH * person_at(row) * height)


def _under(x: float, ground: float, length: int) -> pygame.Rect:
    """The lot a car `length` long, its middle at `x`, its wheels on row `ground`, hides."""
    back, past, down = UNDER
    return pygame.Rect(round(x - length * (0.5 + past)), round(ground - back * length),
                       round(length * (1 + 2 * past)), round((back + down) * length) + 1)


def flames_at(tall: int, level: float) -> pygame.Surface:
    """Flames for an additive blit, their foot at the bottom middle: three tongues, the middle
    one tallest with a hot core, all as tall and bright as `level` (0..1) makes them."""
    high = max(4, round(tall * (FLAME_LOW + (1 - FLAME_LOW) * level)))
    wide = max(4, round(tall * FLAME_WIDE))
    out = pygame.Surface((wide, high))
    bright = FLAME_DIM + (1 - FLAME_DIM) * level
    tongue = radial(FLAME_DETAIL, scaled(FLAME, bright), 1.2)
    core = radial(FLAME_DETAIL, scaled(FLAME_CORE, bright), 2.0)
    for middle, share, sprite in ((0.5, 1.0, tongue), (0.28, 0.62, tongue), (0.72, 0.74, tongue),
                                  (0.5, 0.45, core)):
        h = max(2, round(high * share * 1.4))  # the round glow's lower part lies below the foot
        w = max(2, round(wide * share * 0.6))
        shape = pygame.transform.smoothscale(sprite, (w, h))
        out.blit(shape, shape.get_rect(midbottom=(round(wide * middle), high + h // 3)),
                 special_flags=pygame.BLEND_RGB_ADD)
    return out


def _together(glow: pygame.Surface, flames: pygame.Surface,
              lifted: int) -> tuple[pygame.Surface, tuple[int, int]]:
    """A glow on the ground and flames standing `lifted` pixels over its middle, added into
    one sprite, and where its top left lies from the flames' foot."""
    gw, gh = glow.get_size()
    fw, fh = flames.get_size()
    top = min(-lifted - gh // 2, -fh)
    left = min(-gw // 2, -fw // 2)
    out = pygame.Surface((max(gw, fw), max(lifted + gh - gh // 2, 0) - top))
    out.blit(glow, (-gw // 2 - left, lifted - gh // 2 - top), special_flags=pygame.BLEND_RGB_ADD)
    out.blit(flames, (-fw // 2 - left, -fh - top), special_flags=pygame.BLEND_RGB_ADD)
    return out, (left, top)


class Lot(Split):
    """The lot's still picture, made once; its fires and their smoke drawn over it each frame."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the asphalt, its light and lines, the debris, each car, the fires."""
        width, height = setup.size
        self.seed = setup.timeline.seed
        self.top = int(height * params["ground"])
        self.size = setup.size
        color: Color = params["color"]
        light: Color = params["light"]
        fire: Color = params["fire"]
        rng = np.random.default_rng(stable_seed(self.seed, "lot"))
        self.image = pygame.Surface((width, height - self.top))
        yield from self._asphalt(color, light, rng)
        self._pools(light)
        yield
        self._bays(color, light, params["cars"])
        self._debris(color, light, rng)
        yield
        count = params["cars"]
        for n, (across, row, burnt, door) in enumerate(CARS[:count]):
            length = car_length(row, height)
            draw_wreck(self.image, round(across * width), round(row * height) - self.top, length,
                       wreck_of(n, burnt, door, light, 1.0), rng)
            yield
        self.fires = [self._fire(across, row, lift, fire)
                      for across, row, lift in FIRES[:params["fires"]]]
        yield
        self.fronts: list[tuple[pygame.Surface, tuple[int, int]] | None] = []
        for n, (lit, (_, row, lift)) in enumerate(zip(self.fires, FIRES, strict=False)):
            self._ground_glow(lit, fire)
            self.fronts.append(None if lift else  # (a wreck burns inside, on its own seats)
                               self._heap(lit, person_at(row) * height, n))
        yield from self._smoke(params["smoke"], fire, rng)

    def _asphalt(self, color: Color, light: Color, rng: np.random.Generator) -> Pieces:
        """The asphalt: the searchlights' spill on the far lot, darker towards us, grainy."""
        width, tall = self.image.get_size()
        down = np.linspace(0.0, 1.0, tall, dtype=np.float32)[None, :, None]
        far = np.array(mix(color, light, SHEEN), np.float32)
        near = np.array(scaled(color, FADE_DOWN), np.float32)
        for cols in chunks(width, COLUMNS):
            grain = 1 + GRAIN * (rng.random((cols.stop - cols.start, tall, 1),
                                            np.float32) - 0.5)
            rgb = (far + (near - far) * down ** 0.7) * grain
            pygame.surfarray.blit_array(
                self.image.subsurface((cols.start, 0, cols.stop - cols.start, tall)),
                np.clip(rgb, 0, 255).astype(np.uint8))
            yield

    def _pools(self, light: Color) -> None:
        """Where the searchlights' beams graze the lot: soft flattened pools of their light."""
        width, height = self.size
        for across, row, wide in POOLS:
            radius = max(4, round(wide * width / 2))
            pool = radial(radius, scaled(light, POOL_LIGHT), 1.5)
            flat = pygame.transform.smoothscale(pool, (2 * radius,
                                                       max(2, round(2 * radius * POOL_FLAT))))
            self.image.blit(flat, flat.get_rect(center=(round(across * width),
                                                        round(row * height) - self.top)),
                            special_flags=pygame.BLEND_RGB_ADD)

    def _bays(self, color: Color, light: Color, cars: int) -> None:
        """Faded bay lines in rows across the lot, each line running towards the eye's level,
        none on the ground under the first `cars` cars (they stand on them)."""
        width, height = self.size
        paint = mix(scaled(color, 1.6), light, BAY_PAINT)
        lines = pygame.Surface(self.image.get_size(), pygame.SRCALPHA)
        vanish = (width / 2, EYE * height)
        for far, near in BAY_ROWS:
            spacing = BAY_SPACING * CAR_LENGTH * person_at(near) * height
            for n in range(-1, int(width / spacing) + 2):
                x = n * spacing
                toward = (near * height - far * height) / (near * height - vanish[1])
                top = (x + (vanish[0] - x) * toward, far * height - self.top)
                pygame.draw.line(lines, paint, (x, near * height - self.top), top,
                                 max(1, round(spacing / 90)))
        for across, row, _, _ in CARS[:cars]:
            lines.fill((0, 0, 0, 0), _under(across * width, row * height - self.top,
                                            car_length(row, height)))
        self.image.blit(lines, (0, 0))

    def _debris(self, color: Color, light: Color, rng: np.random.Generator) -> None:
        """Litter, dropped goods and broken glass strewn over the lot, larger nearer."""
        width, tall = self.image.get_size()
        height = self.size[1]
        for _ in range(DEBRIS):
            x, y = float(rng.uniform(0, width)), float(rng.uniform(0, tall) ** 1.0)
            near = (y + self.top - EYE * height) / ((1 - EYE) * height)
            size = max(1.0, height * rng.uniform(*DEBRIS_SIZE) * near)
            if rng.random() < GLINT:
                pygame.draw.line(self.image, mix(color, light, rng.uniform(0.4, 0.9)), (x, y),
                                 (x + size, y), 1)
                continue
            tone = scaled(mix(color, light, 0.12), rng.uniform(0.6, 1.8))
            turn = rng.uniform(0, math.pi)
            corners = [(x + size * math.cos(turn + k * math.pi / 2),
                        y + size * 0.5 * math.sin(turn + k * math.pi / 2)) for k in range(4)]
            pygame.draw.polygon(self.image, tone, corners)

    def _fire(self, across: float, row: float, lift: float, color: Color) -> Fire:
        """A fire's sprites at each step: its flames (as tall as a person there at the
        brightest) over their flickering light on the ground."""
        width, height = self.size
        radius = max(3, round(FIRE_GLOW * height * person_at(row) / person_at(1.0)))
        tall = max(4, round(person_at(row) * height * FLAME_TALL))
        lifted = round(lift * person_at(row) * height)
        glow = radial(round(radius * FLICKER_REACH), color, 1.7)
        glows = dimmed(pygame.transform.smoothscale(glow, (glow.get_width(), max(
            2, round(glow.get_height() * GLOW_FLAT)))))  # lying on the ground
        steps = tuple(_together(glow, flames_at(tall, (n + 1) / GLOW_STEPS), lifted)
                      for n, glow in enumerate(glows))
        return Fire(round(across * width), round(row * height) - lifted, round(row * height),
                    radius, steps)

    def _ground_glow(self, fire: Fire, color: Color) -> None:
        """The fire's light lying on the lot round it, kept in the still picture."""
        glow = radial(fire.radius * GROUND_REACH, scaled(color, GROUND_GLOW), 1.7)
        w, h = glow.get_width(), max(2, round(glow.get_height() * GLOW_FLAT))
        flat = pygame.transform.smoothscale(glow, (w, h))
        self.image.blit(flat, flat.get_rect(center=(fire.x, fire.ground - self.top)),
                        special_flags=pygame.BLEND_RGB_ADD)

    def _heap(self, fire: Fire, person: float,
              n: int) -> tuple[pygame.Surface, tuple[int, int]]:
        """A heap of boxes, bags and a smashed pallet looted and dropped, burning under a fire
        on the ground (painted on the lot), and its slats standing in the flames (drawn over
        them each frame, as they are given back)."""
        tall = max(4, round(person * FLAME_TALL))
        wood = fuel((max(4, round(tall * FLAME_WIDE)), tall), stable_seed(self.seed, "heap", n),
                    TRASH)
        x, y = fire.x, fire.y - self.top
        self.image.blit(wood.heap, (x + wood.heap_at[0], y + wood.heap_at[1]))
        return wood.front, (fire.x + wood.front_at[0], fire.y + wood.front_at[1])

    def _smoke(self, color: Color, fire: Color, rng: np.random.Generator) -> Pieces:
        """Each fire's column of smoke, a size of its puffs at a time."""
        height = self.size[1]
        shape = puff_shape(random.Random(int(rng.integers(1 << 30))))
        nearest = person_at(FIRES[0][1])
        self.columns: list[Column] = []
        for lit, (_, row, _lift) in zip(self.fires, FIRES, strict=False):
            person = person_at(row)
            foot = (lit.x, lit.y - round(person * height * FLAME_TALL * SMOKE_FROM))
            column = yield from column_pieces(shape, foot, person / nearest, height, color, fire)
            self.columns.append(column)

    def look(self, frame: Frame) -> int:
        """The lot itself never changes (its fires and smoke are its moving part)."""
        return 0

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The lot as it was made: asphalt, lines, debris, cars, the fires' light round them."""
        surface.blit(self.image, (0, self.top))

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """Each fire, the farthest first: its smoke rising, then its flames at this frame's
        flicker over the smoke's foot (and their light on the ground round them)."""
        for n in reversed(range(len(self.fires))):
            fire = self.fires[n]
            surface.fblits(column_blits(self.columns[n], frame.seconds, SMOKE_PHASE * n))
            step = min(GLOW_STEPS - 1, int(smooth_noise(self.seed + 71 + n, frame.seconds
                                                        * FIRE_FLICKER_HZ) * GLOW_STEPS))
            sprite, (dx, dy) = fire.steps[step]
            surface.blit(sprite, (fire.x + dx, fire.y + dy), special_flags=pygame.BLEND_RGB_ADD)
            front = self.fronts[n]
            if front is not None:  # its fuel's slats in front of the flames
                surface.blit(*front)
