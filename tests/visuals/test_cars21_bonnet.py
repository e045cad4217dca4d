"""A car coming over the crossing at dusk, its bonnet filling the picture's foot, shows that
bonnet shaded along its length (its nose rounding down, the street's light across its middle,
darker again under the windscreen), not one flat colour from nose to glass (on the base it
was shaded across only: a plank of bonnet, 19:50)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.car_details import at
from installation.visuals.car_paint import finish, paint_of
from installation.visuals.cars import FLANK, LID_FAR, draw_shell, shells

SIZE, HORIZON = (1920, 1080), 669  # the dusk street's (horizon 0.62)
DUSK_SKY = ((40, 36, 70), (150, 90, 80))  # the sky overhead and down the street, late dusk
ACROSS = (0.3, 0.5)  # across the bonnet from its far side: lines along it, clear of its edges
ALONG = np.linspace(0.08, 0.92, 22)  # ...sampled along it from its nose to the glass
SHADED = 24  # levels (summed): between the darkest and the lightest along a line, at least


def bonnet(lane: float, near: float, paint: int) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """A car coming in `lane` with its nose `near` away, drawn in the dusk light: the picture's
    brightness (the sum of channels) and its bonnet's outline (as car_details.at takes it)."""
    shell = shells(SIZE[0] // 2, SIZE, HORIZON, np.array([lane]), np.array([near]))[0]
    surface = pygame.Surface(SIZE)
    draw_shell(surface, shell, finish(*paint_of(paint, 0.1), *DUSK_SKY), front=True)
    flank = shell[FLANK:FLANK + 4]
    lid = [shell[LID_FAR], flank[3], shell[LID_FAR + 2], shell[LID_FAR + 1]]
    return pygame.surfarray.array3d(surface).astype(int).sum(axis=2), lid


@pytest.mark.parametrize("paint", range(6))
@pytest.mark.parametrize(("lane", "near"), [(-0.3, 0.5), (-0.3, 0.7), (-0.72, 1.0)])
def test_a_near_bonnet_is_shaded_along_its_length(lane: float, near: float, paint: int) -> None:
    pixels, lid = bonnet(lane, near, paint)
    for across in ACROSS:
        line = [pixels[min(SIZE[0] - 1, x), min(SIZE[1] - 1, y)]
                for x, y in (at(lid, across, along) for along in ALONG)
                if 0 <= x < SIZE[0] and 0 <= y < SIZE[1]]
        assert len(line) > len(ALONG) // 2, "the bonnet is in the picture"
        assert max(line) - min(line) >= SHADED, f"one flat colour along it: {line}"
