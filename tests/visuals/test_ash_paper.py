"""Wilshire under ash (06:35-08:00): the sheet of paper the wind takes across the road is
dusted with the ash it lay in, a newspaper's page with its print, never the brightest thing
in the frame (clean and plain, it tumbled by as a beige cube, 06:40)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.street_ash_paper import CROSSING, EVERY, crossing, draw_paper

SIZE = (960, 540)
ASH = (118, 112, 106)  # the ash it skims over
PALEST = 150.0  # its face's light at most (the ash: ~113; main: 188)


def test_the_wind_blown_paper_is_dusted_and_printed() -> None:
    seen = 0
    for step in range(0, int(EVERY * 4)):
        if crossing(step / 2, 7) is None:
            continue
        surface = pygame.Surface(SIZE)
        surface.fill(ASH)
        draw_paper(surface, step / 2, 7)
        shade = pygame.surfarray.array3d(surface).astype(float) @ np.array([0.3, 0.59, 0.11])
        assert shade.max() <= PALEST, f"{step / 2} s: its face {shade.max():.0f}"
        seen += 1
    assert seen >= CROSSING, "it crosses"
