"""Dusk's light steps: when the street takes a new light (about every three story minutes, a
street built ahead swapped in), the frame paints again only the ground and the boxes round the
buildings, never the open sky over them: painting the whole picture again in that one frame
cost ~5 dropped frames' worth of work every few real seconds at dusk."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.background import Background
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.street import Street
from installation.visuals.street_light import key_at

from .helpers import NO_POST, SIZE, built_in_frames, layer, one_frame, one_scene

DUSK = (layer("sky", stars=0, clouds=0) + layer("street", horizon=0.62, traffic=0.8, wet=False)
        + NO_POST)  # the shipped 17:00 street over its sky
STEP = 0.5  # story seconds a frame, as the shipped clock plays dusk (a story minute in 2 s)
MOST_PAINTED = 0.75  # of the picture painted again on the frame the light steps (all: 1.0)
OPEN_SKY = (SIZE[0] // 2, SIZE[1] // 10)  # high over the vanishing point: no building there
SHOWN = (1920, 1080)  # the pieces a street is built ahead in are as many as at the show's size


def test_a_light_step_paints_the_ground_and_buildings_again_not_the_sky(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Over a step of the street's light (17:43:30 on), the step's frame paints well under
    the whole picture and nowhere in the open sky, and every frame equals a fresh drawing."""
    headless()
    line = one_scene(DUSK, at="17:00")
    compositor, surface = Compositor(line, SIZE, print), pygame.Surface(SIZE)
    start = parse_clock("17:43:30")
    compositor.draw(surface, state_at(line, start))  # (the first frame paints it all)
    painted: list[pygame.Rect] = []
    paint = Background._paint

    def noted(self: Background, layers: object, frames: object, draw: object,
              area: pygame.Rect | None) -> None:
        painted.append(pygame.Rect((0, 0), SIZE) if area is None else area)
        paint(self, layers, frames, draw, area)  # type: ignore[arg-type]

    monkeypatch.setattr(Background, "_paint", noted)
    moment = start
    while key_at(moment + STEP) == key_at(start):
        moment += STEP
        compositor.draw(surface, state_at(line, moment))
    painted.clear()
    moment += STEP
    compositor.draw(surface, state_at(line, moment))  # the light steps
    share = sum(area.width * area.height for area in painted) / (SIZE[0] * SIZE[1])
    assert painted and share < MOST_PAINTED, f"{share:.0%} of the picture painted again"
    assert not any(area.collidepoint(OPEN_SKY) for area in painted)
    monkeypatch.undo()
    for _ in range(3):  # the step's frame and a few after, as a fresh compositor draws them
        fresh = one_frame(line, SIZE, state_at(line, moment))
        assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(fresh, "RGB")
        moment += STEP
        compositor.draw(surface, state_at(line, moment))


def test_two_light_steps_26_story_seconds_apart_are_both_built_ahead(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """At 17:44:34.5 the horizon's tint steps, at 17:45:00.5 the low sun's glare: each street
    is swapped in built ahead (a piece a frame, the second was not ready in the 52 frames
    between and was built all at once inside a frame, ~50 ms at 1920x1080)."""
    headless()
    line = one_scene(DUSK, at="17:00")
    compositor, surface = Compositor(line, SHOWN, print), pygame.Surface(SHOWN)
    start, end = parse_clock("17:44:00"), parse_clock("17:45:10")
    compositor.draw(surface, state_at(line, start))  # (the first frame builds it)
    built, _last = built_in_frames(monkeypatch, compositor, surface, line, (start, end, STEP), (
        Street, "_build", "the street was built all at once inside a frame"))
    assert built == []
    assert len({key_at(start + n * STEP) for n in range(int((end - start) / STEP))}) == 3
