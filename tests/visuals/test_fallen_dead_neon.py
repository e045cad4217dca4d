"""Johnie's sign fallen in the ash (Ash, 05:30-06:35) is a heavy burnt thing, not a pink rug:
its script's tubes dark dead glass (no pink, nothing lit), the name still there in strokes
across the blade, the blade's edge raised on rubble with the dark of its own shadow under it,
and the name still there, partly buried, as the scene ends."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from .dark_strokes import dark_strokes
from .helpers import NO_POST, draw, layer, one_scene, timeline

SIZE = (960, 540)
SKY = layer("sky", top="#8a8580", bottom="#a0948a", stars=0, sun=False, clouds=0)
KEYS = {
    "ground": 0.64,
    "height": 0.22,
    "fires": 0,
    "color": "#221c1a",
    "boulevard": True,
    "boulevard_x": 0.62,
}  # the shipped Ash's ruins, without its fires
LEFT = 0.58  # the fallen sign lies left of this share of the picture's width
NEXT = '[[scene]]\nat = "06:35"\nname = "next"\n' + SKY  # where the Ash scene ends
PINK = 22  # a pixel this much redder than green is a red or pink tube (the dead glass and
# the burnt grey-brown metal: under 20; the old dead red tubes: 30-45)
DIP = 10  # a tube: this many levels darker than the blade round it (9 px about) at least
AROUND = 9  # ... worked out over this many pixels square
STRIPS = 8  # the script runs across most of this many strips of the blade's width...
LETTERED = 6  # ... showing in this many at least...
STROKE = 40  # ... with this many tube pixels each
RAISED = (0.1, 0.45)  # the blade's edge is raised on rubble here (shares of the width)
UNDER_ROWS = 4  # ... its shadow under it there this many rows high at least...
UNDER_DARK = 12  # ... this dark at most (grey levels: the burnt metal's darkest edge 13)...
UNDER_SHARE = 0.6  # ... in this share of those columns


@cache
def grey_pictures(fallen: bool, at: str = "05:40", bury: float = 0.0) -> np.ndarray:
    """The Ash's ruins and boulevard at `at`, the sign fallen or standing, (x, y, rgb)."""
    ruins = layer("ruins", **KEYS, fallen=fallen, **({"bury": bury} if bury else {}))
    scene = '[[scene]]\nat = "05:30"\nname = "Ash"\n' + SKY + ruins + NO_POST
    picture = draw(
        timeline(scene + NEXT) if bury else one_scene(SKY + ruins + NO_POST, at="05:30"),
        at,
        size=SIZE,
    )
    return pygame.surfarray.array3d(picture).astype(int)


def sign_mask(at: str = "05:40", bury: float = 0.0) -> np.ndarray:
    """Where the fallen sign changes the picture (x, y; standing, it is on its pylon at the
    right: only the left of the picture)."""
    fallen, standing = grey_pictures(True, at, bury), grey_pictures(False, at, bury)
    mask = np.abs(fallen - standing).max(axis=2) > 10
    mask[round(LEFT * SIZE[0]) :] = False
    return np.asarray(mask)


def tubes(frame: np.ndarray) -> np.ndarray:
    """Where a frame (x, y, rgb) shows a thin dark stroke: darker than round it by DIP."""
    return dark_strokes(frame.mean(axis=2), DIP, AROUND)


def lettered(frame: np.ndarray, mask: np.ndarray) -> int:
    """How many strips across the sign's width show the script's dark strokes on it."""
    columns = np.flatnonzero(mask.any(axis=1))
    stroked = tubes(frame) & mask
    return sum(
        int(stroked[strip].sum() >= STROKE)
        for strip in np.array_split(np.arange(columns[0], columns[-1] + 1), STRIPS)
    )


def test_the_fallen_signs_tubes_are_dead_dark_glass_with_no_pink() -> None:
    """On the blade no pixel is red or pink: the dead tubes are charcoal glass (on main they
    were a lit-looking pink, 30-45 levels redder than green), and the name runs across the
    blade in dark strokes."""
    fallen, mask = grey_pictures(True), sign_mask()
    rgb = fallen[mask]
    pink = int(((rgb[:, 0] - rgb[:, 1]) > PINK).sum())
    assert pink < 20, f"{pink} pink pixels on the fallen sign"
    assert lettered(fallen, mask) >= LETTERED, "the script's dark tubes across the blade"


def test_the_fallen_sign_lies_raised_on_rubble_its_shadow_under_it() -> None:
    """Along its raised part, under the blade's lower edge, lies the deep dark of its own
    shadow, a few rows high, in most columns (on main the ash heaped against its foot, no
    darker than the burnt metal: a slab printed on the ground)."""
    fallen, mask = grey_pictures(True), sign_mask()
    columns = np.flatnonzero(mask.any(axis=1))
    lo, hi = (columns[0] + round(share * (columns[-1] - columns[0])) for share in RAISED)
    shaded = []
    for x in range(lo, hi):
        rows = np.flatnonzero(mask[x])
        lum = fallen[x, rows[0] : rows[-1] + 1].mean(axis=1)
        shaded.append(_longest(lum <= UNDER_DARK) >= UNDER_ROWS)
    assert np.mean(shaded) > UNDER_SHARE, f"its shadow under it in {np.mean(shaded):.0%}"


def _longest(run: np.ndarray) -> int:
    """The longest run of True in `run`."""
    best = count = 0
    for value in run:
        count = count + 1 if value else 0
        best = max(best, count)
    return best


def test_as_the_scene_ends_the_name_is_still_there_partly_buried() -> None:
    """With the ash drifting over it all scene (`bury` 1, as shipped), at 06:33 the script
    still shows across most of the blade (on main it was greyed over: under half of it)."""
    fallen, mask = grey_pictures(True, "06:33", 1.0), sign_mask("06:33", 1.0)
    assert lettered(fallen, mask) >= LETTERED - 1, "the name still reads at the end"
