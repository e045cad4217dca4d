"""A layer's random choices: the same `look` draws the same city in two scenes; without it,
each its own; and what a curator adds (a layer, a scene) leaves the others' choices alone."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless, render_frame

from .helpers import NO_POST, draw, layer, one_scene, timeline

TWO_SCENES = """
[[scene]]
at = "12:00"
name = "Noon"
[[scene.layers]]
type = "skyline"
landmark = false
{look}
[[scene]]
at = "12:30"
name = "Evening"
[[scene.layers]]
type = "skyline"
landmark = false
{look}
"""


def skylines(look: str) -> tuple[pygame.Surface, pygame.Surface]:
    headless()
    day = timeline(TWO_SCENES.format(look=look))
    compositor = Compositor(day, (320, 180), print)
    return (render_frame(compositor, day, parse_clock("12:10")),
            render_frame(compositor, day, parse_clock("12:40")))


def outline(surface: pygame.Surface) -> list[bool]:
    """Which columns have a building reaching above the middle of the skyline band (the
    towers the look chooses: the May Company, no choice of it, is left out, `landmark = false`:
    its drum is modelled by the day's light, darker at 12:40 than at 12:10)."""
    return [surface.get_at((x, 95)).r < 60 for x in range(surface.get_width())]


def test_the_same_look_draws_the_same_city_in_two_scenes() -> None:
    first, second = skylines('look = "tar pits"')
    assert outline(first) == outline(second)


def test_without_a_look_each_scene_draws_its_own_city() -> None:
    first, second = skylines("")
    assert outline(first) != outline(second)


CROWD = layer("figures", pose="idle", body="person", count=5, spacing=0.08, speed=0,
              scale=0.3, color="#c0c0c0") + "path = [[0.6, 0.9], [0.95, 0.9]]\n"
#   (of mixed heights and clothes, at the right)
PALM = layer("silhouette", shape="palm", x=0.08, y=0.9, scale=0.5)  # at the left edge
RIGHT = (slice(320, 640), slice(0, 360))  # the crowd's half of a 640x360 frame (x, y)
AFTERNOON = """
[[scene]]
at = "12:15"
name = "Afternoon"
[[scene.layers]]
type = "skyline"
[[scene.layers]]
type = "silhouette"
"""


def pixels(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(surface)


def test_a_layer_added_before_another_leaves_its_random_choices_alone() -> None:
    """A palm added at the left, before a crowd: the crowd (its heights and clothes, chosen at
    random) stands as it stood."""
    alone = draw(one_scene(CROWD + NO_POST), "12:00:05", size=(640, 360))
    with_palm = draw(one_scene(PALM + CROWD + NO_POST), "12:00:05", size=(640, 360))
    assert (pixels(alone)[RIGHT] == pixels(with_palm)[RIGHT]).all()


def test_a_scene_added_to_the_day_leaves_the_other_scenes_alone() -> None:
    """A scene added in the afternoon (written first in the file): the evening's city is as it
    was."""
    headless()
    evening = parse_clock("12:40")
    frames = []
    for added in ("", AFTERNOON):
        day = timeline(added + TWO_SCENES.format(look=""))
        frames.append(pixels(render_frame(Compositor(day, (320, 180), print), day, evening)))
    assert (frames[0] == frames[1]).all()
