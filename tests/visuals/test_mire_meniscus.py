"""Where the noon mother meets the tar it is drawn up round her in a meniscus: a thin lip of
the sky's sheen runs along nearly all of her edge, over an uneven heap (broken into short
glints, with her black fur cut off over the black tar, the edge read as a ruled cut)."""

from __future__ import annotations

import numpy as np
import pygame

from .helpers import draw
from .test_mire import BIG, WHITE, her_columns, mother, pit

ALONG = 0.85  # of her columns at the surface, at least, show the lip's sheen
SHEEN = 25  # levels (summed) the lip stands over the tar just under the line, at least


def test_a_lip_of_sheen_runs_along_nearly_all_of_her_edge_in_the_tar() -> None:
    """At 12:00, in nearly every column of her at the surface, the rows of the tar heaped
    against her hold a pixel of sheen lighter than the tar just under the line."""
    white = pit(WHITE, at="12:00")
    columns = her_columns(pygame.surfarray.array3d(draw(white, "12:00", size=BIG)).astype(int),
                          mother(white))
    line = pit(at="12:00")
    frame = pygame.surfarray.array3d(draw(line, "12:00", size=BIG)).astype(int).sum(axis=2)
    her = mother(line)
    assert her.wading is not None
    heaped = frame[columns, her.line - 2 * her.wading.rise:her.line + 1]
    tar = np.median(frame[columns, her.line + 3:her.line + 8])
    share = float(np.mean(heaped.max(axis=1) > tar + SHEEN))
    assert share >= ALONG, share
