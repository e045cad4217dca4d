"""At noon the mother's rump, above the tar, ends in her shaggy coat's ragged edge, not a ruled
line: her tail, hanging straight down it and tilted with her in the tar, stood as a vertical cut
down her rump (x 560-562, y 846-892 at 1920x1080)."""

from __future__ import annotations

import numpy as np
import pygame

from .test_mammoth_head import mother

SCENE = "La Brea Tar Pits"
ROWS = (830, 900)  # the picture's rows where her rump is the left edge of her
SOLID = 100  # alpha: a pixel of her
RULED = 2  # columns: her left edge staying within this many of one column ...
LONGEST = 20  # ... over at most this many rows running (base: 54, a ruled line)


def longest_straight(columns: list[int]) -> int:
    """The most rows running whose columns all lie within RULED of each other."""
    best = 0
    for start in range(len(columns)):
        low = high = columns[start]
        end = start
        while end < len(columns):
            low, high = min(low, columns[end]), max(high, columns[end])
            if high - low > RULED:
                break
            end += 1
        best = max(best, end - start)
    return best


def test_her_rump_has_no_vertical_cut() -> None:
    her = mother(SCENE)
    alpha = pygame.surfarray.array_alpha(her.image)
    top = ROWS[0] - her.feet[1] - her.sink
    edge = [int(np.flatnonzero(alpha[:, row] > SOLID)[0])
            for row in range(top, top + ROWS[1] - ROWS[0])]
    straight = longest_straight(edge)
    assert straight <= LONGEST, f"her rump's edge runs straight down {straight} rows: {edge}"
