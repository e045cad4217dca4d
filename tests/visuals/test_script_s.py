"""Johnie's script s reads as an s across the room, not an r or a z: down its middle the pen
crosses it three times (a round head, the spine, a round belly), and halfway down only the
spine is there (the shipped s was a cusp with a tail run out along the baseline: down its
middle one stroke, and halfway down three: "Johnie'r")."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.fonts import Fonts
from installation.visuals.wilshire import SIGN_FONT

SIZE = 160  # the letter drawn this large, pixels
DOWN_THE_MIDDLE = 3  # strokes crossed going down the letter's middle: head, spine, belly
ACROSS_THE_WAIST = 1  # strokes crossed going across halfway down: the spine alone
NEAR_MIDDLE = 0.1  # the middle's columns, either side of it, of the letter's width


def _s() -> np.ndarray:
    """The s's ink (x, y), trimmed to its picture."""
    font = Fonts(lambda _message: None).get(SIGN_FONT, SIZE)
    ink = pygame.surfarray.array_alpha(font.render("s", True, (255, 255, 255))) >= 128
    xs, ys = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return ink[xs[0]:xs[-1] + 1, ys[0]:ys[-1] + 1]


def _strokes(line: np.ndarray) -> int:
    """How many separate runs of ink lie along a line of pixels."""
    return int((line & ~np.concatenate(([False], line[:-1]))).sum())


def test_the_s_has_a_head_a_spine_and_a_belly() -> None:
    ink = _s()
    wide, tall = ink.shape
    near = round(NEAR_MIDDLE * wide)
    for x in (wide // 2 - near, wide // 2, wide // 2 + near):
        assert _strokes(ink[x, :]) == DOWN_THE_MIDDLE, (
            f"column {x} of {wide}: {_strokes(ink[x, :])} strokes down it (an s has three)")
    waist = _strokes(ink[:, tall // 2])
    assert waist == ACROSS_THE_WAIST, f"halfway down {waist} strokes (an s has its spine only)"
