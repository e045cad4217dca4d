"""A sleeper's slow breath in real seconds: which of a few drawings of his chest a moment
shows, how far that drawing raises it, and how much each part of him rises with it."""

from __future__ import annotations

import math

import numpy as np

BREATH_SECONDS = 4.4  # one slow breath of a sleeper (not a whole part of 5 or 10 seconds: two
# looks at him a few seconds apart do not find him at the same point of it)
BREATH_STEPS = 24  # drawings of the chest through one breath, made once
INHALE = 0.4  # of a breath: drawing it in is quicker than letting it out
# How much each part of him rises, by how far it is along him from his feet (x as a share of
# the picture): nothing below the hips, the most over the chest, less at the shoulder, and
# nothing where the blanket meets the mattress by his head.
RISE_AT: tuple[tuple[float, float], ...] = (
    (0.42, 0.0), (0.446, 0.15), (0.474, 0.55), (0.5, 1.0), (0.528, 1.0), (0.55, 0.9),
    (0.566, 0.7), (0.578, 0.4), (0.582, 0.0))


def step_at(seconds: float) -> int:
    """Which drawing of the breath shows `seconds` into the scene."""
    return int(seconds / BREATH_SECONDS * BREATH_STEPS) % BREATH_STEPS


def lift(step: int) -> float:
    """How far the chest is raised (0 to 1) in one drawing: up quickly, down slowly."""
    p = (step % BREATH_STEPS) / BREATH_STEPS
    if p < INHALE:
        return 0.5 - 0.5 * math.cos(math.pi * p / INHALE)
    return 0.5 + 0.5 * math.cos(math.pi * (p - INHALE) / (1.0 - INHALE))


def rise(x: float) -> float:
    """How much of the breath's rise the part of him at `x` takes (0 to 1)."""
    xs, shares = zip(*RISE_AT, strict=True)
    return float(np.interp(x, xs, shares, left=0.0, right=0.0))
