"""The dusk cars as tall as cars, and in depth with the people: a car coming at 19:40 stands
taller for its width than the thin slab it was (its roof a quarter of its width), and a car
nearer than someone strolling on the pavement hides them where the two meet (the people are
drawn after the street: on the base they were drawn over the taller cars in front of them)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.cars import ROAD, SIDES
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures

from .helpers import channel_max
from .test_dusk_crossing import LINE, SIZE, dusk

AT = "19:40"  # the dusk at its clearest: the cars' lamps lit, the light not yet gone
STATE = state_at(LINE, parse_clock(AT))
TALL_FOR_WIDE = 0.4  # a car's drawn height (road to the top of its outline) over its width,
#                      at least (the base's: about 0.3, its roof a quarter of its width)
NEAR_CAR = 1.0  # world z: a car whose near end is nearer than this is nearer than anyone on
#                 the pavements (their nearest feet are at about 1.2)
LIGHT = (0.3, (40, 40, 100), (230, 100, 80))  # (the daylight, the sky: no lamps, no long shadows)
SECONDS = np.arange(0.0, 30.0, 0.5).tolist()  # real seconds into the scene looked at


def frame(seconds: float) -> Frame:
    """A frame of the dusk scene at AT, `seconds` (real) into it."""
    return Frame(parse_clock(AT), seconds, STATE)


def cars_drawn(street: object, cars: list[tuple[float, int, float, bool]],
               seconds: float) -> pygame.Surface:
    """`cars` (as the traffic places them) drawn alone on black, as the street draws them."""
    traffic = street.traffic  # type: ignore[attr-defined]
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    placed = traffic.placed
    traffic.placed = lambda _s: cars
    try:
        traffic.draw(surface, seconds, 0.0, LIGHT)
    finally:
        traffic.placed = placed
    return surface


def walkers(compositor: Compositor) -> list[Figures]:
    """The dusk scene's people strolling on the pavements, built by `compositor`."""
    scene = next(s for s in LINE.scenes if s.name == "Dusk on the Miracle Mile")
    return [Figures(spec.params, compositor.setup(scene, index, spec.type))
            for index, spec in enumerate(scene.layers)
            if spec.type == "figures" and not spec.params["crossing"]]


def test_a_car_coming_at_dusk_is_taller_for_its_width() -> None:
    """Every car coming at 19:40 within a few car lengths, drawn alone: from the road under
    its near end to the top of its outline it stands at least TALL_FOR_WIDE of its width."""
    street, _people, _ = dusk()
    seconds = 0.0
    coming = [car for car in street.traffic.placed(seconds) if car[2] < 0 and 1.0 < car[0] < 5.0]
    assert coming, "(cars were coming)"
    for car in coming:
        drawn = channel_max(cars_drawn(street, [car], seconds)) > 0
        seen = street.traffic.seen([car[2]], [car[0]])[0]
        left, right = seen.xs[SIDES], seen.xs[SIDES + 1]
        rows = np.flatnonzero(drawn[max(0, left):right].any(axis=0))
        tall = seen.ys[ROAD] - rows.min()
        assert tall >= TALL_FOR_WIDE * (right - left), (car, tall, right - left)


def test_a_car_nearer_than_a_walker_hides_them_where_they_meet() -> None:
    """Over half a real minute, a frame every half second: where a car passing nearer than
    anyone on the pavements meets a walker's outline, the picture shows the car, as drawn
    before the people (on the base the walker was drawn over it); and such meetings happen."""
    street, _people, compositor = dusk()
    laying = walkers(compositor)  # (the street's compositor: they find its cars)
    alone = walkers(Compositor(LINE, SIZE, print))  # (another's: drawn whole, to find them)
    met = 0
    for seconds in SECONDS:
        near = [car for car in street.traffic.placed(seconds) if car[0] < NEAR_CAR]
        if not near:
            continue
        cars = cars_drawn(street, street.traffic.placed(seconds), seconds)
        car = channel_max(cars_drawn(street, near, seconds)) > 0
        whole = pygame.Surface(SIZE)
        whole.fill((0, 0, 0))
        for layer in alone:
            layer.draw(whole, frame(seconds))
        meet = car & (channel_max(whole) > 0)
        if not meet.any():
            continue
        met += int(meet.sum())
        shown = cars.copy()
        for layer in laying:
            layer.draw(shown, frame(seconds))
        before, after = (pygame.surfarray.array3d(s) for s in (cars, shown))
        over = np.argwhere(meet & (before != after).any(axis=-1))
        assert not len(over), f"{seconds} s: {len(over)} pixels of a walker over a nearer car, " \
                              f"e.g. {over[0]}"
    assert met, "(a car nearer than the walkers met one of them)"
