"""The tar pits' mammoths drawn once a compositor (MadeOnce.picture): a compositor finding them
drawn by another draws the same picture without drawing them again; one with a store of its own
(the bench's, a test of building ahead) draws them all."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pygame
import pytest

from installation.core.timeline import load_timeline
from installation.visuals import mammoth
from installation.visuals.made_once import MadeOnce
from installation.visuals.pen import Pen, drawing_key

from .helpers import SHIPPED, draw

AT = "12:10"  # the tar pits at noon: the mother in the tar, the calf, the bull, the oil
SIZE = (480, 270)


@pytest.fixture
def polygons(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many polygons pens have noted down (one count, added to as they are)."""
    count = [0]
    noted = Pen.polygon

    def counting(pen: Pen, *args: object, **kwargs: object) -> None:
        count[0] += 1
        noted(pen, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pen, "polygon", counting)
    yield count


def test_a_compositor_finding_the_mammoths_drawn_draws_them_no_more(
        polygons: list[int]) -> None:
    """The second compositor (a reload, the day's next visit) draws few of the thousands of
    polygons of her coat and tusks (the palms' crowns, drawn by no named drawing, it draws
    again), and its picture is the one a compositor drawing its own draws, to the byte."""
    line = load_timeline(SHIPPED)
    made = MadeOnce()
    first = pygame.image.tobytes(draw(line, AT, size=SIZE, made=made), "RGB")
    making = polygons[0]
    assert making > 10_000, "her hair, her tusks' shading: thousands of polygons"
    finding = pygame.image.tobytes(draw(line, AT, size=SIZE, made=made), "RGB")
    assert polygons[0] - making < making / 4, "found, not drawn again"
    assert finding == first
    again = polygons[0]
    own = pygame.image.tobytes(draw(line, AT, size=SIZE, made=MadeOnce()), "RGB")
    assert polygons[0] - again == making, "a store of its own: all drawn, the full cost"
    assert own == first


def test_a_drawing_is_named_by_all_that_shapes_it() -> None:
    """A pose another lift's is another drawing; one made inside a function (what its closure
    holds unknown) is named by nothing, and drawn every time."""
    assert drawing_key(partial(mammoth.mammoth, lift=0.5)) == drawing_key(
        partial(mammoth.mammoth, lift=0.5))
    assert drawing_key(partial(mammoth.mammoth, lift=0.5)) != drawing_key(
        partial(mammoth.mammoth, lift=0.6))
    assert drawing_key(partial(mammoth.mammoth, mired=True)) != drawing_key(mammoth.mammoth)
    with pytest.raises(ValueError):
        drawing_key(lambda pen, color: mammoth.calf(pen, color))
