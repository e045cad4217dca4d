"""Building a scene ahead goes in short pieces (one slow piece is a visible hitch in the running
show), and a layer built in pieces draws what one built at once draws."""

from __future__ import annotations

import math
from collections.abc import Generator
from typing import Any, TypeVar

import numpy as np
import pygame
import pytest

from installation.visuals import flames, oil, pen, plume
from installation.visuals.base import at_once
from installation.visuals.made_once import MadeOnce
from installation.visuals.pen import Pen

Made = TypeVar("Made")

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


SMOKE = plume.Shape(0, 0, 900.0, 200.0, 30.0, 260.0, 40.0)  # a heavy column at 1920x1080


def smoke_strip(monkeypatch: pytest.MonkeyPatch, points: int) -> tuple[np.ndarray, int]:
    """The top height class's strip of SMOKE made in pieces of `points` texture points, as an
    array of its colour and alpha, and how many pauses it took."""
    monkeypatch.setattr(plume, "PIECE_PIXELS", points)
    climbed = plume.class_heights(SMOKE)[-1]
    amounts, made = pieces_of(plume.texture(SMOKE, climbed, 7))
    image, painting = pieces_of(plume.painted(SMOKE, climbed, amounts, (60, 55, 50), 0.9))
    pixels = np.dstack([pygame.surfarray.array3d(image), pygame.surfarray.array_alpha(image)])
    return pixels, made + painting


def pieces_of(pieces: Generator[None, None, Made]) -> tuple[Made, int]:
    """What a set-up makes, and how many pauses it took."""
    pauses = 0
    try:
        while True:
            next(pieces)
            pauses += 1
    except StopIteration as made:
        return made.value, pauses


def test_a_smoke_column_is_made_a_few_thousand_points_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Its widest strip (hundreds of pixels by LOOP rows, made whole in 40-90 ms at 1920x1080,
    a hitch in the flash and the ash) pauses after every PIECE_PIXELS points or so, and the
    flames' loop after each of its frames."""
    wide = round(plume.width_at(SMOKE, plume.class_heights(SMOKE)[-1]) * (1 + plume.MARGIN))
    _, pauses = smoke_strip(monkeypatch, plume.PIECE_PIXELS)
    assert pauses * 2 * plume.PIECE_PIXELS >= wide * plume.LOOP
    assert sum(1 for _ in flames.make_fire(40, 90, (255, 140, 40), 3, 2,
                                           MadeOnce())) >= flames.FRAMES


def test_a_smoke_column_made_in_pieces_is_the_one_made_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """However many pieces its strip is made in, it is the same texture."""
    pieced, _ = smoke_strip(monkeypatch, 5_000)
    whole, pauses = smoke_strip(monkeypatch, 10**9)
    assert pauses == 2 and np.array_equal(pieced, whole) and pieced[..., 3].any()


def test_a_smoke_strip_is_coloured_in_far_fewer_pieces_than_its_texture() -> None:
    """Colouring a strip looks each pixel up whole by its amount of smoke (a tenth of a
    millisecond per PIECE_PIXELS points): its pieces, each PAINTED_FASTER times as many points,
    are a handful, not as many as its texture's (Ash's 1,645 painting pieces were over half
    of its build behind the flash)."""
    climbed = plume.class_heights(SMOKE)[-1]
    amounts, made = pieces_of(plume.texture(SMOKE, climbed, 7))
    _, painting = pieces_of(plume.painted(SMOKE, climbed, amounts, (60, 55, 50), 0.9))
    assert made >= 10 and painting * 8 <= made


def tall_drawing(pen_: Pen, color: tuple[int, int, int]) -> None:
    """A tall thin spire of many corners, and a thick stroke beside it."""
    corners = [(0.3 * math.sin(n / 7), 30.0 * n / 400) for n in range(400)]
    pen_.polygon([*corners, (1.0, 30.0), (1.0, 0.0)], color)
    pen_.stroke([(2.0, 0.0), (2.5, 15.0), (2.0, 30.0)], 0.4, 0.1, color)


def test_a_tall_drawings_polygon_is_painted_once_a_chunk_not_once_a_band(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A polygon costs its whole height wherever it is painted (each row looks at every
    edge): a drawing 30 units tall at 40 px a unit is painted a chunk of CHUNK_ROWS at a time,
    the polygon once a chunk, not once a band of BAND_ROWS (Dream's bands took 5-12 ms
    each); the spire is drawn whole."""
    painted: list[int] = []
    real = pygame.draw.polygon

    def polygon(*args: Any, **kwargs: Any) -> pygame.Rect:
        painted.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(pygame.draw, "polygon", polygon)
    steps = pen.render(tall_drawing, (-1.0, 3.0, 0.0, 30.0), 40.0, False, (200, 190, 180))
    image, _pauses = pieces_of(steps)
    height = 30 * 40 * pen.SUPERSAMPLE
    assert len(painted) <= height // pen.CHUNK_ROWS + 1 < height // pen.BAND_ROWS
    alpha = pygame.surfarray.array_alpha(image)
    assert (alpha[:, ::60] > 240).any(axis=0).all()  # solid from its foot to its tip
