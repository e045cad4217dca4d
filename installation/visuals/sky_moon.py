"""The moon rising behind a scene's roofs: faded in as it clears them (a thin bright sliver of
it over a roof's edge read as a white chip on the roof, not as the moon), its halo on the haze
over them coming before it."""

from __future__ import annotations

import math

import pygame

from installation.visuals.base import Color, clamp01, scaled
from installation.visuals.glow import radial

MOON_FADES = 8  # the moon clearing the roofs comes in in this many steps of strength
Glow = tuple[float, Color, float]  # radius (a share of the picture's height), colour, falloff
HALO: Glow = (0.05, (62, 64, 76), 1.6)  # low over the roofs, the haze round it lit (within the
# moon's own glow: only that is painted again where it moves) ...
HALO_GAIN = 2.5  # ... as strong as this times the square root of its strength times what of it
# is still to clear (none once it is whole: then it is the sky's own moon, glow and all; at
# 22:25 a quarter of it clear, its faded glow and crescent were a flat grey chip, no halo)


def strength(rooftops: float, height: int, radius: int, cy: int) -> int:
    """How strongly the moon centred at `cy` is drawn, 0 to MOON_FADES: whole unless the
    scene's roofs stand `rooftops` (a share of the picture's height) down from the top; then
    as the square of the share of its disk above them (a sliver faint, half of it a quarter)."""
    if rooftops <= 0:
        return MOON_FADES
    clear = clamp01((height * rooftops - (cy - radius)) / (2 * radius))
    return round(MOON_FADES * clear * clear)


def halo_share(share: float) -> float:
    """How strong the halo is round a moon drawn `share` of its whole strength."""
    return min(1.0, HALO_GAIN * math.sqrt(share) * (1.0 - share))


class FadedMoon:
    """The moon's glow and crescent at each strength below whole, made when first needed."""

    def __init__(self, height: int, glow: Glow, crescent: pygame.Surface) -> None:
        self.height, self.glow, self.crescent = height, glow, crescent
        self._made: dict[int, tuple[pygame.Surface, pygame.Surface]] = {}

    def at(self, level: int) -> tuple[pygame.Surface, pygame.Surface]:
        """The glow (laid additively) and the crescent at `level` of MOON_FADES: both as the
        square root of its strength (the share of its disk clear), the glow with its halo."""
        if level not in self._made:
            share = level / MOON_FADES
            reach, color, falloff = self.glow
            glow = radial(int(self.height * reach), scaled(color, math.sqrt(share)), falloff)
            halo_reach, halo_color, halo_falloff = HALO
            halo = radial(int(self.height * halo_reach),
                          scaled(halo_color, halo_share(share)), halo_falloff)
            glow.blit(halo, halo.get_rect(center=glow.get_rect().center),
                      special_flags=pygame.BLEND_RGB_ADD)
            crescent = self.crescent.copy()
            crescent.set_alpha(round(255 * math.sqrt(share)))
            self._made[level] = (glow, crescent)
        return self._made[level]
