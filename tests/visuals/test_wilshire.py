"""After the flash the boulevard is still Wilshire: burnt palms along its kerb, smaller towards
where the road runs, and Johnnie's broken on its corner, its sign's board hanging askew off the
bent pylon with its dead letters still on it."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.visuals.wilshire import DEAD_TUBE

from .helpers import NO_POST, draw, layer, one_scene

SIZE = (960, 540)
GROUND, VANISH = 0.8, 0.5
SKY = layer("sky", top="#8090a0", bottom="#8090a0", stars=0, sun=False, clouds=0)


@cache
def boulevard() -> np.ndarray:
    """Low fireless ruins with the boulevard before a flat pale sky, (x, y, rgb) (drawn once:
    do not change it)."""
    ruins = layer("ruins", ground=GROUND, height=0.08, fires=0, color="#202020",
                  boulevard=True, boulevard_x=VANISH)
    surface = draw(one_scene(SKY + ruins + NO_POST, at="06:00"), "06:00:05", size=SIZE)
    return pygame.surfarray.array3d(surface).astype(int)


def test_burnt_palms_stand_along_the_boulevard_smaller_towards_where_it_runs() -> None:
    """High over the low ruins, dark trunks stand right of the road: at least four, and the
    nearer the road's vanishing point one stands, the lower its crown."""
    frame = boulevard()
    high = int(SIZE[1] * (GROUND - 0.12))  # above the ruins' tallest
    dark = frame[:, :high].sum(axis=2) < 3 * 70
    columns = dark.any(axis=1)
    starts = np.flatnonzero(np.diff(columns.astype(int)) == 1) + 1
    ends = np.flatnonzero(np.diff(columns.astype(int)) == -1) + 1
    trunks = [(int(a), int(b)) for a, b in zip(starts, ends, strict=False)
              if a > SIZE[0] * VANISH]
    assert len(trunks) >= 4, f"{len(trunks)} palms right of the road"
    crowns = [int(np.flatnonzero(dark[a:b].any(axis=0))[0]) for a, b in trunks]
    assert crowns == sorted(crowns, reverse=True), (
        f"crowns at rows {crowns}, left to right: lower towards the road's end")


def test_johnnies_sign_hangs_askew_with_its_dead_letters() -> None:
    """Right of the road, above the ground, the sign's dead red tubes still spell on its
    board, and the board hangs tilted: its letters lower to the right, a line through them
    sloping at least 15 degrees."""
    frame = boulevard()
    above = frame[int(SIZE[0] * VANISH):, :int(SIZE[1] * GROUND)]
    tubes = np.abs(above - np.array(DEAD_TUBE)).max(axis=2) <= 6
    xs, ys = np.nonzero(tubes)
    assert len(xs) > 40, f"{len(xs)} pixels of the sign's letters"
    slope = np.polyfit(xs, ys, 1)[0]
    assert slope > np.tan(np.radians(15)), f"its letters slope {np.degrees(np.arctan(slope)):.0f}"
