"""Smooth value noise at many positions at once: the numbers `base.smooth_noise` gives one
position at a time, each knot hashed once."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from installation.visuals.base import hash01, s_curve

KNOTS_KEPT = 64  # runs of knots kept (a few noises, each moving on a knot every few seconds)


def smooth_noise_at(seed: int, at: np.ndarray) -> np.ndarray:
    """`smooth_noise(seed, x)` for each position x of `at` (float64): the same numbers."""
    if not at.size:
        return np.zeros(at.shape)
    first = math.floor(float(at.min()))
    knots = _knots(seed, first, math.floor(float(at.max())) - first + 2)
    whole = np.floor(at)
    i = whole.astype(int) - first
    f = s_curve(at - whole)  # as smooth_noise eases between its knots
    return np.asarray(knots[i] + (knots[i + 1] - knots[i]) * f)


@lru_cache(maxsize=KNOTS_KEPT)
def _knots(seed: int, first: int, count: int) -> np.ndarray:
    """The noise's knots `first` to `first + count` (kept: a frame of ripples asks for the
    same run as the frames round it, tens of hashes each)."""
    knots = np.array([hash01(seed, first + n) for n in range(count)])
    knots.flags.writeable = False
    return knots
