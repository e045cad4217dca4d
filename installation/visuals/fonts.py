"""Fonts: the ones shipped in assets/fonts, a curator's own, and a fallback when one is missing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from installation.core.timeline.layer_catalog import SHIPPED_FONTS

ASSETS = Path(__file__).resolve().parents[2] / "assets"
SHIPPED = SHIPPED_FONTS
FIT = 0.92  # lettering fills at most this share of its panel's width


class Fonts:
    """Loads fonts by shipped name or file path; a missing file warns once and falls back."""

    def __init__(self, warn: Callable[[str], None], folder: Path = ASSETS / "fonts") -> None:
        pygame.font.init()
        self.warn = warn
        self.folder = folder
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}
        self._missing: set[str] = set()

    def get(self, name: str, size: int, where: str = "") -> pygame.font.Font:
        """A font by shipped name (SHIPPED) or a path; never raises."""
        size = max(6, int(size))
        key = (name, size)
        if key not in self._cache:
            self._cache[key] = self._load(name, size, where)
        return self._cache[key]

    def is_missing(self, name: str) -> bool:
        return name in self._missing

    def _load(self, name: str, size: int, where: str) -> pygame.font.Font:
        path = self.folder / SHIPPED[name] if name in SHIPPED else Path(name)
        try:
            return pygame.font.Font(str(path), size)
        except (OSError, FileNotFoundError, pygame.error):
            if name not in self._missing:
                self._missing.add(name)
                prefix = f"{where}: " if where else ""
                self.warn(f"{prefix}font file '{path}' could not be read; "
                          "using pygame's built-in font instead")
            return pygame.font.Font(None, size)


def lettered(surface: pygame.Surface, font: pygame.font.Font, words: str,
             color: tuple[int, int, int], band: pygame.Rect) -> None:
    """Words painted in the middle of a band (a sign's panel), squeezed to fit if too wide."""
    image = font.render(words, True, color)
    if image.get_width() > band.width * FIT:
        image = pygame.transform.smoothscale(image, (round(band.width * FIT), image.get_height()))
    surface.blit(image, image.get_rect(center=band.center))


def spaced(font: pygame.font.Font, words: str, color: tuple[int, int, int],
           tracking: int) -> pygame.Surface:
    """Words in letters set `tracking` pixels further apart than the font sets them (a
    caption's stamp, the countdown's label), on a transparent surface."""
    glyphs = [font.render(ch, True, color) for ch in words]
    width = sum(g.get_width() + tracking for g in glyphs)
    out = pygame.Surface((max(1, width), font.get_linesize()), pygame.SRCALPHA)
    x = 0
    for glyph in glyphs:
        out.blit(glyph, (x, 0))
        x += glyph.get_width() + tracking
    return out
