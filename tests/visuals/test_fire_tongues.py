"""The burning city's fires are not alike: next to each other, one burns along a block's
front with several flames, another is a lone flame (each the same teardrop read as candles)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.flames import Fire, Flipbook, fire_blits, tongues_of

FLAME = (10, 16)  # a flame's sprite, pixels


def fire() -> Fire:
    frames = tuple(pygame.Surface(FLAME) for _ in range(24))
    light = (pygame.Surface((4, 4)),) * 10
    empty = np.zeros((4, 12))
    return Fire(Flipbook(frames), light, light, (pygame.Surface((1, 1)),) * 3, empty + 3.0,
                empty, empty, empty)


def flames(n: int, seed: int) -> list[tuple[int, int]]:
    """Where fire n's flames are drawn (their sprites' top left)."""
    made = fire()
    blits = fire_blits(made, (100, 100), 1.0, n, seed, 0.0, tongues_of(seed, n))
    return [spot for image, spot in blits if image.get_size() == FLAME]


def test_neighbouring_fires_burn_with_different_numbers_of_flames() -> None:
    for seed in (1, 1988, 40351):
        counts = [len(flames(n, seed)) for n in range(4)]
        assert len(set(counts)) == 4, (seed, counts)


def test_a_broad_fire_spreads_its_flames_across_and_sets_the_outer_lower() -> None:
    spots = flames(next(n for n in range(4) if tongues_of(1988, n) == 4), 1988)
    xs, ys = sorted(x for x, _ in spots), [y for _, y in sorted(spots)]
    assert xs[-1] - xs[0] >= 1.2 * FLAME[0], xs
    assert min(ys[0], ys[-1]) > min(ys[1], ys[2]), ys  # (the outer ones lower: larger rows)
