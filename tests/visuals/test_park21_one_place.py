"""Park La Brea (04:35-04:50) reads as one place at night: their tower's top floor across the
way under one sky with the park's towers (not a lit picture on a flat wall beside a separate
night view, split by a seam down the whole picture), Lucy and Ivan at a person's size for
their storey (not giants beside the towers), and the towers beyond an even grid of small
windows (not lit blocks of mixed sizes, like a game of Tetris)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame
import pytest
from day_config import shipped_program
from scipy import ndimage

from installation.core.timeline import state_at
from installation.core.timeline.model import LayerSpec
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.old_embrace import figures_layer
from installation.visuals.render import headless
from installation.visuals.xplan import frame_bar
from installation.visuals.xplan_geometry import STOREYS, WINDOW_TALL

from .test_park_la_brea import FULL_HD, couple, frame, show

MOMENTS = ("04:35:00", "04:42", "04:49:59")  # its first and last seconds and its middle
STEP = 12  # levels of brightness: a column this much unlike the one 4 pixels on is a step
SEAM = 0.85  # a column that steps along this share of the picture's height is a seam
TOP_SKY = 0.08  # of the picture's height: the band along its top that is all sky
SKY_BLUE = 8  # a pixel of night sky is this much bluer than red
WINDOW_AT_MOST = 0.35  # of the picture's height: their window (two thirds of it on 15013a04)
STOREYS_AT_MOST = 8  # they stand at most as tall as this many storeys of the next tower (13.6)
PERSON = (0.4, 0.7)  # of their own storey's height: how tall they stand (a person's size)
SOLID = 3  # dark pixels a row of theirs holds (a lone one is the film's grain)
GOLD = 40  # a pixel this much redder than blue is a lit window's lamplight
PIER = 0.5  # of a window's width: the wall between two of a row, at least
LIT_WINDOWS = 60  # lit windows (and stairs) seen past the corner at 04:48, at least


def steps(picture: np.ndarray) -> np.ndarray:
    """For each column, the share of the picture's rows where it steps to the column 4
    pixels on."""
    light = picture.mean(axis=2)
    return (np.abs(light[4:] - light[:-4]) > STEP).mean(axis=1)


@pytest.mark.parametrize("at", MOMENTS)
def test_no_seam_runs_down_the_whole_picture(at: str) -> None:
    """No column of the picture steps from one picture to another along its whole height:
    their tower's corner stops at its roof, under the sky (on 15013a04 their wall ran off
    the picture's top and foot, its corner a seam at x~1060 from top to bottom)."""
    worst = steps(frame(at))
    assert worst.max() < SEAM, f"column {int(worst.argmax())} steps along " \
        f"{worst.max():.2f} of the height"


def test_the_sky_runs_over_their_tower_across_the_whole_picture() -> None:
    """The picture's top is night sky from edge to edge, over their tower's roof as over the
    park's towers: one sky, not a wall beside a view."""
    top = frame("04:42")[:, :round(TOP_SKY * FULL_HD[1])]
    sky = (top[..., 2] - top[..., 0] > SKY_BLUE).mean(axis=1)
    assert sky.min() > 0.5, f"column {int(sky.argmin())} of the top is not sky"


def test_they_stand_at_a_persons_size_for_their_storey_not_as_giants() -> None:
    """Their window is under a third of the picture's height; in it they stand a person's
    height for its storey, and no taller than a few storeys of the next tower beyond."""
    _, plan = show()
    home = plan.home
    assert home is not None and home.height <= WINDOW_AT_MOST * FULL_HD[1], home
    rows = np.flatnonzero(couple("04:44").sum(axis=0) >= SOLID)
    tall = int(rows.max() - rows.min())
    storey = home.height / WINDOW_TALL
    assert PERSON[0] * storey <= tall <= PERSON[1] * storey, (tall, storey)
    next_tower = [y for p in plan.planes if p.tower == 1 and len(p.outline) == 4
                  for _, y in p.outline]
    next_storey = (max(next_tower) - min(next_tower)) / STOREYS
    assert tall <= STOREYS_AT_MOST * next_storey, (tall, next_storey)


