"""A bubble swelling in the tar is a low matte dome of its own skin, not a black marble."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.tarpit import GROW, Tarpit

from .helpers import NO_POST, layer, one_scene

SIZE = (960, 540)
DARKER = 0.3  # no pixel of a dome more than this much darker than the tar round it (its
# front flank and the crease at its foot: 0.26 at most; the marble's rim was 0.6 darker)
LIGHTER = 30  # levels: no pixel of it lighter than the tar round it by more (the sky faint
# on its top edge, the pale sheen of its stretched cap; the marble's glint was 60 and more)


def swelling() -> list[tuple[np.ndarray, np.ndarray]]:
    """A lone bubble in a plain pool (no mirror) under the noon sky, at moments it swells
    through: the pixels of its dome's box, and the tar's own colour in those rows."""
    headless()
    line = one_scene(layer("sky", horizon=0.5)
                     + layer("tarpit", y=0.5, color="#5a4637", bubbles=0.0625, reflect=0)
                     + NO_POST)
    scene = line.scenes[0]
    setup = Compositor(line, SIZE, lambda _message: None).setup(scene, 1, "tarpit")
    pool = Tarpit(scene.layers[1].params, setup)
    (x, depth, period, phase, size), = pool.bubbles
    boxes = []
    for share in (0.4, 0.6, 0.8, 0.95):
        seconds = ((share * GROW - phase) % 1.0) * period + 60 * period
        picture = pygame.Surface(SIZE)
        pool.draw(picture, Frame(parse_clock("12:00"), seconds,
                                 state_at(line, parse_clock("12:00"))))
        r = pool._radius(depth, size)
        left, foot = int(x * SIZE[0]), pool.edge + int(depth * pool.depth)
        rows = slice(foot - int(1.2 * r), foot + int(0.4 * r) + 1)
        cols = slice(left - int(r) - 1, left + int(r) + 2)
        tar = pygame.surfarray.array3d(pool.tar)[0, rows.start - pool.edge:rows.stop - pool.edge]
        boxes.append((pygame.surfarray.array3d(picture)[cols, rows].astype(int),
                      tar.astype(int)[None, :, :]))
    return boxes


def test_a_swelling_bubble_is_no_darker_than_the_tar_round_it_than_a_shade() -> None:
    for box, tar in swelling():
        assert (box >= (1 - DARKER) * tar - 1).all(), (box / np.maximum(tar, 1)).min()


def test_a_swelling_bubble_catches_the_sky_only_faintly() -> None:
    for box, tar in swelling():
        assert (box - tar).max() <= LIGHTER, (box - tar).max()
        assert (box != tar).any(), "the dome shows"
