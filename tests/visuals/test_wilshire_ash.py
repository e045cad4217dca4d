"""Wilshire under ash as a visitor sees it arrive and look: the cut down into the street from the
burning ruins (no double exposure of the two skylines), the marquee's letters fallen as bent
metal half buried in the ash, and the panic's cars burnt-out shells, slewed by the blast."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pygame

from installation.core.config import load_config
from installation.core.program import Program
from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

ROOT = Path(__file__).resolve().parents[2]
SMALL = (480, 270)
MIDWAY = 4.0  # real seconds into the scene: the middle of the old 8 s dissolve
APART = 60  # two pictures differ at a pixel by this much (the sum of its channels) at least
GHOST = 0.02  # the share of those pixels that may look like the Ash scene's, at most


def shipped() -> Program:
    """The shipped day at the shipped pace."""
    return Program(load_config(ROOT / "config.toml"),
                   load_timeline(ROOT / "timelines" / "miracle-mile.toml"))


def story_after(program: Program, start: float, seconds: float) -> float:
    """The story time `seconds` real seconds after story time `start` (by halving)."""
    low, high = start, start + 3600.0
    for _ in range(60):
        middle = (low + high) / 2
        if program.real_between(start, middle) < seconds:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def frame(program: Program, story: float, whole: bool = False) -> np.ndarray:
    """The picture at `story` (the arriving scene alone if `whole`), as an (x, y) array of
    channel sums."""
    headless()
    state = state_at(program.timeline, story, program.clock)
    if whole:
        state = replace(state, progress=1.0)
    surface = pygame.Surface(SMALL)
    Compositor(program.timeline, SMALL, lambda _message: None).draw(surface, state)
    return pygame.surfarray.array3d(surface).astype(int).sum(axis=2)


def test_the_street_arrives_without_the_ruins_skyline_showing_through_it() -> None:
    """Four real seconds after Wilshire under ash begins (the middle of the 8 s dissolve it
    had) the picture is the street's: no blot of the Ash scene's skyline, palms or smoke
    stands over it (dissolved, half of where the two pictures differ showed the ruins)."""
    program = shipped()
    start = parse_clock("06:35")
    midway = story_after(program, start, MIDWAY)
    ruins = frame(program, story_after(program, parse_clock("06:30"), 0.0))
    street = frame(program, midway, whole=True)
    seen = frame(program, midway)
    differ = np.abs(ruins - street) > APART
    assert differ.mean() > 0.2, "the two scenes' pictures differ (the check needs it)"
    ghost = np.abs(seen - ruins) < np.abs(seen - street)
    assert (ghost & differ).sum() / differ.sum() < GHOST, "the ruins show through the street"
