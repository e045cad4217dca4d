"""The mother's tusk at the last image's size (10:37) is shaded smoothly from its stained root
to its ivory (main shaded it in pieces 10 pixels long: grey steps along it), and her far tusk
lies inside the near one's curve (its tip stood out past the near one's as a pale arc)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.mammoth import MIRED_TUSKS, TUSK_IVORY
from installation.visuals.mammoth_coat import smooth
from installation.visuals.pen import Pen, render
from installation.visuals.render import headless
from installation.visuals.tusks import tusk

PX = 297.0  # pixels a unit: the mother's at 10:30 (scale 1.1 at 1080 rows)
BOUNDS = (-1.2, -0.5, 0.8, 1.5)  # units round her near tusk: left, right, bottom, top
COAT = (11, 11, 13)
ALONG = (0.14, 0.8)  # the share of its length looked along: from where it leaves her face (its
# root's stain, 0.13 of it, is inside her face now) to its ivory
STEP_MOST = 18  # a pixel along its middle differs from the next by this much at most (RGB
# summed; main: 55; 17 where the middle line wanders a pixel across its middle strip's edge)


def _middle(image: pygame.Surface, line: list[tuple[float, float]]) -> np.ndarray:
    """The colour (RGB summed) along the middle of the tusk, a pixel apart."""
    left, _right, _bottom, top = BOUNDS
    colors = pygame.surfarray.array3d(image).astype(int).sum(axis=2)
    points = []
    for (ax, ay), (bx, by) in zip(line, line[1:], strict=False):
        steps = max(1, int(np.hypot(bx - ax, by - ay) * PX))
        points += [(ax + (bx - ax) * k / steps, ay + (by - ay) * k / steps) for k in range(steps)]
    return np.array([colors[int((x - left) * PX) + 2, int((top - y) * PX) + 2] for x, y in points])


def test_her_tusk_is_shaded_smoothly_along_it() -> None:
    headless()
    line = smooth(MIRED_TUSKS.line)

    def near(pen: Pen, color: tuple[int, int, int]) -> None:  # (noted down later, in pieces:
        pen.later(tusk(pen, line, MIRED_TUSKS, color, TUSK_IVORY, far=False))  # called alone,
        # the generator drew nothing and the test passed on an empty picture)

    values = _middle(finished(render(near, BOUNDS, PX, False, COAT)), line)
    start, end = (int(len(values) * share) for share in ALONG)
    assert values[start:end].min() > sum(COAT), "the tusk is drawn"
    steps = np.abs(np.diff(values[start:end]))
    assert steps.max() <= STEP_MOST, f"a step of {steps.max()} along it"


def test_her_far_tusk_lies_inside_the_near_ones_curve() -> None:
    """Facing left: the far tusk's tip is behind the near one's and below it."""
    (near_x, near_y), (far_x, far_y) = MIRED_TUSKS.line[-1], MIRED_TUSKS.far()[-1]
    assert far_x > near_x and far_y < near_y, ((near_x, near_y), (far_x, far_y))
