"""The moon rising behind a scene's roofs: faded in as it clears them (a thin bright sliver of
it over a roof's edge read as a white chip on the roof, not as the moon)."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, clamp01, scaled
from installation.visuals.glow import radial

MOON_FADES = 8  # the moon clearing the roofs comes in in this many steps of strength
Glow = tuple[float, Color, float]  # radius (a share of the picture's height), colour, falloff


def strength(rooftops: float, height: int, radius: int, cy: int) -> int:
    """How strongly the moon centred at `cy` is drawn, 0 to MOON_FADES: whole unless the
    scene's roofs stand `rooftops` (a share of the picture's height) down from the top; then
    as the square of the share of its disk above them (a sliver faint, half of it a quarter)."""
    if rooftops <= 0:
        return MOON_FADES
    clear = clamp01((height * rooftops - (cy - radius)) / (2 * radius))
    return round(MOON_FADES * clear * clear)


class FadedMoon:
    """The moon's glow and crescent at each strength below whole, made when first needed."""

    def __init__(self, height: int, glow: Glow, crescent: pygame.Surface) -> None:
        self.height, self.glow, self.crescent = height, glow, crescent
        self._made: dict[int, tuple[pygame.Surface, pygame.Surface]] = {}

    def at(self, level: int) -> tuple[pygame.Surface, pygame.Surface]:
        """The glow (laid additively) and the crescent at `level` of MOON_FADES."""
        if level not in self._made:
            share, (reach, color, falloff) = level / MOON_FADES, self.glow
            crescent = self.crescent.copy()
            crescent.set_alpha(round(255 * share))
            self._made[level] = (radial(int(self.height * reach), scaled(color, share), falloff),
                                 crescent)
        return self._made[level]
