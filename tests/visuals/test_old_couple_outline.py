"""Park La Brea (04:35-04:50): Lucy and Ivan read as two old people holding each other, not two
cut-outs: the lamp's rim is a thin bright line on their own edge (it lay 7 px off them to the
left, darker than the wall: a drop shadow), his arm round her slopes down across the lit gap
into her side (it crossed the gap as a level bar), and they breathe."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pygame

from installation.visuals.old_couple import SWAY_PERIOD, bodies
from installation.visuals.old_embrace import OldEmbrace

from .test_park21_one_place import as_up_close  # (their size and place before park21)

HELD_AT = ("04:40:35", "04:45", "04:48")  # in each other's arms: her head on his shoulder,
# her looking out at the sirens, her hand to his cheek
BOX = pygame.Rect(240, 300, 400, 480)  # x, y, w, h: his left edge, crown to knee, at full HD
DARK = 45  # luminance: a silhouette's pixel
NEAR = 3  # pixels: the rim lies this close to the first of their dark pixels
WALL_AT = 10  # pixels left of their edge: the wall behind them
RIM_OVER = 8  # luminance: the rim is this much brighter than the wall (the lamp on them)
OFF = 6  # pixels left of their edge: the wall again, within SAME (no band of rim there)
SAME = 20
ROWS = 0.8  # of the rows crossed: all but a few (the hair, the hem's corner)
HELD = (0.35, 0.45, 0.62, 0.85)  # shares of the scene: held, looking out, her hand to his cheek
SLOPE = 0.5  # rise over run: his arm across the gap runs down at least this steeply (27 deg)
RISE = 0.003  # heights: a breath lifts his head at least this much (2 px at full HD)


def test_the_lamps_rim_is_a_thin_bright_line_on_their_own_edge() -> None:
    for at in HELD_AT:
        rgb = pygame.surfarray.array3d(as_up_close(at).subsurface(BOX)).astype(float)
        lum = rgb @ np.array([0.3, 0.59, 0.11])
        hugged = crossed = 0
        for y in range(0, BOX.height, 8):
            xs = np.flatnonzero(lum[:, y] < DARK)
            if not len(xs) or xs[0] < WALL_AT:
                continue
            x0, wall = xs[0], lum[xs[0] - WALL_AT, y]
            crossed += 1
            rim = lum[x0 - NEAR:x0, y].max()
            hugged += rim > wall + RIM_OVER and abs(lum[x0 - OFF, y] - wall) < SAME
        assert crossed > 40, (at, crossed)
        assert hugged >= ROWS * crossed, f"{at}: rim on their edge in {hugged} of {crossed} rows"


def test_his_arm_round_her_runs_down_across_the_gap_into_her_side() -> None:
    painter = SimpleNamespace(dark=(0, 0, 0))
    for share in HELD:
        ivan, lucy = bodies(share, 0.0)
        line = OldEmbrace.pieces(painter, share, 0.0)[2][0][0][1]  # type: ignore[arg-type]
        middle = (ivan.along(0.6, 0.095)[0] + lucy.along(0.6, 0.095)[0]) / 2
        (ax, ay), (bx, by) = next((a, b) for a, b in zip(line, line[1:], strict=False)
                                  if min(a[0], b[0]) <= middle <= max(a[0], b[0]))
        assert (ay - by) / abs(bx - ax) >= SLOPE, (share, line)


def test_they_breathe() -> None:
    """One sway apart (the sway the same), a breath has lifted his head and shoulders."""
    for share in HELD:
        heads = [bodies(share, seconds)[0].head()[1] for seconds in (0.0, SWAY_PERIOD)]
        assert abs(heads[1] - heads[0]) >= RISE, (share, heads)
