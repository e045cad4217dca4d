"""At the dusk crossing the cars and the people take turns, as a visitor sees them over minutes:
no car drives through anyone crossing on the zebra; while the cars go the people wait at the
kerb just past the picture's sides, and more on the near corners in view; while they cross,
cars stand (the ones going away with their brake lights lit, brighter than tail lights
alone)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.car_lamps import lamp_boxes
from installation.visuals.cars import (
    CAR_LONG,
    HALF_WIDTH,
    ROOF,
    ROOF_FAR,
    ROOF_FROM,
    ROOF_TO,
    WINDOWS,
    Seen,
)
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless
from installation.visuals.roadmarks import CROSSING, HORIZON_T
from installation.visuals.signal import (
    ARRIVE,
    CLEAR,
    CYCLE,
    GREEN,
    WAIT_SEEN,
    WALK,
    cycle_start,
    lights_at,
)
from installation.visuals.street import Street
from installation.visuals.street_asphalt import SHADOW_REACH as CAST_REACH
from installation.visuals.street_asphalt import SHADOW_SUN
from installation.visuals.street_fleet import FACE_GONE, Z_GONE
from installation.visuals.street_posts import LAMP_HEIGHT as POST_HIGH
from installation.visuals.street_traffic import WHOLE_WITHIN

from .helpers import SHIPPED, channel_max

SIZE = (960, 540)
AT = "18:30"  # the story time looked at (its scene's frames are stepped in real seconds)
MINUTES = 4  # real minutes of frames looked at...
STEP = 0.25  # ...this many real seconds apart
PERSON = (0.06, 0.05)  # world units: a person's half width across the road, half depth along
BRAKE_OVER = 60  # the sum of channels: a brake light is this much brighter than a tail light
LAMP_LIT = 200  # a lit lamp's middle is at least this red (tail lights and headlights alike)
ROAD_GREY = (120, 120, 120)  # a plain road to see a car's shadow on


def dusk() -> tuple[Street, list[Figures], Compositor]:
    """The shipped dusk scene's street and the people crossing it on the zebra (its figures
    layers with `crossing`), at SIZE."""
    headless()
    scene = next(s for s in LINE.scenes if s.name == "Dusk on the Miracle Mile")
    compositor = Compositor(LINE, SIZE, print)
    street, people = None, []
    for index, spec in enumerate(scene.layers):
        setup = compositor.setup(scene, index, spec.type)
        if spec.type == "street":
            street = Street(spec.params, setup)
        elif spec.type == "figures" and spec.params["crossing"]:
            people.append(Figures(spec.params, setup))
    assert street is not None and people
    return street, people, compositor


LINE = load_timeline(SHIPPED)
STATE = state_at(LINE, parse_clock(AT))


def frame(seconds: float) -> Frame:
    """A frame of the dusk scene at AT, `seconds` (real) into it."""
    return Frame(parse_clock(AT), seconds, STATE)


def on_the_road(street: Street, feet: tuple[float, float]) -> tuple[float, float]:
    """Where on the road (across, along) a person's feet on the picture stand."""
    view = street.project
    width, height = view.size
    k = (feet[1] - view.horizon) / ((height - view.horizon) * HORIZON_T)
    return (feet[0] - view.middle) / (width * 0.5 * k), 1.0 / k


def crossing_now(street: Street, people: list[Figures], seconds: float) -> list[tuple[float,
                                                                                      float]]:
    """Where (across, along) each person walking over the road in the picture stands."""
    at = frame(seconds)
    width = street.size[0]
    return [on_the_road(street, member.feet) for layer in people
            for member in layer.members(at)
            if member.pose == "walk" and 0.08 * width < member.feet[0] < 0.92 * width]


def test_no_car_drives_through_anyone_crossing_on_the_zebra() -> None:
    """Over four real minutes, a frame every quarter second: no car in the picture stands on
    the road where anyone walking over the zebra stands (at 18:30 the cars drove through the
    people crossing)."""
    street, people, _ = dusk()
    crossed = 0
    for step in range(round(MINUTES * 60 / STEP)):
        seconds = step * STEP
        walking = crossing_now(street, people, seconds)
        crossed += bool(walking)
        for z, _paint, lane, _braking in street.traffic.placed(seconds):
            if z <= Z_GONE:  # (all of it under the picture's foot: not drawn)
                continue
            for across, along in walking:
                apart = (abs(across - lane) >= HALF_WIDTH + PERSON[0]
                         or not z - PERSON[1] < along < z + CAR_LONG + PERSON[1])
                assert apart, f"{seconds} s: a car in lane {lane} at {z:.2f} over a person " \
                              f"at {across:.2f}, {along:.2f}"
    assert crossed >= MINUTES * 60 / CYCLE * (WALK[1] - WALK[0]) / STEP  # (people did cross)


