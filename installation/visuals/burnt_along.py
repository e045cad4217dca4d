"""What the flash burns in along the boulevard besides Johnie's, as hard shapes that read against
the light: each palm whole, its crown a spray of splayed fronds with the light between them
(palm.py's live crown is a dense head that reads, burnt in, as a fuzzy ball), the car on the
road where its wreck will lie, and two people walking (one on the left sidewalk, one crossing
the road)."""

from __future__ import annotations

import math
import random
from collections.abc import Generator

import numpy as np
import pygame

from installation.visuals.ash_ground import WRECK_AT, WRECK_LONG
from installation.visuals.base import Color, stable_seed
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.johnies_before import Burnt, outlined
from installation.visuals.palette import WHITE
from installation.visuals.palm import PALM_CROWN
from installation.visuals.pen import Pen, Point, render
from installation.visuals.poses import pose
from installation.visuals.shapes import shape_picture
from installation.visuals.wardrobe import GROWN_UP
from installation.visuals.wreckage import Projection
from installation.visuals.wrecks import Wreck, draw_wreck

SOLID = 96  # a pixel at least this opaque is drawn solid white (a crown on its trunk)
FRONDS = (14, 17)  # fronds in a crown, fewest and most
FROND_ARC = 2.4  # radians from straight up: the lowest fronds hang this far round
FROND_REACH = (0.42, 0.66)  # a frond's length, standing straight up and reaching sideways
FROND_DROOP = 1.1  # how far a sideways frond's tip sinks below its line, of its length
FROND_WIDE = (0.04, 0.025)  # a frond's stalk: its width at the heart and where its blade begins
STALK = 0.22  # of a frond's length: its stalk, before the blade
BLADE_WIDE = 0.045  # the blade's half width at its widest, of the frond's length (wider,
# notched, the fronds were serrated leaves: a crown of them read as a cannabis leaf)
BLADE_STEPS = 28  # points along each edge of a blade
SPLIT = 0.35  # a blade splits into leaflets this far along it: its edges notched beyond
NOTCH = (0.8, 0.95)  # a notch between leaflets' tips, of the blade's width there
HEAD = 0.055  # the crown's heart, its radius
REACH = 0.8  # the crown's drawing's half size, in units
CAR_ROOM = 0.4  # the car's picture, this much of its length tall (it is 0.3 high)
WALKER_TALL = 0.45  # a person's height, in the boulevard's world units
# Each walker: road half widths across, how far along, the stride's phase, facing left. One on
# the sidewalk left of the road, one crossing it: the lit ground behind both, nothing else.
WALKERS = ((-1.5, 2.4, 0.15, False), (-0.4, 3.0, 0.6, True))


def whole_palm(px: float, flip: bool, seed: int) -> Generator[None, None, tuple[pygame.Surface,
                                                                                tuple[int, int]]]:
    """A palm in white, `px` pixels a unit (mirrored if `flip`), its fronds splayed as `seed`
    has them, in pieces: the picture and where in it its feet are."""
    trunk, feet = yield from shape_picture("palm", px, flip, WHITE)
    crown = yield from render(lambda pen, color: splayed(pen, color, seed),
                              (-REACH, REACH, -REACH, REACH), px, flip, WHITE)
    middle = round(REACH * px)
    cx, cy = PALM_CROWN
    at = (feet[0] + round((-cx if flip else cx) * px) - middle, feet[1] - round(cy * px) - middle)
    box = trunk.get_rect().union(crown.get_rect(topleft=at))
    out = pygame.Surface(box.size, pygame.SRCALPHA)
    out.blit(trunk, (-box.x, -box.y))
    out.blit(crown, (at[0] - box.x, at[1] - box.y))
    yield
    return solid(out), (feet[0] - box.x, feet[1] - box.y)


def splayed(pen: Pen, color: Color, seed: int) -> None:
    """A crown (at 0, 0) of fronds splayed round from straight up to hanging, each a blade
    on a short stalk, widest past its middle and pointed, arching out and sinking under its
    weight, its edges ragged where it splits into leaflets; the light shows between them."""
    rng = random.Random(stable_seed(seed, "splayed fronds"))
    count = rng.randint(*FRONDS)
    pen.ellipse((0.0, 0.0), HEAD, HEAD, color)
    for n in range(count):
        angle = FROND_ARC * (2 * (n + rng.uniform(0.35, 0.65)) / count - 1)
        side = abs(angle) / FROND_ARC  # 0 straight up, 1 hanging
        length = (FROND_REACH[0] + (FROND_REACH[1] - FROND_REACH[0]) * math.sin(
            math.pi / 2 * min(1.0, side * 1.6))) * rng.uniform(0.85, 1.1)
        droop = FROND_DROOP * side * rng.uniform(0.7, 1.2)
        pen.stroke([_on(angle, length, droop, t) for t in (0.0, STALK / 2, STALK)],
                   FROND_WIDE[0], FROND_WIDE[1], color)
        pen.polygon(_blade(angle, length, droop, rng), color)


