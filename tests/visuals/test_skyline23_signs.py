"""The names on the Wilshire slabs' roof signs read as lettering from across the lot: at
night lit red strokes of condensed capitals with the dark board between them, not a red bar."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.visuals.compositor import Compositor
from installation.visuals.skyline import Skyline

from .helpers import NO_POST, draw, layer, one_scene

SIZE = (1920, 1080)  # (the searchlights' boards are 16 px tall: their letters 14)
SKY = "#ff00ff"
KEYS = {"style": "wilshire", "ground": 0.8, "height": 0.3, "landmark": False, "restless": 0}
LIT = 60  # a lit letter's red is this much over its green and blue
RED_SHARE = (0.15, 0.7)  # the lit strokes cover this share of a board's face (0.52-0.56; the
# letter-shaped blocks of before: 0.83-0.85)
STROKE = 0.32  # a red run along a row is at most this share of the board's height on average
# (0.19-0.26: a condensed capital's strokes; the blocks of before: 0.37-0.41)


@cache
def _signs() -> tuple[np.ndarray, list[pygame.Rect], list[pygame.Rect]]:
    """The searchlights' skyline alone at 04:52 over a magenta sky (x, y, rgb), its signs'
    boards and the beacons' glows."""
    line = one_scene(layer("sky", top=SKY, bottom=SKY, stars=0, clouds=0, sun=False)
                     + layer("skyline", **KEYS) + NO_POST, at="04:50")
    frame = pygame.surfarray.array3d(draw(line, "04:52", size=SIZE)).astype(int)
    scene = line.scenes[0]
    skyline = Skyline(scene.layers[1].params,
                      Compositor(line, SIZE, print).setup(scene, 1, "skyline"))
    boards = [pygame.Rect(x, skyline.ground - top, width, top - low)
              for b in skyline.buildings for what, x, width, low, top in b.details
              if what == "sign"]
    return frame, boards, [skyline._beacon_rect(n) for n in range(len(skyline.beacons))]


def _lit(frame: np.ndarray, board: pygame.Rect, beacons: list[pygame.Rect]) -> np.ndarray:
    """Which pixels of the board's face (inside its frame) are lit letter, the columns a
    beacon's glow falls on left out."""
    face = board.inflate(-2, -2)
    pixels = frame[face.left:face.right, face.top:face.bottom]
    lit = pixels[..., 0] - np.maximum(pixels[..., 1], pixels[..., 2]) > LIT
    glow = np.zeros(face.width, bool)
    for rect in beacons:
        glow[max(0, rect.left - face.left):max(0, rect.right - face.left)] = True
    return lit[~glow]


def test_a_roof_sign_shows_letters_not_a_red_bar() -> None:
    """Each lit sign is strokes of red over its dark board: the board shows between them
    (a share of its face), and the red along any row breaks into short runs (the letters'
    stems, a few pixels each), so a name's word shapes read across the lot."""
    frame, boards, beacons = _signs()
    assert len(boards) >= 2
    for board in boards:
        lit = _lit(frame, board, beacons)
        assert RED_SHARE[0] < lit.mean() < RED_SHARE[1], (board, lit.mean())
        runs = [len(run) for row in lit.T
                for run in "".join("#" if v else "." for v in row).split(".") if run]
        assert np.mean(runs) <= STROKE * board.height, (board, np.mean(runs))
