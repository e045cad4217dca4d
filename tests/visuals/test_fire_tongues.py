"""The burning city's fires are not alike: next to each other, one burns along a block's
front with several flames, another is a lone flame (each the same teardrop read as candles)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.flames import Fire, make_fire, tongues_of
from installation.visuals.made_once import MadeOnce

FLAME = (20, 32)  # a flame, pixels (width, height)


def fires(seed: int) -> Fire:
    """Four fires side by side, each with as many flames as the burning city gives it."""
    return finished(make_fire(*FLAME, (255, 110, 36), seed,
                              [tongues_of(seed, n) for n in range(4)], MadeOnce()))


def lit(fire: Fire, n: int) -> list[np.ndarray]:
    """Fire n's flames, picture by picture, as lit masks (x, y), its foot FLAME[0] * 3 in and
    FLAME[1] * 2 down."""
    book = fire.blazes[n]
    out = []
    for frame in book.frames:
        surface = pygame.Surface((FLAME[0] * 6, FLAME[1] * 3))
        surface.blit(frame, (FLAME[0] * 3 - book.anchor[0], FLAME[1] * 2 - book.anchor[1]))
        out.append(pygame.surfarray.array3d(surface)[..., 0] >= 60)
    return out


def breadth(fire: Fire, n: int) -> float:
    """How wide fire n burns, in columns lit over its loop, on average."""
    return float(np.mean([mask.any(axis=1).sum() for mask in lit(fire, n)]))


def test_neighbouring_fires_burn_with_different_numbers_of_flames() -> None:
    """Four fires side by side burn across four different breadths, the broader the more
    flames they have."""
    for seed in (1, 1988, 40351):
        fire = fires(seed)
        counts = [tongues_of(seed, n) for n in range(4)]
        wide = [breadth(fire, n) for n in range(4)]
        assert len(set(counts)) == 4, (seed, counts)
        assert [counts[n] for n in np.argsort(wide)] == sorted(counts), (seed, counts, wide)


def test_a_broad_fire_spreads_its_flames_across_and_sets_the_outer_lower() -> None:
    """The fire of four flames burns across one and a half flames' widths or more, and its outer
    flames' feet lie lower than its middle ones' (a burning block, seen from a little above)."""
    fire = fires(1988)
    n = next(n for n in range(4) if tongues_of(1988, n) == 4)
    masks = lit(fire, n)
    assert breadth(fire, n) >= 1.5 * FLAME[0], breadth(fire, n)
    whole = np.any(masks, axis=0)
    columns = np.nonzero(whole.any(axis=1))[0]
    left, right = columns[0], columns[-1]
    quarter = (right - left) // 4

    def foot(cols: np.ndarray) -> float:
        return float(np.mean([np.nonzero(mask[cols].any(axis=0))[0].max() for mask in masks
                              if mask[cols].any()]))

    middle = foot(np.arange(left + quarter + quarter // 2, right - quarter - quarter // 2))
    outer = max(foot(np.arange(left, left + quarter // 2)),
                foot(np.arange(right - quarter // 2, right)))
    assert outer > middle, (outer, middle)
