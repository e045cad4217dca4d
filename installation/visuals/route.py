"""A curator's path for people to walk: a polyline in pixels, walked by distance."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from installation.visuals.skeleton import Point


class Path:
    """A polyline in pixels, walked by distance from its first point."""

    def __init__(self, points: Sequence[Point]) -> None:
        self.points = list(points)
        self.lengths = [math.dist(a, b) for a, b in pairwise(self.points)]
        self.total = sum(self.lengths)

    def at(self, distance: float) -> tuple[Point, float]:
        """The point `distance` along (clamped to the ends), and the heading there (x sign)."""
        if not self.lengths:
            return self.points[0], 0.0
        distance = min(max(distance, 0.0), self.total)
        for (a, b), length in zip(pairwise(self.points), self.lengths, strict=True):
            if distance <= length and length > 0:
                t = distance / length
                return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), b[0] - a[0]
            distance -= length
        a, b = self.points[-2], self.points[-1]
        return b, b[0] - a[0]
