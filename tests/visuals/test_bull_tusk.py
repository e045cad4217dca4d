"""The bull's tusk reads as a tusk, not a handle: ivory, thick at his lip and tapering along
its curve to a point at its tip (a line of even width bent round, blunt at its end, read as
the handle of a cup)."""

from __future__ import annotations

import numpy as np
from scipy.ndimage import distance_transform_edt

from .helpers import NO_POST, frame_at, layer

SIZE = (1280, 720)
BLACK = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
BULL = layer("silhouette", shape="bull", x=0.62, y=0.97, scale=2.5, color="#111116")
IVORY = 60  # a tusk's pixels: every channel above this (the coat is #111116, the sky black)
TIP = 0.08  # the tip: this share of the tusk's reach from its end
POINTED = 0.2  # across its tip, at most this share of its width where it is widest


def tusk() -> np.ndarray:
    """The bull's tusk: its ivory pixels (columns x rows), big, over a black sky."""
    frame = frame_at(BLACK + BULL + NO_POST, "12:00", 1.0, SIZE)
    return frame.min(axis=2) > IVORY


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
