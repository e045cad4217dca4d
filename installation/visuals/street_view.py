"""The boulevard seen in one-point perspective: where a point of the street's world (x across
the road, z away from the viewer, up above the road) falls on the picture."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from installation.visuals.roadmarks import HORIZON_T

Depth = TypeVar("Depth", float, np.ndarray)  # a number, or an array of them alike
RISE = 0.9  # rows a unit of height rises, against the ground's rows below the horizon at z = 1


def across_at(middle: int, width: int, x: Depth, k: Depth) -> Depth:
    """The street's column of world x at 1/z = k, its vanishing point at column `middle`,
    unrounded (for numbers or arrays alike)."""
    return middle + x * width * 0.5 * k


def down_at(horizon: int, height: int, up: Depth, k: Depth) -> Depth:
    """The street's row of a height `up` at 1/z = k under a horizon at row `horizon`,
    unrounded (for numbers or arrays alike)."""
    ground = height - horizon
    return horizon + ground * k * HORIZON_T - up * ground * k * RISE


@dataclass(frozen=True)
class Perspective:
    """The street's view: its picture's size, the vanishing point's column and the horizon's
    row."""

    size: tuple[int, int]
    middle: int
    horizon: int

    def __call__(self, x: float, z: float, up: float = 0.0) -> tuple[int, int]:
        """Screen position of world point (x across, z away, up above the road)."""
        k = 1.0 / z
        return (int(across_at(self.middle, self.size[0], x, k)),
                int(down_at(self.horizon, self.size[1], up, k)))
