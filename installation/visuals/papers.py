"""Sheets of paper tumbling across the road in the wind: each sheet folded once, turning over end
over end (foreshortened as it turns, its two halves catching the light in turn), drawn once in
each step of its turn and laid each frame."""

from __future__ import annotations

import math

import pygame

from installation.visuals.base import Color, scaled

TURNS = 16  # a sheet's turn is drawn in this many steps
DETAIL = 3  # each step drawn this many times larger, then shrunk (soft edges)
ASPECT = 0.78  # a sheet's width across its fold, of its length
FOLD = 0.55  # radians: the two halves open at this angle from flat
WOBBLE = 0.35  # radians: the sheet rocks in the picture's plane this much as it turns
THIN = 0.12  # edge-on, a sheet is still this share of its length (never a hairline)
SHADE = 0.55  # a half turned from the light is this share of its brightness
GLINT = 1.35  # a half square to the light is this much brighter, a moment each turn
FOLD_LINE = 0.6  # the fold: this share of the darker half's brightness


def tumbling(length: float, paper: Color, tilt: float) -> list[pygame.Surface]:
    """A sheet `length` pixels long, in each of TURNS steps of one turn end over end, in its
    `tilt` (radians: how it lies in the picture's plane)."""
    size = max(2, math.ceil(length * 1.3))
    return [_step(size, length, paper, tilt, 2 * math.pi * k / TURNS) for k in range(TURNS)]


def turn_step(turn: float) -> int:
    """Which of the TURNS steps a sheet `turn` radians into its tumbling shows."""
    return int(turn / (2 * math.pi) * TURNS) % TURNS


def _step(size: int, length: float, paper: Color, tilt: float, turn: float) -> pygame.Surface:
    """One step: the two halves either side of the fold, each foreshortened by its own angle to
    the eye and lit by its angle to the sky, and the fold line between them."""
    big = pygame.Surface((size * DETAIL, size * DETAIL), pygame.SRCALPHA)
    big.fill((0, 0, 0, 0))
    middle = size * DETAIL / 2
    half = length * DETAIL / 2
    wide = half * ASPECT
    angle = tilt + WOBBLE * math.sin(turn)
    along = (math.cos(angle), math.sin(angle))
    across = (-along[1], along[0])

    def at(a: float, c: float) -> tuple[float, float]:
        return (middle + along[0] * a + across[0] * c, middle + along[1] * a + across[1] * c)

    lights = []
    for side in (-1, 1):
        facing = turn + side * FOLD / 2
        reach = half * max(THIN, abs(math.cos(facing)))
        lights.append(_light(math.sin(facing)))
        pygame.draw.polygon(big, (*scaled(paper, lights[-1]), 255),
                            [at(0, -wide), at(0, wide), at(side * reach, wide * 0.96),
                             at(side * reach, -wide * 0.96)])
    crease = scaled(paper, FOLD_LINE * min(lights))
    pygame.draw.line(big, (*crease, 255), at(0, -wide), at(0, wide), max(1, DETAIL))
    return pygame.transform.smoothscale(big, (size, size))


def _light(up: float) -> float:
    """How bright a half is for how squarely it faces the sky (1) or away (-1): in shade
    turned away, brighter facing up, a glint when square to it."""
    level = SHADE + (1 - SHADE) * max(0.0, up)
    return level * (GLINT if up > 0.92 else 1.0)
