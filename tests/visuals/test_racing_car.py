"""The car racing away down Wilshire at first light reads as a car going away fast, not a flat
dark box with two red bars: seen whole from behind and above, its roof over dark back glass
with a pale streak across it, its wheels dark in their arches, its tail lights lit."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.visuals.base import Frame, Setup
from installation.visuals.car_lamps import lamp_boxes
from installation.visuals.cars import FLANK, ROOF_FAR, SCREEN_FAR, WINDOWS, seen, shells
from installation.visuals.compositor import Compositor
from installation.visuals.panic import Panic
from installation.visuals.racing import RACE_FROM, RACE_SPEED, Racing
from installation.visuals.render import headless
from installation.visuals.roadmarks import HORIZON_T

from .helpers import NO_POST, layer, one_scene
from .test_depth_order import BLACK, SIZE

# Real seconds after it set off from under the picture's foot: its near end just come into
# the picture, close, big.
SECONDS = (HORIZON_T - RACE_FROM) / RACE_SPEED + 0.02
STREAK_OVER = 60  # the sum of channels: the streak across its back glass over the glass
LIT = 200  # a tail light's middle is at least this red


def racing_drawn(seconds: float) -> tuple[pygame.Surface, Setup, float]:
    """A panic layer with one racing car and nothing else, drawn over black `seconds` after
    the car set off; its set-up, and its horizon (a share of the height)."""
    headless()
    line = one_scene(BLACK + layer("panic", cars=0, police=0, racing=1, papers=0) + NO_POST,
                     at="05:05")
    scene = line.scenes[0]
    setup = Compositor(line, SIZE, print).setup(scene, 1, "panic")
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    Panic(scene.layers[1].params, setup).draw(surface, Frame(scene.at, seconds,
                                                             state_at(line, scene.at)))
    return surface, setup, scene.layers[1].params["horizon"]


def test_a_racing_car_comes_in_from_under_the_pictures_foot() -> None:
    """The moment a car sets off to race away, none of it is in the picture (it set off with
    its near end at the foot, its roof and back glass there at once: a pop-in); a few frames
    on, it has come in from under the foot."""
    surface, _setup, _horizon = racing_drawn(0.0)
    assert pygame.surfarray.array3d(surface).max() == 0
    surface, _setup, _horizon = racing_drawn(SECONDS)
    assert pygame.surfarray.array3d(surface).max() > 0


def test_a_car_racing_away_shows_its_roof_back_glass_and_tail_lights() -> None:
    """Just come in, the racing car over black: the middle of its roof is painted (its near
    end alone drew nothing above its back's top), its back glass has a streak well over the
    glass's darkest, and both tail lights are lit."""
    surface, setup, horizon_at = racing_drawn(SECONDS)
    racing = Racing.of_scene(setup)
    assert isinstance(racing, Racing)  # (its racing cars, not a street's: see of_scene)
    (x, z), = racing.at(SECONDS, False)
    assert z == RACE_FROM + SECONDS * RACE_SPEED
    horizon = int(SIZE[1] * horizon_at)
    shell = shells(SIZE[0] // 2, SIZE, horizon, np.array([x]), np.array([z]))[0]
    car = seen(racing.project, x, z)
    pixels = pygame.surfarray.array3d(surface).astype(int)
    bright = pixels.sum(axis=-1)
    roof = np.mean([shell[ROOF_FAR], shell[ROOF_FAR + 1], shell[WINDOWS + 1],
                    shell[WINDOWS + 2]], axis=0).astype(int)
    assert bright[tuple(roof)] > 0, f"the roof's middle {tuple(roof)} is black"
    glass = [shell[SCREEN_FAR], shell[WINDOWS], shell[WINDOWS + 1], shell[ROOF_FAR]]
    mask = pygame.Surface(SIZE)
    mask.fill((0, 0, 0))
    pygame.draw.polygon(mask, (255, 255, 255), glass)
    on_glass = bright[pygame.surfarray.array_red(mask) > 0]
    assert on_glass.max() >= np.percentile(on_glass, 20) + STREAK_OVER, on_glass.max()
    assert shell[FLANK][1] > shell[FLANK + 3][1]  # (its flank shows)
    for box in lamp_boxes(car):
        assert pixels[box.centerx, box.centery, 0] >= LIT, box
