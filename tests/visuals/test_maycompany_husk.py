"""The May Company's burnt husk: its box's blown-out windows have soot risen over them in
plumes that fade up the wall, not a grid of hard-edged dark cells."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import at_once, finished
from installation.visuals.maycompany_husk import burn
from installation.visuals.maycompany_surfaces import DRUM_HALF, Building

UNIT = 600.0  # pixels to a picture height at scale 1: the box about 120 pixels tall
HOLE = 0.35  # a blown-out window: darker than this share of the wall's median
# Over a window, row by row up its middle for twice its height, the soot's light changes by
# at most SOFT of the wall's median from one row to the next for most windows (MOST) and is
# darkest at the window and lighter higher up (FADES of them lighten by at least LIGHTER):
# soot risen in a plume. Square soot cells over the windows stepped by 0.43 at the median,
# only 0.22 of the windows without such a step.
SOFT, MOST, LIGHTER, FADES = 0.3, 0.6, 0.05, 0.7


def husk_box() -> tuple[np.ndarray, np.ndarray]:
    """The burnt husk's painted light (luminance of its albedo) and where its box is."""
    size = (int(UNIT * 1.2), int(UNIT * 0.4))
    building = Building(UNIT, size, int(UNIT * 1.05))
    maps = finished(building.surfaces())
    at_once(burn(maps, building.xs()[:, 0] - building.origin, building.heights()[0], UNIT, 5))
    light = np.asarray(maps.albedo @ np.array([0.3, 0.59, 0.11]))
    box = maps.alpha > 0
    box[int(building.origin - DRUM_HALF * UNIT) - 4:] = False  # (the drum and east of it)
    return light, box


def test_soot_rises_over_the_box_windows_in_plumes_not_square_cells() -> None:
    """Over each blown-out window of the burnt box the soot is darkest at the window and
    lightens smoothly up the wall, a plume, not a dark square cell."""
    light, box = husk_box()
    wall = float(np.median(light[box]))
    holes = box & (light < HOLE * wall)
    flags = pygame.Surface(holes.shape, pygame.SRCALPHA)
    flags.fill((0, 0, 0, 0))
    pygame.surfarray.pixels_alpha(flags)[:] = np.where(holes, 255, 0).astype(np.uint8)
    steps, fades = [], []
    for window in pygame.mask.from_surface(flags).connected_components(minimum=6):
        rect = window.get_bounding_rects()[0]
        middle = slice(rect.left + rect.width // 4, rect.right - rect.width // 4)
        rows = []
        for y in range(rect.top - 1, max(0, rect.top - 1 - 2 * rect.height), -1):
            seen = box[middle, y] & ~holes[middle, y]
            if seen.sum() < max(1, rect.width // 4):
                break  # (the box's top, or another window)
            rows.append(float(light[middle, y][seen].mean()))
        if len(rows) >= 4:
            steps.append(float(np.abs(np.diff(rows)).max()) / wall)
            fades.append((rows[-1] - rows[0]) / wall)
    assert len(steps) > 10, "blown-out windows in the box"
    assert (np.array(steps) < SOFT).mean() > MOST, f"hard steps over windows {np.round(steps, 2)}"
    assert (np.array(fades) > LIGHTER).mean() > FADES, "the soot fades up the wall"
