"""Under the counter, in its shadow, the back of a counter a visitor recognises: cups, plates
and glasses along a shelf, not an empty near-black band like a letterbox (04:27-04:35)."""

from __future__ import annotations

import numpy as np

from .helpers import shipped_frame

UNDER = slice(990, 1075)  # the rows under the counter's chrome nose, to the frame's foot
PALE = 70  # a thing on the shelf, lit a little: brighter than the counter's shadow (<40)
STRIPES = 8  # the width cut in this many stripes


def under_the_counter(at: str) -> np.ndarray:
    """The band under the counter at story time `at` of the shipped day, (x, y) luminance."""
    return shipped_frame(at)[:, UNDER]


def test_things_stand_on_a_shelf_all_along_under_the_counter() -> None:
    band = under_the_counter("04:30")
    pale = band > PALE
    assert pale.mean() > 0.04, f"only {pale.mean():.1%} of the band under the counter shows"
    stripes = [stripe.mean() > 0.02 for stripe in np.array_split(pale, STRIPES, axis=0)]
    assert sum(stripes) >= STRIPES - 2, f"things in only {sum(stripes)} of {STRIPES} stripes"
    assert (band < PALE / 2).mean() > 0.5, "still in the counter's shadow: mostly dark"
