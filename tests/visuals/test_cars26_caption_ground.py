"""No ash flake lies over a caption's words: on the ash-grey sky at 06:40 the words read on their
own ground, the flakes drifting round it (under the shade but pale through it, a flake on the
baseline between "grey" and "and" read as an underscore: "grey_and")."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.caption import Caption
from installation.visuals.compositor import Compositor
from installation.visuals.particles import Particles
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (960, 540)
AT = "06:40"  # the curator's frame
LOOKS = 8  # moments looked at while the words stand at full strength...
AFTER = 1.0  # ...from this long after the last letter, to FADE before they go
FADE = 4.0
GREY = (128, 124, 120)  # a plain ash sky
LETTER = 60  # a letter lightens the sky by more than this (the sum of its channels)
NEAR = 6  # over the type the picture with the ash differs from the one without by at most this
FLAKE = 20  # a flake crossing the sky there changes it by more than this


@pytest.fixture(scope="module")
def layers() -> tuple[Particles, Caption, Frame]:
    """The shipped 06:35 scene's ash and caption at SIZE (the particles first, as drawn), and
    the frame of AT."""
    headless()
    program = shipped_program()
    state = state_at(program.timeline, parse_clock(AT), program.clock)
    compositor = Compositor(program.timeline, SIZE, lambda _message: None)
    built = {}
    for index, spec in enumerate(state.scene.layers):
        if spec.type in ("particles", "caption"):
            setup = compositor.setup(state.scene, index, spec.type)
            built[spec.type] = (Particles if spec.type == "particles" else Caption)(
                spec.params, setup)
    frame = Frame(state.story_time, state.scene_seconds, state)
    return built["particles"], built["caption"], frame  # type: ignore[return-value]


def picture(frame: Frame, particles: Particles | None, caption: Caption) -> np.ndarray:
    """The plain sky with the ash (if any) and the caption over it, at `frame`."""
    surface = pygame.Surface(SIZE)
    surface.fill(GREY)
    if particles is not None:
        particles.draw(surface, frame)
    caption.draw(surface, frame)
    return pygame.surfarray.array3d(surface).astype(np.int32)


def type_of(plain: np.ndarray) -> np.ndarray:
    """Where the caption's type lies (True): each line of it (the stamp's too) from its first
    letter to its last and from its letters' tops to their feet, the gaps between its words
    with it."""
    letters = (plain - np.array(GREY)).sum(axis=2) > LETTER
    rows = letters.any(axis=0)
    out = np.zeros_like(letters)
    edges = np.flatnonzero(np.diff(np.r_[0, rows.astype(np.int8), 0]))
    for top, foot in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        columns = np.flatnonzero(letters[:, top:foot].any(axis=1))
        out[columns.min():columns.max() + 1, top:foot] = True
    return out


def moments(caption: Caption, frame: Frame) -> list[float]:
    """The frame's moment and LOOKS more while the words stand typed at full strength."""
    params = caption.params
    typed = params["delay"] + len(params["text"]) / params["speed"] + AFTER
    return [frame.seconds, *np.linspace(typed, params["delay"] + params["hold"] - FADE,
                                        LOOKS).tolist()]


def test_no_flake_is_drawn_over_the_words(layers: tuple[Particles, Caption, Frame]) -> None:
    """At 06:40 and through the caption's hold, over the type (its lines, the gaps between its
    words with them) the picture is as without the ash; ash does fall there (drawn without the
    caption's ground kept, it shows)."""
    particles, caption, frame = layers
    crossed = 0
    for seconds in moments(caption, frame):
        now = Frame(frame.story_time, seconds, frame.state)
        plain = picture(now, None, caption)
        words = type_of(plain)
        ashy = np.abs(picture(now, particles, caption) - plain).max(axis=2)
        assert ashy[words].max() <= NEAR, (
            f"{seconds:.1f} s: a flake over the words at {np.argwhere(words & (ashy > NEAR))[0]}")
        grounds, particles.captions = getattr(particles, "captions", []), []
        try:
            bare = np.abs(picture(now, particles, caption) - plain).max(axis=2)
        finally:
            particles.captions = grounds
        crossed += int((bare[words] > FLAKE).any())
    assert crossed >= 2, f"ash crossed the words at {crossed} moments only"
