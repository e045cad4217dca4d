"""The tar pits' figures as a curator saw them close: the dream's mother's fringe is a hem,
and a burnt palm droops (no aerial of straight spokes). Her face: test_mammoth_head."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color, finished
from installation.visuals.mammoth import ghost
from installation.visuals.palm import PALM_CROWN
from installation.visuals.pen import render
from installation.visuals.shapes import SHAPES, UNIT

HEIGHT = 1080  # the picture's height the figures are drawn for
CHAR: Color = (23, 24, 30)  # the burnt palms'
BETWEEN_LEGS = (-0.1, 0.15)  # the mother's columns between her legs, in units
UNDER_BELLY = (0.36, 0.4)  # the rows of her fringe just under her belly, in units up
HEM_SOLID = 0.95  # the share of them solid, at least


def drawn(shape: str, scale: float, color: Color) -> tuple[pygame.Surface, float, tuple[
        float, float]]:
    """A shape drawn (facing as drawn), its pixels to a unit and where its units' 0, 0 is."""
    draw, (left, _right, _bottom, top) = SHAPES[shape]
    px = scale * UNIT * HEIGHT
    return finished(render(draw, SHAPES[shape][1], px, False, color)), px, (-left * px,
                                                                            top * px)


def at(point: tuple[float, float], px: float, origin: tuple[float, float]) -> tuple[int, int]:
    """A point in units, in the drawing's pixels."""
    return int(origin[0] + point[0] * px), int(origin[1] - point[1] * px)


def test_a_burnt_palm_droops_in_a_ragged_skirt() -> None:
    """Under its top, a skirt of dead fronds several times as wide as the trunk; round it,
    little of what is left of the crown stands above the top (seven straight spokes
    every way read as a TV aerial)."""
    image, px, origin = drawn("burnt palm", 0.586, CHAR)
    solid = pygame.surfarray.array_alpha(image) > 128
    x, y = at(PALM_CROWN, px, origin)
    skirt = [int(solid[:, row].sum()) for row in range(y + int(0.15 * px), y + int(0.3 * px))]
    assert np.median(skirt) >= 3 * 0.05 * px, "a skirt, not a bare pole"
    xs, ys = np.nonzero(solid)
    near = (np.abs(xs - x) < 0.6 * px) & (np.abs(ys - y) < 0.6 * px)
    above = near & (ys < y - 0.02 * px)
    assert above.sum() < 0.12 * near.sum(), "drooping, not spokes every way"


def test_an_apparitions_belly_hangs_in_a_hem_not_in_spikes() -> None:
    """Under the dream's mother's belly, between her legs, her fringe is joined in a hem (the
    night showed between its separate locks, through her, as a row of cypress trees: 72%
    of it solid)."""
    _draw, bounds = SHAPES["mammoth"]
    left, _right, _bottom, top = bounds
    px = 2.2 * UNIT * HEIGHT
    image = finished(render(ghost, bounds, px, False, (29, 41, 90)))
    solid = pygame.surfarray.array_alpha(image) > 128
    between = (slice(int((BETWEEN_LEGS[0] - left) * px), int((BETWEEN_LEGS[1] - left) * px)),
               slice(int((top - UNDER_BELLY[1]) * px), int((top - UNDER_BELLY[0]) * px)))
    assert solid[between].mean() >= HEM_SOLID
