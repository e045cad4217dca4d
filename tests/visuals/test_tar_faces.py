"""The tar pits' figures as a curator saw them close: the mammoth's face is of her coat (no
cartoon eye, no grey oval ear), and a burnt palm droops (no aerial of straight spokes)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import Color, finished
from installation.visuals.mammoth import EYE
from installation.visuals.silhouette import PALM_CROWN, SHAPES, UNIT, _render

HEIGHT = 1080  # the picture's height the figures are drawn for
COAT: Color = (11, 11, 13)  # the mother's colour at noon
CHAR: Color = (23, 24, 30)  # the burnt palms'
EAR = (-0.36, 1.06)  # the middle of the mother's ear, in units
GLINT_MOST = 8  # pixels round her eye lighter than her coat by LIGHTER: a glint, no more
LIGHTER = 90  # levels (red, green and blue added) over her coat's
EAR_LIGHTER = 15  # her ear: at most this much lighter than her coat (same sum)


def drawn(shape: str, scale: float, color: Color) -> tuple[pygame.Surface, float, tuple[
        float, float]]:
    """A shape drawn (facing as drawn), its pixels to a unit and where its units' 0, 0 is."""
    draw, (left, _right, _bottom, top) = SHAPES[shape]
    px = scale * UNIT * HEIGHT
    return finished(_render(draw, SHAPES[shape][1], px, False, color)), px, (-left * px,
                                                                             top * px)


def at(point: tuple[float, float], px: float, origin: tuple[float, float]) -> tuple[int, int]:
    """A point in units, in the drawing's pixels."""
    return int(origin[0] + point[0] * px), int(origin[1] - point[1] * px)


def around(centre: tuple[int, int], reach: int) -> tuple[slice, slice]:
    """The square of pixels `reach` either side of `centre` (x, y)."""
    return (slice(centre[0] - reach, centre[0] + reach),
            slice(centre[1] - reach, centre[1] + reach))


def test_her_eye_is_small_and_dark_with_no_ring_of_light() -> None:
    """Round her eye nothing is much lighter than her coat but a glint of a few pixels (a lid
    lit all round it read as the white of a cartoon eye: 70 pixels)."""
    image, px, origin = drawn("mammoth", 1.05, COAT)
    light = pygame.surfarray.array3d(image).astype(int).sum(axis=2)
    solid = pygame.surfarray.array_alpha(image) > 128
    box = around(at(EYE, px, origin), int(0.06 * px))
    assert ((light[box] > sum(COAT) + LIGHTER) & solid[box]).sum() <= GLINT_MOST


def test_her_ear_is_of_her_coat_not_a_grey_oval() -> None:
    image, px, origin = drawn("mammoth", 1.05, COAT)
    light = pygame.surfarray.array3d(image).astype(int).sum(axis=2)
    ear = light[around(at(EAR, px, origin), int(0.02 * px))]
    assert np.median(ear) <= sum(COAT) + EAR_LIGHTER


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
