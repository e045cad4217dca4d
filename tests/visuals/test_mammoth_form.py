"""The mother mammoth reads as a mammoth, not a black tent: her back falls from the hump in a
curve, and the tar on her lowest rows is no paler than her coat (paler streaks of soaked fur
read as a row of teeth along her tar line)."""

from __future__ import annotations

import numpy as np
import pygame

from .test_mammoth_head import mother

OFF_THE_HUMP = (0.33, 0.44)  # the columns of her back just behind the hump (she faces right)
OVER_THE_LOINS = (0.17, 0.28)  # and those over her loins, before the rump rounds off
CURVE = 1.3  # off the hump her back falls at least this many times as steeply as over the loins
SHEEN = 3.0  # levels the soaked coat may show above her own, for the sky's wet sheen on it


def fall(alpha: np.ndarray, share: tuple[float, float]) -> float:
    """How many rows her back's top edge falls a column, over these shares of her width."""
    width = alpha.shape[0]
    columns = np.arange(int(width * share[0]), int(width * share[1]))
    tops = np.array([np.flatnonzero(alpha[x])[0] for x in columns], dtype=float)
    return float(-np.polyfit(columns, tops, 1)[0])


def test_her_back_falls_from_the_hump_in_a_curve_not_a_straight_line() -> None:
    """At noon and in the aftermath her back ran in one straight diagonal from head to rump (it
    fell 0.70 and 0.75 rows a column in the two places: a tent); now it falls steeply off the
    hump and eases over the loins."""
    for scene in ("La Brea Tar Pits", "The tar keeps everything"):
        alpha = pygame.surfarray.array_alpha(mother(scene).image) > 128
        steep, easy = fall(alpha, OFF_THE_HUMP), fall(alpha, OVER_THE_LOINS)
        assert easy > 0.2, f"{scene}: her back falls towards the rump"
        assert steep >= CURVE * easy, f"{scene}: a straight back ({steep:.2f}, {easy:.2f})"


def test_the_tar_on_her_lowest_rows_is_no_paler_than_her_coat() -> None:
    """Soaked fur was browner and paler than her dark coat (18 levels against 12), and its
    streaks running up her stood as pale teeth along the tar line, under haze most of all."""
    her = mother("The tar keeps everything")
    assert her.wading is not None
    her.wading.prepare(her._visible(her.sink), (150, 150, 160))  # a pale, hazy sky
    coat = her.wading._coat
    soaked = pygame.surfarray.array_alpha(coat) > 200
    level = pygame.surfarray.array3d(coat).mean(axis=2)[soaked]
    own = np.mean(pygame.Color("#0b0b0d")[:3])
    assert soaked.sum() > 1000, "the tar clings to her lowest rows"
    assert np.median(level) <= own + SHEEN, f"soaked fur at {np.median(level):.1f}, coat {own}"
