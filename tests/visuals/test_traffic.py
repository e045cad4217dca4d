"""Wilshire's traffic as a driver would see it: in a lane no car drives into the one ahead, and
a car that comes close drives out under the picture's foot (it never vanishes in view)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import Timeline, load_timeline
from installation.visuals.cars import shells
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.street import Street
from installation.visuals.street_fleet import CAR_LENGTH, CLEARANCE, LANES, Z_GONE, places
from installation.visuals.street_view import Perspective

from .helpers import SIZE

ROOT = Path(__file__).parent.parent.parent
SWEEP = np.arange(0.0, 900.0, 0.05).tolist()  # real seconds into a scene: longer than any
# evening scene plays at any pace the shipped clock gives it, every twentieth of a second
FULL = (1920, 1080)
SLACK = 1e-9  # world units: the gaps are sums of floats


def shipped_streets(traffic: float | None = None) -> list[tuple[str, Street]]:
    """The shipped day's streets with cars (built small: where the cars are does not depend on
    the picture's size), as shipped or with their traffic set to `traffic`."""
    headless()
    line: Timeline = load_timeline(ROOT / "timelines" / "miracle-mile.toml")
    compositor = Compositor(line, SIZE, print)
    streets = []
    for scene in line.scenes:
        for index, spec in enumerate(scene.layers):
            if spec.type == "street" and spec.params["traffic"] > 0:
                params = dict(spec.params)
                params["traffic"] = params["traffic"] if traffic is None else traffic
                setup = compositor.setup(scene, index, "street")
                streets.append((scene.name, Street(params, setup)))
    return streets


def closest_in_a_lane(street: Street) -> tuple[float, float]:
    """Over the sweep, the least road from one car's nose to the nose of the next in its lane
    (both in the picture), and when."""
    least, when = np.inf, 0.0
    for seconds in SWEEP:
        lanes: dict[float, list[float]] = defaultdict(list)
        for lane, z in places(street.traffic.cars, seconds):
            lanes[lane].append(z)
        for depths in lanes.values():
            if len(depths) > 1:
                gap = float(np.diff(sorted(depths)).min())
                if gap < least:
                    least, when = gap, seconds
    return least, when


def test_no_car_drives_into_the_one_ahead_in_its_lane() -> None:
    """In every evening street of the shipped day, as shipped and with its traffic at its
    fullest, every twentieth of a second for longer than the scene runs: any two cars in one
    lane are a car's length and some road apart (their bodies never overlap, their headlights
    never shine through the car ahead)."""
    for traffic in (None, 1.0):
        streets = shipped_streets(traffic)
        assert [name for name, _street in streets] == ["Dusk on the Miracle Mile"], \
            "the dusk street (the neon's block has cars of its own, in two lanes across it)"
        for name, street in streets:
            least, when = closest_in_a_lane(street)
            assert least >= CAR_LENGTH + CLEARANCE - SLACK, \
                f"{name} (traffic {traffic}): noses {least:.2f} apart at {when:.2f} s"


def test_a_car_coming_close_drives_out_under_the_pictures_foot() -> None:
    """The nearest a car comes before it is gone (or a car going first shows up), all of it
    (its roof, its flank's far end) is already under the picture's foot: no car pops out of
    the road, or into it, in view."""
    for _name, street in shipped_streets(1.0):
        nearest = min(z for seconds in SWEEP for _lane, z in places(street.traffic.cars, seconds))
        assert nearest >= Z_GONE - SLACK, f"a car at depth {nearest:.3f}"
        for horizon in (0.56, 0.62):  # the shipped streets' horizons, at full size
            view = Perspective(FULL, FULL[0] // 2, int(FULL[1] * horizon))
            for lane in LANES:
                whole = shells(view.middle, view.size, view.horizon, np.array([lane]),
                               np.array([Z_GONE]))[0]
                top = min(y for _x, y in whole)
                assert top >= FULL[1] - 1, f"lane {lane}: its top on row {top} of {FULL[1]}"


def test_a_cars_headlights_light_the_road_as_wide_as_the_car() -> None:
    """The pool of a car's headlights leaves the car as wide as the car (its widest is 2.2
    cars): at a quarter of that it left a narrow bright column under each car coming, and at
    dusk two cars coming drew vertical grey smears down the road."""
    from installation.visuals.car_lamps import cone
    headless()
    pool = pygame.surfarray.array3d(cone(220, 90, (255, 255, 255), True))[:, :, 0]
    near = pool[:, 2]  # the row where it leaves the car
    assert np.count_nonzero(near > 4) >= 0.35 * pool.shape[0]


def test_a_cars_headlights_are_brightest_on_the_road_ahead_of_it() -> None:
    """The pool of a car's headlights is brightest a way down the road ahead (lamps aimed at
    the road, not at the bumper): at 19:30 the road in front of a car coming was barely lit,
    a dim grey wash fading from its bumper."""
    from installation.visuals.car_lamps import cone
    headless()
    pool = pygame.surfarray.array3d(cone(220, 90, (255, 255, 255), True))[:, :, 0]
    brightest = int(np.argmax(pool.max(axis=0)))
    assert brightest >= 0.1 * pool.shape[1], brightest
    assert pool[:, 2].max() <= 0.8 * pool.max(), (pool[:, 2].max(), pool.max())
