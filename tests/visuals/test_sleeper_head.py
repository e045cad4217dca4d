"""Harry's head on the pillow reads as a sleeping man's head, not a hole in the pillow: his
hair ends at his skull with a clean edge (soft and lying out past it, it was a dark disc larger
than his face), and the window's faint light lies along the top of his crown."""

from __future__ import annotations

import math

import numpy as np
import pytest

from installation.visuals.room import HEAD_CENTRE, HEAD_LENGTH

from .helpers import frame_at
from .test_room_sleeper import DARK, ROOM

SIZE = (1920, 1080)  # as the show is seen
BACK = (-30.0, 0.0, 30.0)  # degrees from his head's middle towards the back of his skull
PAST_SKULL = 0.58  # head lengths: the pillow here (his skull ends at 0.54)...
PILLOW_MOST_DARK = 150  # ...is at least this bright (summed levels; his hair is about 40)
HAIR_DARK, PILLOW_LIT = 60, 150  # his hair is darker than this, the pillow brighter
EDGE_MOST = 2  # pixels from his hair to the pillow at the back of his head, at the most
# (4 on 2e225301: a soft dark halo)
CROWN, HAIR_MIDDLE = (0.42, -0.24), (0.35, 0.1)  # head lengths from his head's middle
RIM_LEAST = 12  # levels (summed) the window's light lifts the top of his crown, at least


@pytest.fixture(scope="module")
def levels() -> np.ndarray:
    """The room at midnight with the clock dark, each pixel's levels summed."""
    return frame_at(ROOM, "00:00", DARK, SIZE).astype(int).sum(axis=-1)


def _at(point: tuple[float, float]) -> tuple[int, int]:
    """A point given in head lengths from his head's middle, in pixels."""
    length = HEAD_LENGTH * SIZE[1]
    return (
        round(HEAD_CENTRE[0] * SIZE[0] + point[0] * length),
        round(HEAD_CENTRE[1] * SIZE[1] + point[1] * length),
    )


def _towards(angle: float, reach: float) -> tuple[float, float]:
    """The point `reach` head lengths from his head's middle at `angle` degrees."""
    turn = math.radians(angle)
    return reach * math.cos(turn), reach * math.sin(turn)


def test_his_hair_is_no_larger_than_his_skull(levels: np.ndarray) -> None:
    """Just past the back of his skull the pillow shows, not his hair (lying out on the
    pillow, his hair made his head a dark disc larger than his face)."""
    seen = [levels[_at(_towards(angle, PAST_SKULL))] for angle in BACK]
    assert min(seen) > PILLOW_MOST_DARK, f"his hair past his skull: {seen}"


def test_his_hair_has_a_clean_edge_against_the_pillow(levels: np.ndarray) -> None:
    """Behind his head his hair gives way to the pillow within a pixel or two (a soft edge
    blurred him into the pillow: a hole)."""
    x, y = _at((0.0, 0.0))
    row = levels[x : x + round(0.8 * HEAD_LENGTH * SIZE[1]), y]
    last_hair = int(np.flatnonzero(row < HAIR_DARK)[-1])
    first_pillow = last_hair + int(np.flatnonzero(row[last_hair:] > PILLOW_LIT)[0])
    assert first_pillow - last_hair <= EDGE_MOST, row[last_hair - 2 : first_pillow + 2]


def test_the_windows_light_lies_along_the_top_of_his_crown(levels: np.ndarray) -> None:
    """The top of his hair, towards the window's light, is a little lighter than the rest of
    it: a faint rim (without it his hair was one flat dark shape)."""
    crown, middle = levels[_at(CROWN)], levels[_at(HAIR_MIDDLE)]
    assert crown - middle >= RIM_LEAST, f"crown {crown}, his hair {middle}"
