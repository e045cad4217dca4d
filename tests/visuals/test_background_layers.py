"""A kept background knows the layers it painted by who they are, not where they lived: a
scene's layer freed and a new one made at its address (a reload, the next day's scene) is
painted, even when it says it looks the same."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from installation.visuals import background as background_module
from installation.visuals.background import Background, Paint
from installation.visuals.base import Layer

SIZE = (8, 8)
OLD, NEW = (200, 40, 40), (40, 40, 200)


class Flat:
    """A still layer of one colour, whose look does not say which (as two scenes' skies of
    the same keys, but another timeline's colours)."""

    def __init__(self, color: tuple[int, int, int]) -> None:
        self.color = color

    def look(self, frame: Any) -> str:
        return "flat"

    def draw(self, surface: pygame.Surface, frame: Any) -> None:
        surface.fill(self.color)


def painter(layers: list[Layer | None]) -> Paint:
    return lambda surface, n, frame: layers[n].draw(surface, frame)  # type: ignore[union-attr]


def test_a_layer_made_where_a_freed_one_lived_is_painted(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new layer at a freed one's address (CPython hands freed memory out again at once) is
    a new layer. Whether the allocator reuses the address in a given run is not ours to say
    (a loop waiting for it failed a whole-suite run), so every address is made one: were the
    background to tell layers apart by id(), both would be one layer and NEW never painted."""
    monkeypatch.setattr(background_module, "id", lambda _thing: 1, raising=False)
    background = Background(SIZE, opaque=True)
    first: list[Layer | None] = [Flat(OLD)]
    background.bring_to(first, [None], painter(first))  # type: ignore[list-item]
    del first
    second: list[Layer | None] = [Flat(NEW)]
    background.bring_to(second, [None], painter(second))  # type: ignore[list-item]
    assert tuple(background.surface.get_at((4, 4)))[:3] == NEW


def test_the_same_layers_unchanged_are_not_painted_again() -> None:
    background = Background(SIZE, opaque=True)
    layers: list[Layer | None] = [Flat(OLD), None]
    painted: list[int] = []

    def paint(surface: pygame.Surface, n: int, frame: Any) -> None:
        painted.append(n)

    background.bring_to(layers, [None, None], paint)  # type: ignore[list-item]
    background.bring_to(layers, [None, None], paint)  # type: ignore[list-item]
    assert painted == [0]
    assert background.painted == []
