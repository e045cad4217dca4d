"""A step of the clouds' drift repaints only the columns where the cloud changes."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.clouds import STEPS, STRIPS, Clouds
from installation.visuals.render import headless

SIZE = (640, 360)
ASH_GREY = (120, 112, 106)
SKY = (82, 76, 72)


def _painted(clouds: Clouds, drift: int, sky: pygame.Surface,
             kept: pygame.Surface | None = None,
             areas: list[pygame.Rect] | None = None) -> pygame.Surface:
    """The clouds at `drift` over `sky`, painted again only in `areas` of a copy of `kept`
    (None: the whole picture), as the kept sky is."""
    surface = sky.copy() if kept is None else kept.copy()
    for area in [surface.get_rect()] if areas is None else areas:
        surface.set_clip(area)
        surface.blit(sky, area, area)
        clouds.paint(surface, (ASH_GREY,) * STRIPS, drift)
    surface.set_clip(None)
    return surface


def test_a_drift_step_repaints_fewer_pixels_than_its_strip_and_the_same_picture() -> None:
    """Ash's sky (cover 0.6): over the drift of a day's first steps, each step repaints one
    box (no more passes of the layers over it than a whole strip), in all less than the
    full-width strips that moved (clear sky over clear sky at a strip's ends is left alone),
    and the sky painted again only where `changed` says is byte for byte the sky painted
    whole."""
    headless()
    clouds = Clouds(SIZE, 0.64, 0.6, np.random.default_rng(5))
    sky = pygame.Surface(SIZE)
    sky.fill(SKY)
    strips = {n: rect for n, rect in enumerate(clouds.strips())}
    repainted = moved = 0
    picture = _painted(clouds, 0, sky)
    colors = (ASH_GREY,) * STRIPS
    for drift in range(1, 3 * STRIPS):
        old, new = (colors, drift - 1, STEPS), (colors, drift, STEPS)
        areas = clouds.changed(old, new)
        assert len(areas) <= 1
        repainted += sum(area.width * area.height for area in areas)
        moved += sum(rect.width * rect.height for n, rect in strips.items()
                     if clouds.shift(drift - 1, n) != clouds.shift(drift, n))
        picture = _painted(clouds, drift, sky, picture, areas)
        whole = _painted(clouds, drift, sky)
        assert pygame.image.tobytes(picture, "RGB") == pygame.image.tobytes(whole, "RGB")
    assert moved > 0
    assert repainted < 0.9 * moved  # (0.8 at this seed; 1.0 when whole strips)


def test_a_new_colour_still_repaints_its_whole_strip() -> None:
    """A strip given a new colour (dusk moving on) is repainted across its whole width."""
    headless()
    clouds = Clouds(SIZE, 0.64, 0.6, np.random.default_rng(5))
    colors = (ASH_GREY,) * STRIPS
    recolored = (SKY,) + colors[1:]
    areas = clouds.changed((colors, 0, STEPS), (recolored, 0, STEPS))
    assert areas == [clouds.strips()[0]]
