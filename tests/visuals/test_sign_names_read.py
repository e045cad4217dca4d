"""Johnie's name reads on its burnt signs after the flash: on the blade hanging off the pylon
in the flash every letter of "Johnie's" is there (one fallen, it read "Johne's"), and on the
blade fallen in the ash each dead tube keeps its letter's shape (broken where it cut a letter
in two, the name read "lohnrus")."""

from __future__ import annotations

import random

import numpy as np
import pygame
import pytest

from installation.visuals import burnt_sign
from installation.visuals.burnt_sign import DEAD_TUBE
from installation.visuals.dead_neon import dead_script
from installation.visuals.fonts import Fonts
from installation.visuals.wilshire import SIGN, SIGN_FONT

WIDE = 480  # the blade's width, pixels
GLASS_NEAR = 6  # a pixel of dead tube: this near its glass's colour
LETTER_KEPT = 0.5  # each letter's tube: at least this share of its strokes' cores glass
DEAD_SIZE = 140  # the fallen sign's script at this size
METAL = (110, 110, 104)  # its burnt face round it
APART = 15  # a pixel of its dead glass (dark, or its dull sheen) or its shadow: this many grey
# levels off the metal's at least
SHAPE_KEPT = 0.9  # each letter of it: this share of its strokes' cores dark glass at least
STRAY = 0.02  # ... and the dark off the letters (shards, shadow past a stroke's side) no more
# than this share of the letters' ink
SEEDS = range(6)


def _fonts() -> Fonts:
    return Fonts(lambda _message: None)


def _cores(font: pygame.font.Font, words: str, at: tuple[int, int],
           size: tuple[int, int]) -> list[np.ndarray]:
    """Each letter's strokes' cores (x, y masks on a picture of `size`), the words' left top
    at `at`, as the signs lay them (a letter's own, not where it overlaps its neighbours)."""
    out = []
    for n, letter in enumerate(words):
        mask = np.zeros(size, bool)
        if not letter.isspace():
            ink = pygame.surfarray.array_alpha(font.render(letter, True, (255, 255, 255)))
            x = at[0] + font.size(words[:n])[0]
            w, h = ink.shape
            mask[x:x + w, at[1]:at[1] + h] = ink >= 200
        out.append(mask)
    for n, mask in enumerate(out):  # (only where no other letter is)
        others = [other for k, other in enumerate(out) if k != n]
        out[n] = mask & ~np.any(others, axis=0) if others else mask
    return out


def test_the_hanging_signs_name_has_every_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Laid flat, the burnt blade of the flash has dead tube over at least half of each
    letter's strokes: J, o, h, n, i, e, ', s."""
    monkeypatch.setattr(burnt_sign, "FOLD", 0.0)
    fonts = _fonts()
    flat = burnt_sign.burnt_sign(fonts.get, SIGN, SIGN_FONT, WIDE, (32, 32, 32), 7)
    height = burnt_sign.sign_height(fonts.get, SIGN, SIGN_FONT, WIDE)
    font = fonts.get(SIGN_FONT, round(height * burnt_sign.NAME_SIZE))
    total, tall = font.size(SIGN)
    centre = (flat.get_width() // 2, round(flat.get_height() / 2 - height * burnt_sign.NAME_LIFT))
    rgb = pygame.surfarray.array3d(flat).astype(int)
    glass = np.abs(rgb - np.array(DEAD_TUBE)).max(axis=2) <= GLASS_NEAR
    cores = _cores(font, SIGN, (centre[0] - total // 2, centre[1] - tall // 2), flat.get_size())
    kept = {letter: round(float(glass[core].mean()), 2)
            for letter, core in zip(SIGN, cores, strict=True) if core.any()}
    assert min(kept.values()) >= LETTER_KEPT, f"each letter's share of glass: {kept}"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_fallen_signs_dead_tubes_keep_every_letters_shape(seed: int) -> None:
    """On the burnt metal each letter of the dead script is dark glass over nine tenths of
    its strokes at least, its few breaks small, and nearly nothing dark lies off the letters
    (shards long as strokes, a shadow as wide as a second stroke: the name misread)."""
    font = _fonts().get(SIGN_FONT, DEAD_SIZE)
    total, tall = font.size(SIGN)
    size = (total + 80, tall + 80)
    image = pygame.Surface(size, pygame.SRCALPHA)
    image.fill((*METAL, 255))
    for _ in dead_script(image, font, SIGN, (size[0] // 2, size[1] // 2), random.Random(seed)):
        pass
    grey = pygame.surfarray.array3d(image).astype(int).mean(axis=2)
    dark = np.abs(grey - np.mean(METAL)) >= APART
    at = (size[0] // 2 - total // 2, size[1] // 2 - tall // 2)
    cores = _cores(font, SIGN, at, size)
    kept = {letter: round(float(dark[core].mean()), 2)
            for letter, core in zip(SIGN, cores, strict=True) if core.any()}
    assert min(kept.values()) >= SHAPE_KEPT, f"each letter's share of dark glass: {kept}"
    ink = np.zeros(size, bool)
    whole = pygame.surfarray.array_alpha(font.render(SIGN, True, (255, 255, 255))) > 0
    ink[at[0]:at[0] + whole.shape[0], at[1]:at[1] + whole.shape[1]] = whole  # (all of it: cut
    # at the words' advance, the s's tail past it counted as stray dark)
    near = _grown(ink, max(2, round(DEAD_SIZE / 16)))
    stray = int((dark & ~near).sum())
    assert stray <= STRAY * ink.sum(), f"{stray} dark pixels off the letters ({ink.sum()} ink)"


def _grown(mask: np.ndarray, reach: int) -> np.ndarray:
    """`mask` grown by `reach` pixels all round."""
    out = mask.copy()
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            if dx * dx + dy * dy <= reach * reach:
                out |= np.roll(np.roll(mask, dx, axis=0), dy, axis=1)
    return out
