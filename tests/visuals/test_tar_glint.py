"""The low sun on the tar: at 16:50 the pool under the burning sky stayed flat brown (it
mirrored the trees and the frieze, not the sunset): now the sky's light lies on it round
where the sun's mirror is, and glints break up the tar under the sun and come and go."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import NO_POST, draw, layer, one_scene

SIZE = (480, 270)
SKY = layer("sky", horizon=0.56, clouds=0)
TAR = layer("tarpit", y=0.6, color="#0a0706", bubbles=0, reflect=0.58)
SUN_X, AWAY_X = 0.79, 0.3  # the sun's column at 16:50, and one far from it
WARMER = 25  # levels of red the tar under the sun has over the tar away from it, at least


def tar_red(at: str) -> tuple[float, float]:
    """The mean red of the pool at `at` under the sun and away from it."""
    frame = pygame.surfarray.array3d(draw(one_scene(SKY + TAR + NO_POST, at="14:30"), at,
                                          size=SIZE)).astype(float)
    rows = slice(int(SIZE[1] * 0.62), SIZE[1])
    under, away = (frame[int(SIZE[0] * x) - 20:int(SIZE[0] * x) + 20, rows, 0].mean()
                   for x in (SUN_X, AWAY_X))
    return under, away


def test_at_sunset_the_tar_under_the_sun_takes_its_light() -> None:
    under, away = tar_red("16:50")
    assert under >= away + WARMER, f"under the sun {under:.0f}, away {away:.0f}"


def test_at_noon_the_tar_has_no_sun_on_it() -> None:
    """High, the sun's mirror lies far under the picture: nothing of it on the tar."""
    under, away = tar_red("14:40")
    assert abs(under - away) < WARMER / 3, f"under the sun {under:.0f}, away {away:.0f}"


def test_the_glints_come_and_go() -> None:
    frames = [pygame.surfarray.array3d(draw(one_scene(SKY + TAR + NO_POST, at="14:30"), at,
                                            size=SIZE)).astype(int)
              for at in ("16:50:00", "16:50:01")]
    changed = np.abs(frames[0] - frames[1]).max(axis=2) > 8
    assert changed[int(SIZE[0] * SUN_X) - 30:int(SIZE[0] * SUN_X) + 30].sum() > 20
