"""Neon on Wilshire: no two cars in one lane drive through each other, at any moment."""

from __future__ import annotations

import random
from collections.abc import Iterable

import numpy as np

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.block import Cars
from installation.visuals.block_cars import MODELS, SPEEDS, Car, Sprites, traffic, where
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (1920, 1080)
SCENE, START, END = "Neon on Wilshire", "20:00:00", "23:59:59"
STEP = 0.04  # real seconds between the moments looked at (a near car moves ~14 px in one)
SEEDS, COUNTS = range(3), (2, 5, 9, 12)  # other days' traffic: seeds, how many cars (to 12)
ROUNDS = 30  # real seconds each is looked at: two of each lane's rounds (10 s, 14 s) or more


def _crossings(cars: Iterable[tuple[Car, Sprites]], times: np.ndarray) -> list[str]:
    """Each moment (of `times`, real seconds) two cars of one lane overlap on the picture:
    what and where."""
    placed = [(car, sprites.body.get_width(),
               np.array([where(car, sprites, SIZE[0], t) for t in times])) for car, sprites in cars]
    found = []
    for n, (car, length, xs) in enumerate(placed):
        for other, other_length, other_xs in placed[n + 1:]:
            if other.lane != car.lane:
                continue
            seen = (xs < SIZE[0]) & (xs + length > 0) & (other_xs < SIZE[0]) & \
                (other_xs + other_length > 0)
            over = seen & (xs < other_xs + other_length) & (other_xs < xs + length)
            if over.any():
                at = int(np.argmax(over))
                found.append(f"{car.shape} at {xs[at]} and {other.shape} at {other_xs[at]} "
                             f"in lane {car.lane}, {times[at]:.2f} real s in")
    return found


def test_the_neon_s_cars_never_drive_through_each_other_all_scene() -> None:
    """The shipped scene's cars, where they are every STEP from 20:00 to midnight."""
    headless()
    program = shipped_program()
    line = program.timeline
    scene = next(one for one in line.scenes if one.name == SCENE)
    index, spec = next((n, spec) for n, spec in enumerate(scene.layers)
                       if spec.type == "block" and spec.params.get("part") == "cars")
    setup = Compositor(line, SIZE, lambda _message: None, program.clock).setup(
        scene, index, "block")
    passing = Cars(spec.params, setup).passing
    first, last = (state_at(line, parse_clock(at), program.clock).scene_seconds
                   for at in (START, END))
    assert last - first > 300, "the scene lasts minutes"
    assert not _crossings(passing.cars, np.arange(first, last, STEP))


def test_no_lane_s_cars_drive_through_each_other_for_any_seed_or_count() -> None:
    """Any day's traffic, up to six cars a lane, over several rounds of each lane."""
    headless()
    sprites = {(lane, shape): Sprites(Car(lane, shape, (92, 22, 30), 0.0), SIZE)
               for lane in range(len(SPEEDS)) for shape in MODELS}
    times = np.arange(0.0, ROUNDS, STEP)
    for seed in SEEDS:
        for count in COUNTS:
            cars = traffic(random.Random(seed), count)
            assert not _crossings([(car, sprites[car.lane, car.shape]) for car in cars], times), \
                f"seed {seed}, {count} cars"
