"""Johnnie's seen from the lot is one room at night and when it stands empty: the same row of
red counter stools and the urns behind the counter at 03:50 as at 05:12 (at night the diners
sat on bare stools at no counter, and at dawn the same glass showed a row of red stools), the
customers each on a stool of that row, and the waitress behind a counter that reads as one."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.diner import Diner
from installation.visuals.render import headless

from .helpers import layer, one_scene, shipped_program

SIZE = (1920, 1080)
NIGHT, EMPTY = "Johnie's at night", "A coyote in the empty diner"
SEEN = 5  # at least this many red stools show through the glass at night
NEAR = 3  # pixels: a red seat at night stands where one stands at dawn


def _diner(scene_name: str) -> tuple[Diner, np.ndarray]:
    """The shipped scene's diner, set up alone at SIZE, and which columns show red seats."""
    headless()
    shipped = shipped_program().timeline
    keys = next(spec.params for scene in shipped.scenes if scene.name == scene_name
                for spec in scene.layers if spec.type == "diner")
    wanted = {k: keys[k] for k in ("x", "ground", "scale", "look", "empty", "waitress")}
    line = one_scene(layer("diner", **wanted), at="04:00")
    scene = line.scenes[0]
    place = Diner(scene.layers[0].params, Compositor(line, SIZE, print).setup(scene, 0, "diner"))
    state = state_at(line, parse_clock("04:00"))
    surface = pygame.Surface(SIZE)
    place.draw_still(surface, Frame(state.story_time, 0.0, state))
    rgb = pygame.surfarray.array3d(surface).astype(int)
    red = (rgb[..., 0] > 90) & (rgb[..., 0] > 2 * rgb[..., 1]) & (rgb[..., 0] > 2 * rgb[..., 2])
    band = slice(place.counter.bottom, place.floor)
    return place, np.nonzero(red[:, band].any(axis=1))[0]


def _seats(columns: np.ndarray) -> list[int]:
    """The middles of the runs of columns (one a seat)."""
    runs = np.split(columns, np.nonzero(np.diff(columns) > 1)[0] + 1)
    return [int(run.mean()) for run in runs if run.size]


def test_the_night_glass_shows_the_stools_the_empty_diner_shows() -> None:
    night, night_red = _diner(NIGHT)
    _, dawn_red = _diner(EMPTY)
    seats, dawn = _seats(night_red), _seats(dawn_red)
    assert len(seats) >= SEEN, f"red stools at the counter at night: {seats}"
    assert all(min(abs(x - d) for d in dawn) <= NEAR for x in seats), (seats, dawn)
    pitch = int(np.median(np.diff(dawn)))  # (at dawn one place is a stool knocked over)
    for x, *_ in night.patrons:  # each customer at a place of the row (on their own stool)
        off = (x - dawn[0]) % pitch
        assert min(off, pitch - off) <= NEAR, f"a customer at {x}, off the row {dawn}"
