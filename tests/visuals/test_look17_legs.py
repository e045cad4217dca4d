"""Park La Brea (04:35-04:50): the old couple stand on legs, not pillars: under his coat and her
skirt each has two legs, apart at the ankles, narrowing from the calf down to them, over their
shoes; the knee bent a little forward (on d3fc999b each leg was one straight bar as wide all
the way down, and the two of each stood as one pillar)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.old_couple import bodies
from installation.visuals.old_embrace import _leg

from .test_park21_one_place import as_up_close  # (their size and place before park21)

HELD_AT = ("04:40:35", "04:42", "04:45", "04:48")  # in each other's arms
LEGS = pygame.Rect(240, 740, 420, 105)  # below their hems, down to their shoes' arches, at full HD
DARK = 45  # luminance: a silhouette's pixel
LEG_WIDE = (12, 40)  # pixels: a leg's run across a row (his stick is 10)
ROWS = 10  # rows at least with all four legs apart
TAPER = 0.85  # the lowest of those rows' legs are at most this share as wide as the highest's
TALL = 400  # pixels: a leg drawn alone this high a body
KNEE = 0.26  # of their height: the knee
BENT = 0.01  # of their height: the knee's front stands forward of the hip-to-ankle line


def leg_runs(lum: np.ndarray, y: int) -> list[int]:
    """The widths of the dark runs across row `y` as wide as a leg."""
    dark = np.concatenate(([False], lum[:, y] < DARK, [False])).astype(int)
    edges = np.flatnonzero(np.diff(dark))
    widths = edges[1::2] - edges[::2]
    return [int(w) for w in widths if LEG_WIDE[0] <= w <= LEG_WIDE[1]]


def test_each_stands_on_two_legs_narrowing_to_the_ankles() -> None:
    for at in HELD_AT:
        rgb = pygame.surfarray.array3d(as_up_close(at).subsurface(LEGS)).astype(float)
        lum = rgb @ np.array([0.3, 0.59, 0.11])
        apart = [(y, runs) for y in range(LEGS.height) if len(runs := leg_runs(lum, y)) >= 4]
        assert len(apart) >= ROWS, (at, "four legs apart", len(apart))
        high = np.mean([np.mean(runs) for _, runs in apart[:5]])
        low = np.mean([np.mean(runs) for _, runs in apart[-5:]])
        assert low <= TAPER * high, (at, "narrowing to the ankles", low, high)


def test_the_knee_is_bent_forward() -> None:
    """Each leg drawn alone, TALL pixels high: its front edge at the knee stands forward of
    the straight line from the hip's front to the ankle's."""
    for body in bodies(0.5, 0.0):
        tall = TALL / body.tall
        picture = pygame.Surface((TALL, TALL))
        outline = [(TALL / 2 + (x - body.x) * tall * body.facing, TALL - y * tall)
                   for x, y in _leg(body, 0.0, 0.0)]
        pygame.draw.polygon(picture, (255, 255, 255), outline)
        ink = pygame.surfarray.array_red(picture) > 0
        rows = np.flatnonzero(ink.any(axis=0))
        front = {int(y): int(np.flatnonzero(ink[:, y]).max()) for y in rows}
        hip, ankle = rows[0] + 2, rows[-1] - 2
        knee = round(TALL - KNEE * TALL)
        straight = front[hip] + (front[ankle] - front[hip]) * (knee - hip) / (ankle - hip)
        assert front[knee] - straight >= BENT * TALL, (body, front[knee], straight)
