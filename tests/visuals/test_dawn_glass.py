"""Across Wilshire at first light (05:05-05:12): the cars left in the lanes have glass, not slabs
in their body's colour (on 823e887f each cabin was one flat tan colour, the dome light mixed
into it, ringed by 2-pixel pillars: wireframes). Through a side window the inside is dark low
down, the dawn sky's reflection grows up the pane, and the front seats' headrests show dark
against the far windows."""

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
from installation.visuals.stranded import BODY, CABIN_FOOT, CABIN_WIDE, HALF_WIDE, ROOF, Stranded

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
SIZE = (1920, 1080)
GROUND = (128, 128, 128)
DARK = 36  # the pane's lowest third is at most this bright (0-255; 62 on 823e887f)
GRADED = 8  # its top third is at least this much brighter (0-255) than its lowest
HEADREST = 9  # a headrest's pixels are at most this bright (the inside about 10-20)
HEADREST_PIXELS = 12  # at least this many of them in the cabin of the nearest car


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


def test_the_front_seats_headrests_show_through_the_glass() -> None:
    picture, layer = drawn()
    car = nearest()
    points = [layer.project(*car.point(a, s), up) for a in CABIN_FOOT
              for s in (-CABIN_WIDE[0], CABIN_WIDE[0]) for up in (BODY, ROOF)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    cabin = picture[min(xs):max(xs), min(ys):max(ys)].max(axis=2)
    dark = int((cabin <= HEADREST).sum())
    assert dark >= HEADREST_PIXELS, f"{dark} headrest pixels in the cabin"
