"""Building a scene ahead goes in short pieces (one slow piece is a visible hitch in the running
show), and a layer built in pieces draws what one built at once draws."""

from __future__ import annotations

import math
import tracemalloc
from collections import deque
from collections.abc import Generator
from typing import Any

import numpy as np
import pygame
import pytest

from installation.visuals import apparition, flames, mammoth, mammoth_lift, oil, pen, plume
from installation.visuals.base import at_once
from installation.visuals.made_once import MadeOnce
from installation.visuals.pen import Pen

from .helpers import Made, pieces_of

WALL = (1920, 120)  # the oil's shade: as wide as the shown picture, some of a pool's rows
SHRUNK_A_PIECE = 600_000  # large pixels of a drawing shrunk in a piece, at most (~2.8 ms)
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


def test_a_smoke_column_is_made_a_few_thousand_points_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Its widest strip (hundreds of pixels by LOOP rows, made whole in 40-90 ms at 1920x1080,
    a hitch in the flash and the ash) pauses after every PIECE_PIXELS points or so, and the
    flames' loop after each of its frames."""
    wide = round(plume.width_at(SMOKE, plume.class_heights(SMOKE)[-1]) * (1 + plume.MARGIN))
    _, pauses = smoke_strip(monkeypatch, plume.PIECE_PIXELS)
    assert pauses * 2 * plume.PIECE_PIXELS >= wide * plume.LOOP
    assert sum(1 for _ in flames.make_fire(40, 90, (255, 140, 40), 3, (1, 1),
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


GHOST = (1500, 1200)  # a figure about the dream mammoth's size at 1080 (her picture ~1.6 M px)


def ghost_figure() -> pygame.Surface:
    """A large figure with per-pixel alpha: an ellipse of one colour on clear."""
    figure = pygame.Surface(GHOST, pygame.SRCALPHA)
    pygame.draw.ellipse(figure, (40, 50, 120, 255), figure.get_rect().inflate(-200, -300))
    return figure


def largest_passing(steps: Generator[None, None, Made]) -> tuple[Made, int]:
    """What `steps` make, and the most memory (bytes) any one piece held for a while over what
    it held at its start and at its end (its passing arrays: a piece that works on a whole
    picture at once holds a whole picture's worth of them)."""
    most = 0
    tracemalloc.start()
    try:
        while True:
            start, _peak = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            try:
                next(steps)
            except StopIteration as done:
                return done.value, most
            finally:
                end, peak = tracemalloc.get_traced_memory()
                most = max(most, peak - max(start, end))
    finally:
        tracemalloc.stop()


def test_the_dream_mammoths_apparition_works_on_a_slab_of_her_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Her rounding and her apparition (the moonlight, the glow) are worked out a slab of her
    picture a piece: no piece reads her whole picture or works on all of it at once (her
    picture read whole took 13-19 ms a piece at the dream's size, and a pass over all of it
    10-30), each holding at most a quarter of a picture's worth of passing arrays of 8-byte
    values; and she looks as she does made in one slab, to the byte."""
    figure = ghost_figure()
    values = GHOST[0] * GHOST[1]
    body, most_rounding = largest_passing(apparition.rounding(figure, GHOST[1]))
    made, most = largest_passing(apparition.apparition(figure, 0.2, GHOST[1], (40, 50, 120),
                                                       body))
    assert max(most_rounding, most) <= values * 8 // 4
    monkeypatch.setattr(apparition, "SLAB_VALUES", values)
    monkeypatch.setattr(apparition, "BAND_COLUMNS", GHOST[0])
    whole_body, _pauses = pieces_of(apparition.rounding(figure, GHOST[1]))
    whole, _pauses = pieces_of(apparition.apparition(figure, 0.2, GHOST[1], (40, 50, 120),
                                                     whole_body))
    assert pygame.image.tobytes(made, "RGBA") == pygame.image.tobytes(whole, "RGBA")


def test_a_drawing_is_noted_down_in_a_piece_of_its_own() -> None:
    """The drawing's shapes are noted down in a piece after the one that began it: the work
    its caller did before (a pose turned and read, up to 10 ms) never lands in the same piece
    as her whole drawing noted down (~5 ms)."""
    noted: list[int] = []

    def drawing(pen_: Pen, color: tuple[int, int, int]) -> None:
        noted.append(1)
        tall_drawing(pen_, color)
    steps = pen.render(drawing, (-1.0, 3.0, 0.0, 30.0), 40.0, False, (200, 190, 180))
    next(steps)
    assert not noted
    next(steps)
    assert noted


def test_her_poses_are_told_apart_a_few_columns_a_piece() -> None:
    """Where her poses differ is found a few hundred columns at a time (a whole pose a piece
    took 6-8 ms at the dream's size), and it is where they differ."""
    rest = ghost_figure()
    poses = [rest, rest.copy(), rest.copy()]
    poses[1].fill((200, 0, 0, 255), (700, 100, 60, 40))
    poses[2].fill((0, 200, 0, 255), (900, 300, 30, 500))
    pieces = mammoth_lift._differing(poses)
    front, pauses = pieces_of(pieces)
    assert front == pygame.Rect(700, 100, 230, 700)
    assert pauses >= GHOST[0] // 100


def test_a_drawings_chunk_is_shrunk_a_few_bands_a_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk of the large drawing is shrunk a few bands a piece, within SHRUNK_A_PIECE large
    pixels (its ten bands in one piece took up to 4 ms at a tar mammoth's size)."""
    shrunk: list[int] = []
    real = pygame.transform.smoothscale

    def smoothscale(surface: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
        shrunk[-1] += surface.get_width() * surface.get_height()
        return real(surface, size)
    monkeypatch.setattr(pygame.transform, "smoothscale", smoothscale)
    steps = pen.render(tall_drawing, (-40.0, 40.0, 0.0, 30.0), 40.0, False, (200, 190, 180))
    while True:
        shrunk.append(0)
        try:
            next(steps)
        except StopIteration:
            break
    assert max(shrunk) <= SHRUNK_A_PIECE and sum(shrunk) > 10 * SHRUNK_A_PIECE


TUSK_POLYGONS = 400  # of a mammoth's tusks, noted down in one piece at most (a pair: ~2,000)


def mother_drawn(monkeypatch: pytest.MonkeyPatch, whole: bool) -> tuple[bytes, int]:
    """The mother drawn about as large as the 08:00 scene draws her at 1920x1080, her tusks
    noted down in pieces (or, `whole`, at once where drawn), as bytes, and the most polygons
    noted down in one piece of them."""
    noted: list[int] = []
    real = Pen.later

    def later(self: Pen, notes: Generator[None, None, None]) -> None:
        if whole:
            deque(notes, maxlen=0)
            return

        def counted() -> Generator[None, None, None]:
            end = object()
            while True:
                before = len(self.shapes)
                step = next(notes, end)
                noted.append(len(self.shapes) - before)
                if step is end:
                    return
                yield
        real(self, counted())
    monkeypatch.setattr(Pen, "later", later)
    image, _pauses = pieces_of(pen.render(mammoth.mammoth, (-1.1, 1.0, -0.1, 1.6), 400.0, True,
                                          (11, 11, 13)))
    return pygame.image.tobytes(image, "RGBA"), max(noted, default=0)


def test_a_mammoths_tusks_are_noted_down_a_few_hundred_polygons_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Her tusks, some 2,000 polygons, were noted down with the rest of her in one piece of
    her building (9-30 ms at 1920x1080, the building of 08:00's scene ahead at 11.75 ms p95):
    now a few segments of a tusk a piece, set in their place among her shapes, and she is
    drawn as before to the byte."""
    pieces, most = mother_drawn(monkeypatch, whole=False)
    assert 0 < most <= TUSK_POLYGONS, f"{most} polygons in a piece"
    whole, _most = mother_drawn(monkeypatch, whole=True)
    assert pieces == whole
