"""The last of the mother going under (10:41:40-10:42:20): her raised trunk's tip sinks into the
tar with rings of its own spreading round it (at 10:42 it was a black chip on the tar, no ring
near it: her rings, as wide as she was, had gone far off)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame

from .helpers import shipped_program
from .test_mammoth_sinks import built

SCENE = "The sun comes back to the tar pits"
GREY = 128  # she is drawn alone over this grey
DARK = 6  # a ring: darker than the grey by this many levels at least
NEAR = 130  # pixels: on the tar's surface the nearest ring either side of her trunk's tip is
# this close to it at most (base, 10:42: 265 left, 178 right) ...
CENTRED = 20  # ... and they lie about its middle, this many pixels at most (base: 43)
TIMES = ("10:41:44", "10:41:46")  # her trunk's last seconds (she holds on, her eye over the
# tar, till 10:41:26, and then the tar takes her quickly: gone by 10:41:50 with its fingers)


def alone(at: str) -> np.ndarray:
    """Her layer drawn alone over grey at `at` (the shipped pace), as levels [x, y]."""
    return alone_rgb(at).mean(axis=2)


def alone_rgb(at: str) -> np.ndarray:
    """Her layer drawn alone over grey at `at` (the shipped pace), as colours [x, y, rgb]."""
    program = shipped_program()
    her = built(SCENE)
    state = state_at(program.timeline, parse_clock(at), program.clock)
    surface = pygame.Surface((1920, 1080))
    surface.fill((GREY, GREY, GREY))
    her.draw(surface, Frame(state.story_time, state.scene_seconds, state))
    return pygame.surfarray.array3d(surface).astype(int)


def runs(row: np.ndarray) -> list[tuple[int, int]]:
    """The runs of ring (dark) pixels along a row, first and last column of each."""
    dark = np.flatnonzero(row < GREY - DARK)
    if not dark.size:
        return []
    starts, ends = dark[np.r_[True, np.diff(dark) > 1]], dark[np.r_[np.diff(dark) > 1, True]]
    return [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]


def test_rings_spread_round_her_trunk_tip() -> None:
    her = built(SCENE)
    for at in TIMES:
        levels = alone(at)
        tip = np.flatnonzero((levels[:, her.line - 40:her.line - 2] < GREY - 60).any(axis=1))
        assert tip.size, f"{at}: her trunk's tip shows above the tar"
        found = runs(levels[:, her.line])
        left = max((end for _start, end in found if end < tip.min()), default=-10 ** 4)
        right = min((start for start, _end in found if start > tip.max()), default=10 ** 4)
        gaps = (int(tip.min()) - left, right - int(tip.max()))
        assert max(gaps) <= NEAR, f"{at}: the nearest rings are {gaps} px from her trunk"
        middle = (left + right) / 2 - (tip.min() + tip.max()) / 2
        assert abs(middle) <= CENTRED, f"{at}: her rings' middle {middle:.0f} px from it"
