"""Ash: grey, irregular flakes at many depths that tumble down slowly; the near ones blur."""

from __future__ import annotations

import math
import random

import numpy as np
import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.glow import blur
from installation.visuals.sprites import visible

MAX_FLAKES = 700
SHAPES = 3  # different torn outlines
TUMBLE_FRAMES = 6  # a flake turning over: its width shrinks to an edge and widens again
SIZE_STEPS = 5  # depths, far (a speck) to near (a big, soft flake)
SIZES = (0.0012, 0.0026, 0.0045, 0.008, 0.015)  # flake radius per depth, of the picture height
FALL = (0.006, 0.009, 0.013, 0.02, 0.03)  # picture heights per real second, per depth
OUT_OF_FOCUS = 3  # depths from this one on are blurred (too near for the lens)
DARK, LIGHT = 0.4, 0.95  # the darkest and lightest flake, times the ash colour
SWAY = 0.012  # sideways flutter, picture widths
TUMBLE_HZ = 0.35


def outline(rng: random.Random) -> list[tuple[float, float]]:
    """A torn scrap: 5 to 8 points at uneven distances round a centre, in a unit box."""
    count = rng.randint(5, 8)
    angles = sorted(rng.uniform(0, 2 * math.pi) for _ in range(count))
    return [(math.cos(a) * rng.uniform(0.45, 1.0), math.sin(a) * rng.uniform(0.3, 1.0))
            for a in angles]


def flake_sprite(points: list[tuple[float, float]], radius: float, turn: float,
                 color: Color, soft: bool) -> pygame.Surface:
    """One tumble frame: the scrap turned by `turn` (0..1 of half a turn) and foreshortened."""
    squash = max(0.15, abs(math.cos(turn * math.pi)))
    angle = turn * 2.0
    pad = 3 if soft else 1
    side = int(2 * radius) + 2 * pad + 1
    image = pygame.Surface((side, side), pygame.SRCALPHA)
    c = side / 2
    placed = []
    for x, y in points:
        x *= squash
        placed.append((c + radius * (x * math.cos(angle) - y * math.sin(angle)),
                       c + radius * (x * math.sin(angle) + y * math.cos(angle))))
    pygame.draw.polygon(image, (*color, 235 if not soft else 150), placed)
    return blur(image, 3) if soft and side >= 6 else image


class Ash:
    """Flakes whose places are a function of time alone; drawn with ordinary alpha, so they
    darken a pale sky and lighten dark ground, as ash does (never a lit dot)."""

    def __init__(self, size: tuple[int, int], amount: float, scale: float, color: Color,
                 wind: float, seed: int) -> None:
        self.size = size
        self.wind = wind
        rng = random.Random(seed)
        shapes = [outline(rng) for _ in range(SHAPES)]
        tones = (scaled(color, DARK), mix(scaled(color, DARK), scaled(color, LIGHT), 0.5),
                 scaled(color, LIGHT))
        height = size[1]
        self.sprites = {
            (d, s, t, f): flake_sprite(shapes[s], max(0.7, SIZES[d] * height * scale),
                                       f / TUMBLE_FRAMES, tones[t], d >= OUT_OF_FOCUS)
            for d in range(SIZE_STEPS) for s in range(SHAPES) for t in range(len(tones))
            for f in range(TUMBLE_FRAMES)}
        count = round(MAX_FLAKES * amount)
        # Most ash is far away: small depths are the most common. One row per flake.
        x, y = [rng.random() for _ in range(count)], [rng.random() for _ in range(count)]
        depth = [min(SIZE_STEPS - 1, int(SIZE_STEPS * rng.random() ** 2.6)) for _ in range(count)]
        shape = [rng.randrange(SHAPES) for _ in range(count)]
        tone = [rng.randrange(len(tones)) for _ in range(count)]
        self.phase = np.array([rng.random() * 6.283 for _ in range(count)])
        self.spin = np.array([rng.uniform(0.5, 1.5) for _ in range(count)])
        self.x, self.y = np.array(x), np.array(y)
        self.fall = np.array(FALL)[depth] * (0.8 + 0.4 * self.spin / 1.5)
        # Where each flake's tumble frames start in the flat list of sprites.
        self.first = np.array([((d * SHAPES + s) * len(tones) + t) * TUMBLE_FRAMES
                               for d, s, t in zip(depth, shape, tone, strict=True)])
        # Each sprite cut to the part that shows, and where that part lies in the whole.
        parts = [visible(self.sprites[key]) for key in sorted(self.sprites)]
        self.flat = [image for image, _corner in parts]
        self.dx = np.array([corner[0] for _image, corner in parts])
        self.dy = np.array([corner[1] for _image, corner in parts])

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """Every flake's place and tumble at once (numpy), then one batch of blits."""
        width, height = self.size
        t = seconds
        y = (self.y + t * self.fall) % 1.06 - 0.03
        drift = self.wind * 0.5 * self.fall * t + SWAY * np.sin(t * 0.5 * self.spin + self.phase)
        x = (self.x + drift) % 1.0
        turn = ((t * TUMBLE_HZ * self.spin + self.phase) * TUMBLE_FRAMES).astype(int)
        index = self.first + turn % TUMBLE_FRAMES
        places = zip(((x * width).astype(int) + self.dx[index]).tolist(),
                     ((y * height).astype(int) + self.dy[index]).tolist(), strict=True)
        # Straight from the iterators: a list of hundreds of pairs costs more than the blits.
        surface.fblits(zip(map(self.flat.__getitem__, index.tolist()), places, strict=True))
