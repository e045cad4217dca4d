"""The tar pit's mirror, kept from frame to frame, is the mirror made afresh."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.tar_mirror import runs_of
from installation.visuals.tarpit import BAND, ripple, ripples

from .helpers import NO_POST, SIZE, layer, one_scene

POOL = (layer("sky", horizon=0.6) + layer("silhouette", shape="calf", x=0.4, y=0.6, scale=0.4)
        + layer("tarpit", y=0.6, bubbles=0.5, reflect=0.6) + NO_POST)


def kept_and_fresh(layers: str, step: float) -> None:
    """Frames drawn one after another by one compositor are those drawn afresh."""
    headless()
    line = one_scene(layers, at="17:00")  # dusk: the sky's strips change every story minute
    kept = Compositor(line, SIZE, lambda _message: None)
    start = parse_clock("17:30")
    for n in range(24):
        state = state_at(line, start + n * step)
        shown = pygame.Surface(SIZE)
        kept.draw(shown, state)
        fresh = pygame.Surface(SIZE)
        Compositor(line, SIZE, lambda _message: None).draw(fresh, state)
        assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(fresh, "RGB"), n


def test_a_kept_mirror_is_the_mirror_made_afresh_as_the_sky_moves_on() -> None:
    kept_and_fresh(POOL, 7.0)  # a strip or two of the sky painted again between frames


def test_a_kept_mirror_is_the_mirror_made_afresh_as_the_camera_sways() -> None:
    swaying = POOL.replace('shape = "calf"', 'shape = "calf"\ndepth = 0.8')
    kept_and_fresh(swaying + layer("camera", drift=0.05, seconds=10), 0.5)


def test_the_ripples_worked_out_at_once_are_those_of_each_band() -> None:
    for seed, rows, moment, width in ((7, 389, 1234.56, 1920), (3, 45, 0.0, 320),
                                      (11, 216, 98765.4, 3840)):
        each = [int(ripple(seed, y, rows, moment, width)) for y in range(0, rows, BAND)]
        assert ripples(seed, rows, moment, width).tolist() == each


def test_runs_of_rows() -> None:
    assert runs_of(np.array([1, 1, 0, 0, 1, 0, 1], bool)) == [(0, 2), (4, 5), (6, 7)]
    assert runs_of(np.zeros(4, bool)) == []
