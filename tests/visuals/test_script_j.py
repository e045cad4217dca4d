"""Johnie's script J reads as a J across the room, not an f: one stem with nothing crossing it
(the shipped J's entry and exit strokes crossed it at the baseline: "fohnie's"), curling below
the baseline into a hook at its lower left."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.fonts import HERSHEY_EM, HERSHEY_TOP, Fonts
from installation.visuals.wilshire import SIGN_FONT

SIZE = 160  # the letter drawn this large, pixels
BASELINE = 9  # the script's baseline, Hershey units (its small letters stand on it)
WAIST = (-6, 9)  # a crossbar would cross the stem between these heights, Hershey units
ONE_STROKE = 2.6  # a row of the stem there: one run of ink at most this many tubes wide
HOOK_BELOW = 4  # the hook: ink this far below the baseline at least, Hershey units ...
HOOK_LEFT = 0.5  # ... and its lowest ink left of the stem by this share of the letter's width


def _j() -> tuple[np.ndarray, float, int, int]:
    """The J's ink (x, y), the pixels a Hershey unit spans, the tube's width, and where the
    letter's picture puts y = 0 in Hershey units."""
    font = Fonts(lambda _message: None).get(SIGN_FONT, SIZE)
    ink = pygame.surfarray.array_alpha(font.render("J", True, (255, 255, 255))) >= 128
    unit = SIZE / HERSHEY_EM
    tube = max(2, round(SIZE / 16))
    return ink, unit, tube, round(tube - HERSHEY_TOP * unit)


def _runs(row: np.ndarray) -> list[tuple[int, int]]:
    """The runs of ink along a row, as (first, last) columns."""
    cols = np.flatnonzero(row)
    if not cols.size:
        return []
    breaks = np.flatnonzero(np.diff(cols) > 1)
    starts = np.concatenate(([cols[0]], cols[breaks + 1]))
    ends = np.concatenate((cols[breaks], [cols[-1]]))
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def test_the_j_is_one_stem_hooked_to_the_lower_left_with_no_crossbar() -> None:
    ink, unit, tube, zero = _j()
    for y in range(zero + round(WAIST[0] * unit), zero + round(WAIST[1] * unit)):
        runs = _runs(ink[:, y])
        assert len(runs) == 1, f"row {y}: {len(runs)} strokes cross it (an f's crossbar)"
        first, last = runs[0]
        assert last - first + 1 <= ONE_STROKE * tube, f"row {y}: a bar {last - first + 1} wide"
    baseline = zero + round(BASELINE * unit)
    stem = np.mean(_runs(ink[:, baseline])[0])
    xs, ys = np.nonzero(ink)
    assert ys.max() >= baseline + HOOK_BELOW * unit, "no descender below the baseline"
    lowest = xs[ys >= ys.max() - 2].mean()
    wide = xs.max() - xs.min()
    assert lowest <= stem - HOOK_LEFT * wide / 2, "the descender does not curl to the left"
    left_end = xs[xs <= xs.min() + 2]
    assert left_end.size, "the hook has no end at the lower left"
    assert ys[xs <= xs.min() + 2].min() > baseline, "the hook's end is not below the baseline"
