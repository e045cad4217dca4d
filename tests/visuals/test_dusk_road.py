"""The boulevard close to, as a visitor sees it: a car of the dusk traffic is a body in the
street's perspective (its roof catching the sky over its flank in the shade, dark wheels in
their arches), the near road at dusk is asphalt with a life of its own (grain, worn lanes, the
low sun's glare), and under the ash a disc of iron or steel in the road is no brighter than
the ash round it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline, state_at
from installation.core.timeutil import format_clock, parse_clock
from installation.visuals.base import Frame
from installation.visuals.cars import (
    ARCH_HALF,
    ARCH_UP,
    ARCHES,
    BODY,
    HALF_WIDTH,
    ROOF,
    ROOF_FROM,
    ROOF_TO,
    SILL,
)
from installation.visuals.roadmarks import MANHOLE
from installation.visuals.street import Street
from installation.visuals.street_asphalt import SUN_COLUMN
from installation.visuals.street_fleet import LOOP, Z_GONE, Car

from .drawn_once import in_a_row
from .helpers import NO_POST, layer, one_scene, timeline
from .test_street import SIZE, street
from .test_street import still as dusk_still
from .test_street_burnt import STREETS, built
from .test_street_burnt import still as burnt_still

LANE, NEAR = 0.78, 1.6  # a car going away in the outer right lane, its near end this far
ROOF_OVER = 40  # the sum of channels: its roof lighter than its flank by this much at least
WHEEL_UNDER = 25  # ...its wheel's arch darker than its flank by this much at least
ROWS_VARY = 12  # the sum of channels: the near road's rows vary along them by this much
GLARE_OVER = 15  # ...and under the low sun a row is brighter by this much than off it
HUBCAP = (-0.42, 1.05, 0.05)  # the hubcap in the ash (street_ash_debris): across, along, radius


def brightness(pixels: np.ndarray) -> np.ndarray:
    """The sum of channels."""
    return pixels.sum(axis=-1)


def one_car(clock: str) -> tuple[np.ndarray, Street]:
    """The dusk street's moving part with one car going away at NEAR in LANE, over black."""
    built_street = street(traffic=1.0)
    built_street.traffic.cars = [Car(LANE, 0.0, (NEAR - Z_GONE) / LOOP)]  # (standing)
    line = one_scene(layer("street", traffic=1.0) + NO_POST, at="17:00")
    moment = parse_clock(clock)
    surface = pygame.Surface(SIZE)
    surface.fill((0, 0, 0))
    built_street.draw_moving(surface, Frame(moment, 0.0, state_at(line, moment)))
    return brightness(pygame.surfarray.array3d(surface).astype(int)), built_street


def test_a_dusk_car_has_a_lit_roof_over_a_darker_flank_and_dark_wheels() -> None:
    """At 17:40 a car going away shows more than its back: its roof (lit by the sky) runs
    back from its rear window over a flank in the shade, and a wheel sits dark in its arch
    under the flank, the whole body drawn in the street's perspective."""
    pixels, built_street = one_car("17:40")
    z = NEAR
    project = built_street.project
    middle = (ROOF_FROM + ROOF_TO) / 2
    roof = pixels[project(LANE, z + middle, ROOF)]
    flank = pixels[project(LANE - HALF_WIDTH, z + middle, (SILL + BODY) / 2)]
    wheel = pixels[project(LANE - HALF_WIDTH, z + ARCHES[1] + 0.55 * ARCH_HALF,
                           SILL + 0.5 * ARCH_UP)]  # (in the arch, beside the hub)
    assert roof >= flank + ROOF_OVER, f"roof {roof}, flank {flank}"
    assert wheel + WHEEL_UNDER <= flank, f"wheel {wheel}, flank {flank}"


