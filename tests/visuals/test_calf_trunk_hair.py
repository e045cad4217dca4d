"""The calling calf (10:30-14:30): its trunk swung out is whole, curling at its tip (it reached
past its picture's edge and was cut off there: a straight stick 3-4 pixels wide at x ~1186),
and its coat's locks down its chest hang unevenly, as hair (even, rim-lit, a comb of dashes)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.mammoth import calf
from installation.visuals.mammoth_lift import POSES
from installation.visuals.mammoth_pose import HEADROOM
from installation.visuals.pen import Pen, render
from installation.visuals.shapes import SHAPES

from .helpers import headless

PX = 100.0  # pixels a unit: about the calf's on the shore at 10:34
EDGE = 3  # columns at its picture's front edge where nothing of it may show
CHEST = (-0.62, -0.35, 0.45, 0.8)  # units: its chest, under its head (left, right, bottom, top)
UNEVEN = 0.22  # radians: how its locks there lean, either way from square to its edge: their
# spread at least this (base: 0.17, near parallel teeth; now 0.25)


def test_its_trunk_swung_out_is_whole_inside_its_picture() -> None:
    """At every height of its call, nothing of the calf touches its picture's front edge (its
    trunk, cut off there, stood as a straight stick before its face)."""
    headless()
    left, right, bottom, top = SHAPES["calf"][1]
    for pose in range(POSES):

        def posed(pen: Pen, color: tuple[int, int, int], lift: float = pose / (POSES - 1)
                  ) -> None:
            calf(pen, color, lift=lift)

        image = finished(render(posed, (left, right, bottom, top + HEADROOM), PX, False,
                                (60, 50, 40)))
        front = pygame.surfarray.array_alpha(image)[:EDGE]
        assert int(front.max()) == 0, f"cut off at its picture's edge at pose {pose}"


def _chest_locks() -> np.ndarray:
    """How its coat's locks down its chest lean (radians, from square to its edge): each tip
    from the middle of the roots either side of it, in the drawing (supersampled)."""
    pen = Pen(PX * 3, (300, 500), False, 3)
    calf(pen, (60, 50, 40))
    outlines = [np.array(shape.corners, float) for shape in pen.shapes if shape.corners]
    points = max(outlines, key=lambda corners: float(np.ptp(corners[:, 0])))  # its coat
    (x0, x1), (y0, y1) = (300 + np.array(CHEST[:2]) * PX * 3,
                          500 - np.array(CHEST[3:1:-1]) * PX * 3)
    leans = []
    for n in range(1, len(points) - 1, 2):  # root, tip, root, ...
        a, tip, b = points[n - 1], points[n], points[n + 1]
        if not (x0 <= tip[0] <= x1 and y0 <= tip[1] <= y1):
            continue
        side = (b - a) / (np.hypot(*(b - a)) or 1.0)
        out = tip - (a + b) / 2
        square = abs(float(side[0] * out[1] - side[1] * out[0]))  # out from the edge
        leans.append(np.arctan2(float(out @ side), square))
    return np.array(leans)


def test_the_locks_down_its_chest_hang_unevenly_as_hair() -> None:
    locks = _chest_locks()
    assert locks.size >= 8, f"{locks.size} locks down its chest"
    assert locks.std() >= UNEVEN, f"their lean spread {locks.std():.2f} radians"
