"""Across Wilshire at first light, runners far off are not drawn into one another either: two
at one depth overlap as one shape for a moment at most twice in the run (twelve times before,
ten of them the runner who leaves the far doorway for the near lanes crossing those coming out
of it and along the right pavement), and the street stays as full of runners."""

from __future__ import annotations

from itertools import combinations

from .test_dawn_crossing import KNOT, SAME_DEPTH, box, moments  # noqa: F401  (the fixture)

KNOTS = 2  # at most this many moments (0.5 real s apart) with two at one depth as one shape
CROWD = 7.5  # runners in the picture on average, at the least (7.8 before and after)


def test_far_runners_are_seldom_one_shape(moments: list) -> None:  # noqa: F811
    knots = []
    for n, people in enumerate(moments):
        for (k, one), (j, other) in combinations(people, 2):
            tall = max(one.look.height * one.share, other.look.height * other.share)
            if k == j or abs(one.feet[1] - other.feet[1]) >= SAME_DEPTH * tall:
                continue
            both = box(one).clip(box(other))
            smaller = min(box(one).w * box(one).h, box(other).w * box(other).h)
            if both.w * both.h > KNOT * smaller:
                knots.append((n, k, j))
    assert len(knots) <= KNOTS, knots


def test_the_street_stays_full(moments: list) -> None:  # noqa: F811
    assert sum(len(people) for people in moments) / len(moments) >= CROWD
