"""The names on the Wilshire slabs' roof signs: a bank's or an insurer's name in condensed
capitals, lettered once as white letters on a clear board (painted dark red by day, lit red at
night, by facades)."""

from __future__ import annotations

from collections.abc import Generator, Sequence

import pygame

from installation.visuals.base import hash01
from installation.visuals.fonts import Fonts
from installation.visuals.tower_shapes import Building

FACE = "deco"  # tall condensed capitals (Bebas Neue), as channel letters on a roof read
DRAWN = 64  # the names are lettered this large, then made small (soft, even strokes)...
BOLD = 4  # ...their strokes this many pixels wider there
NAMES = ("PACIFIC FEDERAL", "WESTERN SAVINGS", "CALIFORNIA LIFE", "WILSHIRE FEDERAL",
         "COAST MUTUAL", "SECURITY BANK", "GOLDEN STATE", "FAIRFAX SAVINGS", "HANCOCK LIFE",
         "AMERICAN GENERAL", "PACIFIC", "WESTERN", "COAST", "FIRST STATE", "UNITED LIFE",
         "CITIZENS", "EQUITABLE")  # shorter ones for the narrow boards
FIT = (0.8, 1.25)  # a name is drawn this much narrower or wider than its own letters at most
SPREAD = 0.9  # a name spreads over this share of its board where FIT lets it
FRAME = 1  # pixels of the board round its letters
Lettering = dict[tuple[int, int], pygame.Surface]  # a sign's (x, top) -> its white letters


def sign_letters(buildings: Sequence[Building], fonts: Fonts, seed: int,
                 where: str = "") -> Generator[None, None, Lettering]:
    """Each roof sign's name, white on clear, the size of the board inside its frame, a
    piece a sign."""
    words: dict[str, pygame.Surface] = {}
    used: set[str] = set()
    out: Lettering = {}
    for n, b in enumerate(buildings):
        for what, x, width, low, top in b.details:
            if what != "sign":
                continue
            inner = (max(1, width - 2 * FRAME), max(1, top - low - 2 * FRAME))
            name = _chosen(inner, words, fonts, hash01(seed, n, 26), where, used)
            used.add(name)  # (one building to a name)
            out[x, top] = _fitted(words[name], inner)
            yield
    return out


def _chosen(inner: tuple[int, int], words: dict[str, pygame.Surface], fonts: Fonts,
            pick: float, where: str, used: set[str]) -> str:
    """The first name from where the pick starts that fits the board (else the one that
    fits it best), of those no other sign carries."""
    start = int(pick * len(NAMES))
    best, miss = NAMES[start], float("inf")
    for k in range(len(NAMES)):
        name = NAMES[(start + k) % len(NAMES)]
        if name in used:
            continue
        if name not in words:
            words[name] = _lettered(fonts, name, where)
        word = words[name]
        ratio = word.get_width() * inner[1] / max(1, word.get_height()) / inner[0]
        off = max(FIT[0] / ratio, ratio / FIT[1])  # (1 or less: it fits as it is)
        if off <= 1:
            return name
        if off < miss:
            best, miss = name, off
    return best


def _lettered(fonts: Fonts, name: str, where: str) -> pygame.Surface:
    """A name's letters, large, their strokes thickened (a channel letter's face is wider
    than the book face's line: made small, that read faint), cut to their capitals' box."""
    text = fonts.get(FACE, DRAWN, where).render(name, True, (255, 255, 255))
    bold = pygame.Surface((text.get_width() + BOLD, text.get_height()), pygame.SRCALPHA)
    for dx in range(BOLD + 1):
        bold.blit(text, (dx, 0), special_flags=pygame.BLEND_RGBA_MAX)
    box = bold.get_bounding_rect(min_alpha=64)
    return bold.subsurface(box).copy() if box.width and box.height else bold


def _fitted(word: pygame.Surface, inner: tuple[int, int]) -> pygame.Surface:
    """The name made as tall as the board, as wide as it within FIT of its own letters'
    width (centred on a clear board)."""
    width, height = inner
    own = word.get_width() * height / max(1, word.get_height())
    wide = max(1, min(width, round(min(own * FIT[1], max(own * FIT[0], width * SPREAD)))))
    small = pygame.transform.smoothscale(word, (wide, height))
    board = pygame.Surface(inner, pygame.SRCALPHA)
    board.blit(small, ((width - wide) // 2, 0))
    return board