def test_while_the_cars_go_the_people_wait_at_the_kerb_out_of_sight() -> None:
    """Through the cars' green light the people crossing on the zebra (a path of two points)
    stand still at the kerb, which at the zebra's depth lies beyond the picture's sides: none
    of them is seen (at the picture's sides they stood in the outer lanes, and the cars drove
    through them); they are there, just out of it, walking in as the walking figure lights."""
    street, people, _ = dusk()
    width = street.size[0]
    waiting = 0
    for seconds in np.arange(cycle_start(1) + 12.0, cycle_start(1) + GREEN, 1.0):
        assert lights_at(seconds).cars == "green"
        for layer in (layer for layer in people if len(layer.path.points) < WAIT_SEEN):
            for member in layer.members(frame(seconds)):
                assert not -0.03 * width < member.feet[0] < 1.03 * width, (seconds, member.feet)
                assert member.pose != "walk", (seconds, member.feet)
                waiting += 1
    assert waiting
    walking = [member.feet[0] for layer in people
               for member in layer.members(frame(cycle_start(1) + WALK[0] + 6.0))]
    assert any(0.1 * width < x < 0.9 * width for x in walking), walking


CORNER_IN = 6.0  # real seconds into a green: by then someone waits on a corner in view...
CORNER_LEFT = 4.0  # ...until this long after the walking figure lights, when those on the
#                    zebra are in the picture


def test_through_the_green_the_crossings_own_people_wait_on_a_corner_in_view() -> None:
    """Through two turns of the lights, every half second from CORNER_IN into the cars'
    green until CORNER_LEFT after the walking figure lights, someone of the crossing's own
    layers stands or walks in the picture, on a pavement (past a kerb), off the road; and a
    few seconds later someone is on the zebra. On main they all waited out of sight: for the
    half minute of each green the crossing stood empty of its people."""
    street, people, _ = dusk()
    width = street.size[0]
    assert ARRIVE[0] < CORNER_IN
    for turn in (1, 2):
        start = cycle_start(turn)
        for seconds in np.arange(start + CORNER_IN, start + WALK[0] + CORNER_LEFT, 0.5):
            seen = [member.feet for layer in people for member in layer.members(frame(seconds))
                    if 0 <= member.feet[0] < width]
            assert seen, f"{seconds - start:.1f} s into the turn: nobody of the crossing's in view"
            if lights_at(seconds).cars == "green":
                assert all(abs(on_the_road(street, feet)[0]) > 1.0 for feet in seen), seen
        crossing = [member.feet[0] for layer in people
                    for member in layer.members(frame(start + WALK[0] + 2 * CORNER_LEFT))]
        assert any(0 <= x < width for x in crossing), crossing


def test_while_people_cross_a_car_going_away_stands_with_its_brake_lights_lit() -> None:
    """A few seconds into the walking figure's time, people on the zebra, a car going away
    stands (it has not moved for a second) beyond the crossing, its brake lights lit: its
    lamps brighter than the same car's tail lights without the brake."""
    street, people, _ = dusk()
    seconds = cycle_start(2) + WALK[0] + 3.0
    assert crossing_now(street, people, seconds)
    before = {(lane, round(z, 3)) for z, _n, lane, _b in street.traffic.placed(seconds - 1.0)}
    standing = [(z, n, lane, braking) for z, n, lane, braking in street.traffic.placed(seconds)
                if lane > 0 and (lane, round(z, 3)) in before and z > CROSSING[1]]
    assert standing and all(braking for *_, braking in standing), standing
    car = street.traffic.seen([standing[0][2]], [standing[0][0]])[0]
    lit = []
    for braking in (True, False):
        surface = pygame.Surface(SIZE)
        surface.fill((0, 0, 0))
        street.traffic.placed = lambda _s, b=braking: [(*standing[0][:3], b)]  # type: ignore
        street.draw_moving(surface, frame(seconds))
        pixels = pygame.surfarray.array3d(surface).astype(int).sum(axis=-1)
        lit.append(max(pixels[box.left:box.right, box.top:box.bottom].mean()
                       for box in lamp_boxes(car)))
    assert lit[0] >= lit[1] + BRAKE_OVER, lit



