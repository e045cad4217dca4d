"""The oil on the tar is a thin film's pale, broken iridescence, not broad rainbow arcs."""

from __future__ import annotations

import numpy as np
import pygame
from scipy import ndimage

from installation.visuals.oil import oiled
from installation.visuals.render import headless
from installation.visuals.tar_near import sheen

POOL = (1920, 389)  # the noon pool's mirror at 1080p: the picture's width by its rows
GREY = 200  # a mirror giving back this much light everywhere: the oil alone tints it
SEEDS = (1, 2, 3, 7)
OILY = 6  # a pixel tinted this many levels or more is oil: a tint seen (3% of its light)
WIDEST = 240  # px: no patch of oil wider (an eighth of the picture; the rainbow arcs that read
# as a lens flare ran 700 to 1,800 px, patches of a thin slick are a few tens across)
SATURATION = 0.2  # the most HSV saturation the oil gives grey light: a pale tint of it (the
# rainbow's was 0.35, its stripes read as colours laid on the tar)
STEP = 12  # levels: the most its colour steps between two pixels (99% of them)


def oiled_grey(seed: int) -> np.ndarray:
    """The oil's tint of a grey mirror (columns x rows x RGB)."""
    headless()
    shade = pygame.Surface(POOL)
    shade.fill((GREY, GREY, GREY))
    for _step in oiled(shade, seed):
        pass
    return pygame.surfarray.array3d(shade).astype(int)


def test_the_oil_lies_in_small_patches_not_arcs_across_the_pool() -> None:
    """Each patch of oil (its filaments, a pixel or two thin, left out) is at most WIDEST
    pixels across; the oil covers some of the pool, not most of it."""
    for seed in SEEDS:
        oily = np.abs(oiled_grey(seed) - GREY).max(axis=2) >= OILY
        assert 0.02 < oily.mean() < 0.3, (seed, oily.mean())
        patches = ndimage.binary_opening(oily, structure=np.ones((3, 3)))
        labels, _count = ndimage.label(patches, structure=np.ones((3, 3)))
        widest = max(box[0].stop - box[0].start for box in ndimage.find_objects(labels))
        assert widest <= WIDEST, (seed, widest)


def test_the_oil_is_a_pale_tint_low_in_saturation() -> None:
    for seed in SEEDS:
        lit = oiled_grey(seed)
        saturation = (lit.max(axis=2) - lit.min(axis=2)) / lit.max(axis=2)
        assert saturation.max() < SATURATION, (seed, saturation.max())
        assert saturation.max() > 0.05, "the oil shows"


def test_the_oil_comes_in_softly() -> None:
    """No hard edge between two pixels where it lies, across or down: a patch a few tens of
    pixels across comes in over a few (a hard edge steps by its whole tint, 30 levels and
    more; far off, where a patch is a few rows deep, it did until blurred down the rows)."""
    lit = oiled_grey(SEEDS[0])
    oily = np.abs(lit - GREY).max(axis=2) >= OILY
    for axis in (0, 1):
        steps = np.abs(np.diff(lit, axis=axis)).max(axis=2)
        shown = oily[1:] if axis == 0 else oily[:, 1:]
        assert np.percentile(steps[shown], 99) <= STEP, axis


NEAR_CHROMA = 12  # levels: the most a near slick's added light strays from grey (its
# brightest channel less its dimmest; the rainbow patch's was 21)


def test_the_near_tars_slicks_are_small_dull_patches_of_film() -> None:
    """A slick drifting over the near tar (at our feet and half way there) lies in patches at
    most WIDEST pixels across (the rainbow blob was one patch of 300-360 at our feet) and adds
    a dull tint of light, not a rainbow."""
    headless()
    for seed in range(6):
        rng = np.random.default_rng(seed)
        for down in (0.5, 0.92):
            near = 0.35 + 0.65 * down
            size = (int(0.22 * 1920 * near), int(0.05 * 1080 * near * near))
            added = pygame.surfarray.array3d(sheen(size, rng)).astype(int)
            assert (added.max(axis=2) - added.min(axis=2)).max() <= NEAR_CHROMA, (seed, down)
            labels, _count = ndimage.label(added.max(axis=2) >= 3, structure=np.ones((3, 3)))
            widest = max((box[0].stop - box[0].start for box in ndimage.find_objects(labels)),
                         default=0)
            assert widest <= WIDEST, (seed, down, widest)
