"""The ruins' fires' sprites: each fire's glow, its small flame and the flare's swollen glow,
made once at their brightness steps (the fires flicker between them), embers by day."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, scaled
from installation.visuals.burning import embered
from installation.visuals.glow import radial

FIRE_GLOW = 0.07  # glow radius, of the picture height
FLAME = (255, 190, 110)
FLAME_SHAPE = (0.35, 1.0)  # a flame's width and height, in glow radii
GLOW_STEPS = 6  # brightness steps of the glow sprite (fires flicker between them)
FLARE_REACH = 2.5  # the flare's glow, of a fire's

Steps = list[pygame.Surface]  # a sprite at each of GLOW_STEPS brightnesses


def dimmed(glow: pygame.Surface) -> Steps:
    """A glow (for additive blits) at GLOW_STEPS brightnesses, the last as it is."""
    out = []
    for n in range(GLOW_STEPS):
        level = round(255 * (n + 1) / GLOW_STEPS)
        copy = glow.copy()
        copy.fill((level, level, level), special_flags=pygame.BLEND_RGB_MULT)
        out.append(copy)
    return out


def fire_sprites(height: int, fire: Color, flare: bool,
                 strength: float = 1.0) -> tuple[Steps, Steps, Steps]:
    """A fire's glow, the flare's glow (none without `flare`) and the small flame, each at
    its steps, for a picture `height` tall, burning at `strength` (see burning.strength_at:
    by day a dull red glow, its flame all but out)."""
    radius = max(3, int(height * FIRE_GLOW))
    fire = scaled(embered(fire, strength), strength)  # (at full strength: as it is)
    glows = dimmed(radial(radius, fire, 1.7))
    flares = dimmed(radial(int(radius * FLARE_REACH), fire, 1.5)) if flare else []
    flame = radial(radius, scaled(embered(FLAME, strength), strength ** 2), 2.2)
    flames = dimmed(pygame.transform.smoothscale(
        flame, (max(2, int(radius * FLAME_SHAPE[0])), max(2, int(radius * FLAME_SHAPE[1])))))
    return glows, flares, flames

