"""Park La Brea, 04:45: Lucy and Ivan are two silhouettes rimmed by the lamp on their left,
and only where the lamp can reach: his arm round her, over her back, shows no rim across it
(at 32100100 each arm was rimmed over the body under it: a lit line curving across her dark
back, x 300-435, y 340-515, as if cut out and laid on)."""

from __future__ import annotations

import numpy as np
import pygame

from .test_park21_one_place import as_up_close  # (their size and place before park21)

AT = "04:45"
BACK = pygame.Rect(300, 340, 136, 176)  # her back, his arm round it
DARK = 45  # luminance: a silhouette's pixel
LIT = 70  # luminance: brighter than this is lit
ACROSS = 6  # pixels: a lit pixel with their dark this far either side lies across them
MOST = 120  # lit pixels across them at most (at 32100100: 662)


def test_no_rim_lies_across_her_back() -> None:
    rgb = pygame.surfarray.array3d(as_up_close(AT).subsurface(BACK)).astype(float)
    lum = rgb @ np.array([0.3, 0.59, 0.11])
    dark = lum < DARK
    across = dark[:-2 * ACROSS] & dark[2 * ACROSS:] & (lum[ACROSS:-ACROSS] > LIT)
    assert dark.mean() > 0.5, "the couple fill the box"
    assert across.sum() <= MOST, f"{across.sum()} lit pixels lie across their bodies"
