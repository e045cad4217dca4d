"""A fire's flames are a body, not a tint: their red rims hide most of the grey sky and the lit
windows behind them, and a fire dying down hides as much less as it is weaker, not sixteen times
less (at 05:40-06:30 the sky and a burning tower's windows showed through the flames, pink)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.flames import cover_of, make_fire
from installation.visuals.made_once import MadeOnce

SKY = (150, 146, 140)  # the ash's grey sky behind the flames
RIM = (150, 32, 6)  # a flame's red rim (flame_shape.RAMP at a third of its heat)


def over_sky(flame: pygame.Surface, cover: pygame.Surface) -> np.ndarray:
    """The flame drawn over the sky as the smoke layer draws it (its cover multiplied, then
    the flame added), as (x, y, rgb)."""
    sky = pygame.Surface(flame.get_size())
    sky.fill(SKY)
    sky.blit(cover, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    sky.blit(flame, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    return pygame.surfarray.array3d(sky).astype(int)


def test_a_flames_red_rim_over_the_sky_reads_red_not_pink() -> None:
    """The rim over the grey sky keeps its green and blue under 80 (a deep orange-red; 96 and
    68 before: salmon pink, the sky through it)."""
    flame = pygame.Surface((4, 40))
    flame.fill(RIM)
    rgb = over_sky(flame, cover_of(flame))[:, 5]  # (clear of its foot, where the cover fades)
    assert rgb[:, 1].max() < 80 and rgb[:, 2].max() < 80, rgb[0]


def test_a_fire_half_died_down_still_hides_half_as_much() -> None:
    """A fire at half its strength hides, where it hides most, at least 0.4 of what behind it
    the fire at full strength hid there (a sixteenth before)."""
    from installation.visuals.flames_dying import dying

    fire = finished(make_fire(20, 32, (255, 110, 36), 3, [2], MadeOnce()))
    weak = dying(fire, 0.5)
    full_hid = 255 - int(pygame.surfarray.array3d(fire.blazes[0].covers[0]).min())
    weak_hid = 255 - int(pygame.surfarray.array3d(weak.blazes[0].covers[0]).min())
    assert weak_hid >= 0.4 * full_hid, (weak_hid, full_hid)
