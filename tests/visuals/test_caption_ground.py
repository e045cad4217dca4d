"""Captions read over busy ground and stay inside the title-safe area: at 04:21 the diner's
caption lies over the shelf of cups and plates under the counter, and its letters must stand
out from the brightest of what is round them, as a film's subtitle does (the soft band behind
the words darkens it, between the words too); no caption's words reach the picture's foot,
where overscan clips them."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.caption import Caption
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import layer, one_scene, shipped_program
from .test_caption_contrast import with_and_without

SIZE = (960, 540)  # (half size: the band and the shelf alike, built in half the time)
LUMA = np.array([0.3, 0.59, 0.11])
LETTERS = 40  # levels a pixel of a letter is lighter with the caption than without, at least
EDGE = 1  # pixels round a letter left out of its ground (its anti-aliased edge)
GROUND = 95  # the ground's brightest: this percentile of its pixels round the words
CONTRAST = 4.0  # the letters' middle brightness over the ground's brightest, at least
# (c0f571bf: 2.6 at 04:21, the cups behind as bright as two fifths of the letters)
MIDDLE = (0.25, 0.75)  # of a line's height: where its small letters stand (the counter's
# chrome edge, under the title-safe line, lies behind the tall letters' tops)
SPACE = 0.45  # between two words, the band lets through at most this share of the ground's
# light (c0f571bf: 0.52 at 04:21)
FULL = (1920, 1080)
SAFE = 0.93  # of the picture's height: the title-safe area's foot
LIT_GROUND = 20  # ground this bright, at least, tells how much the band lets through


@cache
def pictures(at: str) -> tuple[np.ndarray, np.ndarray]:
    """The shipped picture at `at` (at its pace) as luminance, with its captions and without
    them (one compositor draws both: the scene is built once)."""
    headless()
    program = shipped_program()
    compositor = Compositor(program.timeline, SIZE, lambda _message: None)
    state = state_at(program.timeline, parse_clock(at), program.clock)
    words, plain = with_and_without(compositor, state)
    return words @ LUMA, plain @ LUMA


def last_line(at: str) -> tuple[np.ndarray, tuple[slice, slice]]:
    """The caption's letters (True) and the box of its last line (the words, not the stamp)."""
    words, plain = pictures(at)
    ink = words - plain > LETTERS
    rows = np.flatnonzero(ink.any(axis=0))
    low = rows[rows > rows.max() - (rows.max() - rows.min()) // 3]
    cols = np.flatnonzero(ink[:, low].any(axis=1))
    return ink, (slice(cols.min(), cols.max() + 1), slice(low.min(), low.max() + 1))


def letters_and_ground(at: str) -> tuple[np.ndarray, np.ndarray]:
    """The caption's last line's letters' pixels, and the pixels round them through the middle
    of the line, where its small letters stand (MIDDLE of its height; both as drawn)."""
    words, _ = pictures(at)
    ink, (across, down) = last_line(at)
    tall = down.stop - down.start
    middle = slice(down.start + round(MIDDLE[0] * tall), down.start + round(MIDDLE[1] * tall))
    near = np.zeros_like(ink)
    for dx in range(-EDGE, EDGE + 1):
        for dy in range(-EDGE, EDGE + 1):
            near |= np.roll(np.roll(ink, dx, axis=0), dy, axis=1)
    return words[across, down][ink[across, down]], words[across, middle][~near[across, middle]]


@pytest.mark.parametrize("at", ["04:21"])
def test_the_diners_caption_stands_out_from_the_shelf_behind_it(at: str) -> None:
    """The letters' middle brightness is CONTRAST times the brightest of the shelf's cups and
    plates round them (the soft band behind the words darkens them)."""
    ink, ground = letters_and_ground(at)
    assert np.median(ink) > CONTRAST * np.percentile(ground, GROUND), (
        np.median(ink), np.percentile(ground, GROUND))


@pytest.mark.parametrize("at", ["04:21"])
def test_the_band_darkens_the_shelf_by_more_than_half_between_the_words(at: str) -> None:
    """In the gaps between words (where no letter covers it) the band lets less than half the
    light of the cups and plates through."""
    words, plain = pictures(at)
    ink, (across, down) = last_line(at)
    gaps = np.asarray(~ink[across, down].any(axis=1))
    middle = [x for x in np.flatnonzero(gaps) if gaps[max(0, x - 3):x + 4].all()]
    assert middle, "the line has spaces"
    kept = words[across, down][middle] / np.maximum(plain[across, down][middle], 1)
    assert np.median(kept[plain[across, down][middle] > LIT_GROUND]) < SPACE


def shipped_captions() -> list[tuple[str, Caption]]:
    """Every caption layer of the shipped day, made as the show makes it (at 1920x1080)."""
    headless()
    program = shipped_program()
    compositor = Compositor(program.timeline, FULL, lambda _message: None)
    return [(scene.name, Caption(spec.params, compositor.setup(scene, n, "caption")))
            for scene in program.timeline.scenes for n, spec in enumerate(scene.layers)
            if spec.type == "caption"]


def test_every_shipped_caption_ends_inside_the_title_safe_area() -> None:
    """The foot of each caption's last line of words lies above SAFE of the picture's height:
    a projector's or a television's overscan clips below it (c0f571bf: the bedroom's and the
    diner's at 0.985, noon's at 0.975)."""
    for name, caption in shipped_captions():
        foot = caption.origin[1] - caption.size + caption.font.get_height()
        assert foot <= SAFE * FULL[1], (name, foot)


def test_a_caption_placed_below_the_title_safe_line_is_raised_to_it() -> None:
    """Words a curator puts at the picture's foot (y = 0.99) end on the title-safe line."""
    headless()
    line = one_scene(layer("caption", text="Low words.", y=0.99), at="12:00")
    scene = line.scenes[0]
    caption = Caption(scene.layers[0].params, Compositor(line, FULL, print).setup(scene, 0,
                                                                                  "caption"))
    foot = caption.origin[1] - caption.size + caption.font.get_height()
    assert SAFE * FULL[1] - caption.size // 2 <= foot <= SAFE * FULL[1]
