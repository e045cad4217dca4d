"""The flash's after-image: the city burnt into the eye, soft, not a stencil."""

from __future__ import annotations

import numpy as np

from .helpers import NO_POST, frame_at, layer

SLOW = (layer("sky", top="#202020", bottom="#202020", stars=0, sun=False, clouds=0)
        + layer("ruins", ground=0.8, height=0.3, fires=0, color="#101010")
        + layer("flash", seconds=20, x=0.5, y=0.8) + NO_POST)
SIZE = (640, 360)  # (at 320x180 its blur is two pixels)


def test_the_after_image_is_soft_with_no_window_dots_or_ruled_edges() -> None:
    """05:15:10-16: the after-image was razor-crisp clip-art, each tower dotted with window
    after window, each edge a step from the white to the burn. A retinal after-image is soft:
    across the towers no step from a pixel to the next is more than a third of how far the
    burn stands out of the white (on main each window's edge was all of it)."""
    rows = slice(int(SIZE[1] * 0.5), int(SIZE[1] * 0.78))
    light = frame_at(SLOW, "05:15", 1.5, SIZE)[:, rows].mean(axis=2)
    steps = np.abs(np.diff(light, axis=0))
    contrast = float(np.ptp(light))
    assert contrast > 10, "the city still stands in the white"
    assert steps.max() < contrast / 3, (steps.max(), contrast)
