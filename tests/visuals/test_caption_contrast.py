"""Every caption of the shipped day reads on its ground, at the pace the show plays: its letters
stand out from the brightest of the ground right round them by a contrast ratio of 3 at least (as
WCAG asks of large text) from the moment they are typed through their hold and still halfway
through their fade (on 32100100 the diner's stood at 1.3 there, half strength on the counter);
and the band under them is gone when they are (on 32100100 it lagged them by 1.5 s: an empty
grey box over the diner's counter at 04:23:20)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from installation.core.timeline import state_at
from installation.core.timeline.state import SceneState, story_after
from installation.visuals.caption import FADE_OUT, Caption
from installation.visuals.compositor import Compositor, defaults
from installation.visuals.render import headless

from .helpers import compositor_finding, shared_made, shipped_program
from .helpers import with_and_without as drawn_with_and_without

SIZE = (960, 540)  # (half size: the words and their ground alike, in a quarter of the time)
LUMA = np.array([0.3, 0.59, 0.11])
LETTERS = 40  # levels a pixel of a letter is lighter with the caption than without, at least
NEAR = 2  # pixels round a letter left out of its ground (its edge, its drop shadow)
AROUND = 8  # pixels round a letter that are its ground (half a letter height here: the eye
# reads a letter against what is right round it; the shade that follows the lines leaves the
# sky bare past a short line's end, far inside the words' box, and that does not blur them)
GROUND = 90  # the ground's brightest: this percentile of its pixels in the caption's box
READS = 3.0  # the contrast ratio of the letters' middle to that, at least
TYPED = 1.0  # seconds after the last letter: the first moment measured; then mid-hold
GONE = 0.1  # seconds after the fade's end: the band is gone, to within
LEFT = 2  # levels of the picture without the caption


def luminance(rgb: np.ndarray) -> np.ndarray:
    """Relative luminance (sRGB, as WCAG defines it) of an (x, y, 3) array of levels."""
    c = rgb / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def captioned() -> list[str]:
    """The shipped scenes with a caption layer."""
    return [scene.name for scene in shipped_program().timeline.scenes
            if any(spec.type == "caption" for spec in scene.layers)]


Frames = dict[str, tuple[np.ndarray, np.ndarray]]


def moments(name: str) -> Frames:
    """The scene's frame with its caption and without it (as levels), just typed, in its
    hold's middle, halfway through its fade and just after it: cut to the box round the
    letters as typed (ink_and_ground's), all any test reads of them."""
    return _seen(name)[0]


def ink_and_ground(name: str) -> tuple[np.ndarray, np.ndarray, tuple[slice, slice]]:
    """The caption's letters (True) as typed, the ground round them (True: within AROUND of
    a letter, beyond NEAR), and their box: in the frames moments() keeps (all of them)."""
    _frames, ink, ground = _seen(name)
    return ink, ground, (slice(0, ink.shape[0]), slice(0, ink.shape[1]))


@cache
def _seen(name: str) -> tuple[Frames, np.ndarray, np.ndarray]:
    """moments' frames and ink_and_ground's letters and ground, worked out once a scene, kept
    cut to the letters' box (whole, a scene's eight 960x540 frames as floats held ~100 MB for
    the rest of the worker's tests: the day's, 2 GB)."""
    frames = _drawn(name)
    words, plain = frames["typed"]
    ink = (words - plain) @ LUMA > LETTERS
    cols, rows = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    box = (slice(cols.min(), cols.max() + 1), slice(rows.min(), rows.max() + 1))
    ground = _grown(ink, AROUND) & ~_grown(ink, NEAR)
    cut = {label: (shown[box].copy(), bare[box].copy()) for label, (shown, bare) in frames.items()}
    return cut, ink[box].copy(), ground[box].copy()  # (copies: a view would keep the whole)


def _drawn(name: str) -> Frames:
    """The scene's frames at moments' moments, whole."""
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
        times["gone"] = typed + hold + GONE
    # (finding the smoke and flames the day's other scenes made: shared_made)
    compositor = compositor_finding(line, SIZE, shared_made(), lambda _message: None,
                                    program.clock)
    out = {}
    for label, seconds in times.items():
        state = state_at(line, story_after(program.clock, scene.at, seconds), program.clock)
        assert state.scene.name == name, (label, state.scene.name)
        out[label] = with_and_without(compositor, state)
    return out


def with_and_without(compositor: Compositor, state: SceneState) -> tuple[np.ndarray, np.ndarray]:
    """The frame of `state` with its captions and without them, as levels (one compositor
    draws both: the scene is built once)."""
    words, bare = drawn_with_and_without(compositor, state, Caption, "draw_at")
    return words.astype(float), bare.astype(float)


def _grown(mask: np.ndarray, by: int) -> np.ndarray:
    """`mask` grown by `by` pixels each way (a square: grown across, then that grown down,
    the same pixels as every shift of both at once)."""
    across = mask.copy()
    for dx in range(-by, by + 1):
        across |= np.roll(mask, dx, axis=0)
    out = across.copy()
    for dy in range(-by, by + 1):
        out |= np.roll(across, dy, axis=1)
    return out


def contrast(name: str, label: str) -> tuple[float, float]:
    """The letters' middle luminance to the ground's brightest, as a ratio (WCAG's), and that
    ground's luminance, at a moment."""
    ink, ground, box = ink_and_ground(name)
    light = luminance(moments(name)[label][0][box])  # (the box's pixels alone)
    letters = float(np.median(light[ink[box]]))
    brightest = float(np.percentile(light[ground[box]], GROUND))
    return (letters + 0.05) / (brightest + 0.05), brightest


@pytest.mark.parametrize("name", captioned())
def test_every_caption_reads_on_its_ground_from_typed_through_its_hold(name: str) -> None:
    for label in ("typed", "held"):
        ratio, _ = contrast(name, label)
        assert ratio >= READS, (name, label, round(ratio, 2))


@pytest.mark.parametrize("name", captioned())
def test_a_fading_caption_reads_halfway_through_its_fade_and_leaves_nothing(name: str) -> None:
    """Halfway through the fade the words still read (>= READS) and just after it the band
    has gone with them: the picture is what it is without the caption."""
    if "fading" not in moments(name):
        pytest.skip("held all scene")
    ratio, _ = contrast(name, "fading")
    assert ratio >= READS, (name, "fading", round(ratio, 2))
    words, plain = moments(name)["gone"]
    _, _, box = ink_and_ground(name)
    left = float(np.abs(words - plain)[box].max())
    assert left <= LEFT, (name, "a band left behind its words", left)
