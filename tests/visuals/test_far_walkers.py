"""The afternoon's far shore: the visitors strolling and talking there stand behind the mother
sinking in the tar, never on her head or tusk."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame
import pytest

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import shipped_program

SMALL = (320, 180)
NAME = "Harry meets Julie"
HER = (slice(0, int(0.3 * SMALL[0])), slice(int(0.5 * SMALL[1]), int(0.66 * SMALL[1])))
DARK = 40  # her coat, darker than anything round her head on the far shore
EDGE = 12  # levels her outline may take from someone passing behind it (a shirt over her: 100+)
Pictures = dict[bool, tuple[Timeline, Compositor]]


def unpeopled(line: Timeline) -> Timeline:
    """The day with the afternoon's figures taken out (the other layers' looks unchanged)."""
    scenes = tuple(
        replace(s, layers=tuple(spec for spec in s.layers if spec.type != "figures"))
        if s.name == NAME
        else s
        for s in line.scenes
    )
    return replace(line, scenes=scenes)


@pytest.fixture(scope="module")
def afternoons() -> Pictures:
    """A compositor for the shipped day with its far shore's people, and one without."""
    headless()
    line = shipped_program().timeline
    return {
        walkers: (day, Compositor(day, SMALL, lambda _message: None))
        for walkers, day in ((True, line), (False, unpeopled(line)))
    }


def picture(afternoons: Pictures, walkers: bool, at: str) -> np.ndarray:
    """The afternoon at `at`, small, with or without its figures, as (x, y) luminance."""
    line, compositor = afternoons[walkers]
    surface = pygame.Surface(SMALL)
    compositor.draw(surface, state_at(line, parse_clock(at), shipped_program().clock))
    return np.asarray(pygame.surfarray.array3d(surface)[HER].astype(float).mean(axis=2))


@pytest.mark.parametrize("at", ["14:38", "15:30", "16:40"])
def test_no_one_on_the_far_shore_stands_on_the_mother(afternoons: Pictures, at: str) -> None:
    """Two tourists (a white shirt, an orange one) stood on her tusk all afternoon: drawn
    after her, the far shore's people were in front of her. Every pixel of her head, tusk
    and back is hers whether or not the far shore's people are there."""
    alone, peopled = picture(afternoons, False, at), picture(afternoons, True, at)
    her = alone < DARK
    assert her.sum() > 100
    assert np.abs(peopled[her] - alone[her]).max() < EDGE
