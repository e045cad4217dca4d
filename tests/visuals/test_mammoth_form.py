"""The mother mammoth reads as a mammoth, not a black tent: her back falls from the hump in a
curve, the tar on her lowest rows is no paler than her coat (paler streaks of soaked fur read
as a row of teeth along her tar line), and now and then she lifts her trunk."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeutil import parse_clock

from .helpers import NO_POST, assert_as_fresh, frame_at, layer, one_scene
from .test_mammoth_head import mother
from .test_mire import BIG, SKY, TAR
from .test_mire import mother as pit_mother

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


TRUNK_PIT = SKY + TAR + layer("silhouette", shape="mammoth", x=0.4, y=0.84, scale=1.05, sink=0.3,
                              sinking=0.12, flip=True, reflect=0.5, color="#0b0b0d") + NO_POST
RESTING, LIFTED = 0.0, 14.0  # real seconds into the scene: her trunk at rest, then lifted high
LEVELS = 8  # her dark trunk against the dark tar behind her: this much darker, or lighter


def test_now_and_then_she_lifts_her_trunk() -> None:
    """Her raised trunk stood still all day; a few seconds apart, it is lifted higher and
    further out: over the upper half of her, pixels where it rose to turn dark and pixels it
    left turn back to the tar behind her."""
    rest, lifted = (frame_at(TRUNK_PIT, "12:00", s, BIG).mean(axis=2) for s in (RESTING,
                                                                                 LIFTED))
    her = pit_mother(one_scene(TRUNK_PIT, at="12:00"))
    upper = slice(0, her.feet[1] + her.sink + her.image.get_height() // 2)
    rose_to = lifted[:, upper] < rest[:, upper] - LEVELS
    left = rest[:, upper] < lifted[:, upper] - LEVELS
    assert rose_to.sum() > 150 and left.sum() > 50, (rose_to.sum(), left.sum())


def test_her_trunk_lifting_paints_only_what_a_fresh_frame_shows() -> None:
    """Drawn frame after frame as her trunk lifts and falls, each frame is the fresh one."""
    line = one_scene(TRUNK_PIT, at="12:00")
    assert_as_fresh(line, [parse_clock("12:00") + s for s in (0.0, 12.6, 13.5, 14.0, 15.2, 16.5)],
                    BIG)
