"""Drawing laid out in shares of the picture: rectangles, smoothed outlines and curves, and
colours shading from top to foot."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame

from installation.visuals.base import Color

Point = tuple[float, float]  # as shares of the picture's width and height
Box = tuple[float, float, float, float]  # left, top, right, bottom, as shares
SMOOTH_STEPS = 8  # points of the drawn curve between two of its given points


def box(shares: Box, size: tuple[int, int]) -> pygame.Rect:
    """A rectangle from shares of the picture."""
    width, height = size
    left, top = round(shares[0] * width), round(shares[1] * height)
    return pygame.Rect(left, top, round(shares[2] * width) - left,
                       round(shares[3] * height) - top)


def shape(surface: pygame.Surface, color: Color, points: Sequence[Point],
          size: tuple[int, int], offset: tuple[int, int] = (0, 0)) -> None:
    """A filled polygon given in shares, its edge smoothed."""
    width, height = size
    pts = [(x * width - offset[0], y * height - offset[1]) for x, y in points]
    pygame.draw.polygon(surface, color, pts)
    pygame.draw.aalines(surface, color, True, pts)


def smooth(points: Sequence[Point], steps: int = SMOOTH_STEPS) -> list[Point]:
    """A curve through the points (Catmull-Rom), `steps` points between each two."""
    padded = [points[0], *points, points[-1]]
    out: list[Point] = []
    for n in range(1, len(padded) - 2):
        p0, p1, p2, p3 = (np.array(padded[n + k]) for k in (-1, 0, 1, 2))
        for t in np.linspace(0.0, 1.0, steps, endpoint=False):
            q = 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
                       + (3 * p1 - p0 - 3 * p2 + p3) * t**3)
            out.append((float(q[0]), float(q[1])))
    out.append(points[-1])
    return out


def shades(rows: int, top: Color, foot: Color) -> np.ndarray:
    """The colour of each of `rows` rows shading from `top` to `foot` (rows x 3 bytes)."""
    t = np.linspace(0.0, 1.0, max(1, rows))[:, None]
    rgb = np.array(top, float) * (1 - t) + np.array(foot, float) * t
    return rgb.astype(np.uint8)


def vertical(rect: pygame.Rect, top: Color, foot: Color) -> pygame.Surface:
    """A rectangle shading from one colour at the top to another at the foot (one column
    worked out, then widened)."""
    column = pygame.surfarray.make_surface(shades(rect.height, top, foot)[None, :, :])
    return pygame.transform.scale(column, (max(1, rect.width), max(1, rect.height)))
