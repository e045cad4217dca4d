"""Building a scene ahead goes in short pieces (one slow piece is a visible hitch in the running
show), and a layer built in pieces draws what one built at once draws."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals import oil
from installation.visuals.base import at_once

WALL = (1920, 120)  # the oil's shade: as wide as the shown picture, some of a pool's rows
OIL_COLUMNS = 40  # columns of the oil a piece, at most (~5 ms at 1920x1080; 80 took 8-15)


def oiled_shade(monkeypatch: pytest.MonkeyPatch, pieces: int | None = None) -> np.ndarray:
    """A grey shade oiled (in `pieces` bands, if given), as an array."""
    if pieces is not None:
        monkeypatch.setattr(oil, "PIECES", pieces)
    shade = pygame.Surface(WALL)
    shade.fill((180, 180, 180))
    at_once(oil.oiled(shade, 11))
    return pygame.surfarray.array3d(shade)


def test_the_oil_is_worked_out_a_narrow_band_of_columns_a_piece() -> None:
    """Across the whole picture's width, each pause of the oil's making comes after at most
    OIL_COLUMNS columns."""
    shade = pygame.Surface(WALL)
    pauses = sum(1 for _ in oil.oiled(shade, 11))
    assert pauses * OIL_COLUMNS >= WALL[0]


def test_the_oil_made_in_bands_is_the_oil_made_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """However many bands it is made in, the oil colours every pixel alike."""
    banded = oiled_shade(monkeypatch)
    whole = oiled_shade(monkeypatch, 1)
    assert np.array_equal(banded, whole) and (banded != 180).any()