def test_the_towers_beyond_are_an_even_grid_of_small_windows() -> None:
    """On the towers past their corner each window stands in its wall: between two windows of
    a row the wall is at least half a window wide, and the windows of a row are of one height
    (on 15013a04 they took 0.84 of their bay, lit ones running into blocks); and a good many
    of them are lit by the scene's end."""
    _, plan = show()
    rows: dict[tuple[int, int], list[pygame.Rect]] = {}
    for w in plan.windows:
        if w.tower:
            rows.setdefault((w.face, w.storey), []).append(w.rect)
    pairs = 0
    for row in rows.values():
        row.sort(key=lambda r: r.x)
        assert max(r.height for r in row) - min(r.height for r in row) <= 2, row
        for a, b in zip(row, row[1:], strict=False):
            if b.x - a.right >= 0:  # (neighbours, not windows on either side of a hidden one)
                pairs += 1
                assert b.x - a.right >= PIER * max(a.width, b.width), (a, b)
    assert pairs >= 40, pairs
    corner = round(max(x for p in plan.planes if p.tower == 0 for x, _ in p.outline)) + 4
    right = frame("04:48")[corner:]  # (and lit, by the scene's end a good many are seen)
    _, lit = ndimage.label(right[..., 0] - right[..., 2] > GOLD)
    assert lit >= LIT_WINDOWS, lit




CEILING, SIDE_WALL = 0.8, 0.88  # at most this bright, of the back wall beside them


def test_their_room_has_a_depth_a_ceiling_and_a_wall_receding() -> None:
    """Through their window the room goes back: over the back wall the ceiling, darker, and
    right of it the room's side wall, darker, receding to it (on 15013a04 one flat lit wall
    and floor behind them, a backdrop)."""
    _, plan = show()
    assert plan.home is not None
    glass = plan.home.inflate(-2 * frame_bar(plan.home), -2 * frame_bar(plan.home))
    room = frame("04:44")[glass.left:glass.right, glass.top:glass.bottom]
    width, height = room.shape[:2]

    def light(x: tuple[float, float], y: tuple[float, float]) -> float:
        across = slice(round(x[0] * width), round(x[1] * width))
        return float(room[across, round(y[0] * height):round(y[1] * height)].mean())

    back_top = light((0.65, 0.8), (0.12, 0.22))
    assert light((0.65, 0.8), (0.0, 0.04)) <= CEILING * back_top
    assert light((0.87, 0.92), (0.48, 0.58)) <= SIDE_WALL * light((0.72, 0.8), (0.48, 0.58))

OLD_SCALE, OLD_FEET = 0.543, (0.2102, 0.7526)  # their layer on 15013a04: its size, where it stood
GREY = (128, 128, 128)  # round their room: only it and they are drawn


@cache
def _their_layer(size: tuple[int, int]) -> tuple[Figures, Compositor]:
    """Their figures layer as the show makes it for a picture `size` big, and the
    compositor."""
    headless()
    line = shipped_program().timeline
    scene = next(s for s in line.scenes if s.name == "Park La Brea")
    index = next(n for n, spec in enumerate(scene.layers)
                 if spec.type == "figures" and spec.params["body"] == "elders")
    compositor = Compositor(line, size, lambda _message: None)
    layer = figures_layer(scene.layers[index].params, compositor.setup(scene, index, "figures"))
    return layer, compositor


def as_up_close(at: str) -> pygame.Surface:
    """Lucy and Ivan in their room at story time `at` (at the show's pace), drawn as large as
    they stood on 15013a04 and moved to where they stood then, in a full HD picture: for the
    tests of how they are drawn (their legs, shoes, rims) written for that size and place."""
    params = next(spec.params for spec in _scene_layers() if spec.type == "figures")
    k = OLD_SCALE / params["scale"]
    layer, compositor = _their_layer((round(FULL_HD[0] * k), round(FULL_HD[1] * k)))
    program = shipped_program()
    state = state_at(program.timeline, parse_clock(at), program.clock)
    big = pygame.Surface(compositor.world)
    big.fill(GREY)
    layer.draw(big, Frame(state.story_time, state.scene_seconds, state, compositor.camera))
    feet = params["path"][0]
    shift = (round(feet[0] * big.get_width() - OLD_FEET[0] * FULL_HD[0]),
             round(feet[1] * big.get_height() - OLD_FEET[1] * FULL_HD[1]))
    out = pygame.Surface(FULL_HD)
    out.blit(big, (-shift[0], -shift[1]))
    return out


def _scene_layers() -> tuple[LayerSpec, ...]:
    """Park La Brea's layers in the shipped day."""
    line = shipped_program().timeline
    return next(s for s in line.scenes if s.name == "Park La Brea").layers
