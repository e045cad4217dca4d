"""The steady frames of the heaviest scenes (Dusk on the Miracle Mile's long shadows, Ash and
its tower's collapse) do no work a frame that the frame before did already, and no frame
carries more than a small piece of the work kept for the light to come: what a visitor sees
is the same picture, without the hitch of a frame over its time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals import skyline as skyline_module
from installation.visuals import steady_cars, street_traffic
from installation.visuals.base import Frame
from installation.visuals.car_paint import PAINTS, Finish, finishes, paint_of
from installation.visuals.cars import Seen, draw_body
from installation.visuals.compositor import Compositor
from installation.visuals.palette import light_at
from installation.visuals.render import headless
from installation.visuals.skyline import Skyline
from installation.visuals.steady_cars import Place, StandingCars
from installation.visuals.street import Street

from .helpers import SHIPPED

SIZE = (960, 540)
DUSK = "Dusk on the Miracle Mile"
SUN = "17:15"  # the dusk scene's long shadows: its low sun, the light changing fastest
FRAMES = 90  # frames of 60 fps looked at in a row (a real second and a half)
STORY_PER_FRAME = 0.5  # story seconds from one dusk frame to the next (30 a real second)

LINE = load_timeline(SHIPPED)


def dusk_layer(kind: str) -> Any:
    """The shipped dusk scene's layer of this type, built at SIZE."""
    headless()
    scene = next(s for s in LINE.scenes if s.name == DUSK)
    compositor = Compositor(LINE, SIZE, print)
    index, spec = next((n, s) for n, s in enumerate(scene.layers) if s.type == kind)
    factory = {"street": Street, "skyline": Skyline}[kind]
    return factory(spec.params, compositor.setup(scene, index, kind))


def counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Count the calls to `module.name` (one entry a call) while it does what it did."""
    calls: list[int] = []
    real: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **keys: Any) -> Any:
        calls.append(1)
        return real(*args, **keys)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_the_cars_colours_are_not_made_again_every_frame(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """At 17:15 the daylight moves on every frame, the cars' paints' whole levels seldom: over
    a second and a half of frames their colours are worked out again only when they change
    (every frame, they were a quarter of a millisecond of each), and they are the colours
    worked out afresh for that frame (each car looks as it did)."""
    street = dusk_layer("street")
    traffic = street.traffic
    made = counting(monkeypatch, street_traffic, "finishes")
    start = parse_clock(SUN)
    changes, last = 0, None
    for n in range(FRAMES):
        story = start + n * STORY_PER_FRAME
        light = light_at(story / 3600.0)
        sky = (light.daylight, light.top, light.bottom)
        kept = traffic._finishes(sky, None)
        count = traffic.queues.count if traffic.queues is not None else len(traffic.cars)
        assert kept[True] == finishes(count, light.daylight, light.top, light.bottom), n
        key = (tuple(paint_of(n, light.daylight) for n in range(len(PAINTS))), light.top,
               light.bottom)
        changes += key != last
        last = key
    assert changes < FRAMES // 4  # (the light does hold: the test looks at something)
    assert len(made) == 2 * changes  # (coming and going: two lists each change)


def test_no_frame_paints_more_than_one_tower_block_ahead(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The skyline's blocks for the light to come are painted ahead a piece a frame: one
    block a piece (four were pieces of 1-3 ms, several frames over their time every few real
    seconds at dusk), and the towers made so are those made at once."""
    towers = dusk_layer("skyline")
    painted = counting(monkeypatch, skyline_module, "paint")
    key = towers._key_at(parse_clock(SUN))
    pieces = towers._drawn_ahead(key)
    most = 0
    while True:
        before = len(painted)
        try:
            next(pieces)
        except StopIteration as done:
            ahead: pygame.Surface = done.value[0]
            break
        finally:
            most = max(most, len(painted) - before)
    assert len(painted) > 1 and most == 1
    at_once = dusk_layer("skyline")
    frame = Frame(parse_clock(SUN), 0.0, state_at(LINE, parse_clock(SUN)))
    picture = pygame.Surface(SIZE)
    at_once.draw(picture, frame)
    again = pygame.Surface(SIZE)
    again.blit(ahead, (0, towers.top))
    shown = pygame.Surface(SIZE)
    shown.blit(at_once._shown, (0, at_once.top))
    assert pygame.image.tobytes(again, "RGB") == pygame.image.tobytes(shown, "RGB")


def test_cars_standing_at_the_lights_are_laid_down_as_they_were_drawn(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """At 17:15, as the cars stand at the lights and go again: each frame of the traffic is
    the very frame drawn car by car, while a car standing since the frame before is laid down
    as the picture of its body made then (drawn again shape by shape every frame, the cars
    were a millisecond and a half of each frame at dusk)."""
    kept, plain = dusk_layer("street"), dusk_layer("street")
    plain.traffic.standing = Plain()
    bodies = counting(monkeypatch, steady_cars, "draw_body")
    story = parse_clock(SUN)
    state = state_at(LINE, story)
    cars = 0
    for n in range(FRAMES):
        frame = Frame(story + n * STORY_PER_FRAME, 30.0 + n / 60, state)
        drawn, fresh = pygame.Surface(SIZE), pygame.Surface(SIZE)
        drawn.fill((90, 90, 96))
        fresh.fill((90, 90, 96))
        cars += len(kept.traffic.placed(frame.seconds))
        kept.draw_moving(drawn, frame)
        plain.draw_moving(fresh, frame)
        assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(fresh, "RGB"), n
    assert len(bodies) < cars * 3 // 4  # (a quarter of them or more laid down, not drawn)


class Plain(StandingCars):
    """Every car drawn shape by shape, every frame."""

    def draw(self, surface: pygame.Surface, car: Seen, colours: Finish, front: bool,
             place: Place) -> None:
        draw_body(surface, car, colours, front)
