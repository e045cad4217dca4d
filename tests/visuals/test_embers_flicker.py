"""The burning city's embers are each their own: random in size, brightness and flicker, and
bobbing as they rise, so that no two read as a matched pair (a pair of eyes over the wreck)."""

from __future__ import annotations

import numpy as np
import pygame
from scipy import ndimage

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.particles import Particles
from installation.visuals.render import headless

from .helpers import layer, one_scene

SIZE = (960, 540)
FPS, SECONDS = 30, 10
LIT = 20  # an ember's pixels: redder than this
LEVEL, APART = 1.5, (8, 75)  # side by side: this level (pixels), this far apart
ALIKE = 0.1  # alike: their brightest within this share, their sizes within a pixel
NEAR = 4  # pixels: the same pair a frame later is this near where it was
LONGEST = 12  # frames (0.4 s): a pair alike and level for longer reads as a pair of eyes


def embers() -> tuple[Particles, Frame]:
    """The flash scene's embers layer (05:16) alone, and a frame of it to move in time."""
    headless()
    line = one_scene(layer("particles", kind="embers", amount=0.6, wind=0.4))
    state = state_at(line, parse_clock("12:00"))
    setup = Compositor(line, SIZE, print).setup(state.scene, 0, "particles")
    return Particles(state.scene.layers[0].params, setup), Frame(state.story_time, 0.0, state)


def alike_pairs(picture: np.ndarray) -> list[tuple[float, float]]:
    """Where (the left one) each two embers side by side, level and alike, lie."""
    labels, count = ndimage.label(picture > LIT)
    xs, ys = np.nonzero(labels)
    which, light = labels[xs, ys] - 1, picture[xs, ys].astype(float)
    weight = np.bincount(which, light, count)
    centres = np.stack([np.bincount(which, light * xs, count),
                        np.bincount(which, light * ys, count)], axis=1) / weight[:, None]
    peaks = np.zeros(count)
    np.maximum.at(peaks, which, light)
    areas = np.bincount(which, minlength=count)
    dx = centres[None, :, 0] - centres[:, None, 0]
    pairs = ((np.abs(centres[None, :, 1] - centres[:, None, 1]) <= LEVEL)
             & (dx >= APART[0]) & (dx <= APART[1])
             & (np.abs(peaks[None, :] - peaks[:, None])
                <= ALIKE * np.maximum(peaks[None, :], peaks[:, None]))
             & (np.abs(areas[None, :] - areas[:, None]) <= 1))
    return [(float(x), float(y)) for x, y in centres[pairs.any(axis=1)]]


def test_no_two_embers_rise_side_by_side_alike_for_long() -> None:
    """Over ten seconds, no two embers stay side by side, level and alike (in size and in
    brightness) for more than LONGEST frames: on main a matched pair rose over the wreck at
    05:16 like eyes, 38 frames."""
    layer_, frame = embers()
    runs: dict[tuple[float, float], int] = {}
    longest = 0
    for n in range(FPS * SECONDS):
        picture = pygame.Surface(SIZE)
        layer_.draw(picture, Frame(frame.story_time, n / FPS, frame.state))
        now = {}
        for x, y in alike_pairs(pygame.surfarray.array3d(picture)[..., 0].astype(int)):
            before = [run for (a, b), run in runs.items() if abs(a - x) <= NEAR
                      and abs(b - y) <= NEAR]
            now[(x, y)] = 1 + max(before, default=0)
        runs = now
        longest = max([longest, *runs.values()])
    assert longest <= LONGEST, f"two embers alike, level, side by side for {longest} frames"
