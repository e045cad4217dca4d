"""The panic in Johnnie's: the pane that breaks stays in its frame; the runners read solid."""

from __future__ import annotations

import numpy as np

from installation.visuals.counter import CHROME

from .helpers import NO_POST, frame_at, layer

WIDE = (960, 540)
CRACKS = 200  # pixels of crack and hole on the broken pane, at least, at this size
SILL = 0.625  # the glass front's foot (below: the wall, the floor and the shards on it)
STREET = 0.5  # the street outside, seen through the glass from here down
GLASS = (0.25, 0.45)  # a band of the picture where all of the front is glass or its uprights


def sky(color: str) -> str:
    return layer("sky", top=color, bottom=color, stars=0, sun=False, clouds=0)


def test_the_cracks_stay_inside_the_broken_pane_never_over_its_frame() -> None:
    """Where the glass breaks, its frame (the uprights, the rail under the upper panes, the
    chrome on the sill) and the lamps in front of it stand as they were: the cracks run out
    to the frame and stop there."""
    whole = layer("interior") + NO_POST
    broken = frame_at(sky("#101018") + layer("interior", broken="04:23") + NO_POST, "04:20",
                      190.0, WIDE)
    before = frame_at(sky("#101018") + whole, "04:20", 190.0, WIDE)
    cracks = (broken != before).any(axis=2)
    cracks[:, round(SILL * WIDE[1]):] = False  # (the shards on the floor)
    assert cracks.sum() > CRACKS, "the pane is broken"
    # What is not glass looks the same whatever the night is like outside: above the street
    # (drawn solid on the room), that is the frame and the lamps; an upright is solid all
    # the way down the glass; the sill is chrome.
    solid = (before == frame_at(sky("#f0f0f0") + whole, "04:20", 190.0, WIDE)).all(axis=2)
    street = round(STREET * WIDE[1])
    frame = solid.copy()
    frame[:, street:] = solid[:, round(GLASS[0] * WIDE[1]):round(GLASS[1] * WIDE[1])].all(
        axis=1)[:, None]
    frame |= (before == CHROME).all(axis=2)
    columns = np.nonzero(cracks.any(axis=1))[0]
    assert frame[columns.min() - 1, street:].all() and frame[columns.max() + 1, street:].all(), \
        "the pane's uprights are beside the cracks"
    assert not (cracks & frame).any(), "no crack over the frame"
