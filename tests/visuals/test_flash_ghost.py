"""The flash's after-image: the city burnt into the eye, soft, not a stencil."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock

from .helpers import NO_POST, layer, one_frame, timeline

DARK_SKY = layer("sky", top="#202020", bottom="#202020", stars=0, sun=False, clouds=0)
SLOW = (DARK_SKY + layer("ruins", ground=0.8, height=0.3, fires=0, color="#101010")
        + layer("flash", seconds=20, x=0.5, y=0.8) + NO_POST)
BEFORE = DARK_SKY + layer("skyline", ground=0.8, height=0.3, lit=0.5) + NO_POST  # burnt in
SIZE = (640, 360)  # (at 320x180 its blur is two pixels)


def frame_at(seconds: float) -> np.ndarray:
    """The flash `seconds` in, over the city the scene before had, as an array."""
    line = timeline(f"[[scene]]\nat = \"05:12\"\nname = \"before\"\n{BEFORE}\n"
                    f"[[scene]]\nat = \"05:15\"\nname = \"flash\"\n"
                    f"transition = {{ type = \"cut\", seconds = 0 }}\n{SLOW}")
    surface = one_frame(line, SIZE, state_at(line, parse_clock("05:15") + seconds), None,
                        lambda _message: None)
    return pygame.surfarray.array3d(surface).astype(int)


def test_the_after_image_is_soft_with_no_window_dots_or_ruled_edges() -> None:
    """05:15:10-16: the after-image was razor-crisp clip-art, each tower dotted with window
    after window, each edge a step from the white to the burn. A retinal after-image is soft:
    across the towers no step from a pixel to the next is more than a third of how far the
    burn stands out of the white (on main each window's edge was all of it)."""
    rows = slice(int(SIZE[1] * 0.5), int(SIZE[1] * 0.78))
    light = frame_at(1.5)[:, rows].mean(axis=2)
    steps = np.abs(np.diff(light, axis=0))
    contrast = float(np.ptp(light))
    assert contrast > 10, "the city still stands in the white"
    assert steps.max() < contrast / 3, (steps.max(), contrast)