def roof_middle(car: Seen) -> tuple[int, int]:
    """The middle of a car's roof on the picture (seen whole: see SHELL)."""
    windows = car.shell[WINDOWS:WINDOWS + 4]
    roof = [car.shell[ROOF_FAR], windows[1], windows[2], car.shell[ROOF_FAR + 1]]
    return (sum(x for x, _ in roof) // 4, sum(y for _, y in roof) // 4)


def test_no_car_is_ever_see_through() -> None:
    """Over a real minute of the dusk crossing, a frame every tenth of a second, the cars
    drawn over a black road and over a white one: the middle of every car's roof in the
    picture is the same on both (the car is solid there), the cars passing under the eye and
    driving out under the picture's foot too. At 18:00:40 a car going away faded in as a
    see-through ghost over the zebra, its tail lights solid (nearer, it was not drawn)."""
    street, _people, _ = dusk()
    traffic = street.traffic
    light = (SHADOW_SUN, (40, 40, 100), (230, 100, 80))  # (no long shadows, no lamps lit)
    rows = range(SIZE[1])
    passing = 0
    shown = [pygame.Surface(SIZE), pygame.Surface(SIZE)]
    for seconds in np.arange(0.0, 60.0, 0.1).tolist():
        placed = [p for p in traffic.placed(seconds) if p[0] < WHOLE_WITHIN]
        for surface, background in zip(shown, ((0, 0, 0), (255, 255, 255)), strict=True):
            surface.fill(background)
            traffic.draw(surface, seconds, 0.0, light)
        cars = traffic.seen([lane for _z, _n, lane, _b in placed], [z for z, *_ in placed])
        for (z, _n, lane, _b), car in zip(placed, cars, strict=True):
            x, y = roof_middle(car)
            if 0 <= x < SIZE[0] and y in rows:
                passing += z < FACE_GONE + CAR_LONG
                assert shown[0].get_at((x, y)) == shown[1].get_at((x, y)), \
                    f"{seconds:.1f} s: the car in lane {lane} at {z:.2f} is see-through"
    assert passing, "(cars did pass under the eye)"


def test_in_the_low_sun_a_car_casts_a_long_shadow_away_from_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """At 17:00 (daylight 0.68) a car going away casts a long shadow towards the viewer and
    left, as the lamp posts do: the road where its roof's shadow falls, clear of the car and
    of the dark under it, is darker by a third than with no car there (the cars stood in the
    low sun casting none); after the sun (daylight 0.25) it is not."""
    street, _people, _ = dusk()
    traffic = street.traffic
    lane, z = 0.3, 1.5
    per_up = (CAST_REACH[0] / POST_HIGH, CAST_REACH[1] / POST_HIGH)
    spot = street.project(lane + ROOF * per_up[0],
                          z + (ROOF_FROM + ROOF_TO) / 2 + ROOF * per_up[1])
    seen_at = {}
    for daylight in (0.68, 0.25):
        for cars in ([(z, 0, lane, False)], []):
            monkeypatch.setattr(traffic, "placed", lambda _s, c=cars: c)
            surface = pygame.Surface(SIZE)
            surface.fill(ROAD_GREY)
            traffic.draw(surface, 0.0, 0.0, (daylight, (80, 100, 150), (240, 170, 110)))
            seen_at[daylight, bool(cars)] = sum(surface.get_at(spot)[:3])
    assert seen_at[0.68, True] <= seen_at[0.68, False] * 2 / 3, seen_at
    assert seen_at[0.25, True] == seen_at[0.25, False], seen_at


def pavement_walkers(compositor: Compositor) -> list[Figures]:
    """The shipped dusk scene's people strolling on the pavements (not crossing), at SIZE (by
    the street's `compositor`: they lay back its cars nearer than them, as in the show)."""
    scene = next(s for s in LINE.scenes if s.name == "Dusk on the Miracle Mile")
    return [Figures(spec.params, compositor.setup(scene, index, spec.type))
            for index, spec in enumerate(scene.layers)
            if spec.type == "figures" and not spec.params["crossing"]]


def test_nobody_on_the_pavement_is_drawn_over_a_car() -> None:
    """Over two real minutes of the dusk crossing, a frame every half second: no pixel of
    anyone strolling on the pavements lies on a car (the cars are drawn under the people's
    layers, so one there stands on its roof: at 17:00:20 a walker on the far left pavement
    walked over the roof of a car waiting at the lights). They keep to the shop fronts, and
    where a car nearer than them hides the pavement from the eye, it hides them."""
    street, _people, compositor = dusk()
    walkers = pavement_walkers(compositor)
    light = (SHADOW_SUN, (40, 40, 100), (230, 100, 80))
    seen = 0
    for seconds in np.arange(0.0, 120.0, 0.5).tolist():
        cars = pygame.Surface(SIZE)
        cars.fill((0, 0, 0))
        street.traffic.draw(cars, seconds, 0.0, light)
        car = channel_max(cars) > 0
        people = pygame.Surface(SIZE)
        people.fill((0, 0, 0))
        for layer in walkers:
            layer.draw(people, frame(seconds))
        person = channel_max(people) > 0
        seen += int(person.any())
        on = np.argwhere(person & car)
        assert not len(on), f"{seconds} s: {len(on)} pixels of a walker on a car, e.g. {on[0]}"
    assert seen, "(people did stroll in the picture)"


def car_mask(street: Street, car: tuple[float, int, float, bool], seconds: float) -> np.ndarray:
    """The pixels of one car (drawn alone, its shadow and lamps left dark) on the picture."""
    traffic = street.traffic
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    placed = traffic.placed
    traffic.placed = lambda _s: [car]  # type: ignore
    try:
        traffic.draw(surface, seconds, 0.0, (SHADOW_SUN, (40, 40, 100), (230, 100, 80)))
    finally:
        traffic.placed = placed  # type: ignore
    return np.asarray(channel_max(surface) > 0)


def test_nobody_crossing_is_drawn_over_a_car_as_near_as_they_are() -> None:
    """Over two turns of the lights, a frame every real second: no pixel of anyone crossing
    (or coming to the kerb to cross) lies on a car whose near end is as near as their feet or
    nearer (the people are drawn over the street: one there walks through the car, or stands
    in front of a car that is in front of them). At 18:00:36 a woman coming to the kerb walked
    through a car going away, drawn over its back between its tail lights; at 19:31:03 people
    waiting at the kerb stood over a car driving out under the picture's foot (the kerb they
    waited at, at the picture's sides, was in the outer lanes)."""
    street, people, _ = dusk()
    seen = 0
    for seconds in np.arange(0.0, 2 * CYCLE, 1.0).tolist():
        masks: dict[tuple[float, int, float, bool], np.ndarray] = {}  # each car's, drawn once
        for layer in people:
            members = layer.members(frame(seconds))
            if not members:
                continue
            depth = min(on_the_road(street, m.feet)[1] for m in members)
            near = [car for car in street.traffic.placed(seconds)
                    if Z_GONE < car[0] < depth + PERSON[1]]
            surface = pygame.Surface(SIZE)
            surface.fill((0, 0, 0))
            layer.draw(surface, frame(seconds))
            person = channel_max(surface) > 0
            seen += int(person.any())
            for car in near:
                if car not in masks:
                    masks[car] = car_mask(street, car, seconds)
                on = np.argwhere(person & masks[car])
                assert not len(on), f"{seconds} s: {len(on)} pixels of someone at depth " \
                                    f"{depth:.2f} on the car in lane {car[2]} at {car[0]:.2f}, " \
                                    f"e.g. {on[0]}"
    assert seen >= 2 * (CLEAR - WALK[0]), "(people did cross in the picture)"


BY_THE_CROSSING = 0.7  # of the picture's height: feet this low are on the near pavements
ROAD_EDGE = 1.0  # world units across: the kerbs


def test_while_the_cars_go_someone_is_by_the_crossing_on_the_pavement() -> None:
    """Through every second of the cars' green over four real minutes, someone is in the
    picture on a near pavement by the crossing (waiting on the corner, or walking along the
    shops), never on the road: on main the crossing's people waited out of sight and nobody
    else was near, so for the half minute of each green the crossing stood empty."""
    street, _people, compositor = dusk()
    scene = next(s for s in LINE.scenes if s.name == "Dusk on the Miracle Mile")
    layers = [Figures(spec.params, compositor.setup(scene, index, spec.type))
              for index, spec in enumerate(scene.layers) if spec.type == "figures"]
    width, height = SIZE
    greens = 0
    for seconds in np.arange(0.0, MINUTES * 60.0, 1.0).tolist():
        if lights_at(seconds).cars != "green":
            continue
        greens += 1
        near = [member.feet for layer in layers for member in layer.members(frame(seconds))
                if 0 <= member.feet[0] < width and member.feet[1] >= BY_THE_CROSSING * height]
        assert near, f"{seconds} s: nobody by the crossing"
        for feet in near:
            assert abs(on_the_road(street, feet)[0]) > ROAD_EDGE, f"{seconds} s: {feet} on the road"
    assert greens
