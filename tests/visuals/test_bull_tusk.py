"""The bull's tusks read as a woolly mammoth's: a pair rooted low either side of his trunk,
ivory, thick at his lip and tapering along their curve to a point at the tip (a line of even
width bent round, blunt at its end, read as the handle of a cup; one tusk alone, out of his
forehead, read as a sickle)."""

from __future__ import annotations

import numpy as np
from scipy.ndimage import distance_transform_edt

from installation.visuals.mammoth import EYE
from installation.visuals.mammoth_trunk import TRUNK_DOWN

from .helpers import NO_POST, frame_at, layer

SIZE = (1280, 720)
BLACK = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
BULL = layer("silhouette", shape="bull", x=0.62, y=0.97, scale=2.5, color="#111116")
IVORY = 60  # a tusk's pixels: every channel above this (the coat is #111116, the sky black)
TIP = 0.08  # the tip: this share of the tusk's reach from its end
POINTED = 0.2  # across its tip, at most this share of its width where it is widest
PX = 2.5 * 0.25 * SIZE[1]  # his pixels to a unit (scale times UNIT times the height)
FEET = (0.62 * SIZE[0], 0.97 * SIZE[1])
TRUNK_WIDTH = 0.15  # his trunk's width at its root, in units (as mammoth draws it)
BESIDE = 0.03  # units: a column this far in front of his trunk's root crosses both tusks
FACE, SKULL_BACK = -0.67, -0.3  # units: the front of his face and the back of his skull


def bull() -> np.ndarray:
    """The bull, big, over a black sky (columns x rows x colour)."""
    return frame_at(BLACK + BULL + NO_POST, "12:00", 1.0, SIZE)


def tusk() -> np.ndarray:
    """The bull's tusks: their ivory pixels (columns x rows)."""
    return bull().min(axis=2) > IVORY


def column(x: float) -> int:
    return int(FEET[0] + x * PX)


def row(y: float) -> int:
    return int(FEET[1] - y * PX)


def test_the_bulls_tusk_is_ivory_and_tapers_to_a_point() -> None:
    mask = tusk()
    assert mask.sum() > 2000, "a long ivory tusk"
    half_width = distance_transform_edt(mask)
    columns, rows = np.nonzero(mask)
    end = int(rows.argmin())  # its tip: the tusk curves up, its point the highest of it
    tip = np.array([columns[end], rows[end]])
    reach = float(np.hypot(*(np.array([columns, rows]).T - tip).T).max())
    near = np.hypot(columns - tip[0], rows - tip[1]) < TIP * reach
    widest = half_width.max()
    assert half_width[columns[near], rows[near]].max() <= POINTED * widest, (
        f"{half_width[columns[near], rows[near]].max():.1f} px across its tip of {widest:.1f}")


def test_the_bulls_tusk_curves_up_and_in_towards_his_face() -> None:
    """Facing left, the tusk's point is above where it reaches furthest forward, and turned
    back from there towards his face (to the right)."""
    columns, rows = np.nonzero(tusk())
    front = int(columns.min())
    end = int(rows.argmin())
    assert rows[end] < rows[columns == front].min(), "up from its front"
    assert columns[end] > front + 0.05 * np.ptp(columns), "and in, back towards his face"


def test_the_bull_carries_a_pair_of_tusks_rooted_low_either_side_of_his_trunk() -> None:
    """Below his eye two tusks come out either side of his trunk's root: the near one over
    it, ivory where it crosses it, the far one past its front, both sweeping forward (a
    column just in front of the trunk crosses two, the far one above it and darker, the near
    one below); none grows out of his forehead, over his eye."""
    frame = bull()
    mask = frame.min(axis=2) > IVORY
    eye = row(EYE[1])
    front, back = column(TRUNK_DOWN[0][0] - TRUNK_WIDTH / 2), column(TRUNK_DOWN[0][0]
                                                                      + TRUNK_WIDTH / 2)
    assert mask[front:back, eye:].sum() > 200, "the near tusk crosses his trunk's root"
    assert mask[:front, eye:].sum() > 2000, "in front of it, both sweep forward"
    beside = column(TRUNK_DOWN[0][0] - TRUNK_WIDTH / 2 - BESIDE)
    rows = np.flatnonzero(mask[beside])
    runs = np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1)
    assert len(runs) == 2, f"{len(runs)} tusks beside his trunk"
    far, near = (frame[beside, run].mean() for run in runs)
    assert far < near, "the far tusk (above) is the darker"
    eye_top = row(EYE[1] + 0.04)  # over the eye and its skin
    assert not mask[column(FACE):column(SKULL_BACK), :eye_top].any(), "nothing from his brow"
