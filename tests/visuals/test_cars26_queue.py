"""The cars waiting at the dusk crossing's red lights stand apart in the picture: of two lanes
side by side, the cars standing less than a car length apart never touch on the screen (side by
side, the outer car's flank ran behind the inner car's bonnet, its rear wheel on it: one car
riding on the other at every red light, 18:40 and the 20:00 dip)."""

from __future__ import annotations

import itertools

import pygame
import pytest

from installation.visuals.base import at_once
from installation.visuals.car_paint import finish
from installation.visuals.cars import CAR_LONG, draw_body
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.signal import AMBER, CYCLE, GREEN, cycle_start
from installation.visuals.street_queue import PERIOD
from installation.visuals.street_traffic import Traffic, of_street
from installation.visuals.street_view import Perspective

from .test_dusk_crossing import LINE, SIZE

LOOKS = 4.0  # real seconds between the looks at each red light
STANDS = 0.005  # world units: a car moving less over SETTLE stands
SETTLE = 0.2  # real seconds
OUTLINES: dict[tuple[float, float], pygame.mask.Mask] = {}
TOUCH = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]  # a pixel's neighbours


@pytest.fixture(scope="module")
def traffic() -> Traffic:
    """The shipped dusk street's cars and its drivers at the crossing, at SIZE."""
    headless()
    scene = next(s for s in LINE.scenes if s.name == "Dusk on the Miracle Mile")
    compositor = Compositor(LINE, SIZE, print)
    index, spec = next((n, s) for n, s in enumerate(scene.layers) if s.type == "street")
    view = Perspective(SIZE, SIZE[0] // 2, int(SIZE[1] * spec.params["horizon"]))
    cars = of_street(spec.params, compositor.setup(scene, index, spec.type), view)
    assert cars.queues is not None
    at_once(cars.queues.making())
    return cars


def reds() -> list[float]:
    """Moments LOOKS apart through every red light of a turn of the traffic (it repeats every
    PERIOD: all of dusk's, 17:00 to the 20:00 dip)."""
    out = []
    for turn in range(round(PERIOD / CYCLE) + 1):
        t = cycle_start(turn) + GREEN + AMBER + 1.0
        while t < cycle_start(turn + 1):
            out.append(t % PERIOD)
            t += LOOKS
    return out


def outline(traffic: Traffic, lane: float, z: float) -> pygame.mask.Mask:
    """The pixels one car at depth z in `lane` covers, drawn alone (a queue stands still from
    look to look: each drawn once)."""
    if (lane, z) in OUTLINES:
        return OUTLINES[lane, z]
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    draw_body(surface, traffic.seen([lane], [z])[0], finish((200, 200, 200), (90, 90, 160)),
              lane < 0)
    mask = pygame.mask.from_threshold(surface, (0, 0, 0), (1, 1, 1, 255))
    mask.invert()
    OUTLINES[lane, z] = mask
    return mask


def test_cars_side_by_side_at_a_red_light_never_touch(traffic: Traffic) -> None:
    """At every red light, any two cars standing in lanes side by side (the same way) less
    than a car length apart are apart on the screen, a pixel of road at least between them;
    and such pairs are there to see (the first of each queue beside its neighbour)."""
    pairs = 0
    for t in reds():
        later = {(n, lane): z for z, n, lane, _b in traffic.placed(t + SETTLE)}
        standing = [(z, lane) for z, n, lane, _b in traffic.placed(t)
                    if abs(later.get((n, lane), z + 1) - z) < STANDS]
        for (za, la), (zb, lb) in itertools.combinations(standing, 2):
            if la == lb or (la < 0) != (lb < 0) or abs(za - zb) >= CAR_LONG:
                continue
            pairs += 1
            a, b = outline(traffic, la, za), outline(traffic, lb, zb)
            touching = [a.overlap(b, offset) for offset in TOUCH]
            assert not any(touching), (
                f"{t:.1f} s: cars in lanes {la} and {lb} at {za:.2f} and {zb:.2f} touch")
    assert pairs >= len(reds()) // 2, f"only {pairs} pairs side by side"
