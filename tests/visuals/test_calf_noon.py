"""The calf on the far shore at noon stands clear of the palm beside it: calling, its trunk
swung out, it was pressed to the palm's trunk at 14:25, one black shape with it."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import shipped_picture

SIZE = (960, 540)
HEAD_ROWS = slice(292, 336)  # its head and trunk beside the palm's trunk (over the shore)
BETWEEN = slice(840, 910)  # from left of the palm's trunk to the calf's head
DARK = 50  # levels: the palm's and the calf's pixels are this dark; the city behind them not
CLEAR = 12  # pixels of the city between them, at least, in every row (25 at 1920x1080)


def test_calling_at_14_25_the_calf_keeps_clear_of_the_palm() -> None:
    rgb = pygame.surfarray.array3d(shipped_picture("14:25", SIZE)).astype(float)
    dark = (rgb @ np.array([0.3, 0.59, 0.11]))[BETWEEN, HEAD_ROWS] < DARK  # columns x rows
    gaps = []
    for row in dark.T:
        found = np.flatnonzero(row)
        breaks = np.flatnonzero(np.diff(found) > 1)  # the palm's trunk is the first piece
        palm = found[breaks[0] if breaks.size else -1]
        assert palm - found[0] < CLEAR, f"the palm's trunk {palm - found[0] + 1} px wide"
        gaps += [found[breaks[0] + 1] - palm - 1] if breaks.size else []
    assert min(gaps) >= CLEAR, f"{min(gaps)} px between the palm and the calf"
