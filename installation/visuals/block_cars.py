"""Cars of 1988 seen from the side, passing across the block in two lanes: each drawn once (its
body, its sheen, its reflection on the wet road, its lamps' glow), then only blitted."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.block_plan import LANES
from installation.visuals.glow import radial

PAINTS: tuple[Color, ...] = ((92, 22, 30), (26, 34, 66), (98, 106, 122), (120, 104, 80),
                             (150, 150, 148), (18, 18, 22), (26, 58, 42), (72, 46, 30))
Outline = tuple[tuple[float, float], ...]  # (along, up): shares of a car's length and height


@dataclass(frozen=True)
class Model:
    """A car of the 1980s seen from the side, facing right: how long it is against its lane's
    car (LENGTHS), how tall against its own length, its cabin's outline, where its body's
    waist runs (up), where its wheels stand (along) and how large they are (of its length),
    and an open bed behind the cab (a pickup's)."""

    long: float
    high: float
    cabin: Outline
    waist: float = 0.55
    wheels: tuple[float, float] = (0.19, 0.8)
    wheel: float = 0.068
    bed: bool = False


MODELS: dict[str, Model] = {
    # a full-size four-door (a Caprice, an LTD): the lane's car, its roof over the middle
    "sedan": Model(1.0, 0.3, ((0.25, 0.55), (0.35, 0.96), (0.66, 0.96), (0.76, 0.55))),
    # a station wagon (a Country Squire): longer, its flat roof run out over the load to a
    # near-upright tailgate
    "wagon": Model(1.1, 0.3, ((0.03, 0.55), (0.05, 0.95), (0.64, 0.95), (0.75, 0.55)),
                   wheels=(0.2, 0.8)),
    # a personal coupe (a Monte Carlo, a Cutlass): shorter and lower, a long hood, the roof
    # set back and short, a formal rear window
    "coupe": Model(0.9, 0.27, ((0.22, 0.55), (0.3, 0.92), (0.52, 0.92), (0.66, 0.55)),
                   wheels=(0.18, 0.81)),
    # a pickup (an F-150, a C10): taller, on larger wheels, a short cab ahead of the open bed,
    # its sides as high as the hood
    "pickup": Model(0.95, 0.37, ((0.44, 0.62), (0.45, 0.97), (0.58, 0.97), (0.67, 0.62)),
                    waist=0.62, wheels=(0.17, 0.79), wheel=0.078, bed=True),
}
SHAPES = tuple(MODELS)
LENGTHS = (0.15, 0.22)  # a car's length in each lane (far, near), of the picture's width
SPEEDS = (0.13, 0.19)  # each lane's pace, picture widths a real second (near goes right)
SHOULDER = 0.05  # the body's shoulders fall this far from its waist at its ends (of its height)
BED_RAIL = 0.06  # a pickup's bed: its rail's depth, of the car's height
GAP = 0.7  # each lane's round is the picture's width, its longest car and this much of it empty
SPACE = 0.03  # at the least this much road (of the width) between a car and the one ahead
JITTER = 0.5  # a car's place in its lane's round: its even share, moved on up to this much of it
GLASS = (14, 16, 24)
GLASS_INSET = ((0.04, 0.03), (0.025, -0.07), (-0.025, -0.07), (-0.04, 0.03))  # from the cabin
LAMP, TAIL = (255, 240, 200), (255, 40, 30)
REFLECTION = 0.45  # how strongly a car shows in the wet road
STREAK_LONG, STREAK_DIM = 5, 0.6  # a lamp in the wet road: this many times as long as wide
BEAM = (0.7, 0.3, 0.4)  # the headlights' light ahead: its length (of the car's), how far
#                          below the tyres it reaches (of the car's height), its brightness
BEAM_TOP, BEAM_SOFT = 0.3, 0.25  # its top edge this much of the light under it, full this far
#                                  down (of its height)


@dataclass(frozen=True)
class Car:
    """One car: its lane (0 far, 1 near), shape, paint, and where in its lane's round it is."""

    lane: int
    shape: str
    paint: Color
    phase: float


def traffic(rng: random.Random, count: int) -> list[Car]:
    """`count` cars shared between the two lanes, spread round each lane's loop, each at least
    its lane's longest car and SPACE behind the one ahead (as many as its round holds so)."""
    cars: list[Car] = []
    paints = rng.sample(PAINTS, len(PAINTS))  # no two alike until every paint is out
    for lane in (0, 1):
        n = count // 2 + (count % 2 if lane == 0 else 0)
        jitter = _jitter(lane, n)
        for k in range(n):
            cars.append(Car(lane, rng.choice(SHAPES), paints[len(cars) % len(paints)],
                            (k + rng.uniform(0.0, jitter)) / max(1, n)))
    return cars


def _longest(lane: int) -> float:
    """The lane's longest car, of the picture's width."""
    return LENGTHS[lane] * max(model.long for model in MODELS.values())


def _round(lane: int) -> float:
    """The lane's round, of the picture's width: one for all its cars, whatever their length
    (each its own, they would drift through each other by their difference every round)."""
    return 1.0 + _longest(lane) + GAP


def _jitter(lane: int, n: int) -> float:
    """How far (of its even share) each of `n` cars may be moved on round the lane: JITTER,
    or less, so that any two keep the lane's longest car and SPACE apart."""
    room = 1.0 - n * (_longest(lane) + SPACE) / _round(lane)
    return min(JITTER, max(0.0, room))


class Sprites:
    """One car's pictures at its lane's size, facing its lane's way."""

    def __init__(self, car: Car, size: tuple[int, int]) -> None:
        width, height = size
        length = round(LENGTHS[car.lane] * MODELS[car.shape].long * width)
        self.body, self.sheen = drawn(car, length)
        self.left = car.lane == 0  # the far lane drives left (they keep right, seen from the
        #                            south pavement: the near lane east, the far one west)
        if self.left:
            self.body = pygame.transform.flip(self.body, True, False)
            self.sheen = pygame.transform.flip(self.sheen, True, False)
        self.reflection = reflected(self.body)
        self.wheels = round(LANES[car.lane] * height)  # the row its tyres stand on
        glow = max(4, round(length * 0.09))
        front, rear = radial(glow, scaled(LAMP, 0.8), 2.2), radial(glow, scaled(TAIL, 0.7), 2.2)
        lamp_y = self.body.get_height() - round(0.42 * self.body.get_height())
        ends = (0, length) if self.left else (length, 0)
        beam = _beam(length, self.body.get_height(), lamp_y, self.left)
        ahead = ends[0] - beam.get_width() if self.left else ends[0]
        self.glows = [(beam, (ahead, lamp_y)), (front, (ends[0] - glow, lamp_y - glow)),
                      (rear, (ends[1] - glow, lamp_y - glow))]
        high = self.body.get_height()
        mirrored_y = 2 * high - lamp_y - glow // 2  # the lamps' height, under the tyres
        self.streaks = [(_streak(color, glow), (end - glow // 2, mirrored_y))
                        for color, end in ((LAMP, ends[0]), (TAIL, ends[1]))]


def _beam(length: int, high: int, lamp_y: int, left: bool) -> pygame.Surface:
    """The headlights' light thrown ahead of a car `length` long and `high` tall (its lamps
    `lamp_y` down it): a soft wedge from the lamp, spreading down onto the road in front of it
    (BEAM: how far, how far below the tyres, how bright), to add on from the lamp's row."""
    w, h = max(2, round(BEAM[0] * length)), max(2, high - lamp_y + round(BEAM[1] * high))
    along = np.linspace(0.0, 1.0, w, dtype=np.float32)[:, None]
    down = np.linspace(0.0, 1.0, h, dtype=np.float32)[None, :]
    reach = 0.4 + 0.6 * along  # the wedge's depth, of h, opening from the lamp
    level = (np.clip(1.0 - down / reach, 0.0, 1.0) ** 0.8 * (1.0 - along) ** 1.2
             * np.minimum(1.0, BEAM_TOP + down / BEAM_SOFT))  # (soft at its top edge too)
    if left:
        level = level[::-1]
    rgb = level[:, :, None] * (np.array(LAMP, np.float32) * BEAM[2])[None, None, :]
    out = pygame.Surface((w, h))
    pygame.surfarray.blit_array(out, rgb.astype(np.uint8))
    return out


def _streak(color: Color, size: int) -> pygame.Surface:
    """A lamp as the wet road shows it: a soft streak drawn out down the road."""
    return pygame.transform.smoothscale(radial(size, scaled(color, STREAK_DIM), 1.3),
                                        (size, size * STREAK_LONG))


def drawn(car: Car, length: int) -> tuple[pygame.Surface, pygame.Surface]:
    """The car facing right, drawn twice as large and smoothed down: its body, and its sheen
    (where the light from the signs catches it: roof, glass top, shoulder; black elsewhere),
    in its model's proportions (MODELS)."""
    model = MODELS[car.shape]
    big, high = 2 * length, round(2 * length * model.high)
    body = pygame.Surface((big, high), pygame.SRCALPHA)
    sheen = pygame.Surface((big, high))
    sheen.fill((0, 0, 0))

    def at(along: float, up: float) -> tuple[int, int]:
        return round(along * big), round(high - up * high)

    waist, shoulder = model.waist, model.waist - SHOULDER
    lower = [at(0.0, 0.24), at(0.01, shoulder), at(0.2, waist), at(0.8, waist),
             at(0.99, shoulder), at(1.0, 0.26), at(0.97, 0.17), at(0.03, 0.17)]
    cabin = [at(*point) for point in model.cabin]
    paint = car.paint
    pygame.draw.polygon(body, (*paint, 255), lower)
    pygame.draw.polygon(body, (*paint, 255), cabin)
    glass = [at(a + GLASS_INSET[k][0], u + GLASS_INSET[k][1])
             for k, (a, u) in enumerate(model.cabin)]
    pygame.draw.polygon(body, (*GLASS, 255), glass)
    pillar = round(sum(x for x, _ in glass) / 4)
    pygame.draw.line(body, (*paint, 255), (pillar, glass[1][1]), (pillar, glass[0][1]),
                     max(2, big // 90))
    if model.bed:
        _bed(body, at, (model.cabin[0][0], waist), paint)
    _trim(body, at, (big, high), paint)
    pygame.draw.lines(sheen, (255, 255, 255), False, cabin[:4], max(2, big // 120))
    pygame.draw.polygon(sheen, (150, 150, 150), [at(0.01, shoulder), at(0.2, waist),
                                                 at(0.8, waist), at(0.99, shoulder),
                                                 at(0.99, shoulder - 0.07),
                                                 at(0.01, shoulder - 0.07)])
    pygame.draw.polygon(sheen, (90, 90, 90), glass[1:3] + [_half(glass[2], glass[3]),
                                                           _half(glass[1], glass[0])])
    radius = round(model.wheel * big)
    for along in model.wheels:
        centre = (round(along * big), high - radius)
        pygame.draw.circle(body, (6, 6, 8, 255), centre, round(radius * 1.18))
        pygame.draw.circle(body, (14, 14, 16, 255), centre, radius)
        pygame.draw.circle(body, (90, 92, 96, 255), centre, radius // 2)
        pygame.draw.circle(sheen, (0, 0, 0), centre, round(radius * 1.18))  # (a tyre over
        # the shoulder's sheen: rubber, it catches no sign's colour)
    size = (length, round(length * model.high))
    return pygame.transform.smoothscale(body, size), pygame.transform.smoothscale(sheen, size)


Place = Callable[[float, float], tuple[int, int]]  # (along, up) shares to a body's pixel


def _trim(body: pygame.Surface, at: Place, size: tuple[int, int], paint: Color) -> None:
    """The rocker's shade, the chrome belt line, the bumpers and the lamps, on a body `size`."""
    big, high = size
    pygame.draw.polygon(body, (*scaled(paint, 0.55), 255), [at(0.0, 0.24), at(1.0, 0.26),
                                                            at(0.97, 0.17), at(0.03, 0.17)])
    pygame.draw.line(body, (*mix(paint, (220, 220, 220), 0.4), 255), at(0.02, 0.38),
                     at(0.98, 0.38), max(1, big // 200))
    for end in (0.0, 0.97):
        pygame.draw.rect(body, (60, 60, 64, 255), (*at(end, 0.3), round(0.03 * big),
                                                   round(0.09 * high)))
    lamp = (round(0.015 * big), round(0.08 * high))
    pygame.draw.rect(body, (*LAMP, 255), (*at(0.985, 0.46), *lamp))
    pygame.draw.rect(body, (*TAIL, 255), (*at(0.0, 0.48), lamp[0], round(0.12 * high)))


def _bed(body: pygame.Surface, at: Place, cab: tuple[float, float], paint: Color) -> None:
    """A pickup's open bed from its tail to the cab's back (`cab`: along, and the sides'
    height): the rail along its top, paler, and the seam of its tailgate."""
    rail = scaled(paint, 1.25)
    back, top = cab
    pygame.draw.polygon(body, (*rail, 255), [at(0.01, top), at(back - 0.01, top),
                                             at(back - 0.01, top - BED_RAIL),
                                             at(0.01, top - BED_RAIL)])
    pygame.draw.line(body, (*scaled(paint, 0.5), 255), at(0.045, top - BED_RAIL),
                     at(0.045, 0.27), max(1, body.get_width() // 240))


def _half(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """The point halfway between two."""
    return (a[0] + b[0]) // 2, (a[1] + b[1]) // 2


def reflected(body: pygame.Surface) -> pygame.Surface:
    """The car upside down in the wet road, darker and fading away from its tyres."""
    flipped = pygame.transform.flip(body, False, True)
    alpha = pygame.surfarray.pixels_alpha(flipped)
    fade = np.linspace(REFLECTION, 0.0, flipped.get_height()) ** 1.5
    alpha[:] = (alpha * fade[None, :]).astype(np.uint8)
    del alpha
    return flipped


def light_strip(width: int, pad: int, lights: list[tuple[float, float, Color]],
                high: int) -> pygame.Surface:
    """The signs' light along a lane, `high` rows (a car's height) across the picture and `pad`
    beyond each side: under each sign (its middle and reach, shares of `width`; its colour)
    its colour, strongest along the roof."""
    xs = np.arange(width + 2 * pad, dtype=np.float32) - pad
    strip = np.zeros((width + 2 * pad, 3), np.float32)
    for middle, reach, color in lights:
        weight = np.exp(-(((xs - middle * width) / (reach * width)) ** 2))
        strip += weight[:, None] * np.array(color, np.float32)[None, :]
    rows = np.linspace(1.0, 0.55, high, dtype=np.float32)
    pixels = np.clip(strip[:, None, :] * rows[None, :, None], 0, 255).astype(np.uint8)
    return pygame.surfarray.make_surface(pixels)


def where(car: Car, sprites: Sprites, width: int, seconds: float) -> int:
    """The car's left edge at `seconds`: round its lane's loop, left (far) or right (near)."""
    length = sprites.body.get_width()
    loop = _round(car.lane) * width
    along = (seconds * SPEEDS[car.lane] * width + car.phase * loop) % loop
    return round(width - along) if sprites.left else round(along - length)
