"""A layer's `look`: the same name draws the same city in two scenes; without it, each its own."""

from __future__ import annotations

import pygame

from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless, render_frame

from .helpers import timeline

TWO_SCENES = """
[[scene]]
at = "12:00"
name = "Noon"
[[scene.layers]]
type = "skyline"
{look}
[[scene]]
at = "12:30"
name = "Evening"
[[scene.layers]]
type = "skyline"
{look}
"""


def skylines(look: str) -> tuple[pygame.Surface, pygame.Surface]:
    headless()
    day = timeline(TWO_SCENES.format(look=look))
    compositor = Compositor(day, (320, 180), print)
    return (render_frame(compositor, day, parse_clock("12:10")),
            render_frame(compositor, day, parse_clock("12:40")))


def outline(surface: pygame.Surface) -> list[bool]:
    """Which columns have a building reaching above the middle of the skyline band."""
    return [surface.get_at((x, 95)).r < 60 for x in range(surface.get_width())]


def test_the_same_look_draws_the_same_city_in_two_scenes() -> None:
    first, second = skylines('look = "tar pits"')
    assert outline(first) == outline(second)


def test_without_a_look_each_scene_draws_its_own_city() -> None:
    first, second = skylines("")
    assert outline(first) != outline(second)
