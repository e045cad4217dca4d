"""The low sun's light on Wilshire's ash rakes: it falls more on what faces it (a drift's
windward slope, lit already) than on its lee, hardly at all in the long shadow a wreck throws
away from the sun behind us, and the shadow lies beyond the wreck, not before it (an even
added wash lit slope, lee and shadow alike)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals.ash_sun import Sunbreak
from installation.visuals.ash_sun_ground import relief, shadow_mask, sun_ground
from installation.visuals.base import Frame, finished
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.street_view import Perspective

from .helpers import NO_POST, layer, timeline

SIZE = (480, 270)
GROUND = 0.565  # the light's horizon, as the shipped Wilshire under ash's
SUN = {"x": 0.53, "y": 0.0, "size": 0, "color": "#c8a584", "light": 0.3, "ground": GROUND,
       "from": "06:45", "part": "ground"}  # the shipped sun from behind us
WILSHIRE = ('[[scene]]\nat = "06:35"\nname = "Wilshire under ash"\n' + layer("sky", clouds=0)
            + layer("sunbreak", **SUN) + NO_POST + '[[scene]]\nat = "08:00"\nname = "tar"\n'
            + layer("sky", clouds=0))
LIT, LEE = (132, 124, 114), (74, 69, 64)  # a drift's windward slope and its lee
RAKES = 6  # the light on the slope: this many levels over the light on the lee at least
SHADOWED = 0.35  # in a shadow: at most this share of the light on the open ash beside it


def lit_ground() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sun's light at 07:55 added to a ground of slopes (left half lit, right half lee,
    rows alike), a shadow over the middle third of its rows' left half: (added light,
    x, y mask of the lit slope, of the shadow)."""
    headless()
    line = timeline(WILSHIRE)
    scene = line.scenes[0]
    setup = Compositor(line, SIZE, print).setup(scene, 1, "sunbreak")
    holder = finished(sun_ground(setup))
    top = round(SIZE[1] * 0.56)  # (the street's horizon: a few rows over the light's)
    width, rows = SIZE[0], SIZE[1] - top
    ground = np.empty((width, rows, 3), np.uint8)
    ground[: width // 2], ground[width // 2:] = LIT, LEE
    shadow = np.zeros((width, rows), bool)
    shadow[: width // 2, rows // 3: 2 * rows // 3] = True
    holder.expected = True
    holder.relief, holder.top = finished(relief(ground, top, shadow)), top
    sun = Sunbreak(dict(scene.layers[1].params), setup)
    surface = pygame.Surface(SIZE)
    pygame.surfarray.blit_array(surface.subsurface((0, top, width, rows)), ground)
    before = pygame.surfarray.array3d(surface).astype(int)
    at = parse_clock("07:55")
    sun.draw(surface, Frame(at, 0.0, state_at(line, at)))
    added = (pygame.surfarray.array3d(surface).astype(int) - before).mean(axis=2)[:, top:]
    lit = np.zeros_like(shadow)
    lit[: width // 2] = True
    return added, lit & ~shadow, shadow


ADDED, SLOPE, SHADOW = lit_ground()


def test_the_light_falls_more_on_the_slope_facing_the_sun_than_on_its_lee() -> None:
    rows = slice(4, SHADOW.shape[1] // 3 - 4)  # (open rows, the far road: most light)
    width = SLOPE.shape[0]
    slope = ADDED[width // 2 - 40: width // 2 - 2, rows].mean()
    lee = ADDED[width // 2 + 2: width // 2 + 40, rows].mean()
    assert slope >= lee + RAKES, f"the slope takes {slope:.1f} levels, its lee {lee:.1f}"


def test_a_shadow_takes_little_of_the_light() -> None:
    rows = SHADOW.shape[1]
    near = slice(rows // 3 + 2, rows // 3 + 8)  # (the shadow's first rows, and the open
    beside = slice(rows // 3 - 8, rows // 3 - 2)  # ash just above it: the same light)
    half = SLOPE.shape[0] // 2
    shaded, open_ = ADDED[half - 60: half - 2, near].mean(), ADDED[half - 60: half - 2, beside]
    assert shaded <= SHADOWED * open_.mean(), f"{shaded:.1f} in it, {open_.mean():.1f} by it"


def test_a_wrecks_shadow_lies_beyond_it_away_from_the_sun() -> None:
    """Its long shadow reaches up the road from the wreck (away from us), none nearer."""
    horizon = round(SIZE[1] * 0.56)
    project = Perspective(SIZE, SIZE[0] // 2, horizon)
    mask = shadow_mask(SIZE, horizon, project, [(0.3, 3.0)], 1.0)
    _, foot = project(0.3, 3.0, 0.0)
    car = np.argwhere(mask[SIZE[0] // 2:])  # (the right half: the kerb's is on the left)
    assert len(car), "no shadow"
    assert car[:, 1].max() + horizon <= foot, "a shadow nearer than the wreck"
    assert car[:, 1].min() + horizon < foot - 2, "no shadow beyond it"
