"""The tape hiss under every scene is drawn afresh: no stretch of it is ever heard again."""

from __future__ import annotations

import pytest

from installation.audio.analysis import repetition
from installation.audio.dsp.effects import Hiss

RATE = 48_000
SECONDS = 4.0  # longer than the 2.7 s pool the hiss was once read from, in seeded tiles
PIECE_S = 0.02  # shorter than one of those tiles (43 ms): a copied tile holds whole pieces
APART_S = 0.05
HOP_S = 0.1
LIKE_MOST = 0.5  # fresh white noise: 0.17-0.19 here (the best of ~10^7 chance alignments);
# read from the pool, every start matched a piece exactly (1.00)
HISS_DB = -60.0


@pytest.mark.parametrize("start", [0, RATE * 3600 * 7])
def test_no_piece_of_the_hiss_comes_back(start: int) -> None:
    """Any 20 ms of hiss, against the 4 s round it at 50 ms apart or more."""
    hiss = Hiss(RATE, HISS_DB, start=start).process(round(SECONDS * RATE))
    _, match = repetition(hiss.mean(axis=0), RATE, PIECE_S, APART_S, HOP_S)
    assert match < LIKE_MOST
