"""At night a car passing close beside the eye reads as a car: one going away, its tail lamps
just under the picture's foot, shows their red low in the picture (on the road and over its
back), its body in the streetlights' light, not a near-black slab of roof and glass."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.cars import (
    ARCH_HALF,
    ARCHES,
    HALF_WIDTH,
    HUB_RADIUS,
    HUB_UP,
    PAINTS,
    TYRE_RADIUS,
)
from installation.visuals.street_traffic import LAMPS_UNDER

from .test_dusk_crossing import LINE, SIZE, dusk

AT = "19:31:03"  # the curator's frame: two cars passing under the camera were black ramps
LANE = 0.3  # the near lane going away
DARK = PAINTS.index((30, 30, 32))  # the darkest paint: a car even so dark reads
NEARS = (0.05, 0.15, 0.25, 0.35)  # its near end's depths: its lamps under the foot, its roof in
RED = (150, 2.0)  # a pixel is tail-lamp red: its red at least this, this many times its green
RED_PIXELS = 250  # ...and at least this many of them in the car's lower third
NEAR_BLACK = 45  # the sum of channels under which a pixel reads as black
BODY_LIT = 0.6  # at least this share of the car's pixels are lighter than that


def drawn(street: object, cars: list[tuple[float, int, float, bool]]) -> np.ndarray:
    """The street's moving part at AT over black, with `cars` alone on the road: pixels."""
    moment = parse_clock(AT)
    frame = Frame(moment, 0.0, state_at(LINE, moment))
    street.traffic.placed = lambda _s: cars  # type: ignore[attr-defined]
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    street.draw_moving(surface, frame)  # type: ignore[attr-defined]
    return pygame.surfarray.array3d(surface).astype(int)


def test_a_dark_car_going_away_close_under_the_eye_shows_red_lamps_and_a_lit_body() -> None:
    """A dark car going away with its near end at each of NEARS (its tail lamps under the
    picture's foot, its roof and glass filling the lower picture), at 19:31:03: tail-lamp red
    in the lower third of the rows it covers, and most of it lighter than near black. On main
    it was a near-black slab of roof and glass with a pale stripe, no red anywhere."""
    street, _people, _ = dusk()
    empty = drawn(street, [])
    assert LAMPS_UNDER[1] < min(NEARS) and max(NEARS) < LAMPS_UNDER[0]
    for near in NEARS:
        pixels = drawn(street, [(near, DARK, LANE, False)])
        car = (pixels != empty).any(axis=2)
        rows = np.flatnonzero(car.any(axis=0))
        assert len(rows), near
        low = rows[0] + 2 * (rows[-1] - rows[0]) // 3
        red = (pixels[..., 0] >= RED[0]) & (pixels[..., 0] >= RED[1] * pixels[..., 1])
        assert (red & car)[:, low:].sum() >= RED_PIXELS, f"{near}: no tail-lamp red"
        lit = (pixels.sum(axis=2) > NEAR_BLACK) & car
        assert lit.sum() >= BODY_LIT * car.sum(), f"{near}: {lit.sum() / car.sum():.2f} lit"


SIDEWALL_AT = 0.5  # of the way from the hub cap's rim to the tyre's: a point on the sidewall
PASSING = (-0.78, 0.3)  # a car coming in the outer lane, its near end under the foot
SIDEWALL_OVER = 15  # the sum of channels: the sidewall this much paler than the arch


def test_a_car_passing_close_shows_its_tyre_round_its_hub_cap() -> None:
    """A car coming, passing close (its flank tall in the picture): between its hub cap and
    its tyre's rim the sidewall shows, paler than the black of the arch round it (on main the
    arch was black to its hub cap, which floated in it on a black flank)."""
    street, _people, _ = dusk()
    lane, near = PASSING
    car = street.traffic.seen([lane], [near])[0]
    pixels = drawn(street, [(near, DARK, lane, False)])
    sidewall = HUB_RADIUS + SIDEWALL_AT * (TYRE_RADIUS - HUB_RADIUS)
    checked = 0
    for along in ARCHES:
        x, y = street.project(lane + HALF_WIDTH, near + along + sidewall, HUB_UP)
        x_arch, y_arch = street.project(lane + HALF_WIDTH, near + along + TYRE_RADIUS
                                        + SIDEWALL_AT * (ARCH_HALF - TYRE_RADIUS), HUB_UP)
        if not (0 <= x < SIZE[0] and 0 <= y < SIZE[1] and 0 <= x_arch < SIZE[0]):
            continue
        checked += 1
        assert car.shell and pixels[x, y].sum() >= pixels[x_arch, y_arch].sum() + SIDEWALL_OVER, \
            (along, pixels[x, y], pixels[x_arch, y_arch])
    assert checked, "(a wheel of it is in the picture)"
