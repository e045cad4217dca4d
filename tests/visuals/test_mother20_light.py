"""The mother in the tar modelled by the light she stands in: at noon the top of her back and
her sun side lit (a warm rim, her coat's dark brown lifted towards the sun), at 08:00 (after
the flash, the light low) still dark; her raised trunk in front of her near tusk, not knotted
through it; at 14:30 her body within the tar strip, clear of the near rail (a review: an unlit
black mound beside a lit gold drum, a blob holding a white horn, her belly on the fence)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.mammoth import MIRED, MIRED_TUSKS, mammoth
from installation.visuals.mammoth_coat import smooth
from installation.visuals.mammoth_pose import MIRED_HEADROOM
from installation.visuals.mammoth_trunk import MIRED_TRUNKS, trunk_line
from installation.visuals.museum_shore import POST_FOOT, POST_TALL, RAIL_ROWS
from installation.visuals.pen import render
from installation.visuals.silhouette import Silhouette

from .helpers import headless
from .test_mammoth_head import mother, shipped

NOON, AFTER = "La Brea Tar Pits", "The tar keeps everything"
AFTERNOON = "Harry meets Julie"
RAIL_CLEAR = 16  # rows: her waterline at least this far over the near rail's top (base: -1)
BACK = (0.15, 0.55)  # the columns of her back (shares of her width, her rump at the left)
RIM = 45  # levels: the top of her back catches the sun at least this bright (base: 11) ...
RIM_SHARE = 0.8  # ... in this share of its columns at least
SUN_SIDE = 24  # levels: her coat on her sun side (upper right) at least this (base: 11) ...
MODELLED = 1.5  # ... this many times her far side's (lower left): lit, not a flat fill
DARK = 16  # levels: after the flash her coat at most this (unlit)
IVORY_LEVEL = 90  # a pixel this bright is a tusk's, not her coat's
HEIGHT = 1080  # the picture's rows (her scene built at 1920x1080)
PX = 80.0  # pixels a unit, drawing her alone
COAT = (60, 45, 35)
CROSSING = 0.094  # units: a point of her near tusk this near her trunk root's middle is under it
SAME = 6  # levels: a pixel within this of her coat's is her coat (her trunk's creases lighter)


def levels(her: Silhouette) -> tuple[np.ndarray, np.ndarray]:
    """Her finished picture's levels and whether each pixel is solidly her ([x, y])."""
    rgb = pygame.surfarray.array3d(her.image).astype(int).mean(axis=2)
    return rgb, pygame.surfarray.array_alpha(her.image) >= 250


def test_at_noon_the_top_of_her_back_catches_the_sun() -> None:
    level, solid = levels(mother(NOON))
    cols = np.flatnonzero(solid.any(axis=1))
    left, right = cols[0], cols[-1]
    lit = []
    for x in range(int(left + BACK[0] * (right - left)), int(left + BACK[1] * (right - left))):
        top = int(np.flatnonzero(solid[x])[0])
        lit.append(level[x, top:top + 3].max() >= RIM)
    assert np.mean(lit) >= RIM_SHARE, f"her back's top lit in {np.mean(lit):.0%} of it"


def test_at_noon_her_sun_side_is_lit_and_after_the_flash_she_stays_dark() -> None:
    level, solid = levels(mother(NOON))
    coat = solid & (level < IVORY_LEVEL)
    xs, ys = np.nonzero(coat)
    mid_x, mid_y = np.median(xs), np.median(ys)
    sun = np.median(level[coat & (np.arange(level.shape[0])[:, None] > mid_x)
                          & (np.arange(level.shape[1])[None, :] < mid_y)])
    far = np.median(level[coat & (np.arange(level.shape[0])[:, None] < mid_x)
                          & (np.arange(level.shape[1])[None, :] > mid_y)])
    assert sun >= SUN_SIDE, f"her sun side {sun:.0f}"
    assert sun >= MODELLED * far, f"sun side {sun:.0f}, far side {far:.0f}: flat"
    level, solid = levels(mother(AFTER))
    assert np.median(level[solid & (level < IVORY_LEVEL)]) <= DARK, "lit after the flash"


def test_her_trunk_is_drawn_in_front_of_her_near_tusk() -> None:
    """Where her trunk's root crosses her near tusk's lower sweep, the trunk shows (its coat),
    not the ivory over it."""
    headless()
    bounds = (min(x for x, _ in MIRED) - 0.45, max(x for x, _ in MIRED) + 0.1, 0.3,
              max(y for _, y in MIRED) + MIRED_HEADROOM)
    image = finished(render(lambda pen, color: mammoth(pen, color, mired=True), bounds, PX,
                            False, COAT))
    rgb = pygame.surfarray.array3d(image).astype(int)
    trunk = trunk_line(MIRED_TRUNKS, 0.0)
    trunk = trunk[:len(trunk) // 3]  # its root, across the tusk's lower sweep
    crossing = [(ux, uy) for ux, uy in smooth(MIRED_TUSKS.line)
                if ux < trunk[0][0]  # (in front of its root: behind it is her face)
                and min(np.hypot(ux - tx, uy - ty) for tx, ty in trunk) < CROSSING]
    assert len(crossing) >= 2, "her trunk's root crosses her near tusk"
    for ux, uy in crossing:
        x, y = int((ux - bounds[0]) * PX), int((bounds[3] - uy) * PX)
        assert abs(rgb[x, y].mean() - np.mean(COAT)) <= SAME, \
            f"ivory over her trunk at ({ux:.2f}, {uy:.2f}): {rgb[x, y]}"


def test_at_1430_her_body_stays_in_the_tar_clear_of_the_near_rail() -> None:
    """Across the pit at 14:30, her waterline (the lowest of her body) lies over the near
    shore's rail with room to spare: in the tar strip, not on the fence (base: on its top
    rail)."""
    her = mother(AFTERNOON)
    scene = next(scene for scene in shipped().scenes if scene.name == AFTERNOON)
    shore = next(spec.params for spec in scene.layers
                 if spec.type == "museum" and spec.params["part"] == "shore")
    rail = (shore["ground"] - POST_TALL * RAIL_ROWS[0] + POST_FOOT) * HEIGHT
    assert her.line <= rail - RAIL_CLEAR, f"her waterline {her.line}, the rail's top {rail:.0f}"
