"""Harry's room at midnight is alive while he sleeps: the curtains stir, the city's windows
go on and off, a passing car's light sweeps over the ceiling, and any ten real seconds of it
move a visible share of the picture (without counting the blinking clock)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.motion import SAMPLES, WINDOW_SECONDS, changed_share, shrunk
from installation.visuals.render import headless
from installation.visuals.room import CURTAINS
from installation.visuals.room_ceiling import CEILING
from installation.visuals.room_lights import GLASS, WINDOW, slats
from installation.visuals.shares import box

from .helpers import NO_POST, layer, one_scene

SIZE = (960, 540)
QUIET_LIFE = 0.005  # what moves between cars, shrunk 8x (his breathing alone: 0.2-0.4%)
Draw = Callable[[float], pygame.Surface]


def drawing(cars: float) -> Draw:
    """The room with its clock always lit (its blink does not count here), drawn by one
    compositor at real seconds into the scene."""
    headless()
    line = one_scene(layer("room", digits="12:00", blink=0, cars=cars) + NO_POST, at="00:00")
    compositor = Compositor(line, SIZE, print)
    drawn: dict[float, pygame.Surface] = {}

    def draw(seconds: float) -> pygame.Surface:
        if seconds not in drawn:
            surface = pygame.Surface(SIZE)
            compositor.draw(surface, state_at(line, parse_clock("00:00") + seconds))
            drawn[seconds] = surface
        return drawn[seconds]

    return draw


@pytest.fixture(scope="module")
def room() -> Draw:
    return drawing(9)


def rgb(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(surface).astype(int)


def test_the_room_moves_even_with_no_car_passing_and_the_clock_still() -> None:
    """The measure of `bench --motion` (frames shrunk 8x, ten real seconds) with no car and the
    clock lit throughout: his breathing, the curtains and the city's windows still move a
    share of the picture a visitor sees (his breathing alone was a few tenths of a percent)."""
    room = drawing(0)
    step = WINDOW_SECONDS / (SAMPLES - 1)
    for start in (0.0, 5.0, 12.5, 20.0):
        frames = [shrunk(room(start + k * step)) for k in range(SAMPLES)]
        assert changed_share(frames) >= QUIET_LIFE, f"from {start} s"


def ceiling_light(frame: np.ndarray) -> np.ndarray:
    """How much light lies on each column of the strip of ceiling."""
    strip = frame[:, : round(CEILING * SIZE[1]) - 3]
    return np.asarray(strip.sum(axis=(1, 2)), float)


def test_a_passing_cars_light_sweeps_over_the_ceiling_against_the_car(room: Draw) -> None:
    """As the car's light slides across the blinds one way, the slats' stripes it throws up
    slide over the ceiling the other way; between cars the ceiling is dark."""
    times = [float(s) for s in np.arange(0.0, 18.0, 0.5)]
    ceilings = [ceiling_light(rgb(room(s))) for s in times]
    dark = np.min(ceilings, axis=0)
    glass = box(GLASS, SIZE)
    lit = [(s, c - dark) for s, c in zip(times, ceilings, strict=True) if (c - dark).max() > 400]
    assert len(lit) >= 3, "a car's light lies on the ceiling for a while in 18 real seconds"
    columns = np.arange(SIZE[0])
    where = [float((columns * c).sum() / c.sum()) for _, c in lit[:4]]
    in_glass = []
    for s, _ in lit[:4]:
        window = rgb(room(s))[glass.left:glass.right, glass.top:glass.bottom].sum(axis=(1, 2))
        in_glass.append(float((np.arange(glass.width) * window).sum() / window.sum()))
    ceiling_way = np.sign(where[-1] - where[0])
    glass_way = np.sign(in_glass[-1] - in_glass[0])
    assert abs(where[-1] - where[0]) > 0.1 * SIZE[0], f"it slides: {where}"
    assert ceiling_way == -glass_way, f"against the car: {where} {in_glass}"
    assert len(lit) < len(times) / 2, "and most of the time it is dark"


def test_the_curtains_stir_at_the_hem_and_hang_still_from_the_rail(room: Draw) -> None:
    """The left curtain's inner edge comes in over the glass and falls back near its hem (the
    air from the window open a crack), while its top, held by the rail, hangs still."""
    curtain = box(CURTAINS[0], SIZE)
    edge = slice(curtain.right - 5, curtain.right + 20)
    frames = [rgb(room(float(s)))[edge] for s in np.arange(0.0, 8.0, 0.5)]
    hem = np.array([f[:, curtain.bottom - 40:curtain.bottom - 10] for f in frames])
    rail = np.array([f[:, curtain.top:curtain.top + 3] for f in frames])
    assert (np.abs(hem - hem[0]).max(axis=3) > 12).sum(axis=(1, 2)).max() > 40, "it stirs"
    assert np.abs(rail - rail[0]).max() <= 2, "and hangs from the rail"


def test_the_citys_windows_go_on_and_off(room: Draw) -> None:
    """Between the slats, some of the far towers' windows are lit at one look and dark at
    another a few seconds later, and others the other way round."""
    window = box(WINDOW, SIZE)
    gaps = np.zeros(SIZE, bool)
    blinds = slats(window)
    for a, b in zip(blinds, blinds[1:], strict=False):
        gaps[window.left:window.right, a.bottom:b.top] = True
    warm = [(f[..., 0] - f[..., 2] > 40) & gaps for f in (rgb(room(s)) for s in (1.0, 13.0))]
    assert (warm[0] & ~warm[1]).sum() >= 6, "some go out"
    assert (warm[1] & ~warm[0]).sum() >= 6, "and some come on"


