"""The light wipe takes the mother whole only where she shows: the tar heaped against her
(where her picture at rest goes on down to the waterline, under it) is the front's, as the rest
of the tar is; laid with her, the hull of her legs under it hung in the tar as a pale wedge with
ruler-straight sides at 10:32:33 (review 26 #2)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.light_figures import Standing, Whole

from .helpers import headless

SIZE = (80, 60)
LINE = 50  # the tar's surface row at her place
HEAP = 12  # rows of tar heaped against her over it
NIGHT, MORNING = (10, 10, 40), (200, 160, 120)


def her(colour: tuple[int, int, int]) -> Standing:
    """A figure whose picture at rest is a block from row 10 down to the line, the tar heaped
    against her HEAP rows high."""
    picture = pygame.Surface((40, LINE - 10), pygame.SRCALPHA)
    picture.fill((*colour, 255))
    return Standing(picture, (20, 10), LINE, ("mammoth", 0.5, 0.8),
                    np.full(40, float(HEAP), np.float32))


def test_the_tar_heaped_against_her_is_the_fronts_not_a_wedge_of_her_hull() -> None:
    headless()
    whole = Whole()
    whole.fit((her(NIGHT), her(MORNING)))
    whole.made()
    target = pygame.Surface(SIZE)
    target.fill(NIGHT)
    whole.keep(target)
    target.fill(MORNING)  # the front has laid the morning over all the land
    whole.lay(target, target.copy(), 0.0, (0, 0, 0))  # the light not yet at her waterline
    assert target.get_at((40, 20))[:3] == NIGHT, "her body is the night's until it turns"
    for row in (LINE - HEAP, LINE - 2):
        assert target.get_at((40, row))[:3] == MORNING, (
            f"row {row}: the tar heaped against her shows the night's kept hull")
