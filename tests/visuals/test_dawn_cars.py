"""Across Wilshire at first light, people run behind the cars left in the lanes, not through
them: the car nearer than a runner's feet stays whole over them (at 05:08:56 two runners on the
far side of the road were drawn over the nearest car, their legs across its hood)."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

from .helpers import shipped_program

SIZE = (1920, 1080)
DAWN = "Across Wilshire at first light"
BEHIND = ("05:07:28", "05:08:56", "05:10:25")  # runners from the far doorway behind the car
CAR: tuple[int, int, int, int] = (0, 255, 0, 255)  # the cars, painted plain to see them kept
SEEN = 100  # pixels of a car a runner's drawing would cover, at least: a real overlap


@pytest.fixture(scope="module")
def far_runners() -> tuple[Figures, Compositor]:
    """The first figures layer of the scene: people running left from the far doorway, across
    the road behind the stranded cars."""
    headless()
    program = shipped_program()
    compositor = Compositor(program.timeline, SIZE, print, program.clock)
    scene = next(one for one in program.timeline.scenes if one.name == DAWN)
    n, spec = next((n, spec) for n, spec in enumerate(scene.layers) if spec.type == "figures")
    return Figures(spec.params, compositor.setup(scene, n, "figures")), compositor


def nearest_car(layer: Figures) -> tuple[pygame.Surface, int]:
    """The nearest stranded car painted plain, and the row of its nearest foot."""
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    assert layer.parked is not None, "the stranded cars are known to the runners"
    car = max(layer.parked.outlines, key=lambda car: max(car.foot[car.first : car.last + 1]))
    shape = car.shape.copy()
    shape.fill(CAR, special_flags=pygame.BLEND_RGBA_MULT)
    surface.blit(shape, car.box)
    return surface, max(car.foot[car.first : car.last + 1])


@pytest.mark.parametrize("clock", BEHIND)
def test_a_car_stays_whole_over_whoever_runs_behind_it(
    far_runners: tuple[Figures, Compositor], clock: str
) -> None:
    layer, _ = far_runners
    program = shipped_program()
    state = state_at(program.timeline, parse_clock(clock), program.clock)
    surface, foot = nearest_car(layer)
    before = pygame.mask.from_threshold(surface, CAR[:3], (1, 1, 1, 255))
    layer.draw(surface, Frame(state.story_time, state.scene_seconds, state))
    after = pygame.mask.from_threshold(surface, CAR[:3], (1, 1, 1, 255))
    covered = 0
    for member in layer.members(Frame(state.story_time, state.scene_seconds, state)):
        whole, at = layer.sprites.get(
            member.pose, member.phase, member.left, member.look, member.turn
        )
        sprite, feet = layer.depth.sized(whole, at, member.share)
        place = (round(member.feet[0] - feet[0]), round(member.feet[1] - feet[1]))
        assert member.feet[1] < foot, f"{clock}: all of them on the far side of the road"
        covered += before.overlap_area(pygame.mask.from_surface(sprite), place)
    assert covered >= SEEN, f"{clock}: somebody runs behind the car"
    assert after.count() == before.count(), (
        f"{clock}: {before.count() - after.count()} pixels of a car drawn over by a runner "
        "behind it"
    )
