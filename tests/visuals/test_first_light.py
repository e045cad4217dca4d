"""First light comes over the run across Wilshire (05:05-05:12) and the coyote (05:12-05:15):
the low sky pales to rose and amber, brightest in the east where the sun will rise, while the
searchlights at 04:50 still burn under a night sky (once, the whole run ran under the night)."""

from __future__ import annotations

import pygame
import pytest

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import parse_clock
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.scene_layers import defaults
from installation.visuals.sky import Sky, SkyPlan

from .helpers import SHIPPED

SIZE = (480, 270)
HORIZON = 0.56  # Across Wilshire's sky
LOW = 0.03  # of the height above the horizon: the low sky looked at
EAST, WEST = 0.12, 0.9  # across the picture: where the sun will rise, and the far side
NIGHT = 90  # no channel of the low sky brighter than this: night (04:50, the searchlights)
ROSE = (150, 40)  # red at least this, and this much redder than blue (05:05)
AMBER = (200, 60)  # red at least this, and this much more red than blue (05:11)
EAST_BRIGHTER = 20  # levels (red) the east's low sky is over the west's at first light
PALER = 20  # levels (blue) the high sky is paler at 05:11 than at 05:05


@pytest.fixture(scope="module")
def sky() -> Sky:
    """Across Wilshire's sky (clear, to look at the light alone), following the hour."""
    headless()
    line = load_timeline(SHIPPED)
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], -1, "sky")
    return Sky(defaults("sky", clouds=0.0, horizon=HORIZON, stars=0.0), setup)


def plan_at(sky: Sky, clock: str) -> SkyPlan:
    line = load_timeline(SHIPPED)
    state = state_at(line, parse_clock(clock))
    return sky.plan(Frame(state.story_time, 10.0, state))


def painted(sky: Sky, clock: str) -> pygame.Surface:
    surface = pygame.Surface(SIZE)
    sky.paint(surface, plan_at(sky, clock))
    return surface


def low_sky(surface: pygame.Surface, across: float) -> tuple[int, int, int]:
    x, y = int(SIZE[0] * across), int(SIZE[1] * (HORIZON - LOW))
    return tuple(surface.get_at((x, y)))[:3]  # type: ignore[return-value]


def test_first_light_comes_rose_then_amber_after_a_night_at_the_searchlights(sky: Sky) -> None:
    night = low_sky(painted(sky, "04:50"), EAST)
    assert max(night) <= NIGHT, f"night over the searchlights at 04:50: {night}"
    rose = low_sky(painted(sky, "05:05"), EAST)
    assert rose[0] >= ROSE[0] and rose[0] - rose[2] >= ROSE[1], f"rose at 05:05: {rose}"
    amber = low_sky(painted(sky, "05:11"), EAST)
    assert amber[0] >= AMBER[0] and amber[0] - amber[2] >= AMBER[1], f"amber at 05:11: {amber}"
    assert amber[1] > rose[1], f"paler, going gold: {rose} then {amber}"


def test_the_east_is_brightest_where_the_sun_will_rise(sky: Sky) -> None:
    for clock in ("05:05", "05:08", "05:13"):
        surface = painted(sky, clock)
        east, west = low_sky(surface, EAST), low_sky(surface, WEST)
        assert east[0] >= west[0] + EAST_BRIGHTER, f"{clock}: east {east}, west {west}"


def test_the_high_sky_pales_over_the_run(sky: Sky) -> None:
    before, after = (painted(sky, clock).get_at((SIZE[0] // 2, 2)) for clock in ("05:05", "05:11"))
    assert after[2] >= before[2] + PALER, f"the zenith at 05:05 {before}, at 05:11 {after}"


def test_the_glow_rising_repaints_it_as_painted_afresh(sky: Sky) -> None:
    """The glow of first light moves up a step each story minute: painting again only where
    it changed gives the sky painted from scratch."""
    old, new = plan_at(sky, "05:08"), plan_at(sky, "05:09")
    assert old[3] is not None and new[3] is not None and old[3] != new[3], "the glow rose"
    sky.update(old)
    sky.update(new)
    fresh = pygame.Surface(SIZE)
    sky.paint(fresh, new)
    assert pygame.image.tobytes(sky.memo, "RGB") == pygame.image.tobytes(fresh, "RGB")
