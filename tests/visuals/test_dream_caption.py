"""The dream's words wait for the dream: its caption is typed once the picture has come up out
of the 8 s dip from black, not in the black, where its first words were typed unseen."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.program import Program
from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .test_cuts import DAY_LENGTHS, at_day_length

SIZE = (480, 270)
DREAM = "02:00"
STEP, LAST = 0.25, 12.0  # real seconds between frames, and the last one (the dip is 8 s)
WORDS = (slice(int(0.07 * SIZE[0]), int(0.47 * SIZE[0])),  # the caption's first line
         slice(int(0.06 * SIZE[1]), int(0.15 * SIZE[1])))
PICTURE_ROWS = slice(int(0.2 * SIZE[1]), SIZE[1])  # the dream below the words
LETTER = 120  # a letter's pixel is brighter than this (the stars under the words are not)
UP = 0.9  # of its settled brightness, at least, the picture has when the first letters show


def frames(program: Program) -> list[np.ndarray]:
    """The shipped frames from the dream's start, STEP real seconds apart, drawn in order."""
    headless()
    start = parse_clock(DREAM)
    per = program.clock.real_between(start, start + 600.0) / 600.0  # real s a story second
    compositor = Compositor(program.timeline, SIZE, print, program.clock)
    surface = pygame.Surface(SIZE)
    out = []
    for n in range(int(LAST / STEP) + 1):
        compositor.draw(surface, state_at(program.timeline, start + n * STEP / per,
                                          program.clock))
        out.append(pygame.surfarray.array3d(surface).astype(int))
    return out


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Program:
    return at_day_length(DAY_LENGTHS[0], Path(tmp_path_factory.mktemp("day")))


def test_the_dreams_first_words_show_once_the_dream_is_up(program: Program) -> None:
    shots = frames(program)
    settled = shots[-1][:, PICTURE_ROWS].mean()
    lettered = [n for n, shot in enumerate(shots) if (shot[WORDS].max(axis=2) > LETTER).any()]
    assert lettered, "the caption is typed within the first 12 s"
    first = shots[lettered[0]]
    assert first[:, PICTURE_ROWS].mean() >= UP * settled, (
        f"first letters at {lettered[0] * STEP:.2f} s, the picture at "
        f"{first[:, PICTURE_ROWS].mean() / settled:.0%} of its brightness")
