"""Wilshire under ash at 07:50 reads as fallout, not a snowfall: the road is a darker
grey-brown (on main the morning's fresh ash and the sun on it made it pale cream, median 124),
the hubcap in the road lies under the ash like the ground round it (on main a dark bare disc,
a manhole the snow had melted off), and embers glow in the drifts, slowly brightening and
dimming (on main there were none)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.street_ash_embers import EMBERS, LEVELS, glowing
from installation.visuals.street_view import Perspective

from .helpers import shipped_picture
from .test_dusk_road import disc_and_ash

SIZE = (960, 540)  # (half size: the road's tone and the embers read the same)
HORIZON = 0.56  # the scene's street's horizon (timelines/miracle-mile.toml, 06:35)
ROAD = (slice(250, 700), slice(380, 500))  # (x, y) the road's ash ahead of us
ROAD_MOST = 110  # its median luminance at most (main: 124)
WARM = 8  # ...and grey-brown: its red over its blue by this much at least (burnt, not white)
DISC_NEAR = 10  # its mean luminance within this of the ash round it (main: 95 by 116)
EMBER_RED = 40  # an ember's pixel: its red over its green by this much at least (main: 14)
LUMA = np.array([0.3, 0.59, 0.11])


def frame() -> tuple[np.ndarray, Perspective]:
    """The shipped day at 07:50 (rgb, x by y) and the street's perspective at SIZE."""
    picture = shipped_picture("07:50", SIZE)
    width, height = SIZE
    return (pygame.surfarray.array3d(picture).astype(float),
            Perspective(SIZE, width // 2, int(height * HORIZON)))


def test_the_road_is_a_darker_grey_brown_and_the_hubcap_lies_under_the_ash() -> None:
    rgb, project = frame()
    road = rgb[ROAD].reshape(-1, 3)
    luminance = np.median(road @ LUMA)
    red, _green, blue = np.median(road, axis=0)
    assert luminance <= ROAD_MOST, f"the road's median {luminance:.0f}: pale, a snowfall"
    assert red >= blue + WARM, f"the road's red {red:.0f}, blue {blue:.0f}: not grey-brown"
    disc, around = disc_and_ash(rgb @ LUMA, project)
    assert abs(disc - around) <= DISC_NEAR, f"the disc {disc:.0f}, the ash by it {around:.0f}"


def test_an_ember_glows_in_the_drift() -> None:
    rgb, project = frame()
    x, z = EMBERS[3]
    ex, ey = project(x, z)
    near = rgb[ex - 3:ex + 4, ey - 3:ey + 4]
    red = (near[..., 0] - near[..., 1]).max()
    assert red >= EMBER_RED, f"at the ember ({ex}, {ey}) red over green at most {red:.0f}"


def test_each_ember_breathes_slowly() -> None:
    """Over ten real seconds each ember's brightness swells and sinks through most of its
    levels, never more than a level between two frames at 30 frames a second (a slow
    smoulder, not a blinking light)."""
    swells = (3.4, 8.1, 0.7, 2.2)
    levels = [glowing(n / 30, swells) for n in range(300)]
    assert max(levels) - min(levels) >= LEVELS // 2
    assert max(abs(b - a) for a, b in zip(levels, levels[1:], strict=False)) <= 1
