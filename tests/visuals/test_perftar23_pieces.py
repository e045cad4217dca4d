"""Deep time is built ahead in short pieces: no piece of painting the tar's mother calls the
pen for thousands of small polygons at once (each call costs besides its rows), and no piece
of the bones under the tar makes a find whole (drawn, soaked, sunk and shadowed at once), nor
of the light wipe all its pictures, nor of the dream's mother all her locks of light."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.visuals import fossils, mammoth, mammoth_dream, pen, tar_rings
from installation.visuals.bones import Bones
from installation.visuals.light_wipe import LightWipe

from .test_bones_legible import DEEP_TIME, SHIPPED, setup_of

POLYGONS_A_PIECE = 1500  # painted in one piece of her building, at most (~2 ms of calls: the
# tar's mother's ~2,700 tusk polygons were painted in one piece, 9-15 ms of a building frame)
MOTHER_PX = 400.0  # her drawing's pixels to a unit (08:00's mother at 1080: ~460)
CUT = (960, 540)  # the deep time's bones built at half the shipped size (the same finds)
STAGES = ("shaded", "sunk", "shadow")  # a find's costly steps: 1.5-4 ms each at 1080
WIPED = (1920, 1080)  # the screen the light wipe is made for
DREAM_PX = 120.0  # the dream mother's drawing's pixels to a unit (small: the same locks)


def polygons_a_piece(monkeypatch: pytest.MonkeyPatch) -> tuple[list[int], pygame.Surface]:
    """The mother drawn as the tar's mired one, in pieces: how many polygons each painted."""
    counts = [0]
    real = pygame.draw.polygon

    def polygon(*args: Any, **kwargs: Any) -> pygame.Rect:
        counts[-1] += 1
        return real(*args, **kwargs)
    monkeypatch.setattr(pygame.draw, "polygon", polygon)
    steps = pen.render(lambda p, c: mammoth.mammoth(p, c, mired=True), (-1.1, 1.0, -0.1, 1.8),
                       MOTHER_PX, True, (11, 11, 13))
    while True:
        try:
            next(steps)
        except StopIteration as made:
            return counts, made.value
        counts.append(0)


def test_her_tusks_are_painted_a_few_hundred_polygons_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Her ~2,700 tusk polygons, a few rows high each, no longer fit one piece's rows: each
    piece paints at most POLYGONS_A_PIECE of her shapes, and she is all there."""
    counts, image = polygons_a_piece(monkeypatch)
    assert sum(counts) > 2 * POLYGONS_A_PIECE  # (her tusks and coat: thousands of polygons)
    assert max(counts) <= POLYGONS_A_PIECE, f"{max(counts)} polygons painted in one piece"
    alpha = pygame.surfarray.array_alpha(image)
    assert (alpha > 240).sum() > 0.2 * alpha.size  # her body is painted solid


def test_a_find_under_the_tar_is_made_a_step_a_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each find was drawn, soaked and shaded, sunk and given its shadow in one piece (6-9
    ms of a building frame at 1080 for the largest): now at most one of those steps a piece,
    and every find of the deep time is made."""
    made = [0]
    for name in STAGES:
        real = getattr(fossils, name)

        def counted(*args: Any, real: Any = real, **kwargs: Any) -> Any:
            made[-1] += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(fossils, name, counted)
    layer = Bones.__new__(Bones)
    steps = layer.pieces(*setup_of(load_timeline(SHIPPED), DEEP_TIME, CUT))
    for _ in steps:
        made.append(0)
    assert sum(made) >= 5 * len(STAGES)  # (seven finds and the city's things)
    assert max(made) <= 1, f"{max(made)} of a find's steps in one piece"


def test_the_light_wipe_makes_one_picture_a_piece() -> None:
    """The light wipe 10:30 arrives by makes its three full-frame pictures ahead (a new one's
    first touches ~3-5 ms at 1080): one a piece, not all three in one (13-20 ms)."""
    wipe = LightWipe.__new__(LightWipe)
    held = [0]
    for _ in wipe.pieces(WIPED, 0):
        held.append(sum(hasattr(wipe, name) for name in ("_lifted", "_gain", "_new")))
    assert held[-1] == 3
    assert max(b - a for a, b in pairwise(held)) == 1


def test_the_dream_mothers_locks_are_worked_out_a_tier_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Her ~200 locks of light were worked out in the one piece that noted her down (10-30 ms
    of a frame building the dream ahead): now a leg or a tier of her coat a piece, and she is
    drawn with all of them."""
    monkeypatch.setattr(mammoth_dream, "_LOCKS", {}, raising=False)  # (worked out afresh)
    outlined = [0]
    real = mammoth_dream._outline

    def outline(*args: Any) -> tuple[tuple[float, float], ...]:
        outlined[-1] += 1
        return real(*args)
    monkeypatch.setattr(mammoth_dream, "_outline", outline)
    steps = pen.render(mammoth_dream.dream_mother, (-1.1, 1.0, -0.1, 1.6), DREAM_PX, True,
                       (90, 110, 140))
    for _ in steps:
        outlined.append(0)
    assert sum(outlined) > 150
    assert max(outlined) <= sum(outlined) / 4, f"{max(outlined)} locks worked out in a piece"


def test_a_bubbles_ring_is_cut_to_what_shows_in_a_piece_of_its_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The tar's ring sprites are worked out a band a piece; cutting a large ring (more than a
    piece's pixels) to what shows (its bounding box found a pixel at a time) came in the piece
    of its last band (5-8 ms of a frame building 10:30): now a piece of its own."""
    banded, cut = [0], [0]
    band, shown, hollow = tar_rings._ring_band, tar_rings.visible, tar_rings.hollowed

    def banding(*args: Any) -> Any:
        banded[-1] += 1
        return band(*args)

    def cutting(real: Any) -> Any:
        def counted(sprite: pygame.Surface) -> Any:
            cut[-1] += sprite.get_width() * sprite.get_height() > tar_rings.PIECE_PIXELS
            return real(sprite)
        return counted
    monkeypatch.setattr(tar_rings, "_ring_band", banding)
    monkeypatch.setattr(tar_rings, "visible", cutting(shown))
    monkeypatch.setattr(tar_rings, "hollowed", cutting(hollow))
    for rings in (tar_rings.Rings(150, 180), tar_rings.Rings(200, 230, hollow=True)):
        for _ in rings.pieces():
            banded.append(0)
            cut.append(0)
        banded.append(0)  # (the next set's first piece apart from this one's last)
        cut.append(0)
    assert sum(cut) >= 2  # (a large ring of each set)
    assert not any(a and b for a, b in zip(banded, cut, strict=True)), "banded and cut at once"
