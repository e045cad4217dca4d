"""A silhouette's reflection in still tar or a wet street, and the reflections kept for the
figure shown and for the one made ahead (a sinking figure's changes as she goes down)."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color
from installation.visuals.tarpit import MIRROR_DIM, tint

MIRROR_SQUASH = 0.7
MIRROR_TINT: Color = tint(MIRROR_DIM)  # as the pool browns what it mirrors
Pair = tuple[pygame.Surface, pygame.Surface]  # a figure, and its reflection


def mirrored(figure: pygame.Surface, reflect: float) -> pygame.Surface:
    """Its reflection: upside down, dim (`reflect` of its strength, halved), squashed a
    little. Made of the whole figure; a sunk figure shows only the top of it."""
    flipped = pygame.transform.flip(figure, False, True)
    flipped = pygame.transform.smoothscale(flipped, (flipped.get_width(), max(
        1, int(figure.get_height() * MIRROR_SQUASH))))
    fade(flipped, reflect * 0.5, MIRROR_TINT)
    return flipped


def fade(image: pygame.Surface, share: float, tint: Color = (255, 255, 255)) -> None:
    """Make a figure's pixels see-through: `share` of their alpha left (and their colour
    multiplied by `tint`, 255 for all of it)."""
    image.fill((*tint, round(255 * share)), special_flags=pygame.BLEND_RGBA_MULT)


def skipped(height: int, visible: int) -> int:
    """The rows at the top of a figure's mirror not shown (the figure `height` rows high,
    `visible` of them above the tar)."""
    return int((height - visible) * MIRROR_SQUASH)


class Mirrors:
    """The reflection of the figure as it shows (kept for the last one asked), and of the one
    made ahead of it (each made a piece of its own)."""

    def __init__(self, figure: pygame.Surface, mirror: pygame.Surface, reflect: float) -> None:
        self.reflect = reflect
        self.shown: Pair = (figure, mirror)
        self.ahead: Pair | None = None

    def of(self, figure: pygame.Surface) -> pygame.Surface:
        """The reflection of `figure` (made now unless kept)."""
        if self.shown[0] is not figure:
            ahead = self.ahead
            self.shown = (ahead if ahead is not None and ahead[0] is figure
                          else (figure, mirrored(figure, self.reflect)))
        return self.shown[1]

    def kept(self, figure: pygame.Surface) -> bool:
        """Is this figure's reflection kept (the one shown, or the one made ahead)?"""
        ahead = self.ahead
        return self.shown[0] is figure or (ahead is not None and ahead[0] is figure)

    def make_ahead(self, figure: pygame.Surface) -> None:
        """Make the reflection of the figure coming next, unless it is kept."""
        if not self.kept(figure):
            self.ahead = (figure, mirrored(figure, self.reflect))
