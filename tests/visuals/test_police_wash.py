"""Across Wilshire at first light (05:05-05:12): the police car's flashes light what is near it
(the road round it, the cars' sides, the runners) and fall off with the distance from it: the
sky and the towers behind stay as they are, and so does the road at our feet (on main the
wash tinted whole frames red, then blue, the towers and the near road with them). A stranded
car's side is shaded up from its sill to its shoulder, not one flat lighter box."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.siren import pulse
from installation.visuals.stranded import BODY, HALF_WIDE, SILL, Stranded, draw_stranded
from installation.visuals.street_view import Perspective

from .test_wilshire_panic import SIZE, dawn, frame

HORIZON = 0.56  # the scene's horizon, of the picture's height
TOWERS = (0.3, 0.53)  # the towers over the cars: rows from this share of the height to this
NEAR_ROAD = (0.7, 0.76)  # the road nearer us than the cars: rows from this share to this
STILL = 2.0  # a flash adds no more than this to the red (or blue) there, on average
LIT = 25.0  # ... while the road round the car takes this much at least
CAR_ROAD = (0.4, 0.6, 0.615, 0.64)  # the road round the police car: columns, then rows (shares)


def _flash_and_dark() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The picture in a red flash, in a blue one and between flashes, a moment apart."""
    line, _scene, compositor = dawn()
    start = parse_clock("05:08")
    found: dict[str, float] = {}
    for n in range(120):
        story = start + n * 0.05
        red, blue = pulse(frame(line, story).seconds)
        name = "red" if red == 1.0 else "blue" if blue == 1.0 else (
            "dark" if red == blue == 0.0 else "")
        if name:
            found.setdefault(name, story)
    pictures = []
    for name in ("red", "blue", "dark"):
        surface = pygame.Surface(SIZE)
        compositor.draw(surface, state_at(line, found[name]))
        pictures.append(pygame.surfarray.array3d(surface).astype(float))
    lit_red, lit_blue, unlit = pictures
    return lit_red, lit_blue, unlit


def _rows(share: tuple[float, float]) -> slice:
    return slice(round(share[0] * SIZE[1]), round(share[1] * SIZE[1]))


@pytest.fixture(scope="module")
def flashes() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return _flash_and_dark()


@pytest.mark.parametrize("where", [TOWERS, NEAR_ROAD])
def test_the_flash_leaves_the_towers_and_the_near_road_as_they_are(
        flashes: tuple[np.ndarray, np.ndarray, np.ndarray], where: tuple[float, float]) -> None:
    red, blue, dark = flashes
    rows = _rows(where)
    reddened = (red[:, rows, 0] - dark[:, rows, 0]).mean()
    blued = (blue[:, rows, 2] - dark[:, rows, 2]).mean()
    assert reddened <= STILL and blued <= STILL, (
        f"rows {rows.start}-{rows.stop} washed: red +{reddened:.1f}, blue +{blued:.1f}")


def test_the_flash_lights_the_road_round_the_police_car(
        flashes: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    red, blue, dark = flashes
    cols = slice(round(CAR_ROAD[0] * SIZE[0]), round(CAR_ROAD[1] * SIZE[0]))
    rows = _rows(CAR_ROAD[2:])
    assert (red[cols, rows, 0] - dark[cols, rows, 0]).mean() >= LIT, "no red round the car"
    assert (blue[cols, rows, 2] - dark[cols, rows, 2]).mean() >= LIT, "no blue round the car"


BIG = (960, 540)
PAINT = (150, 60, 50)
SHADED = 1.2  # a side's shoulder: this many times as light as its foot at least


def test_a_stranded_cars_side_is_shaded_from_its_sill_to_its_shoulder() -> None:
    """A car near the viewer, side on: down the middle of its side, the shoulder under the
    waist catches the sky, the foot over the sill is in shade."""
    project = Perspective(BIG, BIG[0] // 2, round(HORIZON * BIG[1]))
    car = Stranded(0.0, 2.0, 1.4, PAINT, (20, 20, 24), 0, ((60, 70, 110), (200, 120, 100)))
    image = pygame.Surface(BIG)
    draw_stranded(image, lambda x, z, up: project(x, z, up), car)
    side = next(s for s in (-1, 1) if car.faces_us(0.0, s)) * HALF_WIDE
    x, z = car.point(0.0, side)
    shoulder = image.get_at(project(x, z, SILL + 0.85 * (BODY - SILL)))
    foot = image.get_at(project(x, z, SILL + 0.15 * (BODY - SILL)))
    assert sum(shoulder[:3]) >= SHADED * sum(foot[:3]), (
        f"its shoulder {tuple(shoulder[:3])}, its foot {tuple(foot[:3])}: one flat tone")
