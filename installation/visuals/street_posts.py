"""The boulevard's lamp posts: a pole, a mast arm curving up and out over the road, and a
cobra-head lamp at its end with its lens underneath (bare frames read as gallows)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from installation.visuals.base import Color

Project = Callable[[float, float, float], tuple[int, int]]
POLE = (12, 12, 16)
LAMP_HEIGHT = 0.9  # the lamp's height over the road (world units), the low sun's shadows
#                   of the posts, and the cars' long shadows beside them, are cast by it
REACH = 0.3  # the arm reaches this far out over the road (world units, like the post's x)
ARM_RISE = 0.08  # the pole stops this far below the lamp; the arm curves up the rest
ARM_POINTS = 6  # the arm's curve drawn as a line through this many points
# The head about the arm's end, as (out over the road, up) in world units: a long, low shell
# with a rounded nose and a flat lens along its underside.
HEAD = ((-0.02, 0.012), (0.08, 0.01), (0.11, -0.008), (0.085, -0.028), (-0.02, -0.018))
LENS = ((0.0, -0.02), (0.085, -0.027))


def lamp_post(image: pygame.Surface, project: Project, foot: tuple[float, float],
              tall: float, lens: Color) -> None:
    """The post standing at `foot` (x across, z away; the road's middle at x 0, so the arm
    reaches towards it), its lamp `tall` above the road, the lens `lens` (the sky's light on
    the glass by day, the lamp's own when lit)."""
    x, z = foot
    inward = -1.0 if x > 0 else 1.0
    thick = max(1, int(5 / z))
    top = tall - ARM_RISE
    pygame.draw.line(image, POLE, project(x, z, 0.0), project(x, z, top), thick)
    arm = []
    for n in range(ARM_POINTS):
        t = n / (ARM_POINTS - 1)
        arm.append(project(x + inward * REACH * t, z, tall - ARM_RISE * (1 - t) ** 2))
    pygame.draw.lines(image, POLE, False, arm, thick)
    end = x + inward * REACH

    def at(out: float, up: float) -> tuple[int, int]:
        return project(end + inward * out, z, tall + up)

    pygame.draw.polygon(image, POLE, [at(*p) for p in HEAD])
    pygame.draw.line(image, lens, at(*LENS[0]), at(*LENS[1]), max(1, thick // 2))
