"""Fonts: the ones shipped in assets/fonts, a curator's own, and a fallback when one is missing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
from pygame.typing import ColorLike

from installation.core.timeline.layer_catalog import SHIPPED_FONTS
from installation.visuals.script_letters import Stroke, redrawn

ASSETS = Path(__file__).resolve().parents[2] / "assets"
SHIPPED = SHIPPED_FONTS
FIT = 0.92  # lettering fills at most this share of its panel's width
STROKES = ".jhf"  # a Hershey font: letters as single pen strokes (a neon tube's path)
HERSHEY_ORIGIN = ord("R")  # a Hershey coordinate is its letter's code less this one's
HERSHEY_EM = 32  # Hershey units in a font's size (its letters' height, ascender to descender)
HERSHEY_TOP = -16  # the em's top, in Hershey units (y grows downwards)
STROKE_WIDTH = 1 / 16  # a stroke's width, as a share of the font's size (as thick as a tube)
SUPERSAMPLE = 3  # strokes drawn this many times larger, then smoothed down (soft edges)


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
            if path.suffix == STROKES:
                return StrokeFont(path, size)
            return pygame.font.Font(str(path), size)
        except (OSError, FileNotFoundError, pygame.error, ValueError):
            if name not in self._missing:
                self._missing.add(name)
                prefix = f"{where}: " if where else ""
                self.warn(f"{prefix}font file '{path}' could not be read; "
                          "using pygame's built-in font instead")
            return pygame.font.Font(None, size)


class StrokeFont(pygame.font.Font):
    """A Hershey font's letters drawn as single strokes of even width, like bent tubes
    (answers `size` and `render` as a pygame font does)."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(None, size)
        self.glyphs = redrawn(path.name, hershey(path.read_text(encoding="ascii")))
        self.scale = size / HERSHEY_EM
        self.width = max(2, round(size * STROKE_WIDTH))
        self.margin = self.width  # room round the letters for a stroke's round ends

    def size(self, text: str | bytes) -> tuple[int, int]:  # type: ignore[override]
        words = text.decode() if isinstance(text, bytes) else text
        advance = sum(self._glyph(ch)[1] for ch in words)
        return round(advance * self.scale), self.get_height()

    def get_height(self) -> int:
        return round(HERSHEY_EM * self.scale) + 2 * self.margin

    def get_linesize(self) -> int:
        return self.get_height()

    def render(self, text: str | bytes | None, antialias: bool,
               color: ColorLike, bgcolor: ColorLike | None = None,
               wraplength: int = 0) -> pygame.Surface:
        words = (text.decode() if isinstance(text, bytes) else text) or ""
        width, height = self.size(words)
        k = SUPERSAMPLE
        big = pygame.Surface(((width + 2 * self.margin) * k, height * k), pygame.SRCALPHA)
        ink = pygame.Color(color)
        for path in self.paths(words)[0]:
            points = [((self.margin + px * self.scale) * k,
                       (self.margin + (py - HERSHEY_TOP) * self.scale) * k) for px, py in path]
            _pen(big, ink, points, self.width * k)
        return pygame.transform.smoothscale(big, (width + 2 * self.margin, height))

    def paths(self, text: str) -> tuple[list[list[tuple[float, float]]], float]:
        """`text`'s strokes laid along one line (Hershey units, the pen starting at 0), and
        how far it moves the pen."""
        paths: list[list[tuple[float, float]]] = []
        x = 0.0
        for ch in text:
            strokes, advance, left = self._glyph(ch)
            paths += [[(x - left + px, py) for px, py in stroke] for stroke in strokes]
            x += advance
        return paths, x

    def _glyph(self, ch: str) -> tuple[tuple[Stroke, ...], float, float]:
        """A letter's strokes, how far it moves the pen on, and its left edge."""
        return self.glyphs.get(ch) or self.glyphs.get("?", ((), HERSHEY_EM / 2, 0.0))


def _pen(surface: pygame.Surface, ink: pygame.Color, points: list[tuple[float, float]],
         width: int) -> None:
    """One stroke of even width with round ends and joins."""
    if len(points) > 1:
        pygame.draw.lines(surface, ink, False, points, width)
    for point in points:
        pygame.draw.circle(surface, ink, point, width / 2)


def hershey(data: str) -> dict[str, tuple[tuple[Stroke, ...], float, float]]:
    """A Hershey (.jhf) font's letters from space on, each as its strokes, its advance and
    its left edge; a line not in the format raises ValueError."""
    glyphs = {}
    for code, line in enumerate(line for line in data.splitlines() if line.strip()):
        pairs = [(ord(line[i]) - HERSHEY_ORIGIN, ord(line[i + 1]) - HERSHEY_ORIGIN)
                 for i in range(8, len(line) - 1, 2)]
        if not pairs:
            raise ValueError(f"not a Hershey font line: {line[:20]!r}")
        (left, right) = pairs[0]
        strokes: list[Stroke] = []
        stroke: list[tuple[float, float]] = []
        for point in pairs[1:]:
            if point == (-50, 0):  # " R": the pen lifts
                strokes.append(tuple(stroke))
                stroke = []
            else:
                stroke.append((float(point[0]), float(point[1])))
        strokes.append(tuple(stroke))
        glyphs[chr(32 + code)] = (tuple(s for s in strokes if s), float(right - left),
                                  float(left))
    return glyphs


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
