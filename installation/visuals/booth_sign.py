"""The booth's TELEPHONE sign: bold condensed capitals set wide, as on a Bell-era booth's hood;
lit, a panel glowing from the tubes behind it, its light spilling into the night round it."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.fonts import Fonts, spaced
from installation.visuals.glow import blur

FACE = "sign"  # the shipped bold condensed sans (DejaVu Sans Condensed Bold)
LETTERS = 0.62  # the capitals' size, of the band's height
TRACKING = 0.12  # letters set this much of their size further apart (a sign painter's spacing)
FIT = 0.86  # the word fills at most this share of the band's width
# Lit: the panel's white at its middle (the tubes behind it), falling to this share at its
# top and foot; its letters a deep Bell blue; the glow round it (of the panel's light, this
# many band heights out).
PANEL, PANEL_EDGE = 0.82, 0.8
INK: Color = (18, 52, 128)
HALO, HALO_REACH = 0.35, 0.9


def letters(fonts: Fonts, band: pygame.Rect, ink: Color, where: str) -> pygame.Surface:
    """TELEPHONE in the sign's face, fitted to `band`, on a transparent surface."""
    font = fonts.get(FACE, max(6, round(band.height * LETTERS)), where)
    tracking = round(font.get_height() * TRACKING)
    word = spaced(font, "TELEPHONE", ink, tracking)
    word = word.subsurface((0, 0, max(1, word.get_width() - tracking), word.get_height()))
    if word.get_width() > band.width * FIT:
        return pygame.transform.smoothscale(word, (round(band.width * FIT), word.get_height()))
    return word.copy()


def sign(front: pygame.Surface, band: pygame.Rect, glow: Color, ink: Color,
         word: pygame.Surface, lit: bool) -> None:
    """The hood's band on the booth's `front` with `word` across it; lit, brightest along
    its middle, as a panel lit from behind."""
    pygame.draw.rect(front, (*glow, 255), band)
    if lit:
        edge = scaled(glow, PANEL_EDGE)
        half = max(1, band.height // 2)
        for row in range(band.height):
            away = abs(row - half) / half
            pygame.draw.line(front, (*mix(glow, edge, away * away), 255),
                             (band.left, band.top + row), (band.right - 1, band.top + row))
    front.blit(word, word.get_rect(center=band.center))


def panel(light: Color) -> Color:
    """The lit panel's white (the tube's light, whitened)."""
    return mix(light, (255, 255, 255), PANEL)


def halo(band: pygame.Rect, glow: Color) -> tuple[pygame.Surface, tuple[int, int]]:
    """The lit sign's light in the night air round it (to add), and where it goes."""
    reach = max(2, round(band.height * HALO_REACH))
    out = pygame.Surface((band.width + 4 * reach, band.height + 4 * reach))
    pygame.draw.rect(out, scaled(glow, HALO), (2 * reach, 2 * reach, band.width, band.height))
    out = blur(out, max(2, reach // 2), 3)
    return out, (band.left - 2 * reach, band.top - 2 * reach)
