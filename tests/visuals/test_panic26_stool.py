"""Panic in the diner: a stool is knocked over by a runner, not found lying. The stool by the
booths stands in the aisle until the last runner into the jam at the door reaches it
(04:23:35.6), then goes over and lies where it fell for the rest of the scene (on main it lay
there from 04:23, before anyone came by)."""

from __future__ import annotations

import numpy as np

from .test_diner_aftermath import SIZE, frame_at, moving, part

STOOL = (0.2, 0.57, 0.25, 0.71)  # of the picture: round the stool standing by the booths
CHANGED = 300  # pixels of it that change as it goes over, at least


def _stool(clock: str) -> np.ndarray:
    drawn = moving(part("room"), frame_at(clock))
    left, top, right, bottom = (round(v * n) for v, n in zip(STOOL, (*SIZE, *SIZE), strict=True))
    return drawn[left:right, top:bottom]


def test_the_stool_stands_till_a_runner_knocks_it_over_then_lies_there() -> None:
    standing, fallen, late = _stool("04:23:30"), _stool("04:23:45"), _stool("04:34:30")
    changed = int((np.abs(standing - fallen).sum(axis=2) > 30).sum())
    assert changed >= CHANGED, f"it stands before a runner reaches it ({changed} px change)"
    assert ((standing[..., 0] - standing[..., 1]) > 60).any(), "a red seat up in the aisle"
    assert (fallen == late).all(), "and lies where it fell for the rest of the scene"
