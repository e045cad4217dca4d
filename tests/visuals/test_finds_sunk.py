"""Deep time's finds lie in the tar, not on it: the tar's edge crosses each unevenly (the part
under it darker), each casts a shadow on the tar behind it; the ribcage hangs from a spine,
and the teratorn is a bird's skeleton (a squiggle of three strokes before)."""

from __future__ import annotations

import random

import numpy as np
import pygame

from installation.visuals import fossil_kinds, fossils

BONE = (140, 100, 60, 235)
TAR = (40, 30, 22, 255)  # the strata behind a find, opaque
SIZE = 60  # a find's size, px (a middle stratum's at 1080 rows)
UNDER, STEP = 0.6, 3  # where the tar's edge crosses a find, its light falls to this share
# within this many rows
UNEVEN = 4  # rows the tar's edge rises and falls across a bar (a fade alike in every
# column, as before, read as a find pasted on the tar)
SHADOW = 15  # summed levels the tar is darker just below and right of a find
FOREARM = (0.56, (-0.78, -0.38))  # a cut down the teratorn's raised forearm: across, from, to
# (in its sizes from its middle)


def bar(piece: pygame.Surface, c: float, s: float, color: fossils.Rgba,
        _rng: random.Random) -> None:
    """A plain bone: a level bar 2 sizes long and 0.6 deep."""
    pygame.draw.rect(piece, color, (c - s, c - s * 0.3, 2 * s, s * 0.6))


def laid(pen: fossils.Pen, seed: int) -> np.ndarray:
    """A find laid level on opaque tar, its summed levels (x, y); its middle at 2.5 sizes."""
    image = pygame.Surface((SIZE * 5, SIZE * 5), pygame.SRCALPHA)
    image.fill(TAR)
    fossils.lay(image, pen, SIZE * 2.5, SIZE * 2.5, SIZE, BONE, random.Random(seed), (0, 0))
    return pygame.surfarray.array3d(image).astype(int).sum(axis=2)


def test_the_tar_edge_crosses_a_find_unevenly() -> None:
    """Down each column of a level bar, the bone goes dark where the tar's edge crosses it
    (within STEP rows, to UNDER of its light): that row rises and falls across the bar (waves,
    a slant), not one ruled fade alike in every column."""
    c = SIZE * 5 // 2
    top, bottom = c - round(SIZE * 0.3), c + round(SIZE * 0.3)
    for seed in range(4):
        light = laid(bar, seed)
        columns = range(c - round(SIZE * 0.8), c + round(SIZE * 0.8))
        edges = []
        for x in columns:
            down = light[x, top + SIZE // 5:bottom + 2].astype(float)
            dark = np.flatnonzero(down[STEP:] < UNDER * down[:-STEP])
            edges += [int(dark[0])] if dark.size else []
        assert len(edges) >= 0.7 * len(columns), f"seed {seed}: the bar is not under the tar"
        assert np.ptp(edges) >= UNEVEN, f"seed {seed}: the tar's edge is ruled ({edges})"


def test_a_find_casts_a_shadow_on_the_tar_behind_it() -> None:
    """Just below and to the right of a bar the tar is darker than far from it."""
    c = SIZE * 5 // 2
    for seed in range(3):
        light = laid(bar, seed)
        below = light[c + SIZE + 3, c + round(SIZE * 0.3) + 5]
        far = light[5, 5]
        assert below <= far - SHADOW, f"seed {seed}: no shadow ({below} against {far})"


def drawn(pen: fossils.Pen, seed: int = 1) -> np.ndarray:
    """A find drawn flat by its pen round (200, 200), its coverage (x, y)."""
    piece = pygame.Surface((400, 400), pygame.SRCALPHA)
    pen(piece, 200, SIZE, BONE, random.Random(seed))
    return pygame.surfarray.array_alpha(piece) > 0


def test_the_ribs_spring_from_a_spine_not_a_row_of_dots() -> None:
    """Along the spine's curve, from its first vertebra to its last, the bone is unbroken: a
    column of vertebrae (before, the ribs hung from a row of separate dots)."""
    for seed in range(4):
        cage = drawn(fossils.ribs, seed)
        first = fossils.along_spine(200, SIZE, 0.5 / fossils.VERTEBRAE)
        last = fossils.along_spine(200, SIZE, (fossils.VERTEBRAE - 1.5) / fossils.VERTEBRAE)
        gaps = [x for x in range(round(first[0]), round(last[0]))
                if not cage[x, round(fossils.along_spine(200, SIZE, (x - 200 + SIZE)
                                                          / (2 * SIZE))[1])]]
        assert not gaps, f"seed {seed}: the spine is broken at columns {gaps}"


def test_the_teratorn_is_a_birds_skeleton() -> None:
    """Its wing's forearm is two bones side by side (a cut across it crosses bone twice), a
    leg reaches down under its body to toes, and its beak hooks down past the bill's top."""
    bird = next(find for find in fossil_kinds.FINDS if find.name == "teratorn")
    covered = drawn(bird.pen)
    x, (high, low) = FOREARM
    cut = covered[200 + round(SIZE * x), 200 + round(SIZE * high):200 + round(SIZE * low)]
    crossings = np.count_nonzero(np.diff(np.r_[0, cut.astype(int), 0]) == 1)
    assert crossings == 2, f"the forearm crosses {crossings} bones"
    rows = np.flatnonzero(covered.any(axis=0))
    assert rows[-1] - 200 > 0.6 * SIZE, "a leg and its toes reach down under the body"
    bill = covered[:200 - round(0.9 * SIZE)]  # the bill's front, ahead of the skull
    tip, top = np.flatnonzero(bill.any(axis=0))[[-1, 0]]
    assert tip - top > 0.15 * SIZE, "the beak hooks down at its tip"
