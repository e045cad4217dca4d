"""The fires after the flash hide what stands behind their bright flames (only added to the
picture, a burning tower's lit windows showed through them as pale squares, and a flame
crossing a tower's edge changed colour along it: saturated over the dark tower, washed out over
the sky)."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, layer, one_scene

SIZE = (960, 540)
SMOKE = layer("smoke", columns=4, ground=0.8, height=0.75, wind=0.45, color="#1e1614",
              amount=0.9, size=1.3)  # the flash's (timelines/miracle-mile.toml)


@cache
def frame_over(ground: str) -> np.ndarray:
    """The flash's fires at 05:17 over a plain `ground` (x, y, rgb), drawn once a process
    (both tests look at both grounds; read-only)."""
    headless()
    sky = layer("sky", top=ground, bottom=ground, stars=0, sun=False, clouds=0)
    line = one_scene(sky + SMOKE + NO_POST, at="05:15")
    surface = pygame.Surface(SIZE)
    compositor = Compositor(line, SIZE, lambda _message: None)
    compositor.draw(surface, state_at(line, parse_clock("05:17")))
    frame = pygame.surfarray.array3d(surface).astype(int)
    frame.flags.writeable = False
    return frame


def test_the_flames_bright_body_hides_what_is_behind_it() -> None:
    dark, light = frame_over("#181818"), frame_over("#686868")  # 80 levels apart
    body = (dark[..., 0] >= 250) & (dark[..., 1] >= 200)  # the flames' hot body
    assert body.sum() > 200, f"{body.sum()} pixels of flame body"
    # Added, its blue (well under 255) rose by the ground's 80 levels; hidden, by far less.
    shown = (light[..., 2] - dark[..., 2])[body]
    assert float(np.median(shown)) < 20, float(np.median(shown))


def test_the_ground_beside_the_flames_is_untouched() -> None:
    dark, light = frame_over("#181818"), frame_over("#686868")
    far = (dark.sum(axis=2) <= 3 * 0x18 + 3) & (light.sum(axis=2) >= 3 * 0x68 - 3)
    assert far.mean() > 0.2  # most of the picture is the plain ground on both
