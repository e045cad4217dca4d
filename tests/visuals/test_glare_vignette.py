"""The noon glare's warm light is laid over the finished frame: the vignette darkens the
scenes under it, never the light (greyed at the corners, the glare read dirty)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import Timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.transitions import GLARE_COLOR, weights

from .helpers import SIZE, layer, timeline

DARK = layer("sky", top="#000000", bottom="#000000", stars=0, sun=False, clouds=0)
VIGNETTE = layer("post", grain=0, vignette=1)


def glare() -> Timeline:
    """A 2 s glare between two black scenes, each under a strong vignette."""
    return timeline(f"[[scene]]\nat = \"12:00\"\nname = \"night\"\n{DARK}{VIGNETTE}"
                    f"[[scene]]\nat = \"13:00\"\nname = \"noon\"\n"
                    f"transition = {{ type = \"glare\", seconds = 2 }}\n{DARK}{VIGNETTE}")


def frame_at(line: Timeline, seconds: float) -> np.ndarray:
    headless()
    compositor = Compositor(line, SIZE, print)
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state_at(line, parse_clock("13:00") + seconds))
    return pygame.surfarray.array3d(surface).astype(int)


def test_the_glare_s_light_is_as_bright_in_the_corners_as_in_the_middle() -> None:
    """At the glare's height, over black, every pixel is the warm light alone: the corners
    within two levels of the middle, and of the light's share of GLARE_COLOR."""
    line = glare()
    for seconds in (0.6, 1.0, 1.4):
        frame = frame_at(line, seconds)
        middle = frame[SIZE[0] // 2, SIZE[1] // 2]
        light = np.array(GLARE_COLOR) * weights("glare", seconds / 2)[2]
        assert np.abs(middle - light).max() <= 2, seconds
        for corner in (frame[0, 0], frame[-1, 0], frame[0, -1], frame[-1, -1]):
            assert np.abs(corner - middle).max() <= 2, (seconds, corner, middle)


def test_the_vignette_is_back_once_the_glare_has_gone() -> None:
    """After the glare the scene's own vignette darkens its corners as before (a grey
    picture: the corners darker than the middle)."""
    grey = layer("sky", top="#808080", bottom="#808080", stars=0, sun=False, clouds=0)
    line = timeline(f"[[scene]]\nat = \"12:00\"\nname = \"night\"\n{grey}{VIGNETTE}"
                    f"[[scene]]\nat = \"13:00\"\nname = \"noon\"\n"
                    f"transition = {{ type = \"glare\", seconds = 2 }}\n{grey}{VIGNETTE}")
    frame = frame_at(line, 3.0)
    assert frame[0, 0].max() < frame[SIZE[0] // 2, SIZE[1] // 2].min() - 30
