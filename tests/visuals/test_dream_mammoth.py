"""The dream's mother reads at once as a mammoth, drawn as light: four legs standing in the tar
(the night between them, mirrored under them), her hair falling in locks of light, stars
inside her (she read as a legless whale: a blue blob with tusks, sinking)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.mammoth_dream import STANCE
from installation.visuals.shapes import UNIT
from installation.visuals.silhouette import Silhouette

from .helpers import draw
from .test_mammoth_strains import dream, her_body
from .test_mire import BIG
from .test_mire import mother as pit_mother

TIMES = ("02:10", "02:40", "03:20")  # early, middle and late in the dream
LEGS = tuple((x0 + x1) / 2 for x0, x1, _far in STANCE)  # the middle of each leg (units
# across her, facing left: her legs are the dream's own, as STANCE puts them)
BETWEEN = 0.015  # the night between her fore and hind legs
BELLY = 0.34  # units up: under the hair hanging from her belly, her legs alone
LIT = 15  # levels (red, green and blue summed) a lit leg stands over the night beside her
NIGHT = 10  # ... and the night between her legs at most over it
MIRRORED = 5  # ... and a leg's reflection over the night's between them, at least
LOCK, LOCKS = 15, 15  # levels a lock of her hair stands over her coat; locks across her flank
STAR = 30  # levels a star inside her stands over every pixel round it


def mother() -> Silhouette:
    """The dream's mother as the frame draws her."""
    line = dream(0.0)
    index = next(n for n, spec in enumerate(line.scenes[0].layers)
                 if spec.type == "silhouette")
    return pit_mother(line, index)


def picture(at: str) -> np.ndarray:
    """The dream (no stars in its sky, Harry and the caption left out) at `at`, its levels
    summed."""
    return pygame.surfarray.array3d(draw(dream(0.0), at, size=BIG)).astype(int).sum(axis=2)


def column(her: Silhouette, units: float) -> int:
    """The frame's column `units` across her (she faces right: flipped)."""
    return round(BIG[0] * her.params["x"] - units * her.params["scale"] * UNIT * BIG[1])


def middles(her: Silhouette) -> list[slice]:
    """The frame's columns of the middle half of each of her legs."""
    return [slice(column(her, x1 - (x1 - x0) / 4), column(her, x0 + (x1 - x0) / 4))
            for x0, x1, _far in STANCE]


def gap_of(her: Silhouette) -> slice:
    """The frame's columns in the middle of the night between her fore and hind legs."""
    return slice(column(her, BETWEEN) - 3, column(her, BETWEEN) + 4)


def legs_rows(her: Silhouette) -> slice:
    """The frame's rows of her legs alone: from under the hair hanging from her belly down to
    the tar heaped round her feet."""
    px = her.params["scale"] * UNIT * BIG[1]
    foot = her.line - (her.wading.rise if her.wading is not None else 0) - 2
    return slice(round(her.line + her.sinking.rest - BELLY * px), foot)


@pytest.mark.parametrize("at", TIMES)
def test_in_the_dream_she_stands_in_the_tar_on_four_legs(at: str) -> None:
    """Down from under her belly to the tar heaped round her feet, four columns of her are
    lit, row after row; between her fore and hind legs the night shows."""
    her, frame = mother(), picture(at)
    rows = legs_rows(her)
    night = np.median(frame[column(her, 1.0):column(her, 0.8), rows], axis=0)  # behind her
    for leg in middles(her):
        lit = frame[leg, rows].mean(axis=0) - night
        assert lit.min() > LIT, (leg, lit.min())
    low = slice((rows.start + rows.stop) // 2, rows.stop)  # below her hair's longest locks
    gap = np.median(frame[gap_of(her), low]) - np.median(night[low.start - rows.start:])
    assert gap < NIGHT, gap


def test_in_the_dream_her_legs_are_mirrored_in_the_tar_under_them() -> None:
    """In the black tar under her, each leg's reflection is lighter than the night's between
    them."""
    her, frame = mother(), picture("02:40")
    rows = legs_rows(her)
    middle = 2 * her.line - (rows.start + rows.stop) // 2  # the middle of her legs, mirrored
    mirrored = slice(middle - 6, middle + 6)
    gap = np.median(frame[gap_of(her), mirrored])
    for leg in middles(her):
        assert frame[leg, mirrored].mean() > gap + MIRRORED, leg


def test_in_the_dream_her_hair_falls_in_locks_of_light() -> None:
    """Across her flank, locks of light stand out of her coat again and again (her coat was
    one flat fill)."""
    her, frame = mother(), picture("02:40")
    px = her.params["scale"] * UNIT * BIG[1]
    flank = round(her.line - 0.7 * px)
    row = frame[column(her, 0.4):column(her, -0.3), flank - 3:flank + 4].mean(axis=1)  # down
    # the locks, the film's grain evened out
    lit = row > np.median(row) + LOCK
    locks = np.count_nonzero(lit[1:] & ~lit[:-1])
    assert locks >= LOCKS, locks


def test_in_the_dream_stars_shine_inside_her() -> None:
    """With no stars in the sky, points of light still shine all over her body: stars of her
    own, each brighter than all round it."""
    frame = picture("02:40")
    body = her_body("02:40")
    inner = frame[1:-1, 1:-1]
    around = np.max([frame[1 + dx:frame.shape[0] - 1 + dx, 1 + dy:frame.shape[1] - 1 + dy]
                     for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy], axis=0)
    stars = (inner > around + STAR) & body[1:-1, 1:-1]
    assert np.count_nonzero(stars) >= 60, np.count_nonzero(stars)
    xs = np.nonzero(stars)[0]
    assert xs.max() - xs.min() > 0.5 * np.ptp(np.nonzero(body)[0]), "all over her"
