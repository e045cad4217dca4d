"""The shipped searchlights over the mall (04:50-05:05): the runners who pass the red car on the
right clearly pass behind it (never with their feet along its roof, as if running on it), and
the two who stop on the far lot turn and run on (four real minutes stock still, they read as
props)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest
from day_config import SHIPPED

from installation.core.timeline import load_timeline
from installation.core.timeline.model import Scene
from installation.core.timeutil import parse_clock
from installation.visuals.lot import CARS

from .helpers import draw, layer, one_scene

SIZE = (960, 540)
CLEAR = 0.01  # a runner behind a car has their feet at least this far above its roof (of the
# picture height): at 0.001 they ran along the roof line
STILL_UNTIL = "04:58"  # those who stop on the lot have run on by now


@pytest.fixture(scope="module")
def scene() -> Scene:
    return next(s for s in load_timeline(SHIPPED).scenes if s.name == "Searchlights over the mall")


def red_car() -> dict[int, int]:
    """The red car standing on the right of the near lot (the lot's second): its roof's row
    in each of its columns, at the test size."""
    frames = [pygame.surfarray.array3d(draw(one_scene(layer("lot", ground=0.8, cars=n)),
                                            "04:50", size=SIZE)).astype(int) for n in (1, 2)]
    car = np.abs(frames[1] - frames[0]).max(axis=2) > 12
    across, feet = CARS[1][0], CARS[1][1]
    car[: round((across - 0.1) * SIZE[0])] = False
    car[round((across + 0.1) * SIZE[0]):] = False
    car[:, round(feet * SIZE[1]) + 2:] = False
    return {int(x): int(np.flatnonzero(car[x])[0]) for x in np.flatnonzero(car.any(axis=1))}


def feet_along(path: list[list[float]]) -> list[tuple[float, float]]:
    """Points along a path (shares), closely spaced."""
    points = []
    for (ax, ay), (bx, by) in zip(path, path[1:], strict=False):
        points += [(ax + (bx - ax) * t, ay + (by - ay) * t) for t in np.linspace(0, 1, 200)]
    return points


def test_runners_passing_the_red_car_pass_well_behind_its_roof(scene: Scene) -> None:
    roof = red_car()
    assert len(roof) > 0.05 * SIZE[0], "the red car stands there"
    ground = CARS[1][1] * SIZE[1]
    for spec in scene.layers:
        if spec.type != "figures" or len(spec.params["path"]) < 2:
            continue
        for x, y in feet_along(spec.params["path"]):
            column, feet = round(x * SIZE[0]), y * SIZE[1]
            if column in roof and feet < ground:  # behind the car, over it on the picture
                assert feet <= roof[column] - CLEAR * SIZE[1], (spec.params["path"], x, y)


def test_nobody_stands_still_on_the_lot_to_the_end_they_turn_and_run(scene: Scene) -> None:
    """Whoever stops on the lot (standing, or at the end of a walk) is gone from there by 04:58:
    they turn from the store (on their right) and run off left from the spot they stood on, as
    they stop standing, looking back as they run."""
    figures = [spec.params for spec in scene.layers if spec.type == "figures"]
    standing = [p for p in figures if p["speed"] == 0 or (p["pose"] == "walk" and not p["loop"])]
    assert len(standing) == 2, "two stop on the far lot"
    for stopped in standing:
        spot = stopped["path"][-1]
        assert stopped["until"] is not None and stopped["until"] <= parse_clock(STILL_UNTIL), spot
        runs = [p for p in figures if p["pose"].startswith("run") and p["path"][0] == spot]
        assert runs and runs[0]["from"] == stopped["until"], f"runs on from {spot}"
        assert runs[0]["path"][-1][0] < 0.0, "away from the store, off the picture's left"
        assert runs[0]["pose"] == "run-glance", "looking back at it"
