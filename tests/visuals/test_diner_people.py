"""Johnnie's seen from the lot: the waitress works behind the counter (over it from the waist
up, never over a customer), and the customers sit in front of it, their hands on its top."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.diner import COUNTER_LIP, PEOPLE, ROOF, Diner
from installation.visuals.figures import Figures
from installation.visuals.render import headless

from .helpers import layer, one_scene

WIDE = (1920, 1080)
AT = "03:50"
DINER = dict(x=0.5, ground=0.8, scale=1.5, waitress=0.05)
MOMENTS = [n * 0.7 for n in range(24)]  # real seconds into the scene: she walks both ways
FRONT = 3  # columns at a seated customer's front: their hands
RESTING = 2  # pixels: the most a resting hand's underside is above the counter's top
ABOVE_LAP = 0.36  # of a standing height: a seated customer's arms are above this
SEEN = 8  # levels a pixel changes by where she shows (not through a customer's solid body)
SOLID = 250  # a sprite pixel this opaque, or more, is solid (its soft edge is less)


def diner() -> Diner:
    """The diner with its waitress and customers, built at WIDE."""
    headless()
    line = one_scene(layer("diner", **DINER), at=AT)
    scene = line.scenes[0]
    return Diner(scene.layers[0].params, Compositor(line, WIDE, print).setup(scene, 0, "diner"))


def frame_of(seconds: float) -> Frame:
    """The diner's scene `seconds` (real, as story) after it began."""
    line = one_scene(layer("diner", **DINER), at=AT)
    state = state_at(line, parse_clock(AT) + seconds)
    return Frame(state.story_time, seconds, state)


def moving(place: Diner, frame: Frame, waitress: bool = True) -> np.ndarray:
    """The diner's moving part drawn on black (with or without the waitress), as levels that
    subtract (int16: int64 made the test's differences of full frames 4x the memory traffic)."""
    surface = pygame.Surface(WIDE)
    kept = place.waitress
    place.waitress = kept if waitress else None
    try:
        place.draw_moving(surface, frame)
    finally:
        place.waitress = kept
    return pygame.surfarray.array3d(surface).astype(np.int16)


def customers(place: Diner, frame: Frame) -> np.ndarray:
    """Where the seated customers' sprites cover the picture (their solid pixels, not the
    soft edge that blends with what is behind)."""
    covered = np.zeros(WIDE, bool)
    for sprite, (x, y) in place.seated(frame):
        alpha = pygame.surfarray.array_alpha(sprite) >= SOLID
        covered[x:x + alpha.shape[0], y:y + alpha.shape[1]] |= alpha
    return covered


def test_the_waitress_is_behind_the_counter_and_the_customers() -> None:
    place = diner()
    assert isinstance(place.waitress, Figures) and place.patrons
    seen = 0
    for seconds in MOMENTS:
        frame = frame_of(seconds)
        shown = np.abs(moving(place, frame) -
                       moving(place, frame, waitress=False)).max(axis=2) > SEEN
        seen += shown.sum() > 0
        rows = np.nonzero(shown.any(axis=0))[0]
        if rows.size:
            assert rows.max() < place.counter.bottom, "below the counter's top: hidden by it"
        assert not (shown & customers(place, frame)).any(), (
            f"the waitress over a customer at {seconds} s")
    assert seen >= len(MOMENTS) // 2, "she is seen, over the counter"


@pytest.mark.parametrize("seconds", [0.0, 1.3, 2.6])
def test_the_customers_hands_rest_on_the_counter(seconds: float) -> None:
    place = diner()
    frame = frame_of(seconds)
    for (sprite, (_, y)), (_, feet, left, _), look in zip(
            place.seated(frame), place.patrons, place.patron_looks, strict=True):
        arms = round(feet - y - ABOVE_LAP * look.height)  # rows above the lap: arms, head
        alpha = pygame.surfarray.array_alpha(sprite)[:, :arms] > 0
        columns = np.nonzero(alpha.any(axis=1))[0]
        front = columns[:FRONT] if left else columns[-FRONT:]  # the hands reach furthest
        hand = y + max(np.nonzero(alpha[c])[0].max() for c in front)  # their underside
        top = place.counter.bottom  # the counter's lit top, from here down its lip
        assert top - RESTING <= hand <= top + round(COUNTER_LIP * place.tall), (
            f"a hand's underside {top - hand} px above the counter's top")


def test_the_glass_frame_stands_in_front_of_everyone_inside() -> None:
    """The uprights and the rail of the glass front are nearer than the people behind it:
    nobody inside is drawn over them (only the car parked in front of the glass is)."""
    place = diner()
    car = place.car.box
    crossed = 0
    for seconds in MOMENTS:
        frame = frame_of(seconds)
        drawn = moving(place, frame)
        people = customers(place, frame)
        for bar in place.bars:
            inside = drawn[bar.left:bar.right, bar.top:bar.bottom]
            clear = np.ones(inside.shape[:2], dtype=bool)
            hidden = bar.clip(car).move(-bar.left, -bar.top)
            clear[hidden.left:hidden.right, hidden.top:hidden.bottom] = False
            assert (inside[clear] == ROOF).all(), (
                f"someone inside drawn over the frame at {seconds} s")
            crossed += int(people[bar.left:bar.right, bar.top:bar.bottom].any())
    assert crossed, "someone sits behind an upright or the rail"


def test_the_waitress_is_solid_no_paler_than_the_customers() -> None:
    """Where she shows over the counter, the waitress is a body as solid as the customers in
    front of her, no paler than their grey (paler, a customer's dark head in front of her read
    as seen through her: a ghost)."""
    place = diner()
    brightness = []
    for seconds in MOMENTS:
        frame = frame_of(seconds)
        drawn = moving(place, frame)
        shown = np.abs(drawn - moving(place, frame, waitress=False)).max(axis=2) > SEEN
        brightness += list(drawn[shown].sum(axis=1))
    assert len(brightness) > 1000, "she is seen"
    assert np.median(brightness) <= sum(PEOPLE), (np.median(brightness), sum(PEOPLE))


def test_the_waitress_never_shows_over_the_parked_cars_roof() -> None:
    """She turns before the parked car: over its roof, her waist on it where the counter's top
    meets it, she read as standing up through it (or as its driver)."""
    place = diner()
    car = place.car.box
    seen = 0
    for seconds in [n * 1.5 for n in range(40)]:
        frame = frame_of(seconds)
        shown = np.abs(moving(place, frame) -
                       moving(place, frame, waitress=False)).max(axis=2) > SEEN
        seen += int(shown.any())
        assert not shown[car.left:car.right].any(), f"over the car at {seconds} s"
    assert seen > 20
