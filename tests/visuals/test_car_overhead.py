"""A car passing under the eye reads as a car, not a sheet of metal sliding into the picture
(17:00:05, 01:00 review): its side windows framed by chrome under the roof's drip rail, its
roof's far edge rounding down away from the sky, and, once it is under the eye, its back glass
between its pillars."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.base import mix
from installation.visuals.car_details import at, back_glass
from installation.visuals.car_paint import Finish, finish, paint_of
from installation.visuals.cars import BACK, GLINT_SOFT, ROOF_FAR, WINDOWS, draw_shell, shells

SIZE, HORIZON, LANE = (1920, 1080), 430, -0.3  # a car coming in the inner lane
UNDER, PAST = -0.05, -0.3  # its near end's depth: just under the eye, and past it
DUSK_SKY = ((70, 80, 140), (230, 140, 100))  # the sky overhead and down the street
CHROME_OVER = 15  # levels (summed) the belt line's chrome is over the glass and the flank
EDGE_UNDER = 10  # levels (summed) the roof's far edge is under its colour a little in
PILLAR_OVER = 20  # levels (summed) a back pillar is over the dark glass between them


def _colours() -> Finish:
    """A grey car's colours at dusk."""
    return finish(*paint_of(0, 0.6), *DUSK_SKY)


def _drawn(depth: float) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The car at `depth` drawn over black (levels summed), and its shell's points."""
    shell = shells(SIZE[0] // 2, SIZE, HORIZON, np.array([LANE]), np.array([depth]))[0]
    surface = pygame.Surface(SIZE)
    draw_shell(surface, shell, _colours(), front=True)
    return pygame.surfarray.array3d(surface).astype(int).sum(axis=-1), shell


@pytest.fixture(scope="module")
def under() -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The car just under the eye."""
    return _drawn(UNDER)


def _level(frame: np.ndarray, point: tuple[int, int]) -> int:
    """The level at a point of the picture."""
    return int(frame[point])


def test_its_side_windows_are_framed_by_chrome(
    under: tuple[np.ndarray, list[tuple[int, int]]],
) -> None:
    """Along the foot of its side windows runs a bright line, between the dark glass and the
    flank in the shade (the glass ran into the flank, one dark band under the roof)."""
    frame, shell = under
    windows = shell[WINDOWS : WINDOWS + 4]
    quad = (windows[0], windows[3], windows[2], windows[1])
    for along in (0.85, 0.9, 0.95):  # (its front under the picture's foot)
        foot = at(quad, along, 0.0)
        column = frame[foot[0], foot[1] - 6 : foot[1] + 7]
        chrome, glass, flank = column[4:9].max(), column[:3].mean(), column[-3:].mean()
        assert chrome > max(glass, flank) + CHROME_OVER, (along, column)


def test_its_roof_s_far_edge_rounds_down(under: tuple[np.ndarray, list[tuple[int, int]]]) -> None:
    """The roof's far edge is darker than the roof a little in from it (one flat colour to
    its edge, the roof read as a table top)."""
    frame, shell = under
    windows = shell[WINDOWS : WINDOWS + 4]
    roof = (shell[ROOF_FAR], windows[1], windows[2], shell[ROOF_FAR + 1])
    for along in (0.6, 0.8, 0.95):
        edge, inside = _level(frame, at(roof, 0.04, along)), _level(frame, at(roof, 0.15, along))
        assert edge + EDGE_UNDER < inside, f"roof's far edge {edge}, a little in {inside}"


def test_past_the_eye_its_back_glass_shows_between_its_pillars() -> None:
    """Once the car is under the eye, its back glass shows beyond its roof, dark between
    its broad pillars (a faint band of one colour, it read as part of the roof). (A car as
    tall as a sedan, cars.TALL, hides it under its roof from this high eye, so it is drawn
    alone where it lies at PAST, as draw_shell draws it.)"""
    _frame, shell = _drawn(PAST)
    windows = shell[WINDOWS : WINDOWS + 4]
    glass = (shell[BACK], windows[3], windows[2], shell[ROOF_FAR + 1])
    colours, surface = _colours(), pygame.Surface(SIZE)
    soft = mix(colours.screen, colours.glint, GLINT_SOFT)
    back_glass(surface, glass, (colours.screen, soft), colours.roof, colours.shoulder)
    frame = pygame.surfarray.array3d(surface).astype(int).sum(axis=-1)
    for side in (0.08, 0.92):
        pillar, pane = _level(frame, at(glass, side, 0.4)), _level(frame, at(glass, 0.3, 0.4))
        assert pillar > pane + PILLAR_OVER, f"pillar {pillar}, glass {pane}"
