"""The boulevard's lamp posts read as street lights: a cobra-head lamp at the end of an arm
that curves up over the road, its pale lens underneath (bare pole-and-arm frames, paired
across the road, read as gallows or goalposts)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.street_posts import POLE, REACH, lamp_post
from installation.visuals.street_view import Perspective

SIZE = (960, 540)
LENS = (200, 190, 170)
FOOT = (-1.2, 3.0)  # a post on the left kerb, a few lengths away
TALL = 0.9


def _drawn() -> tuple[np.ndarray, Perspective]:
    project = Perspective(SIZE, SIZE[0] // 2, 200)
    image = pygame.Surface(SIZE)
    image.fill((255, 255, 255))
    lamp_post(image, project, FOOT, TALL, LENS)
    return pygame.surfarray.array3d(image), project


def _dark_rows(pixels: np.ndarray, column: int) -> np.ndarray:
    return np.flatnonzero((pixels[column] == POLE).all(axis=1))


def test_the_lamp_is_a_head_deeper_than_its_arm_at_the_arm_end() -> None:
    pixels, project = _drawn()
    x, z = FOOT
    arm_x, _ = project(x + REACH * 0.5, z, TALL)
    end_x, _ = project(x + REACH + 0.05, z, TALL)
    arm, head = len(_dark_rows(pixels, arm_x)), len(_dark_rows(pixels, end_x))
    assert arm >= 1
    assert head >= 3 * arm, (arm, head)


def test_the_arm_curves_up_from_the_pole_to_the_lamp() -> None:
    pixels, project = _drawn()
    x, z = FOOT
    pole_x, _ = project(x, z, 0.0)
    pole_top = _dark_rows(pixels, pole_x).min()
    near_end_x, _ = project(x + REACH * 0.9, z, TALL)
    assert _dark_rows(pixels, near_end_x).min() < pole_top - 2


def test_the_lens_shows_under_the_head() -> None:
    pixels, project = _drawn()
    x, z = FOOT
    column, _ = project(x + REACH + 0.04, z, TALL)
    lens_rows = np.flatnonzero((pixels[column] == LENS).all(axis=1))
    head_rows = _dark_rows(pixels, column)
    assert lens_rows.size and lens_rows.max() >= head_rows.max() - 1, (lens_rows, head_rows)
