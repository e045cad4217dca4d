"""The boulevard's deco towers as a visitor sees them: at dusk the landmark beyond the
streamline corner faces the viewer, tall, its top stepped in stages, each floodlit from the
ledge below and fading up; at night the near tower's lit top is fluted by dark glass between
its lit piers, not a pale band."""

from __future__ import annotations

import numpy as np

from installation.core.timeline.loader import parse_timeline
from installation.visuals.boulevard_plan import Block, corner_of
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.street import WALK, Street

from .test_boulevard_buildings import FULL, dusk_street
from .test_storefronts import painted

LIT = 40  # a pixel brighter than this (sum of channels) is painted over the black
FRONT_WIDE = 0.07  # the landmark's front is at least this share of the picture wide
TOP_ABOVE = 0.42  # its stepped top rises above this share of the picture's height
STEP = 6  # pixels: a stage's edge in from the one's below by at least this is a setback
STEPS = 3  # setbacks, at least
MAST = 8  # pixels: anything narrower over the top is the mast
LEDGE = 3  # pixels above a setback's ledge the floodlight is looked at
GRADED = 1.15  # a stage's foot is at least this many times as bright as its upper part
LIGHTS_ON = 1.3  # ...and at 18:00 this many times as bright as at 17:05
NEAR_TOWER = 3.0  # the near tower at night stands nearer than this
FLUTES = 4  # dark slots across its lit top, at least
SLOT = 0.7  # a slot is darker than this share of the lit piers round it


def landmark(blocks: list[Block]) -> Block:
    """The tower beyond the streamline corner."""
    corner = corner_of(blocks)
    assert corner is not None, "the streamline corner"
    return next(b for b in sorted(blocks, key=lambda b: b[1])
                if b[0] == corner[0] and b[1] > corner[1])


def run(row: np.ndarray, x: int) -> tuple[int, int]:
    """The painted run of `row` (brightness) round column `x`: its first and last column."""
    lit = row > LIT
    if not lit[x]:
        return x, x - 1
    left, right = x, x
    while left > 0 and lit[left - 1]:
        left -= 1
    while right < len(row) - 1 and lit[right + 1]:
        right += 1
    return left, right


def front_and_steps(built: Street, pixels: np.ndarray) -> tuple[int, list[tuple[int, int]]]:
    """The landmark's front: its middle column, and from its body up, each part's far edge
    (its right-hand edge, where no side of it shows) and its lowest row: the body, then each
    stage set back."""
    side, z0, _z1, up, _seed = landmark(built.blocks)
    edge, body = built.project(side * WALK, z0, up * 0.85)
    bright = pixels.sum(axis=2)
    _left, right = run(bright[:, body], edge + 2)
    middle = (edge + right) // 2
    parts: list[tuple[int, int]] = [(right, body)]
    for y in range(body - 1, -1, -1):
        _a, b = run(bright[:, y], middle)
        if b - middle <= MAST // 2:
            break
        if b <= parts[-1][0] - STEP:
            parts.append((b, y))
    return middle, parts


def test_the_landmark_deco_tower_faces_the_viewer_tall_with_a_stepped_top_at_dusk() -> None:
    """At 17:30 beyond the streamline corner a deco tower shows its front: wide (a clear
    element of the picture, not a sliver), its top set back in three stages or more, rising
    high over the street (the old crown was about 25 by 30 pixels, a speck)."""
    built, pixels = dusk_street(FULL, "17:30")
    middle, parts = front_and_steps(built, pixels)
    wide = 2 * (parts[0][0] - middle)
    assert wide > FULL[0] * FRONT_WIDE, f"the front is {wide} pixels wide"
    assert len(parts) - 1 >= STEPS, f"the top is set back {len(parts) - 1} times: {parts}"
    top = min(y for _wide, y in parts)
    assert top < FULL[1] * TOP_ABOVE, f"the stepped top reaches row {top} only"


def test_the_landmarks_floodlights_grade_up_each_setback_as_the_dusk_comes_on() -> None:
    """At 18:00 each stage of the landmark's top is brightest just over the ledge its
    floodlights stand on and fades up it; at 17:05, before they come on, it is darker."""
    built, lit = dusk_street(FULL, "18:00")
    middle, parts = front_and_steps(built, lit)
    day = painted(built, "17:05", FULL)
    stages = [(parts[n][1], parts[n + 1][1]) for n in range(1, len(parts) - 1)]
    assert stages, f"stages on the landmark's top: {parts}"
    half = (parts[-1][0] - middle) * 4 // 5  # (on the fronts of every stage)
    columns = slice(middle - half, middle + half)

    def brightest(pixels: np.ndarray, y: int) -> float:
        return float(pixels[columns, y].sum(axis=1).max())

    for foot, top in stages:
        ledge, upper = foot - LEDGE, foot - (foot - top) * 3 // 4
        assert brightest(lit, ledge) > brightest(lit, upper) * GRADED, (foot, top)
        assert brightest(lit, ledge) > brightest(day, ledge) * LIGHTS_ON, (foot, top)


def test_the_near_towers_floodlit_top_at_night_is_fluted_not_a_pale_band() -> None:
    """At 20:40 the near left tower's lit top shows dark glass between lit piers along its
    length (it read as a broad pale band in the corner): the street the night scene showed
    before it was given the block seen across Wilshire (its seed: the shipped day's, its
    scene's name), which has that tower."""
    headless()
    line = parse_timeline("[timeline]\ntitle = \"night\"\nseed = 1988\nday_start = \"12:00\"\n"
                          "[[scene]]\nat = \"20:00\"\nname = \"Neon on Wilshire\"\n"
                          "[[scene.layers]]\ntype = \"street\"\nhorizon = 0.56\n", "night.toml")
    scene = line.scenes[0]
    params = dict(scene.layers[0].params)
    setup = Compositor(line, FULL, print).setup(scene, 0, "street")
    built = Street(params, setup)  # type: ignore[arg-type]
    pixels = painted(built, "20:40", FULL).sum(axis=2)
    towers = [b for b in built.blocks if b[0] < 0 and b[1] < NEAR_TOWER and b[3] > 1.8]
    assert towers, "a tower near on the left"
    _side, z0, z1, up, _seed = towers[0]
    row = []
    for n in range(200):
        z = z0 + (z1 - z0) * (0.15 + 0.7 * n / 199)
        x, y = built.project(-(WALK + 0.12), z, up + 0.15)
        if 0 <= x < FULL[0] and 0 <= y < FULL[1]:
            row.append(float(pixels[x, y]))
    assert row, "the tower's top in the picture"
    piers = float(np.percentile(row, 90))
    dark = np.array(row) < piers * SLOT
    slots = int((dark[1:] & ~dark[:-1]).sum())
    assert slots >= FLUTES, f"{slots} dark slots across the lit top (piers {piers:.0f})"
