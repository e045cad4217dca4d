"""The noon mother's tar line: the tar on her coat is its wet edge on her hair, dark and
glossy along an uneven top, not pale streaks standing up her coat as a row of teeth."""

from __future__ import annotations

import numpy as np
import pygame

from .test_mammoth_head import mother

NOON_SKY = (92, 128, 184)  # the blue noon sky the wet tar gives back
OWN = 3 * 11  # her coat (#0b0b0d), summed levels
PALER = 18  # summed levels over her coat that read as a paler streak on it
TEETH = 0.02  # at most this share of the soaked coat so much paler (0.14 stood as teeth)
GLOSS = 150  # at least this many pixels of its top edge catch the sky


def noon_coat() -> tuple[np.ndarray, np.ndarray]:
    """The noon mother's soaked coat as the scene holds her: its summed levels and alpha."""
    her = mother("La Brea Tar Pits")
    assert her.wading is not None
    her.wading.prepare(her._visible(her.sink), NOON_SKY)
    coat = her.wading._coat
    return (pygame.surfarray.array3d(coat).astype(int).sum(axis=2),
            pygame.surfarray.array_alpha(coat))


def test_the_soaked_coat_is_dark_without_pale_teeth() -> None:
    """Where the tar has soaked her coat, it is no paler than her coat: the streaks running up
    her, filled with the sky's sheen, stood as pale pointed teeth along her tar line."""
    level, alpha = noon_coat()
    soaked = alpha > 200
    assert soaked.sum() > 2000, "the tar clings to her lowest rows"
    paler = (level[soaked] > OWN + PALER).mean()
    assert paler <= TEETH, f"{paler:.0%} of her soaked coat is paler than her coat"


def test_the_wet_edge_on_her_hair_is_glossy() -> None:
    """Along the top of the soaked fur the sky glints in a thin broken line: the tar is wet."""
    level, alpha = noon_coat()
    glossy = (alpha > 40) & (level > OWN + PALER)
    assert glossy.sum() >= GLOSS, f"{glossy.sum()} pixels of the wet edge glint"
