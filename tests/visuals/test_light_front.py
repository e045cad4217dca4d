"""The light wipe's front: the sun's light falling from the sky down over the land, its edge
ragged as the clouds', never one geometric curve (an arc, a planet's limb, a rainbow)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from installation.core.config import load_config
from installation.core.program import Program
from installation.core.timeline import load_timeline
from installation.core.timeutil import parse_clock
from installation.visuals.light_wipe import LightWipe, light_profile
from installation.visuals.render import headless, snapshot

from .helpers import NO_POST, draw, layer, timeline

SCREEN = (1920, 1080)
SMALL = (640, 360)
ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "timelines" / "miracle-mile.toml"
ARC_MOST = 0.03  # of the height: a circle fitted to the light's edge misses it by at least
# this much (root mean square): a ragged edge, not an arc (on main's front: ~0.01)
EDGE = 12  # levels: a pixel where red and blue are this near lies on the edge
TOP, FOOT = 0.08, 0.08  # shares of the height: the sky's top rows, the near ground's
EARLY = "10:32:40"  # under half way through the wipe at 10:30 (12 s: ~5.7 story minutes)
BAND = 0.03  # of the height: the fresh light is at least half its brightest over this


def red_to_blue() -> pygame.Surface:
    """Half way through a light wipe from a red sky to a blue one, on the screen."""
    red, blue = (layer("sky", top=color, bottom=color, stars=0, sun=False, clouds=0)
                 for color in ("#800000", "#000080"))
    line = timeline(f"[[scene]]\nat = \"12:00\"\nname = \"red\"\n{red}{NO_POST}"
                    f"[[scene]]\nat = \"13:00\"\nname = \"blue\"\n"
                    f"transition = {{ type = \"light-wipe\", seconds = 10 }}\n{blue}{NO_POST}")
    return draw(line, "13:00:05", size=SCREEN)


def circle_miss(points: np.ndarray) -> float:
    """How far (root mean square, pixels) the points (n, 2) lie from the circle fitted to
    them by least squares (x^2 + y^2 + a x + b y + c = 0; a straight line is a circle too,
    a very large one)."""
    x, y = points[:, 0].astype(float), points[:, 1].astype(float)
    scale = max(np.ptp(x), np.ptp(y), 1.0)
    x, y = (x - x.mean()) / scale, (y - y.mean()) / scale  # well conditioned
    fit, *_ = np.linalg.lstsq(np.stack([x, y, np.ones_like(x)], axis=1), -(x * x + y * y),
                              rcond=None)
    centre = -fit[:2] / 2
    radius = np.sqrt(max(float(centre @ centre - fit[2]), 0.0))
    return float(np.sqrt(np.mean((np.hypot(x - centre[0], y - centre[1]) - radius) ** 2))
                 * scale)


def test_the_lights_edge_is_ragged_not_an_arc() -> None:
    """Half way, the edge between the morning and the night (where red and blue are mixed
    alike) is no circle's arc: a circle fitted to it misses it by ARC_MOST of the height or
    more (the front from a slant and a slow swell lay within ~10 px of one: a curved bright
    edge, like a planet's limb or a rainbow)."""
    rgb = pygame.surfarray.array3d(red_to_blue()).astype(int)
    edge = np.argwhere((np.abs(rgb[:, :, 0] - rgb[:, :, 2]) < EDGE)
                       & (rgb[:, :, 0] > 0x20) & (rgb[:, :, 2] > 0x20))
    assert len(edge) > SCREEN[0] // 2, len(edge)  # the edge runs across the picture
    miss = circle_miss(edge)
    assert miss > ARC_MOST * SCREEN[1], miss


@pytest.mark.parametrize("at", ["13:00:04", "13:00:05", "13:00:06"])
def test_the_light_reaches_the_whole_sky_before_the_near_ground(at: str) -> None:
    """Part way, in every column the top of the picture (the sky) is already the arriving
    scene's (blue) and the foot (the near ground) still the one being left's (red): the light
    falls from the sky over all of it, the far things lit first and the near last (from one
    side, the sky's far side and the ground's near side were lit together)."""
    red, blue = (layer("sky", top=color, bottom=color, stars=0, sun=False, clouds=0)
                 for color in ("#ff0000", "#0000ff"))
    line = timeline(f"[[scene]]\nat = \"12:00\"\nname = \"red\"\n{red}{NO_POST}"
                    f"[[scene]]\nat = \"13:00\"\nname = \"blue\"\n"
                    f"transition = {{ type = \"light-wipe\", seconds = 10 }}\n{blue}{NO_POST}")
    rgb = pygame.surfarray.array3d(draw(line, at, size=SMALL)).astype(int)
    top, foot = rgb[:, :int(TOP * SMALL[1])], rgb[:, -int(FOOT * SMALL[1]):]
    assert np.all(top[:, :, 2] > top[:, :, 0]), at  # blue all along the top
    assert np.all(foot[:, :, 0] > foot[:, :, 2]), at  # red all along the foot


def test_the_morning_comes_down_over_the_whole_sky_of_the_tar_pits() -> None:
    """In the shipped day, under half way into the light wipe at 10:30, the top of the
    picture is the morning's blue-grey sky all across, over the night's warm ash still on
    the ground and the tar (the light came in from the left: the right of the sky was still
    the ash's)."""
    program = Program(load_config(ROOT / "config.toml"), load_timeline(SHIPPED))
    rgb = pygame.surfarray.array3d(snapshot(program.timeline, parse_clock(EARLY), SMALL,
                                            program.clock, print)).astype(int)
    top = rgb[:, :int(TOP * SMALL[1])]
    assert np.all(top[:, :, 2] > top[:, :, 0]), float(np.mean(top[:, :, 2] > top[:, :, 0]))
    foot = rgb[:, -int(FOOT * SMALL[1]):]
    assert np.mean(foot[:, :, 0] > foot[:, :, 2]) > 0.9  # the warm night below


def test_the_fresh_light_is_a_broad_wash_not_a_thin_bright_line() -> None:
    """Behind its edge the fresh light is at least half its brightest over BAND of the
    picture's height (~32 px at 1080p): sunlight laid over what it has just reached, not a
    bright streak along the edge."""
    headless()
    height = SCREEN[1]
    across = np.arange(-height // 4, height // 2)
    light = light_profile(across, height, 0.0)
    assert (light >= light.max() / 2).sum() >= BAND * height, (light >= light.max() / 2).sum()
    wipe = LightWipe(SCREEN, 0)
    assert 0 < wipe.strength(0.5) <= 1.0
