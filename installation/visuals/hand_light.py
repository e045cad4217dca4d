"""How much of the light a figure's bare hands catch: a small hand is a few pixels, all of it
edge, so a rim lit it through to a pale knob at the end of a dark sleeve (a club held up, at
the mall and on Wilshire at first light); it takes a little of it, as dark as the face the rim
leaves dark. A hand wide enough to have an inside keeps its rim at its edge, as the face does
(a near arm's hand round a partner's back shows it lies over them)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from installation.visuals.skeleton import Point

# A hand this wide (pixels) or narrower keeps this share of the rim and of the lift of the lit
# side; from there it keeps more, all of it as wide as the second (the rim's fade is ~3 px).
HAND_LIGHT = 0.1
LIT_THROUGH, LIT_EDGE = 3.0, 4.0
SOFT = 1.0  # pixels past a hand's outline it reaches (its smoothed edge)

Hand = tuple[Point, Point, float]  # a piece of a hand: from, to (pixels), half its width


def hand_shade(
    size: tuple[int, int], origin: tuple[int, int], hands: Sequence[Hand]
) -> np.ndarray | None:
    """The share of its light each pixel of a box (`size`, indexed [x, y], its corner at
    `origin` in the sprite's pixels) keeps: on the `hands` as little as the widest piece of
    them says (see HAND_LIGHT; a thumb is thinner than the hand it is on), 1 elsewhere (None:
    no hands, or wide enough to keep all their light)."""
    kept = kept_by(2 * max((half for _a, _b, half in hands), default=LIT_EDGE))
    if kept >= 1.0:
        return None
    on = np.zeros(size, bool)
    for (ax, ay), (bx, by), half in hands:
        reach = half + SOFT  # (the pixels further from the piece's box than this are off it)
        left, right = _span(min(ax, bx) - reach, max(ax, bx) + reach, origin[0], size[0])
        top, bottom = _span(min(ay, by) - reach, max(ay, by) + reach, origin[1], size[1])
        if left >= right or top >= bottom:
            continue
        xs = np.arange(left, right, dtype=np.float32)[:, None] + origin[0] + 0.5
        ys = np.arange(top, bottom, dtype=np.float32)[None, :] + origin[1] + 0.5
        dx, dy = bx - ax, by - ay
        span = dx * dx + dy * dy or 1.0
        k = np.clip(((xs - ax) * dx + (ys - ay) * dy) / span, 0.0, 1.0)
        on[left:right, top:bottom] |= np.hypot(xs - ax - k * dx, ys - ay - k * dy) <= reach
    return np.where(on, np.float32(kept), np.float32(1.0))


def _span(low: float, high: float, origin: int, length: int) -> tuple[int, int]:
    """The pixels of a box's side (`length` of them, the first at `origin`) whose middles
    may lie from `low` to `high` (a pixel to spare each way), from the first to past the
    last: a hand's few pixels looked at, not the whole figure's box for each of its pieces."""
    return (max(0, math.floor(low - origin - 0.5) - 1),
            min(length, math.ceil(high - origin - 0.5) + 2))


def kept_by(width: float) -> float:
    """The share of its light a hand `width` pixels across keeps."""
    k = min(1.0, max(0.0, (width - LIT_THROUGH) / (LIT_EDGE - LIT_THROUGH)))
    return HAND_LIGHT + (1.0 - HAND_LIGHT) * k