def _blade(angle: float, length: float, droop: float, rng: random.Random) -> list[Point]:
    """A frond's blade round its spine from the stalk's end to its tip: widest past its
    middle, pointed, its edges notched by the leaflets' tips beyond SPLIT."""
    upper, lower = [], []
    steps = BLADE_STEPS
    for k in range(steps + 1):
        t = STALK + (1 - STALK) * k / steps
        (x0, y0), (x1, y1) = _on(angle, length, droop, t - 0.01), _on(angle, length, droop, t)
        norm = math.hypot(x1 - x0, y1 - y0) or 1.0
        nx, ny = -(y1 - y0) / norm, (x1 - x0) / norm  # across the spine
        u = (t - STALK) / (1 - STALK)
        half = BLADE_WIDE * length * math.sin(math.pi * u ** 0.8) ** 0.8
        if u > SPLIT and k % 2:  # between two leaflets' tips: notched
            half *= rng.uniform(*NOTCH)
        upper.append((x1 + nx * half, y1 + ny * half))
        lower.append((x1 - nx * half, y1 - ny * half))
    return upper + lower[::-1]


def _on(angle: float, length: float, droop: float, t: float) -> Point:
    """The point `t` of the way along a frond leaving the heart at `angle` from straight up,
    `length` long, its tip sunk `droop` of its length (it sinks more the further out)."""
    return (math.sin(angle) * length * t, math.cos(angle) * length * t - droop * length * t * t)


def solid(shape: pygame.Surface) -> pygame.Surface:
    """The shape in white through, its half-see-through edges made whole (blended on clear
    black, its edges were grey; no dark seam where one of its parts meets another)."""
    pygame.surfarray.pixels3d(shape)[:] = WHITE
    alpha = pygame.surfarray.pixels_alpha(shape)
    alpha[alpha >= SOLID] = 255
    del alpha  # (the surface is locked while its pixels are referenced)
    return shape


def padded(shape: pygame.Surface, edge: int) -> pygame.Surface:
    """The shape `edge` pixels larger each side (to lie where its outlined negative lies)."""
    out = pygame.Surface((shape.get_width() + 2 * edge, shape.get_height() + 2 * edge),
                         pygame.SRCALPHA)
    out.blit(shape, (edge, edge))
    return out


def burnt(shape: pygame.Surface, solid_shape: pygame.Surface, edge: int,
          foot: tuple[int, int], feet: tuple[float, float]) -> Burnt:
    """A shape's negative (outlined), its silhouette, and where both go for its `feet` (a
    point of the shape) to stand on `foot` (a point of the picture)."""
    at = (round(foot[0] - feet[0]) - edge, round(foot[1] - feet[1]) - edge)
    return outlined(shape, edge), padded(solid_shape, edge), at


def car(place: Projection, edge: int) -> Burnt:
    """The car side on across the road where its burnt wreck will lie (ash_ground.py), whole:
    white, its windows and tyres dark in the negative."""
    lane, z = WRECK_AT
    (x0, ground), (x1, _) = (place(lane + side * WRECK_LONG / 2, z) for side in (-1, 1))
    length = max(8, x1 - x0)
    image = pygame.Surface((length + 4, round(length * CAR_ROOM)), pygame.SRCALPHA)
    draw_wreck(image, image.get_width() // 2, image.get_height() - 2, length,
               Wreck(WHITE, 1, False, False, WHITE), np.random.default_rng(0))
    return burnt(image, solid(image.copy()), edge, ((x0 + x1) // 2, ground),
                 (image.get_width() // 2, image.get_height() - 2))


def walker(place: Projection, edge: int, which: int) -> Burnt:
    """One of WALKERS mid-stride on the sidewalk, in white."""
    across, along, stride, left = WALKERS[which]
    foot = place(across, along)
    tall = max(4, foot[1] - place(across, along, WALKER_TALL)[1])
    look = Look(tall, WHITE, None, outfit=GROWN_UP[(5 * which + 1) % len(GROWN_UP)])
    sprite, feet = sprite_for(pose("walk", stride), look, left)
    return burnt(sprite, solid(sprite.copy()), edge, foot, feet)


def walkers_at() -> tuple[float, ...]:
    """How far along the boulevard each of WALKERS is (to lay them among the palms)."""
    return tuple(along for _across, along, _stride, _left in WALKERS)
