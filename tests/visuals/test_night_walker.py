"""Johnnie's at night: the walker crossing the lot in front of Harry stays a man of his own,
never one black shape with him."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from installation.visuals.figures import Figures

from .test_crowd_places import FULL, Pick, keyed_pixels, night_walker, shipped_all

# He passes Harry at the glass (a third to half a real second apart: from when his stride is
# over Harry).
CROSSING = ("03:51:45", "03:51:47", "03:51:49", "03:51:52")
EDGE = 3  # pixels in from the walker's outline where his rim light shows
LIGHTER = 25  # levels the walker's edge over Harry is lighter than Harry, at least
OVER = 40  # pixels of the walker's edge over Harry, at least, for a frame to count


def harry(figures: Figures) -> bool:
    return figures.params["body"] == "harry"


def alone(pick: Pick) -> list[np.ndarray]:
    """Where the people `pick` picks are, drawn alone at each CROSSING (the others left out)."""
    listed = Figures.members
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Figures, "members", lambda self, frame:
                      listed(self, frame) if pick(self) else [])
        return [keyed_pixels(one) for one in shipped_all(CROSSING, pick, size=FULL, words=False)]


@functools.cache
def crossing() -> tuple[list[np.ndarray], ...]:
    """At each CROSSING: the walker alone, Harry alone, the walker keyed among everyone, and
    the picture as shown (one compositor for each, drawing the four moments in turn)."""
    return (alone(night_walker), alone(harry),
            [keyed_pixels(one) for one in shipped_all(CROSSING, night_walker, size=FULL,
                                                      words=False)],
            [one.max(axis=2) for one in shipped_all(CROSSING, size=FULL, words=False)])


def around(mask: np.ndarray) -> np.ndarray:
    """The pixels within EDGE of `mask` along its rows, outside it."""
    grown = mask.copy()
    for step in range(1, EDGE + 1):
        grown[step:] |= mask[:-step]
        grown[:-step] |= mask[step:]
    return grown & ~mask


@pytest.mark.parametrize("at", CROSSING)
def test_the_night_walker_passes_in_front_of_harry_with_an_edge_of_light(at: str) -> None:
    """He is nearer than Harry (lower on the lot, larger), so drawn over him; and where his
    outline lies over Harry's black, the lot's light behind him catches its edge (his own
    outermost pixels): lighter than Harry, so the two silhouettes never merge in any frame
    of the crossing."""
    walkers, hims, overs, showns = crossing()
    i = CROSSING.index(at)
    walker, him, over, shown = walkers[i], hims[i], overs[i], showns[i]
    assert (walker & him).any(), f"{at}: the walker passes Harry"
    inner = walker & ~around(~walker)  # (his soft edge, blended with what is behind, left out)
    assert over[inner & him].all(), f"{at}: Harry drawn over the walker, who is nearer"
    edge = walker & around(~walker) & him
    assert edge.sum() >= OVER, f"{at}: the walker's outline crosses Harry"
    body = np.median(shown[him & ~walker & ~around(walker)])
    assert shown[edge].mean() >= body + LIGHTER, f"{at}: his edge is lost in Harry's black"
