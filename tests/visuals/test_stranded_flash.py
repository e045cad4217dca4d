"""Across Wilshire at first light: the police car's flashes fall on the stranded cars as a
light does, on the faces turned to its light bar, a tint on the rest: a car keeps its own paint
in a red flash and a blue one (on main the wash repainted whole cars, maroon to navy). Their
edges are smooth, not stair-stepped across the road."""

from __future__ import annotations

import math

import numpy as np
import pygame
import pytest

from installation.visuals.base import at_once
from installation.visuals.compositor import Compositor
from installation.visuals.panic import LEFT, Panic
from installation.visuals.racing import street_projection
from installation.visuals.render import headless
from installation.visuals.siren import RED, Wash
from installation.visuals.stranded import BODY, HALF_LONG, HALF_WIDE, SILL, Stranded
from installation.visuals.stranded_lit import wash_share
from installation.visuals.stranded_smooth import SMOOTH, draw_smooth

from .test_police_wash import HORIZON, _flash_and_dark
from .test_wilshire_panic import SIZE, dawn

TINTED = 12.0  # a flash adds at most this to the red (blue) of a car's side turned from it
CAUGHT = 15.0  # ... and at least this to a face turned squarely to it
LIGHTER = 2.0  # ... this many times what it adds to the same car's face turned from it
SOFT = 0.6  # of the columns under a slewed car, the share whose edge pixel is part car, part road


@pytest.fixture(scope="module")
def flashes() -> dict[str, np.ndarray]:
    """The picture in a red flash, in a blue one and between flashes, a moment apart."""
    return dict(zip(("red", "blue", "dark"), _flash_and_dark(), strict=True))


def _car(n: int) -> Stranded:
    lane, z, yaw, door = LEFT[n]
    return Stranded(lane, z, yaw, (0, 0, 0), (0, 0, 0), door)


def _face(car: Stranded, along: float, side: float,
          size: tuple[int, int] = SIZE) -> tuple[slice, slice]:
    """A few pixels in the middle of a face of the car (its `along`, `side` way out), halfway
    up its flank."""
    project = street_projection(size, round(HORIZON * size[1]))
    x, z = car.point(along * HALF_LONG, side * HALF_WIDE)
    col, row = project(x, z, (SILL + BODY) / 2)
    return slice(col - 2, col + 3), slice(row - 1, row + 2)


def test_a_flash_tints_a_cars_side_turned_from_it_and_keeps_its_paint(
        flashes: dict[str, np.ndarray]) -> None:
    """The nearest car on the left: its side we see (turned away from the police car) takes
    a tint of each flash, no more; its paint is the same maroon in the red and the blue."""
    car = _car(0)
    away = (0.0, 1.0)
    assert car.faces_us(*away)
    cols, rows = _face(car, *away)
    dark = flashes["dark"][cols, rows]
    reddened = (flashes["red"][cols, rows, 0] - dark[..., 0]).mean()
    blued = (flashes["blue"][cols, rows, 2] - dark[..., 2]).mean()
    assert reddened <= TINTED and blued <= TINTED, (
        f"its side repainted: red +{reddened:.1f}, blue +{blued:.1f}")


def test_a_flash_falls_on_a_cars_end_turned_to_the_light_bar_not_on_its_side() -> None:
    """A car beside a police car, side on to us, its front turned to the light bar: a red
    flash falls on its front, its side turned from the bar takes a tint (on main both took the
    same wash, one colour over the whole car)."""
    headless()
    size, horizon = (960, 540), round(HORIZON * 540)
    project = street_projection(size, horizon)
    fine = street_projection((size[0] * SMOOTH, size[1] * SMOOTH), horizon * SMOOTH)
    light = (0.1, 4.0)
    car = Stranded(0.9, 4.0, -math.pi / 2, (110, 30, 34), (20, 20, 24), 0,
                   ((60, 70, 110), (200, 120, 100)))
    bodies = pygame.Surface(size, pygame.SRCALPHA)
    bodies.fill((0, 0, 0, 0))
    seen = draw_smooth(bodies, project, fine, car)
    wash = Wash()
    at_once(wash.pieces(size, horizon, light, 0.55, wash_share(project, [(car, seen)], light)))
    sprite, corner = wash.sprites[RED][-1]
    dark = pygame.Surface(size)
    dark.fill((40, 40, 44))
    dark.blit(bodies, (0, 0))
    lit = dark.copy()
    lit.blit(sprite, corner, special_flags=pygame.BLEND_RGB_ADD)
    added = []
    for face in ((1.0, 0.0), (0.0, -1.0)):
        assert car.faces_us(*face)
        cols, rows = _face(car, *face, size)
        added.append((pygame.surfarray.array3d(lit)[cols, rows, 0].astype(float)
                      - pygame.surfarray.array3d(dark)[cols, rows, 0]).mean())
    front, side = added
    assert front >= CAUGHT and front >= LIGHTER * side, (
        f"its front takes red +{front:.1f}, its side +{side:.1f}")


def test_a_slewed_cars_lower_edge_is_smooth_not_stepped() -> None:
    """Full size, under the nearest car on the left (slewed across the lane): in most columns
    the pixel where the car meets the road is part car, part road (its alpha between), not a
    stair of whole pixels."""
    line, scene, _compositor = dawn()
    size = (1920, 1080)
    (index, spec), = [(n, s) for n, s in enumerate(scene.layers)
                      if s.type == "panic" and s.params["part"] == "all"]
    panic = Panic(spec.params, Compositor(line, size, print).setup(scene, index, "panic"))
    bodies, (left, top) = panic.bodies
    alpha = pygame.surfarray.array_alpha(bodies).astype(int)
    project = street_projection(size, round(HORIZON * size[1]))
    car = _car(0)
    ends = [project(*car.point(a * HALF_LONG, s * HALF_WIDE), SILL)[0]
            for a in (-1, 1) for s in (-1, 1)]
    soft = 0
    columns = range(min(ends) - left + 8, max(ends) - left - 8)
    for col in columns:
        lit = np.flatnonzero(alpha[col] > 0)
        edge = alpha[col, lit[-1]]
        soft += 0 < edge < 250
    assert soft >= SOFT * len(columns), f"{soft} of {len(columns)} columns end softly"
