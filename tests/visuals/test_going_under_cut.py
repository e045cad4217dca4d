"""Going under at 10:40, the mother is cut at the tar's surface, as at 10:36: nothing of her
body shows under it (her head, her lower body and her tusk drawn on under the line, greyed by
the haze, read as an animal sinking in clear water)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame

from .test_mammoth_head import shipped
from .test_mammoth_sinks import built

SCENE = "The sun comes back to the tar pits"
GREY = 128  # she is drawn over this grey: her body (#0b0b0d) is far darker
DARK = 80  # a pixel of her body: every level below this
UNDER = (3, 120)  # rows under the surface looked at (the tar's edge heaped on her above them)
TIMES = ("10:36", "10:40", "10:40:30")


def under_the_surface(at: str) -> int:
    """How many pixels of her body show under the tar's surface at `at`, drawn alone over
    grey."""
    her, line = built(SCENE), shipped()
    state = state_at(line, parse_clock(at))
    surface = pygame.Surface((1920, 1080))
    surface.fill((GREY, GREY, GREY))
    her.draw(surface, Frame(state.story_time, state.scene_seconds, state))
    rows = slice(her.line + UNDER[0], her.line + UNDER[1])
    under = pygame.surfarray.array3d(surface)[:, rows].max(axis=2)
    return int(np.count_nonzero(under < DARK))


def test_going_under_she_is_cut_at_the_surface() -> None:
    """From 10:36 to 10:40:30, under the tar's surface, not a pixel of her body."""
    shown = {at: under_the_surface(at) for at in TIMES}
    assert not any(shown.values()), shown
