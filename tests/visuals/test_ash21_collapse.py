"""After the flash the picture changes: the Ash is seen from nearer, a tall broken tower standing
large and dark against the grey sky where the flash showed open sky, and its fall at 06:10 is
seen across the room; a curator who sizes it wrongly is told where and how."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame
import pytest

from installation.core.errors import TimelineError

from .helpers import layer, one_scene, shipped_in_a_row

SIZE = (960, 540)
TIMES = ("05:20", "05:40", "06:09:30", "06:25")  # the flash, the Ash, before and after the fall
TOWER_X = (0.30, 0.38)  # the middle of the tower that gives way (collapse_x = 0.35)
TOP_ROWS = (0.34, 0.42)  # its upper storeys, above every other tower of the skyline
BODY_ROWS = (0.34, 0.60)  # down to the skyline's foot (the ruins' ground is 0.64)
BESIDE = ((0.10, 0.20), (0.48, 0.52))  # open sky either side of it, at its upper storeys
DARK = 60  # the tower, through the haze (the grey sky behind it is twice as bright)
DARKER = 0.5  # its upper storeys, of the sky beside them


@cache
def luminance() -> dict[str, np.ndarray]:
    """The shipped day at TIMES, (x, y) luminance."""
    pictures = shipped_in_a_row(TIMES, SIZE)
    weights = np.array([0.3, 0.59, 0.11])
    return {at: pygame.surfarray.array3d(picture).astype(float) @ weights
            for at, picture in zip(TIMES, pictures, strict=True)}


def box(at: str, xs: tuple[float, float], ys: tuple[float, float]) -> float:
    """The median luminance at story time `at` over shares of the picture's width and height."""
    width, height = SIZE
    pixels = luminance()[at][int(xs[0] * width):int(xs[1] * width),
                             int(ys[0] * height):int(ys[1] * height)]
    return float(np.median(pixels))


def sky_beside(at: str) -> float:
    """The sky either side of the tower, at its upper storeys."""
    return min(box(at, xs, TOP_ROWS) for xs in BESIDE)


def test_the_tower_that_gives_way_stands_tall_and_dark_against_the_sky() -> None:
    rows = luminance()["06:09:30"][int(TOWER_X[0] * SIZE[0]):int(TOWER_X[1] * SIZE[0])]
    tall = np.median(rows, axis=0)[int(BODY_ROWS[0] * SIZE[1]):int(BODY_ROWS[1] * SIZE[1])]
    assert (tall < DARK).all()  # a quarter of the picture's height and more, unbroken
    assert box("06:09:30", TOWER_X, TOP_ROWS) < DARKER * sky_beside("06:09:30")


def test_after_its_fall_the_sky_shows_where_its_top_stood() -> None:
    assert box("06:09:30", TOWER_X, TOP_ROWS) < DARKER * sky_beside("06:09:30")
    assert box("06:25", TOWER_X, TOP_ROWS) > 0.8 * sky_beside("06:25")


def test_the_ash_is_a_new_picture_not_the_flash_turned_grey() -> None:
    """Where the flash showed open burning sky, the Ash's largest shape stands: the tower."""
    assert box("05:20", TOWER_X, TOP_ROWS) > 0.8 * sky_beside("05:20")
    assert box("05:40", TOWER_X, TOP_ROWS) < DARKER * sky_beside("05:40")


@pytest.mark.parametrize(("value", "found"), [("5", "found 5"), ("0.5", "found 0.5"),
                                               ('"big"', "found 'big'")])
def test_a_wrong_collapse_size_is_named_with_its_line(value: str, found: str) -> None:
    body = layer("ruins", collapse="06:10") + f"collapse_size = {value}\n"
    with pytest.raises(TimelineError) as caught:
        one_scene(body, at="05:30")
    report = caught.value.report()
    assert ("test.toml:13: scene 'only', key 'layers.collapse_size': expected a number from 1 "
            f"to 3; {found}") in report
