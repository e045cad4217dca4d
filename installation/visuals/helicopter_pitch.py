"""The helicopter's drawings pitched: its nose dipping to fly on and lifting as it brakes into a
hover, made once at a few angles (each drawn large, turned and smoothed down)."""

from __future__ import annotations

import math

import pygame

Point = tuple[float, float]
PITCH_MOST = 5.0  # degrees: the furthest its nose dips (or lifts)
PITCH_STEPS = 5  # its drawings are made this many steps apart either side of level (1 degree)


def angles() -> list[float]:
    """The pitches its drawings are made at, in degrees, nose down positive: from lifted most to
    dipped most."""
    return [PITCH_MOST * n / PITCH_STEPS for n in range(-PITCH_STEPS, PITCH_STEPS + 1)]


def step_of(tilt: float) -> int:
    """Which of `angles()` shows a pitch of `tilt` (-1 lifted most .. 1 dipped most)."""
    return PITCH_STEPS + round(max(-1.0, min(1.0, tilt)) * PITCH_STEPS)


def turned(offset: Point, degrees: float) -> Point:
    """A drawing's point `offset` (pixels, y down) from its middle, once the drawing facing
    right is pitched `degrees` nose down (turned clockwise on the picture)."""
    a = math.radians(degrees)
    return (offset[0] * math.cos(a) - offset[1] * math.sin(a),
            offset[0] * math.sin(a) + offset[1] * math.cos(a))


def pitched(big: pygame.Surface, middle: Point, degrees: float, shrink: int
            ) -> tuple[pygame.Surface, Point]:
    """`big` (a drawing facing right, `shrink` times its size, its middle at `middle`) pitched
    `degrees` nose down and smoothed down to size, and where its middle is in it."""
    width, height = big.get_size()
    turned_big = pygame.transform.rotate(big, -degrees) if degrees else big
    new_width, new_height = turned_big.get_size()
    dx, dy = turned((middle[0] - width / 2, middle[1] - height / 2), degrees)
    size = (max(1, round(new_width / shrink)), max(1, round(new_height / shrink)))
    return (pygame.transform.smoothscale(turned_big, size),
            ((new_width / 2 + dx) / shrink, (new_height / 2 + dy) / shrink))
