"""The dream's mother reads at once as a mammoth, drawn as light: four legs going down into the
tar over the dream (the night between them, mirrored under them from where they enter it),
her hair falling in locks of light, stars inside her (she read as a legless whale: a blue
blob with tusks; standing on the tar, mirrored to her feet, she read as on ice)."""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace
from typing import cast

import numpy as np
import pygame
import pytest

from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.mammoth_dream import STANCE
from installation.visuals.shapes import UNIT
from installation.visuals.silhouette import Silhouette

from .helpers import draw
from .test_mammoth_strains import dream, her_body
from .test_mire import BIG
from .test_mire import mother as pit_mother

TIMES = ("02:10", "02:40", "03:20")  # early, middle and late in the dream
LATE = "03:45"  # near its end: sunk furthest
RUMP = (0.25, 0.35)  # units across her (facing left) where her back is drawn from her rump
SUNK = 0.08  # units she goes down, at least, from the dream's start to its end (her feet)
KNEES = 0.12  # units of her legs, at least, still above the tar at its end (to her knees)
BAND_ROWS, BAND = 40, 5  # the frame's rows over the tar looked at beside her; levels they may
# stand over the same rows further off (with her rings drawn, 9)
FAR_OFF = slice(140, 200)  # the frame's columns further off to her left (past the band)
RIM = 60  # levels her rump's lit edge stands over the night above her
FOOT_ROWS = 4  # the frame's rows of her legs just over the tar heaped round them
MIRROR_ROWS = (6, 24)  # the frame's rows under the tar's surface where her legs' reflections
# are looked for (just under where they go in)
LEGS = tuple((x0 + x1) / 2 for x0, x1, _far in STANCE)  # the middle of each leg (units
# across her, facing left: her legs are the dream's own, as STANCE puts them)
BETWEEN = 0.015  # the night between her fore and hind legs
BELLY = 0.34  # units up: under the hair hanging from her belly, her legs alone
LIT = 15  # levels (red, green and blue summed) a lit leg stands over the night beside her
MIRRORED = 5  # ... and a leg's reflection over the night's between them, at least
LOCK, LOCKS = 15, 15  # levels a lock of her hair stands over her coat; locks across her flank
STAR = 30  # levels a star inside her stands over every pixel round it


@cache
def mother() -> Silhouette:
    """The dream's mother as the frame draws her."""
    line = dream(0.0)
    index = next(n for n, spec in enumerate(line.scenes[0].layers)
                 if spec.type == "silhouette")
    return pit_mother(line, index)


@cache
def picture(at: str) -> np.ndarray:
    """The dream (no stars in its sky, Harry and the caption left out) at `at`, its levels
    summed (drawn once: not to be changed)."""
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


def sunk_at(her: Silhouette, at: str) -> int:
    """Rows she has sunk below her feet's line at story time `at`."""
    return her.sunk(cast(Frame, SimpleNamespace(story_time=parse_clock(at))))


def legs_rows(her: Silhouette, at: str) -> slice:
    """The frame's rows of her legs alone at `at`: from under the hair hanging from her belly
    down to the tar heaped round them."""
    px = her.params["scale"] * UNIT * BIG[1]
    foot = her.line - (her.wading.rise if her.wading is not None else 0) - 2
    return slice(round(her.line + sunk_at(her, at) - BELLY * px), foot)


@pytest.mark.parametrize("at", (*TIMES, LATE))
def test_in_the_dream_four_legs_go_into_the_tar(at: str) -> None:
    """Down from under her belly (lower as she sinks) to the tar heaped round her legs, four
    columns of her are lit, row after row; where they go into the tar, each is lighter than
    the night between her fore and hind legs (her longest locks hang into it, sunk)."""
    her, frame = mother(), picture(at)
    rows = legs_rows(her, at)
    night = np.median(frame[column(her, 1.0):column(her, 0.8), rows], axis=0)  # behind her
    for leg in middles(her):
        lit = frame[leg, rows].mean(axis=0) - night
        assert lit.min() > LIT, (leg, lit.min())
    low = slice(rows.stop - FOOT_ROWS, rows.stop)  # where they go into the tar
    gap = np.median(frame[gap_of(her), low])
    for leg in middles(her):
        assert frame[leg, low].mean() - gap > LIT, (leg, frame[leg, low].mean(), gap)


def back_top(frame: np.ndarray, her: Silhouette) -> int:
    """The frame's highest row of her rump's lit edge (which her straining never lifts)."""
    rump = np.median(frame[column(her, RUMP[1]):column(her, RUMP[0])], axis=0)
    return int(np.flatnonzero(rump > rump[0] + RIM)[0])


def test_in_the_dream_her_legs_sink_from_her_feet_to_her_knees() -> None:
    """Over the dream she goes down into the tar (standing on it all along, she read as on
    ice): her back lower by a good part of her legs at its end than at its start, her knees
    and her back still above the tar, her top well inside the picture."""
    her = mother()
    px = her.params["scale"] * UNIT * BIG[1]
    start, end = (back_top(picture(at), her) for at in (TIMES[0], LATE))
    assert end - start > SUNK * px, (start, end)
    assert her.line - legs_rows(her, LATE).start > KNEES * px, "her knees above the tar"
    assert end > 0.1 * BIG[1], "her back in the picture"


def test_in_the_dream_her_legs_are_mirrored_from_where_they_enter_the_tar() -> None:
    """In the black tar just under where each leg goes in, its reflection is lighter than the
    night's between them (her hidden feet mirror nothing: the reflection starts at the tar)."""
    her, frame = mother(), picture(LATE)
    mirrored = slice(her.line + MIRROR_ROWS[0], her.line + MIRROR_ROWS[1])  # just under
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


def test_in_the_dream_the_night_over_the_tar_beside_her_is_unlit() -> None:
    """Sinking, she sends no rings over the tar: drawn before the dream's tar, their far
    halves lit the night over it round her as a pale band."""
    her, frame = mother(), picture("02:30")
    rows = slice(her.line - BAND_ROWS, her.line - 4)
    beside = np.median(frame[column(her, 1.0):column(her, 0.8), rows])
    far_off = np.median(frame[FAR_OFF, rows])
    assert beside - far_off < BAND, (beside, far_off)