def test_the_near_road_at_dusk_is_textured_and_takes_the_low_suns_glare() -> None:
    """At 17:30 the road's near rows (below the crossing, and between the stop line and the
    lower third's top) vary in brightness along them: the asphalt's grain, its worn lanes and
    its patches, not one flat band; and under the low sun (to the right) the road is brighter
    than on the left of the same row."""
    built_street = street()
    pixels = brightness(dusk_still(built_street, "17:30"))
    project = built_street.project
    manhole = range(project(MANHOLE[0] - 2 * MANHOLE[2], MANHOLE[1])[0],
                    project(MANHOLE[0] + 2 * MANHOLE[2], MANHOLE[1])[0])
    for z in (0.58, 0.66, 1.3, 1.8):
        row = project(0.0, z)[1]
        left, right = (max(0, project(side * 0.95, z)[0]) for side in (-1, 1))
        right = min(SIZE[0], right)
        cols = [c for c in range(left, right) if c not in manhole]
        values = pixels[cols, row]
        spread = np.percentile(values, 95) - np.percentile(values, 5)
        assert spread >= ROWS_VARY, f"row {row} (depth {z}): spread {spread}"
    for z in (0.66, 1.3):
        row = project(0.0, z)[1]
        sun = int(SIZE[0] * SUN_COLUMN)
        shade = SIZE[0] - sun
        lit = np.median(pixels[sun - 8:sun + 8, row])
        dark = np.median(pixels[shade - 8:shade + 8, row])
        assert lit >= dark + GLARE_OVER, f"row {row}: under the sun {lit}, off it {dark}"


def test_under_the_ash_the_disc_in_the_road_is_no_brighter_than_the_ash() -> None:
    """At 07:30 the hubcap lying in the ash (the round cover a visitor sees in the road, left
    of the middle) is dim steel, dusted with ash: no brighter than the ash round it (it was
    the brightest thing in the lower picture). (The manhole cover lies buried under the ash
    near the foot, as bright as the ash over it.)"""
    line = timeline(STREETS)
    after = built(line, "After")
    pixels = brightness(burnt_still(after, line, "07:30"))
    x, z, _radius = HUBCAP
    disc, around = disc_and_ash(pixels, after.project)
    assert disc <= around, f"the disc at {x}, {z}: {disc:.0f}, the ash by it {around:.0f}"


def disc_and_ash(pixels: np.ndarray, project: Callable[[float, float], tuple[int, int]]
                 ) -> tuple[float, float]:
    """The hubcap's box's mean in `pixels` (x, y) and the median of the ash either side of it
    in the same rows."""
    x, z, radius = HUBCAP
    left, top = project(x - radius, z + radius)
    right, bottom = project(x + radius, z - radius)
    disc = pixels[left:right, top:bottom].mean()
    ash_left, _y = project(x - 4 * radius, z)
    ash_right, _y = project(x + 4 * radius, z)
    around = np.median(np.concatenate([pixels[ash_left:left - 2, top:bottom].ravel(),
                                       pixels[right + 2:ash_right, top:bottom].ravel()]))
    return float(disc), float(around)


def test_no_car_passing_under_the_eye_is_a_dark_slab_across_the_foot(tmp_path: Path) -> None:
    """A car passing under the eye at night is drawn whole (no car is see-through), its roof
    and lids catching the streetlights: over 5 real seconds the picture's foot is never a big
    dark shape, no darker than the bare road there (mirroring the night sky alone, whole cars
    there read as black slabs)."""
    shipped = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
    line = load_timeline(shipped)
    bare = tmp_path / "bare.toml"  # the same, the dusk street without its cars
    bare.write_text(shipped.read_text().replace("traffic = 0.8\n", "traffic = 0\n", 1))
    start = 19 * 3600 + 30 * 60
    dark = []
    for timeline_, steps in ((line, range(25)), (load_timeline(bare), range(1))):
        moments = [format_clock(start + 6 * k) for k in steps]  # every 6 story seconds:
        for picture in in_a_row(timeline_, moments, (480, 270)):  # a fifth of a real second
            frame = pygame.surfarray.array3d(picture)
            dark.append(float((frame[:, 230:].astype(int).sum(axis=2) < 30).mean()))
    road = dark.pop()
    assert max(dark) < road + 0.08, (dark, road)
