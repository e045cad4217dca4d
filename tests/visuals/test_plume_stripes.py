"""The flash's plumes lean over in the wind without stripes down their edges: from one band of
a plume to the next its soft edge steps aside no more than a row of it changes anyway (each
band stood 3 px aside from the one under it, a step of 6-9 levels every 12 rows at 05:28: the
edge read as a stack of stripes, x 560-620, y 540-640)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals.compositor import Compositor
from installation.visuals.plume_bands import plume_blits
from installation.visuals.render import headless
from installation.visuals.smoke import Smoke

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
FULL_HD = (1920, 1080)
SKY = (200, 110, 60)  # the burning sky's orange behind them


def flash_smoke() -> Smoke:
    """The flash's smoke layer, built at FULL_HD."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(one for one in line.scenes if one.name == "The flash")
    built = Compositor(line, FULL_HD, lambda _message: None)._scene(scene)
    smoke = next(made for _, spec, made in built.entries if spec.type == "smoke")
    assert isinstance(smoke, Smoke)
    return smoke


def test_a_leaning_plumes_edge_shows_no_stripes() -> None:
    """Over the sky's orange, up the right edge of the plume rising at x 523 (170 to 280 rows
    over its foot), fewer than 80 points change by more than 5 levels of green from one row to
    the next (175 did, at each band's foot; a row within a band changes by 1-2)."""
    smoke = flash_smoke()
    column = next(column for column in smoke.columns if abs(column.x - 523) < 10)
    surface = pygame.Surface(FULL_HD)
    surface.fill(SKY)
    surface.blits(plume_blits(smoke.plumes, 13.0))
    green = pygame.surfarray.pixels3d(surface)[480:700, int(column.y) - 280:int(column.y) - 160,
                                               1].astype(int)
    steps = np.abs(np.diff(green, axis=1))
    assert int((steps > 5).sum()) < 80, int((steps > 5).sum())
