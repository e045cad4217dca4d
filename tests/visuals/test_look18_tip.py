"""Her trunk's tip going under at 10:41:46: the tar's ring climbing its right side bites no notch
out of it (it stood highest under her trunk leaning out over it, a grey bite into the black),
and no grey speck of her is left on the tar left of it (a sliver of her just under the heap's
top, apart from her, shown by the tar's soft edge, or laid again from her posed picture)."""

from __future__ import annotations

import numpy as np

from .test_going_under_tip import alone, built

SCENE = "The sun comes back to the tar pits"
AT = "10:41:46"  # (her trunk's tip going under: she holds on, her eye over the tar, to 10:41:27)
DARK = 60  # a pixel of her, over the grey she is drawn alone on
SOLID = DARK  # inside her outline every pixel is one of her, a couple of pixels in ... (30
# when she was black; brown and lit by the returning sun, calf21's, her trunk's creases and sun
# side reach 52: a bite shows the grey behind her)
RIM = 2  # ... from either end of her in each row
RINGED = (30, 20)  # rows over the surface where the ring climbs her sides
SPECK = 105  # left of her tip on the tar nothing is darker than this (base: 63)
LEFT = (30, 6)  # columns left of her tip looked at, from and to
ROWS = (20, 12)  # rows over the surface looked at, from and to


def test_the_ring_climbing_her_trunk_bites_no_notch_out_of_it() -> None:
    her = built(SCENE)
    levels = alone(AT)
    bitten = 0
    for y in range(her.line - RINGED[0], her.line - RINGED[1]):
        ends = np.flatnonzero(levels[:, y] < DARK)
        if ends.size:
            inside = levels[ends[0] + RIM:ends[-1] - RIM + 1, y]
            bitten += int((inside > SOLID).sum())
    assert bitten <= 3, f"{bitten} grey pixels inside her trunk where the ring climbs it"


def test_no_grey_speck_is_left_on_the_tar_beside_her_trunk_tip() -> None:
    her = built(SCENE)
    levels = alone(AT)
    tip = np.flatnonzero((levels[:, her.line - 60:her.line - 10] < DARK).any(axis=1))
    assert tip.size, "her trunk's tip shows"
    beside = levels[tip[0] - LEFT[0]:tip[0] - LEFT[1], her.line - ROWS[0]:her.line - ROWS[1]]
    assert beside.min() >= SPECK, f"a speck {beside.min()} beside her trunk's tip"
