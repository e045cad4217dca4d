"""Neon on Wilshire's cars are four cars of the 1980s, not one body in three paints: a sedan, a
long wagon, a short low coupe and a tall pickup, each its own length, height and roof line."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals import block_cars
from installation.visuals.block_cars import Car, Sprites, traffic
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .test_ash22_new_place import SHIPPED

SIZE = (960, 540)
SOLID = 200  # a body's alpha: the car, not its smoothed rim


@cache
def shipped() -> list[tuple[Car, pygame.Surface]]:
    """The shipped night's cars (its block layer's `cars` part) and their bodies, at SIZE."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == "Neon on Wilshire")
    index, spec = next((n, spec) for n, spec in enumerate(scene.layers)
                       if spec.type == "block" and spec.params["part"] == "cars")
    setup = Compositor(line, SIZE, print).setup(scene, index, "block")
    return [(car, Sprites(car, SIZE).body) for car in traffic(setup.rng("cars"),
                                                                spec.params["cars"])]


def roof(body: pygame.Surface) -> tuple[float, float, float]:
    """A body facing right: where its roof begins and ends along it (of its length, at the
    cabin's top tenth), and how tall it stands against its length."""
    solid = pygame.surfarray.array_alpha(body) > SOLID
    rows = np.flatnonzero(solid.any(axis=0))
    top = rows[0] + max(1, round(0.1 * (rows[-1] - rows[0])))
    along = np.flatnonzero(solid[:, top])
    width = body.get_width()
    return along[0] / width, along[-1] / width, (rows[-1] - rows[0] + 1) / width


def test_the_street_s_cars_are_not_copies() -> None:
    """In each lane the passing cars differ in length and in height."""
    for lane in (0, 1):
        bodies = [body for car, body in shipped() if car.lane == lane]
        assert len({body.get_width() for body in bodies}) > 1, lane
        assert len({body.get_height() for body in bodies}) > 1, lane


def test_each_model_has_its_own_length_height_and_roof_line() -> None:
    cars = {shape: Sprites(Car(1, shape, (92, 22, 30), 0.0), SIZE).body
            for shape in block_cars.MODELS}
    assert set(cars) == {"sedan", "wagon", "coupe", "pickup"}
    lengths = {shape: body.get_width() for shape, body in cars.items()}
    assert lengths["wagon"] > lengths["sedan"] > lengths["pickup"] > lengths["coupe"]
    roofs = {shape: roof(body) for shape, body in cars.items()}
    tall = {shape: body.get_height() for shape, body in cars.items()}
    assert max(tall, key=tall.__getitem__) == "pickup"  # the truck stands highest...
    assert roofs["coupe"][2] < roofs["sedan"][2]  # ...the coupe lowest for its length
    assert roofs["wagon"][0] < 0.1 < roofs["sedan"][0]  # the wagon's roof runs to its tail
    assert roofs["pickup"][0] > 0.4  # the pickup's cab sits ahead of its open bed
