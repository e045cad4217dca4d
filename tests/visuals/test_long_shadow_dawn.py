"""A long shadow reads on a dark road: Harry's and Julie's at first light (05:07), laid 3.5 of
their heights behind them on the wet asphalt, were all but lost on it (the road under them
kept some 60% of its light)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.long_shadow import Shadows
from installation.visuals.render import headless

ROAD = (70, 62, 72)  # the wet road at first light
KEPT = 0.45  # the road under the middle of a long shadow keeps at most this much of its light


def test_a_long_shadow_darkens_the_dawn_road_plainly() -> None:
    headless()
    sprite = pygame.Surface((20, 100), pygame.SRCALPHA)
    sprite.fill((10, 8, 12, 255))  # a figure standing, its feet at the bottom middle
    road = pygame.Surface((600, 200))
    road.fill(ROAD)
    Shadows(3.5).draw(road, sprite, (100, 50), (10.0, 100.0))
    rgb = pygame.surfarray.array3d(road).astype(float)
    middle = rgb[110 + 175, 147:153].mean()  # half way along it, across its middle
    assert middle <= KEPT * float(np.mean(ROAD)), middle
