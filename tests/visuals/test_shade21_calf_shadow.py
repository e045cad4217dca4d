"""The calf beside Harry and Julie casts the sky's sun's shadow on the lawn, as they do: away
from the sun, longer as it sinks, and painted again right as it lengthens."""

from __future__ import annotations

import dataclasses

import numpy as np
import pygame
import pytest

from installation.core.program import Program
from installation.core.timeline import state_at
from installation.core.timeline.model import LayerSpec
from installation.core.timeutil import parse_clock
from installation.visuals.palette import sun_position

from .helpers import (
    assert_as_fresh,
    compositor_finding,
    layer,
    one_scene,
    shared_made,
    shipped_program,
)

SIZE = (960, 540)
SCENE = "Harry meets Julie"
TIMES = ("14:45", "16:30")
LUMA = np.array([0.3, 0.59, 0.11])
DARKER = 6  # a pixel darker by this much in luminance is under the shadow
GREEN = 8  # grass: its green no less than its red, less this
AT_FEET = 40  # dark pixels of grass below the calf's feet line at 16:30, at least
LONGER = 1.5  # its shadow at 16:30 reaches at least this many times as far as at 14:45
STEPPED = 20.0  # story seconds between frames drawn in a row as the shadow lengthens


def _calf(spec: LayerSpec) -> bool:
    return spec.type == "silhouette" and spec.params.get("shape") == "calf"


def _program(shadow: bool) -> Program:
    """The shipped day without its grain, the 14:30 calf with or without its sun's shadow."""
    program = shipped_program()
    scenes = []
    for scene in program.timeline.scenes:
        layers = [s for s in scene.layers if s.type != "post"]
        if not shadow:
            layers = [dataclasses.replace(s, params={**s.params, "sun_shadow": 0.0})
                      if _calf(s) else s for s in layers]
        scenes.append(dataclasses.replace(scene, layers=tuple(layers)))
    line = dataclasses.replace(program.timeline, scenes=tuple(scenes))
    return dataclasses.replace(program, timeline=line)


def _luma(program: Program) -> dict[str, np.ndarray]:
    """The luminance (x, y) and rgb at TIMES, drawn one after another."""
    compositor = compositor_finding(program.timeline, SIZE, shared_made(),
                                    lambda _message: None, program.clock)
    drawn = {}
    for at in TIMES:
        surface = pygame.Surface(SIZE)
        compositor.draw(surface, state_at(program.timeline, parse_clock(at), program.clock))
        drawn[at] = pygame.surfarray.array3d(surface).astype(float)
    return drawn


@pytest.fixture(scope="module")
def pictures() -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    return _luma(_program(True)), _luma(_program(False))


def _feet() -> tuple[float, int]:
    """The 14:30 calf's x and feet line (pixels)."""
    scene = next(s for s in shipped_program().timeline.scenes if s.name == SCENE)
    calf = next(s for s in scene.layers if _calf(s))
    return calf.params["x"] * SIZE[0], round(calf.params["y"] * SIZE[1])


def _shadow(pictures: tuple[dict[str, np.ndarray], dict[str, np.ndarray]],
            at: str, lawn: bool = True) -> np.ndarray:
    """Where the calf's shadow darkens the grass (not `lawn`: the ground, the path too) below
    its feet line at `at` (x, y)."""
    shaded, plain = pictures[0][at], pictures[1][at]
    dark = plain @ LUMA - shaded @ LUMA > DARKER
    grass = plain[..., 1] >= plain[..., 0] - GREEN
    dark[:, :_feet()[1]] = False
    return dark & grass if lawn else dark


def test_the_calf_casts_a_shadow_on_the_lawn_away_from_the_sun(
        pictures: tuple[dict[str, np.ndarray], dict[str, np.ndarray]]) -> None:
    dark = _shadow(pictures, "16:30")
    x, _y = _feet()
    assert dark.sum() >= AT_FEET, f"{dark.sum()} dark pixels of grass below the calf's feet"
    columns = np.flatnonzero(dark.any(axis=1))
    sun = sun_position(16.5)
    assert sun is not None and sun[0] * SIZE[0] > x  # (the sun up to the calf's right)
    assert columns.mean() < x, f"its shadow's columns {columns.min()}-{columns.max()}, x {x}"


def test_the_calf_shadow_lengthens_as_the_sun_sinks(
        pictures: tuple[dict[str, np.ndarray], dict[str, np.ndarray]]) -> None:
    _x, feet = _feet()
    reach = {}
    for at in TIMES:
        rows = np.flatnonzero(_shadow(pictures, at, lawn=False).any(axis=0))  # (at 14:45 it
        # lies on the path: the 7 pixels of "grass" main found there were the calf's own
        # near-black feet, which its red-brown coat, mammoth23, no longer passes for)
        assert rows.size, f"no shadow below the calf's feet at {at}"
        reach[at] = rows.max() - feet + 1
    assert reach["16:30"] >= LONGER * reach["14:45"], reach


def test_frames_drawn_in_a_row_as_it_lengthens_are_the_frames_drawn_alone() -> None:
    calf = layer("silhouette", shape="calf", x=0.5, y=0.6, scale=0.5, rim="#ffc890",
                 still=True, sun_shadow=0.45)
    line = one_scene(layer("sky") + calf, at="14:30")
    start = parse_clock("16:20")
    assert_as_fresh(line, [start + n * STEPPED for n in range(12)], every=4)
