"""Dusk's cars near the picture's foot read as cars: a car going away comes in from under the
foot already under way (not creeping out, its bonnet and glass a slab for most of a second);
one cut by the foot is drawn within its own outline (no pillars as thick as a door sticking
out of it in tabs); its wheels show round hub caps in their arches; one passing under the eye
has a soft sheen across its roof."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.car_details import at
from installation.visuals.car_paint import finish, paint_of
from installation.visuals.cars import (
    ARCH_POINTS,
    ARCHES,
    CAR_LONG,
    FLANK,
    HALF_WIDTH,
    HUB_POINTS,
    HUB_RADIUS,
    HUB_UP,
    LAMP_HIGH,
    NEAREST_SEEN,
    ROOF_FAR,
    SHELL,
    STRIP,
    TYRE,
    WHEELS,
    WINDOWS,
    draw_shell,
    shells,
)
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.signal import CYCLE, into_cycle
from installation.visuals.street_fleet import Z_GONE
from installation.visuals.street_queue import BEHIND, PERIOD, STEP
from installation.visuals.street_view import RISE

from .test_dusk_crossing import SHADOW_SUN, SIZE, dusk

LAMPS_SHOWN = HORIZON_T - LAMP_HIGH * RISE  # a car going away nearer than this: lamps unseen
COMING_IN = 0.45  # real seconds: from its roof's first row in the picture to its tail lamps
GREEN_START = 6.0  # real seconds: the cars that come in this soon after green set off at it
ABOVE = 2  # pixels: what a car paints lies no higher than its outline's top and this


def test_at_green_a_car_going_away_comes_in_from_under_the_foot_under_way() -> None:
    """Over the three turns of the lights the traffic repeats in, each car going away that
    comes into the picture as the lights turn green (it waited for them) shows its tail lamps
    within COMING_IN of its roof coming in (it waited just under the foot and crept out for a
    second, a slab of bonnet and glass)."""
    street, _people, _ = dusk()
    queues = street.traffic.queues
    assert queues is not None and queues.drive is not None
    drive = queues.drive
    near = BEHIND + drive.along - CAR_LONG
    came = 0
    for car in np.flatnonzero(drive.lanes > 0).tolist():
        inside = np.flatnonzero((near[car] > Z_GONE) & (near[car] < LAMPS_SHOWN))
        if not len(inside) or into_cycle(inside[0] * STEP) > GREEN_START:
            continue
        came += 1
        assert len(inside) * STEP <= COMING_IN, f"car {car} crept in: {len(inside) * STEP:.1f} s"
    assert came >= PERIOD / CYCLE, "(cars going away came in at each green)"


def test_a_car_cut_by_the_foot_is_drawn_within_its_outline() -> None:
    """A car going away coming in from under the picture's foot, drawn at its depths over
    black: nothing it paints lies above the top of its outline (the highest of its points in
    front of the eye); its pillars were as thick as its flank under the foot, drawn as tabs
    and slabs over the road beyond it."""
    street, _people, _ = dusk()
    traffic = street.traffic
    for z in np.arange(Z_GONE, HORIZON_T, 0.05).tolist():
        traffic.placed = lambda _s, z=z: [(z, 2, 0.3, False)]  # type: ignore
        surface = pygame.Surface(SIZE)
        surface.fill((0, 0, 0))
        traffic.draw(surface, 0.0, 0.0, (SHADOW_SUN, (40, 40, 100), (230, 100, 80)))
        painted = np.flatnonzero(pygame.surfarray.array3d(surface).max(axis=(0, 2)) > 0)
        tops = [street.project(0.3 - across, z + along, up)[1] for across, along, up in SHELL
                if z + along > NEAREST_SEEN]
        if len(painted):
            assert painted[0] >= min(tops) - ABOVE, f"at {z:.2f}: row {painted[0]} over " \
                                                     f"its top {min(tops)}"


def test_a_near_car_shows_round_hub_caps_in_its_wheel_arches() -> None:
    """A car coming, its near end at the picture's foot, over black: at its near wheel the
    flank shows a hub cap lighter than the tyre round it, as tall as it is long on the flank
    (a round cap), reaching well up the tyre (the old caps, low slots, read as vents)."""
    street, _people, _ = dusk()
    traffic = street.traffic
    lane, z = -0.3, HORIZON_T
    traffic.placed = lambda _s: [(z, 0, lane, False)]  # type: ignore
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    traffic.draw(surface, 0.0, 0.0, (SHADOW_SUN, (40, 40, 100), (230, 100, 80)))
    pixels = pygame.surfarray.array3d(surface).astype(int)
    hub = finish((58, 60, 66), (0, 0, 0)).hub
    side = lane + HALF_WIDTH
    for up in (HUB_UP - 0.8 * HUB_RADIUS, HUB_UP, HUB_UP + 0.8 * HUB_RADIUS):
        x, y = street.project(side, z + ARCHES[0], up)
        assert sum(pixels[x, y]) > sum(TYRE) + 30, (up, pixels[x, y], hub)



def test_the_flanks_strip_stops_at_the_wheels_and_their_arches_catch_the_light() -> None:
    """A near car's flank over black, its colours each their own: where the strip along the
    flank meets a wheel, the wheel is drawn (the strip ran through the hub caps, which read as
    silver ovals floating on a line, 19:31:03), and the arch's top edge is a lip in the
    shoulder's colour (a dark tyre in a dark flank showed nothing of the wheel at night)."""
    view = dusk()[0].traffic.view
    colours = finish((58, 60, 66), (0, 0, 0))._replace(
        strip=(0, 255, 0), shoulder=(255, 255, 0), hub=(255, 0, 255))
    shell = shells(view.middle, view.size, view.horizon, np.array([-0.3]), np.array([0.8]))[0]
    surface = pygame.Surface(SIZE)
    draw_shell(surface, shell, colours)
    pixels = pygame.surfarray.array3d(surface)
    (x0, y0), (x1, y1) = shell[STRIP], shell[STRIP + 1]
    for wheel in (WHEELS, WHEELS + ARCH_POINTS + HUB_POINTS):
        arch = shell[wheel:wheel + ARCH_POINTS]
        x = round(sum(px for px, _ in arch) / len(arch))
        y = round(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
        assert tuple(pixels[x, y]) != (0, 255, 0), f"the strip across the wheel at {x, y}"
        (ax, ay), (bx, by) = arch[2], arch[3]  # the arch's top edge
        top = pixels[(ax + bx) // 2, (ay + by) // 2]
        assert tuple(top) == (255, 255, 0), f"no lip on the arch: {top}"



OPENING = 3.0  # real seconds: the start of the scene looked at (17:00:00 to about 17:01:30)
LOOKED_AT = (0.5, 0.75)  # ...of which 17:00:15 to 17:00:22 (the curator's frames)
NEAR_FOOT = 3.0  # world units: a car going away this near is close under the picture's foot
MOST_EMPTY = 1.0  # real seconds: the near lanes going away are never empty longer


def test_the_scene_opens_with_cars_going_away_near_the_foot() -> None:
    """Every tenth of a second over the dusk scene's first real seconds, a car going away is
    near the picture's foot, drawing away (never none for over MOST_EMPTY; at 17:00:15 to
    17:00:22 always one): the scene opened on the first second of green, the lanes going
    away empty while the cars waiting behind the eye pulled away, only the queue coming
    creeping forward."""
    street, _people, _ = dusk()
    empty = 0.0
    for seconds in np.arange(0.0, OPENING, 0.1).tolist():
        going = [(z, lane) for z, _n, lane, _b in street.traffic.placed(seconds)
                 if lane > 0 and Z_GONE < z < NEAR_FOOT]
        later = {lane: z for z, _n, lane, _b in street.traffic.placed(seconds + 0.1)}
        moving = any(later.get(lane, z) > z for z, lane in going)
        empty = 0.0 if moving else empty + 0.1
        assert empty <= MOST_EMPTY + 1e-6, f"{seconds:.1f} s: no car going away near the foot"
        assert moving or not LOOKED_AT[0] <= seconds <= LOOKED_AT[1], f"{seconds:.1f} s"


ROOF_STEP_MOST = 24  # the sum of channels: the roof's sheen steps no more than this at once
ROOF_SHEEN = 30  # ...and its brightest is this much over its far side


def test_a_car_passing_under_the_eye_has_a_soft_sheen_across_its_roof() -> None:
    """A red car coming, its near end nearly under the eye, in the dusk light: across its roof
    the light rises softly to its rounded edge towards us, in no step over ROOF_STEP_MOST (one
    hard band of it read as a stripe painted along a purple mattress at 18:00:33; here it
    stepped 39 at once)."""
    view = dusk()[0].traffic.view
    colours = finish((84, 30, 28), (40, 40, 50), (70, 50, 100), (230, 120, 80))
    shell = shells(view.middle, view.size, view.horizon, np.array([-0.78]), np.array([0.6]))[0]
    surface = pygame.Surface(SIZE)
    draw_shell(surface, shell, colours, front=True)
    pixels = pygame.surfarray.array3d(surface).astype(int).sum(axis=-1)
    roof = [shell[ROOF_FAR], shell[WINDOWS + 1], shell[WINDOWS + 2], shell[ROOF_FAR + 1]]
    across = [at(roof, share, 0.5) for share in np.linspace(0.06, 0.94, 48).tolist()]
    light = np.array([pixels[x, y] for x, y in across])
    far = np.median(light[:len(light) // 4])
    assert light.max() >= far + ROOF_SHEEN, f"no sheen: {light.tolist()}"
    steps = np.abs(np.diff(light))
    assert steps.max() <= ROOF_STEP_MOST, f"a hard band: {light.tolist()}"


ARCH_SHOWS = 25  # the sum of channels: a black car's flank this much over its arches' black


def test_a_black_cars_wheels_show_dark_in_its_flank_at_dusk() -> None:
    """A black car going away at dusk, close (as at 17:00:03): its glossy flank, mirroring a
    little of the sky, is lighter than the black of its arches and its tyres' rims by
    ARCH_SHOWS, so both wheels read in it (its flank was the tyres' black: only a hub cap and
    one arch's lip showed)."""
    view = dusk()[0].traffic.view
    colours = finish(*paint_of(4, 0.8), (70, 80, 140), (150, 110, 110))
    shell = shells(view.middle, view.size, view.horizon, np.array([0.78]), np.array([1.6]))[0]
    surface = pygame.Surface(SIZE)
    draw_shell(surface, shell, colours)
    pixels = pygame.surfarray.array3d(surface).astype(int).sum(axis=-1)
    flank = pixels[at(shell[FLANK:FLANK + 4], 0.42, 0.5)]
    assert flank >= sum(TYRE) + ARCH_SHOWS, f"flank {flank}, tyre {sum(TYRE)}"
