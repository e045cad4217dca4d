"""Park La Brea (04:35-04:50): Lucy and Ivan stand in shoes, not on slabs. Under each of their
four feet the lit floor shows between the heel and the ball (on a2f51b4f each pair of feet
was one flat dark wedge, its sole flat on the floor from the heel to the toe)."""

from __future__ import annotations

import numpy as np
import pygame

from .test_park21_one_place import as_up_close  # (their size and place before park21)

AT = ("04:36", "04:40", "04:48")  # apart, coming together, in each other's arms
FEET = pygame.Rect(200, 760, 460, 130)  # x, y, w, h at full HD: both their feet on the floor
DARK = 45  # luminance: a silhouette's pixel
SOLES = 40  # dark pixels in a row: the soles' lowest row (his stick's tip goes lower)
ABOVE = 2  # pixels over the soles' lowest row: the row looked along (under the arches)
GAP = 2  # pixels: the floor seen between two dark stretches at least this wide
ARCHES = 4  # one under each foot (the gap between the two of them comes on top)


def gaps(row: np.ndarray) -> int:
    """How many light stretches at least GAP wide lie between dark ones along a row."""
    dark = np.flatnonzero(row < DARK)
    if not len(dark):
        return 0
    steps = np.diff(dark)
    return int(np.count_nonzero(steps > GAP))


def test_the_floor_shows_under_each_of_their_feet_between_heel_and_ball() -> None:
    for at in AT:
        rgb = pygame.surfarray.array3d(as_up_close(at).subsurface(FEET)).astype(float)
        lum = rgb @ np.array([0.3, 0.59, 0.11])
        rows = np.flatnonzero((lum < DARK).sum(axis=0) >= SOLES)
        assert len(rows), f"{at}: their feet are in {FEET}"
        sole = int(rows.max())
        found = gaps(lum[:, sole - ABOVE])
        assert found >= ARCHES, f"{at}: {found} light gaps along the soles, {ABOVE} px up"
