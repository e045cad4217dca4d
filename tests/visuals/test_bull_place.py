"""At noon the bull stands on the far shore clear of the May Company: in front of its gold drum
and cream banded box he stood on them as on a plinth, a tower's size, not an animal in front
of a distant city."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeline.loader import parse_timeline

from .helpers import SHIPPED, draw

SIZE = (960, 540)
AT = "13:15"
CITY = (0.45, 0.645)  # the far city's rows, as shares of the height: down to the far shore
WARM = 12  # the May Company's pixels: red above blue by more than this (gold, cream stone) ...
LIT = 120  # ... and this bright (the towers in the noon haze are bluish, the sky blue)


def without_the_bull() -> str:
    """The shipped day with noon's bull left out."""
    text = SHIPPED.read_text()
    start = text.index('shape = "bull"')
    start = text.rindex("[[scene.layers]]", 0, start)
    end = text.index("[[scene.layers]]", start + 1)
    return text[:start] + text[end:]


def test_at_noon_the_bull_stands_clear_of_the_may_company() -> None:
    shipped, alone = (pygame.surfarray.array3d(draw(parse_timeline(text, SHIPPED.name, SHIPPED),
                                                    AT, size=SIZE))
                      for text in (SHIPPED.read_text(), without_the_bull()))
    rows = slice(int(SIZE[1] * CITY[0]), int(SIZE[1] * CITY[1]))
    bull = np.abs(shipped.astype(int) - alone.astype(int)).max(axis=2)[:, rows] > 0
    columns, lines = np.nonzero(bull)
    assert columns.size > 500, "the bull stands on the far shore"
    city = alone[:, rows].astype(int)
    may = (city[..., 0] - city[..., 2] > WARM) & (city[..., 0] > LIT)
    assert may.sum() > 500, "the May Company's drum and box stand in the city"
    box = may[columns.min():columns.max() + 1, lines.min():lines.max() + 1]
    assert not box.any(), f"{box.sum()} pixels of the May Company behind the bull"
