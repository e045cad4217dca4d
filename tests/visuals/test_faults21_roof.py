"""A car passing right under the eye at dusk has a roof in one smooth light, not nested boxes of
colour: over the whole of the roof filling the picture's corner (18:30, the review) no pixel
differs from its neighbour, across or along, by more than a few levels (on the base, strips
across times bands along it stepped by 10 to 20 levels), while its light still rises across it
and turns along it (it is shaded, not a flat slab)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.car_details import at
from installation.visuals.car_paint import finish, paint_of
from installation.visuals.cars import ROOF_FAR, WINDOWS, draw_shell, shells

SIZE, HORIZON = (1920, 1080), 430
DUSK_SKY = ((70, 80, 140), (230, 140, 100))  # the sky overhead and down the street
STEP = 6  # levels: the most one pixel of the roof differs from the next
INSIDE = 4  # pixels in from the roof's edges (its outline)...
RAILS = 0.05  # ...and this share of it in from either side (its rails)...
ENDS = 0.03  # ...and from either end
SHADED = 30  # levels (summed): between its darkest and its lightest, at least


def roof(lane: float, near: float, paint: int) -> tuple[np.ndarray, np.ndarray]:
    """A car in `lane` with its near end `near` away, drawn in the dusk light: the picture (x,
    y, rgb) and a mask of its roof's inside."""
    shell = shells(SIZE[0] // 2, SIZE, HORIZON, np.array([lane]), np.array([near]))[0]
    surface = pygame.Surface(SIZE)
    draw_shell(surface, shell, finish(*paint_of(paint, 0.6), *DUSK_SKY), front=True)
    outline = (shell[ROOF_FAR], shell[WINDOWS + 1], shell[WINDOWS + 2], shell[ROOF_FAR + 1])
    sheet = [at(outline, across, along)  # (its rails along both sides, mouldings; the
             for across, along in ((RAILS, ENDS), (1 - RAILS, ENDS),  # glass's chrome at
                                   (1 - RAILS, 1 - ENDS), (RAILS, 1 - ENDS))]  # its ends)
    solid, edge = pygame.Surface(SIZE), pygame.Surface(SIZE)
    pygame.draw.polygon(solid, (255, 255, 255), sheet)
    pygame.draw.polygon(edge, (255, 255, 255), sheet, 2 * INSIDE)
    mask = (pygame.surfarray.array_red(solid) > 0) & (pygame.surfarray.array_red(edge) == 0)
    return pygame.surfarray.array3d(surface).astype(int), mask


@pytest.mark.parametrize("paint", range(6))
@pytest.mark.parametrize("near", (0.0, 0.15))
def test_a_roof_under_the_eye_is_one_smooth_light(paint: int, near: float) -> None:
    picture, mask = roof(-0.3, near, paint)
    assert mask.mean() > 0.02, "the roof fills a corner of the picture"
    across = np.abs(np.diff(picture, axis=0)).max(axis=-1)[mask[1:] & mask[:-1]]
    along = np.abs(np.diff(picture, axis=1)).max(axis=-1)[mask[:, 1:] & mask[:, :-1]]
    assert across.max() <= STEP and along.max() <= STEP, (across.max(), along.max())
    levels = picture.sum(axis=-1)[mask]
    assert levels.max() - levels.min() >= SHADED, "shaded, not one flat colour"
