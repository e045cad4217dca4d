"""Johnnie's at night: the walker crossing the lot in front of Harry stays a man of his own,
never one black shape with him."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from installation.visuals.figures import Figures

from .test_crowd_places import FULL, Pick, after, keyed_pixels, night_walker, shipped_all

# He passes Harry at the glass, real seconds into the scene (a third to half a real second
# apart: from when his stride is over Harry; he and Harry walk in real seconds, whatever the
# pace gives the story's clock).
CROSSING = (18.72, 19.08, 19.43, 19.97)
EDGE = 3  # pixels in from the walker's outline where his rim light shows
LIGHTER = 25  # levels the walker's edge over Harry is lighter than Harry, at least
OVER = 40  # pixels of the walker's edge over Harry, at least, for a frame to count
JOHNNIES = "03:50"  # the scene's start


def crossing_times() -> list[float]:
    """The story times of the CROSSING, at the shipped pace."""
    return [after(JOHNNIES, real) for real in CROSSING]


def harry(figures: Figures) -> bool:
    return figures.params["body"] == "harry"


def alone(pick: Pick) -> list[np.ndarray]:
    """Where the people `pick` picks are, drawn alone at each CROSSING (the others left out)."""
    listed = Figures.members
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Figures, "members", lambda self, frame:
                      listed(self, frame) if pick(self) else [])
        return [keyed_pixels(one) for one in shipped_all(crossing_times(), pick, size=FULL,
                                                         words=False)]


@functools.cache
def crossing() -> tuple[list[np.ndarray], ...]:
    """At each CROSSING: the walker alone, Harry alone, the walker keyed among everyone, and
    the picture as shown (one compositor for each, drawing the four moments in turn)."""
    return (alone(night_walker), alone(harry),
            [keyed_pixels(one) for one in shipped_all(crossing_times(), night_walker, size=FULL,
                                                      words=False)],
            [one.max(axis=2) for one in shipped_all(crossing_times(), size=FULL, words=False)])


def around(mask: np.ndarray) -> np.ndarray:
    """The pixels within EDGE of `mask` along its rows, outside it."""
    grown = mask.copy()
    for step in range(1, EDGE + 1):
        grown[step:] |= mask[:-step]
        grown[:-step] |= mask[step:]
    return grown & ~mask


@pytest.mark.parametrize("at", CROSSING)
def test_the_night_walker_passes_in_front_of_harry_with_an_edge_of_light(at: float) -> None:
    """He is nearer than Harry (lower on the lot, larger), so drawn over him; and where his
    outline lies over Harry's black, the lot's light behind him catches its edge (his own
    outermost pixels): lighter than Harry, so the two silhouettes never merge in any frame
    of the crossing."""
    walkers, hims, overs, showns = crossing()
    i = CROSSING.index(at)
    walker, him, over, shown = walkers[i], hims[i], overs[i], showns[i]
    assert (walker & him).any(), f"{at} s in: the walker passes Harry"
    inner = walker & ~around(~walker)  # (his soft edge, blended with what is behind, left out)
    assert over[inner & him].all(), f"{at} s in: Harry drawn over the walker, who is nearer"
    edge = walker & around(~walker) & him
    assert edge.sum() >= OVER, f"{at} s in: the walker's outline crosses Harry"
    body = np.median(shown[him & ~walker & ~around(walker)])
    assert shown[edge].mean() >= body + LIGHTER, f"{at} s in: his edge is lost in Harry's black"
