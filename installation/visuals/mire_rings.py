"""Slow rings spreading over the tar from an animal in it: the tar's own soft ripples (tar_rings:
a sprite for each size, made ahead with the figure), three blits a frame."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.mire import SPREAD
from installation.visuals.tar_rings import Rings, width

RINGS = 3  # rings spreading at once
RING_PERIOD = 10.0  # seconds a ring takes to spread out and fade
RING_STEPS = 30  # ring positions a second (a still back repaints them as their sizes change)
RING_SPREAD = 0.55  # how far a ring travels past the collar in its life, in the animal's heights
RING_SQUASH = 0.28  # how flat a ring looks on the tar from where we stand
GIRTH = 0.32  # the animal's depth, front to back, as a share of its width at the surface
RING_STRENGTH = 0.45  # a ring at its strongest, as a share of a bubble's ring as it bursts


@dataclass(frozen=True)
class Spread:
    """How rings spread from a figure in the tar: from `least` across, as deep as her
    `body`, `travel` wider over their life (the rings' shape, held by them: a method of
    Ripples would tie the two in a loop only the cycle collector frees)."""

    body: float
    least: float
    travel: float

    def __call__(self, radius: int) -> tuple[float, float, float]:
        """A ring of this size: its squash (as deep as she is as it sets out, and twice as
        much deeper as it grows, flattened by distance), its trough's width (a bubble's) and
        its strength, made with it (a plain blit each frame, not one faded by its alpha)."""
        depth = RING_SQUASH * (self.body + 2 * max(0.0, radius - self.least))
        return depth / (2 * radius), width(radius), strength(self.age(radius))

    def age(self, radius: float) -> float:
        """How far through its life (0..1) a ring this wide is."""
        return min(1.0, max(0.0, (radius - self.least) / self.travel))


class Ripples:
    """Slow rings spreading from a figure in the tar: the tar's own soft ripples (tar_rings)
    round her, setting out from under her collar as deep as her girth and flattened by
    distance as they spread, rising out of it and dying away far off."""

    def __init__(self, solid: np.ndarray, pad: int, thick: int, size: float,
                 middles: np.ndarray | None = None) -> None:
        """`solid`: which of the figure's columns (padded by `pad` each side) she fills at
        the surface; `thick`: her collar's height; `size`: her height; `middles`: her middle
        at the surface for each depth she may show at, from the figure's left (None: the
        middle of `solid`)."""
        found = np.flatnonzero(solid)
        x0, x1 = (int(found[0]), int(found[-1])) if found.size else (pad, pad)
        self.middle = (x0 + x1) // 2 - pad  # from the figure's left
        self.middles = (np.array([self.middle]) if middles is None or not middles.size
                        else middles)
        least = (x1 - x0) / 2 + thick * SPREAD * 0.5  # half across, as a ring sets out
        self.spread = Spread((x1 - x0) * GIRTH, least, size * RING_SPREAD)  # how deep she is,
        # front to back; how much wider a ring grows in its life
        self.rings = Rings(round(least), math.ceil(least + self.spread.travel), self.spread,
                           hollow=True)

    def area(self, left: int, line: int) -> pygame.Rect:
        """Where the rings can reach, for a figure whose left edge is at `left`, round any
        of her middles."""
        half_x, half_y = self.rings.reach()
        low, high = int(self.middles.min()), int(self.middles.max())
        return pygame.Rect(left + low - half_x, line - half_y, high - low + 2 * half_x + 1,
                           2 * half_y + 1)

    def sizes(self, seconds: float, until: float = math.inf,
              since: float = -math.inf) -> tuple[int, ...]:
        """The sizes of the rings showing `seconds` into the scene (RING_STEPS positions a
        second, each as near as the sizes made): they change only as one of them does. Only
        those set out by `until` (real seconds into the scene: she has gone under, the last
        of them spread and die away), and from `since` (the first of them setting out)."""
        step = math.floor(seconds * RING_STEPS) / RING_STEPS
        ages = [(step / RING_PERIOD + n / RINGS) % 1.0 for n in range(RINGS)]
        spread = self.spread
        made = (self.rings.nearest(spread.least + spread.travel * age) for age in ages
                if since <= step - age * RING_PERIOD <= until)
        return tuple(size for size in made if round(255 * strength(spread.age(size))))

    def draw(self, surface: pygame.Surface, left: int, line: int, sizes: tuple[int, ...],
             middle: int | None = None) -> None:
        """The rings of these `sizes` (see `sizes`), round her `middle` on the surface (from
        her left; None: as she was set up)."""
        centre = left + (self.middle if middle is None else middle)
        for size in sizes:
            self.rings.draw(surface, (centre, line), size)


def middles(image: pygame.Surface, solid: int) -> np.ndarray:
    """For each count of a figure's rows above the surface (1 to its height: index 0 is 1
    row), the middle of its solid pixels (alpha over `solid`) in its lowest shown row, from
    its left; rows with none take the nearest lower row's (the last row with any: its
    middle as it goes under)."""
    alpha = pygame.surfarray.pixels_alpha(image)
    filled = alpha > solid
    width, height = filled.shape
    columns = np.arange(width)[:, None]
    first = np.where(filled, columns, width).min(axis=0)
    last = np.where(filled, columns, -1).max(axis=0)
    del alpha
    out = np.where(last >= 0, (first + last) // 2, -1)
    if not (out >= 0).any():
        return np.zeros(0, int)
    for rows in (range(height - 1, -1, -1), range(height)):  # from the nearest lower row,
        kept = -1  # then (rows under all of her) the nearest upper one
        for row in rows:
            kept = out[row] = out[row] if out[row] >= 0 else kept
    return out


def strength(age: float) -> float:
    """How strongly a ring shows `age` through its life (0..1): rising out of the collar,
    dying away far off."""
    return RING_STRENGTH * math.sin(math.pi * age)
