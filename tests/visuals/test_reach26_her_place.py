"""As the tar closes over the mother's place (10:41:55), it heaves up softly and fades into the
tar all round: no flat dark disc with a hard rim, a manhole's lid (review 26 #5)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.mire_close import SINCE, STEPS, Closing

from .helpers import headless

SPAN = 300.0  # the last of her, in pixels (about the shipped day's at 1080 rows)
SKY = (150, 140, 130)
TAR = (120, 108, 96)  # the pool round her place
HEAVING = -0.2  # real seconds before the last of her has gone: the tar heaving over her place
SOFT = 15  # no two neighbouring pixels differ by more than this (levels, summed: base 86)
SHOWS = 0.92  # and the swell shows: its darkest at most this share of the tar's light


def test_the_tar_heaves_softly_over_her_place() -> None:
    headless()
    closing = Closing(SPAN, SKY)
    for _ in closing.pieces():
        pass
    tar = pygame.Surface((400, 200))
    tar.fill(TAR)
    closing.draw(tar, (200, 100), int((HEAVING - SINCE) * STEPS))
    light = pygame.surfarray.array3d(tar).astype(int).sum(axis=2)
    jump = max(int(np.abs(np.diff(light, axis=axis)).max()) for axis in (0, 1))
    assert jump <= SOFT, f"an edge {jump} levels hard round her place: a lid"
    assert light.min() <= SHOWS * sum(TAR), "the tar does not heave over her place"
