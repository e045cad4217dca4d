"""The boulevard after dark, as a visitor sees it: the streetlamps throw pools of warm light on
the walls and sidewalks, the far shop signs are neon strokes and the near ones names in letters,
and the cinema's marquee has gone dark by first light while its neon name stays lit (the deco
towers' floodlights: test_deco_tower)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.boulevard_plan import CINEMA_AT
from installation.visuals.cinema import BLADE_OUT, BLADE_WIDE, EDGE, HIGH, OUT
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.storefronts import LETTERED
from installation.visuals.street import LAMP_SPACING, Street
from installation.visuals.street_walls import WALK

from .helpers import NO_POST, layer, one_scene
from .test_boulevard_buildings import dusk_street
from .test_storefronts import painted

SIZE = (960, 540)
POOLED = 4.0  # a wall beside a lamp is at least this many times as bright as between lamps
WALK_POOLED = 1.2  # the sidewalk under a lamp, against half way to the next (shops light it too)
DARK_BULBS = 0.5  # at first light the marquee's bulbs are under half as bright as at night
NEON_KEPT = 0.8  # ...while the blade's name keeps this much of its night light at least
TUBE_LIT = 200  # a far sign's neon stroke is at least this opaque
LETTER_TALL = 5  # pixels: a near sign's letters' upright strokes are at least this tall


def night_street(wet: bool = False) -> Street:
    """A street of the default look at SIZE, as a one-scene timeline has it."""
    headless()
    line = one_scene(layer("street", wet=wet, traffic=0.0) + NO_POST, at="17:00")
    setup = Compositor(line, SIZE, print).setup(line.scenes[0], 0, "street")
    return Street(dict(traffic=0.0, lamps=(255, 150, 50), horizon=0.56, wet=wet, lit=True),
                  setup)


def still(built: Street, at: str) -> np.ndarray:
    """The still street at story time `at` over black, as brightness (the sum of channels)."""
    return painted(built, at, SIZE).sum(axis=2)


def strip(built: Street, pixels: np.ndarray, side: int, z: float, heights: tuple[float, float],
          x: float = WALK) -> float:
    """The median brightness up the wall (or along the ground, across) at depth `z`."""
    (x0, top), (_x1, foot) = (built.project(side * x, z, up) for up in heights[::-1])
    return float(np.median(pixels[x0, top:foot + 1]))


def test_the_streetlamps_light_the_walls_and_sidewalks_in_pools() -> None:
    """At night a wall right behind a streetlamp is lit (its material shows), and dark again
    half way to the next lamp; the sidewalk under the lamp is brighter than between lamps."""
    built = night_street()
    pixels = still(built, "22:00")
    found, walks = [], []
    for side in (-1, 1):
        for z in built._lamp_depths():
            between = z + LAMP_SPACING / 2
            walls = [b for b in built.blocks if b[0] == side and b[1] < z - 0.3 and
                     b[2] > between + 0.3 and b[3] > 0.9]
            if not walls or not 0 < built.project(side * WALK, z)[0] < SIZE[0]:
                continue
            lit = strip(built, pixels, side, z, (0.45, 0.9))
            dark = strip(built, pixels, side, between, (0.45, 0.9))
            found.append(lit / max(1.0, dark))
            walk = strip(built, pixels, side, z, (0.0, 0.0), 1.35), strip(
                built, pixels, side, between, (0.0, 0.0), 1.35)
            walks.append(walk[0] / max(1.0, walk[1]))
    assert found, "a wall behind a lamp in the picture"
    assert max(found) > POOLED, f"no pool of light on the walls: {found}"
    assert max(walks) > WALK_POOLED, f"no pool of light on the sidewalks: {walks}"


def test_the_far_shop_signs_are_thin_neon_strokes_and_the_near_ones_names_in_letters() -> None:
    """Down the street every sign's name is neon: a thin bright stroke (one pixel across where
    it runs, at full strength), not letters smeared into a faint block; nearer signs carry
    their names in letters (upright strokes several pixels tall)."""
    built, _pixels = dusk_street((1920, 1080), "19:30")
    far: list[tuple[float, np.ndarray]] = []
    near: list[tuple[float, np.ndarray]] = []
    for block in built.blocks:
        for piece in built.walls.facades[block]:
            if piece.mask is not None and piece.role.startswith("ink"):
                alpha = pygame.surfarray.array_alpha(piece.mask)
                (far if block[1] > LETTERED else near).append((block[1], alpha))
    assert far and near, "signs near and down the street"
    for z, alpha in far:
        assert alpha.max() >= TUBE_LIT, f"a faint sign at depth {z:.1f}: {alpha.max()}"
        across = (alpha >= TUBE_LIT).sum(axis=1).max()
        assert across <= 1, f"a smeared sign at depth {z:.1f}: {across} pixels across"
    upright = max((alpha > TUBE_LIT // 2).sum(axis=1).max() for _z, alpha in near)
    assert upright >= LETTER_TALL, f"no letters on the near signs: {upright}"


def marquee_and_blade(at: str) -> tuple[float, float]:
    """The brightness of the marquee's bulbs (its top edge) and of the blade's neon name at
    story time `at` on a night street."""
    built = night_street()
    pixels = still(built, at)
    x = -(WALK - OUT / 2)
    bulbs_at = built.project(x, CINEMA_AT, HIGH - EDGE / 2)
    bulbs = pixels[bulbs_at[0] - 2:bulbs_at[0] + 3, bulbs_at[1]].mean()
    blade_x = -(WALK - BLADE_OUT - BLADE_WIDE / 2)
    top, foot = (built.project(blade_x, CINEMA_AT, up)[1] for up in (1.2, 0.6))
    column = built.project(blade_x, CINEMA_AT, 0.9)[0]
    return float(bulbs), float(pixels[column, top:foot].max())


def test_the_marquee_goes_dark_after_the_late_show_and_the_neon_name_stays_lit() -> None:
    """At 20:40 the marquee's bulbs burn; at first light (05:08) they are out (the late show
    is long over), while the blade's neon name is still lit."""
    night, dawn = marquee_and_blade("20:40"), marquee_and_blade("05:08")
    assert dawn[0] < night[0] * DARK_BULBS, f"the bulbs still burn at dawn: {dawn} {night}"
    assert dawn[1] > night[1] * NEON_KEPT, f"the neon name went out: {dawn} {night}"
