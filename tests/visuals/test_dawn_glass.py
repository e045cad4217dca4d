"""Across Wilshire at first light (05:05-05:12): the cars left in the lanes have glass, not slabs
in their body's colour (on 823e887f each cabin was one flat tan colour, the dome light mixed
into it, ringed by 2-pixel pillars: wireframes). Through a side window the inside is dark low
down and the dawn sky's reflection grows up the pane; no headrests stand dark in it (on ee6075ee
they read as black bumps on the roof at 05:07). The doors are panels of the body: an open door's
gap is no paler than the flank round it (on ee6075ee its lit seat was a pale box pasted on the
flank, x 805-850, y 653-667), and the door shut beside it has its seam and its handle."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.panic import LEFT, Panic
from installation.visuals.render import headless
from installation.visuals.stranded import (
    BODY,
    CABIN_FOOT,
    CABIN_WIDE,
    DOOR,
    HALF_WIDE,
    ROOF,
    SILL,
    Stranded,
)

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (1920, 1080)
GROUND = (128, 128, 128)
DARK = 36  # the pane's lowest third is at most this bright (0-255; 62 on 823e887f)
GRADED = 8  # its top third is at least this much brighter (0-255) than its lowest
BLACK = 9  # a headrest's pixels were at most this bright (the inside about 10-20)
BUMPS = 3  # at most this many such pixels in the cabin of the nearest car (69 on ee6075ee)
HANDLE = 12  # the handle is at least this much brighter (0-255, its brightest channel) than
# the flank's middle beside it
BACK_DOOR = (-0.12, -0.29)  # along the car: the back door's front and back seams


@cache
def drawn() -> tuple[np.ndarray, Panic]:
    """The dawn scene's stranded cars as its panic layer draws them (once), on grey (no pixel
    of the ground is as dark as the inside of a car)."""
    headless()
    line = load_timeline(SHIPPED)
    scene = state_at(line, parse_clock("05:08")).scene
    n, spec = next((n, spec) for n, spec in enumerate(scene.layers) if spec.type == "panic")
    layer = Panic(spec.params, Compositor(line, SIZE, print).setup(scene, n, "panic"))
    surface = pygame.Surface(SIZE)
    surface.fill(GROUND)
    image, place = layer.bodies
    surface.blit(image, place)
    return pygame.surfarray.array3d(surface).astype(int), layer


def nearest() -> Stranded:
    """The nearest car left in the lanes (its paint does not matter here)."""
    lane, z, yaw, door = LEFT[0]
    return Stranded(lane, z, yaw, (0, 0, 0), (0, 0, 0), door)


def test_a_side_window_is_dark_inside_and_mirrors_the_dawn_up_the_pane() -> None:
    picture, layer = drawn()
    car = nearest()
    side = HALF_WIDE if car.faces_us(0.0, 1.0) else -HALF_WIDE
    across = CABIN_WIDE[0] * side / HALF_WIDE
    along = CABIN_FOOT[0] + 0.2 * (CABIN_FOOT[1] - CABIN_FOOT[0])  # (the back door's pane)
    x, foot = layer.project(*car.point(along, across), BODY)
    _, top = layer.project(*car.point(along, across), ROOF)
    pane = picture[x, top + 2:foot - 1].mean(axis=1)
    third = len(pane) // 3
    low, high = pane[-third:].mean(), pane[:third].mean()
    assert low <= DARK, f"the pane's foot is {low:.0f} bright: not the dark inside of a car"
    assert high - low >= GRADED, f"its top {high:.0f}, its foot {low:.0f}: no reflection"


def test_no_black_bumps_stand_in_the_cabin() -> None:
    picture, layer = drawn()
    car = nearest()
    points = [layer.project(*car.point(a, s), up) for a in CABIN_FOOT
              for s in (-CABIN_WIDE[0], CABIN_WIDE[0]) for up in (BODY, ROOF)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    cabin = picture[min(xs):max(xs), min(ys):max(ys)].max(axis=2)
    dark = int((cabin <= BLACK).sum())
    assert dark <= BUMPS, f"{dark} black pixels in the cabin: bumps on its roof"


def _flank_at(along: float) -> tuple[int, int, int]:
    """Where the nearest car's side facing us is `along` the car, halfway up its flank:
    the column, the row, and its height in pixels."""
    _picture, layer = drawn()
    car = nearest()
    side = HALF_WIDE if car.faces_us(0.0, 1.0) else -HALF_WIDE
    x, low = layer.project(*car.point(along, side), SILL)
    _, top = layer.project(*car.point(along, side), BODY)
    return x, (low + top) // 2, low - top


def test_an_open_doors_gap_is_no_paler_than_the_flank_round_it() -> None:
    picture, _layer = drawn()
    hinge, edge, _swing = DOOR
    gx, gy, tall = _flank_at(edge + 0.3 * (hinge - edge))
    fx, fy, _ = _flank_at(sum(BACK_DOOR) / 2)
    half = max(2, tall // 4)
    gap = picture[gx - 2:gx + 3, gy - half:gy + half].mean()
    flank = picture[fx - 2:fx + 3, fy - half:fy + half].mean()
    assert gap <= flank + 2, f"the gap {gap:.0f} bright, the flank beside it {flank:.0f}"


def test_the_shut_door_has_its_handle_by_its_back_seam() -> None:
    picture, _layer = drawn()
    front, back = BACK_DOOR
    x0, _, tall = _flank_at(back + 0.35 * (front - back))
    x1, _, _ = _flank_at(back)
    _, top, _ = _flank_at(back)
    top -= tall // 2
    columns = picture[min(x0, x1):max(x0, x1) + 1, top:top + tall // 2].max(axis=2)
    middle = picture[min(x0, x1):max(x0, x1) + 1, top + tall // 2].max(axis=1).mean()
    assert columns.max() >= middle + HANDLE, (
        f"brightest {columns.max()} near the seam, the flank {middle:.0f}: no handle")
