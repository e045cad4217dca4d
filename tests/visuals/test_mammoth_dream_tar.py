"""In the dream her legs of light go down into the tar itself: lit to just over its surface, no
strip of night between them and it (a full heap of the noon pit's tar round them stood over the
dream's tar with the night showing through it, and the tar clinging to them was a band of black
boots: she stood on the tar, not in it)."""

from __future__ import annotations

import numpy as np
import pytest

from .test_dream_mammoth import LATE, TIMES, column, middles, mother, picture

ROWS = (12, 3)  # the frame's rows over the tar's surface looked at: from this many to this many
GLOW = 8  # levels (summed) a leg stands over the night there, at least (late, she is faint)
NIGHT = (1.0, 0.8)  # units across her (facing left) of the night behind her, past her rump


@pytest.mark.parametrize("at", (*TIMES, LATE))
def test_in_the_dream_her_legs_are_lit_down_to_the_tar(at: str) -> None:
    her, frame = mother(), picture(at)
    rows = slice(her.line - ROWS[0], her.line - ROWS[1])
    night = np.median(frame[column(her, NIGHT[0]):column(her, NIGHT[1]), rows])
    for leg in middles(her):
        lit = float(np.median(frame[leg, rows])) - night
        assert lit > GLOW, f"{at}: a leg {lit:.0f} levels over the night just over the tar"
