"""Smooth value noise at many positions at once: the numbers `base.smooth_noise` gives one
position at a time, each knot hashed once."""

from __future__ import annotations

import math

import numpy as np

from installation.visuals.base import hash01, s_curve


def smooth_noise_at(seed: int, at: np.ndarray) -> np.ndarray:
    """`smooth_noise(seed, x)` for each position x of `at` (float64): the same numbers."""
    if not at.size:
        return np.zeros(at.shape)
    first = math.floor(float(at.min()))
    knots = np.array([hash01(seed, first + n)
                      for n in range(math.floor(float(at.max())) - first + 2)])
    whole = np.floor(at)
    i = whole.astype(int) - first
    f = s_curve(at - whole)  # as smooth_noise eases between its knots
    return np.asarray(knots[i] + (knots[i + 1] - knots[i]) * f)
