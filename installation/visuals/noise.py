"""Smooth value noise at many positions at once: the numbers `base.smooth_noise` gives one
position at a time, its knots hashed all at once (as `base.hash01` hashes one)."""

from __future__ import annotations

import math

import numpy as np

from installation.visuals.base import s_curve

WORD = 0xFFFFFFFF  # hash01 works in 32 bits


def smooth_noise_at(seed: int, at: np.ndarray) -> np.ndarray:
    """`smooth_noise(seed, x)` for each position x of `at` (float64): the same numbers."""
    if not at.size:
        return np.zeros(at.shape)
    first = math.floor(float(at.min()))
    knots = hash01_at(seed, np.arange(first, math.floor(float(at.max())) + 2))
    whole = np.floor(at)
    i = whole.astype(int) - first
    f = s_curve(at - whole)  # as smooth_noise eases between its knots
    return np.asarray(knots[i] + (knots[i + 1] - knots[i]) * f)


def hash01_at(seed: int, parts: np.ndarray) -> np.ndarray:
    """`hash01(seed, part)` for each integer part of `parts`, all at once: the same numbers."""
    h = (parts.astype(np.int64) & WORD).astype(np.uint64) ^ np.uint64(seed & WORD)
    h = h * np.uint64(0x01000193) & np.uint64(WORD)
    h ^= h >> np.uint64(15)
    h = h * np.uint64(0x2C1B3C6D) & np.uint64(WORD)
    h ^= h >> np.uint64(12)
    return np.asarray(h / 4294967296.0)
