"""Across the Lake Pit (14:30-17:00) the museum stands on its lawn bank in the tar's mirror too:
the frieze's reflection sat right at the waterline, the bank under it not mirrored, and the
museum floated on the tar. The first rows under the far edge mirror the lawn (greener than
the frieze's tan mirrored below them)."""

from __future__ import annotations

import pygame

from .helpers import shipped_picture

SIZE = (960, 540)
UNDER_FRIEZE = slice(545, 640)  # columns under the frieze, clear of the atrium and the mother
EDGE = 256  # the first row of the tar under the far edge (its dark lip above it)
BANK, FRIEZE = (0, 16), (24, 40)  # rows under the edge: the lawn's mirror, then the frieze's
GREENER = 3.0  # levels: the lawn's mirror has this much less red over green, at least


def test_at_16_50_the_lawn_bank_is_mirrored_under_the_museum() -> None:
    rgb = pygame.surfarray.array3d(shipped_picture("16:50", SIZE)).astype(float)
    band = rgb[UNDER_FRIEZE, EDGE:EDGE + FRIEZE[1]].mean(axis=0)
    warmth = band[:, 0] - band[:, 1]
    bank, frieze = (warmth[a:b].mean() for a, b in (BANK, FRIEZE))
    assert bank + GREENER <= frieze, f"red over green: bank {bank:.1f}, frieze {frieze:.1f}"
