"""Every caption of the shipped day reads on its ground, at the pace the show plays: its letters
stand out from the brightest of the ground round them by a contrast ratio of 3 at least (as
WCAG asks of large text) from the moment they are typed through their hold; and while the words
fade, the shade under them holds (on ee6075ee it faded with them: at 04:23:12 the diner's words
were grey on the grey counter; Harry meets Julie's, on a light shade, stood at 1.7 on the
blue sky)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeline.state import SceneState, story_after
from installation.visuals.caption import FADE_OUT, Caption
from installation.visuals.compositor import Compositor, defaults
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (960, 540)  # (half size: the words and their ground alike, in a quarter of the time)
LUMA = np.array([0.3, 0.59, 0.11])
LETTERS = 40  # levels a pixel of a letter is lighter with the caption than without, at least
NEAR = 2  # pixels round a letter left out of its ground (its edge, its drop shadow)
GROUND = 90  # the ground's brightest: this percentile of its pixels in the caption's box
READS = 3.0  # the contrast ratio of the letters' middle to that, at least
TYPED = 1.0  # seconds after the last letter: the first moment measured; then mid-hold
KEPT = 1.15  # while the words fade (at half strength) the ground round them is at most this
SLACK = 0.005  # much lighter than while they were held (relative luminance, + this)


def luminance(rgb: np.ndarray) -> np.ndarray:
    """Relative luminance (sRGB, as WCAG defines it) of an (x, y, 3) array of levels."""
    c = rgb / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def captioned() -> list[str]:
    """The shipped scenes with a caption layer."""
    return [scene.name for scene in shipped_program().timeline.scenes
            if any(spec.type == "caption" for spec in scene.layers)]


@cache
def moments(name: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The scene's frame with its caption and without it (as luminance, and levels with), just
    typed, in its hold's middle, and as its words fade at half strength."""
    headless()
    program = shipped_program()
    line = program.timeline
    scene = next(s for s in line.scenes if s.name == name)
    params = defaults("caption", **next(spec.params for spec in scene.layers
                                        if spec.type == "caption"))
    dissolve = float(scene.transition.seconds) if scene.transition.type == "dissolve" else 0.0
    typed = params["delay"] + dissolve + len(params["text"]) / params["speed"]
    hold = params["hold"]
    times = {"typed": typed + TYPED, "held": typed + max(TYPED, hold / 2 if hold else 20.0)}
    if hold:
        times["fading"] = typed + hold - FADE_OUT / 2
    compositor = Compositor(line, SIZE, lambda _message: None, program.clock)
    out = {}
    for label, seconds in times.items():
        state = state_at(line, story_after(program.clock, scene.at, seconds), program.clock)
        assert state.scene.name == name, (label, state.scene.name)
        out[label] = with_and_without(compositor, state)
    return out


def with_and_without(compositor: Compositor, state: SceneState) -> tuple[np.ndarray, np.ndarray]:
    """The frame of `state` with its captions and without them, as levels (one compositor
    draws both: the scene is built once)."""
    drawn = []
    for words in (True, False):
        surface = pygame.Surface(compositor.size)
        with pytest.MonkeyPatch.context() as patch:
            if not words:
                patch.setattr(Caption, "draw_at", lambda *_args: None)
            compositor.draw(surface, state)
        drawn.append(pygame.surfarray.array3d(surface).astype(float))
    return drawn[0], drawn[1]


def ink_and_ground(name: str) -> tuple[np.ndarray, np.ndarray, tuple[slice, slice]]:
    """The caption's letters (True) as typed, the ground round them (True), and their box."""
    words, plain = moments(name)["typed"]
    ink = (words - plain) @ LUMA > LETTERS
    cols, rows = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    box = (slice(cols.min(), cols.max() + 1), slice(rows.min(), rows.max() + 1))
    near = ink.copy()
    for dx in range(-NEAR, NEAR + 1):
        for dy in range(-NEAR, NEAR + 1):
            near |= np.roll(np.roll(ink, dx, axis=0), dy, axis=1)
    return ink, ~near, box


def contrast(name: str, label: str) -> tuple[float, float]:
    """The letters' middle luminance to the ground's brightest, as a ratio (WCAG's), and that
    ground's luminance, at a moment."""
    ink, ground, box = ink_and_ground(name)
    light = luminance(moments(name)[label][0])[box]
    letters = float(np.median(light[ink[box]]))
    brightest = float(np.percentile(light[ground[box]], GROUND))
    return (letters + 0.05) / (brightest + 0.05), brightest


@pytest.mark.parametrize("name", captioned())
def test_every_caption_reads_on_its_ground_from_typed_through_its_hold(name: str) -> None:
    for label in ("typed", "held"):
        ratio, _ = contrast(name, label)
        assert ratio >= READS, (name, label, round(ratio, 2))


@pytest.mark.parametrize("name", captioned())
def test_as_a_captions_words_fade_the_shade_under_them_holds(name: str) -> None:
    """With its words at half strength, the ground round them is no lighter than while they
    were held (the shade fades after them): the fading words stay on their dark ground."""
    if "fading" not in moments(name):
        pytest.skip("held all scene")
    _, held = contrast(name, "held")
    _, fading = contrast(name, "fading")
    assert fading <= KEPT * held + SLACK, (name, round(held, 4), round(fading, 4))
