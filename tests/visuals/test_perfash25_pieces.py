"""The Ash is made ahead in shorter pieces: no piece of its smoke's building makes more than
DIE_FRAMES of a dying fire's pictures (its flames, what they hide, its lights: what a building
fire's flames hide was made all at once, 32 pictures and three lights in one piece, 1.6 million
pixels, ~4 ms of a frame of the flash building the Ash); Johnie's fallen sign finds where its
blade is as dark as its tubes in a piece of its own, reading the picture in place (with where
its face is bare, after a copy of the picture: ~6 ms)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import pygame
import pytest

from installation.visuals import fallen, flames_dying
from installation.visuals.flames_dying import DIE_FRAMES
from installation.visuals.ruins import Ruins
from installation.visuals.smoke import DYING_LEVELS, Smoke

from .test_perfash24_pieces import SMALL, counted, pieces_of


def test_the_ash_makes_its_dying_fires_a_few_pictures_a_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every picture of the Ash's fires at each strength they die down through is made, a few
    a piece: DIE_FRAMES at most."""
    made = [0]
    for name in ("dimmed", "weakened"):
        real = getattr(flames_dying, name)

        def count(images: Sequence[pygame.Surface], *args: Any, real: Any = real,
                  **kwargs: Any) -> Any:
            made[-1] += len(images)
            return real(images, *args, **kwargs)
        monkeypatch.setattr(flames_dying, name, count)
    [steps] = pieces_of(Smoke, "Ash", "smoke", SMALL)
    layer = counted(steps, made)
    assert isinstance(layer, Smoke)
    assert len(layer.dying) > DYING_LEVELS // 2  # (the Ash's fires die down, one goes out)
    fire = layer.dying[-1][0]
    assert sum(made) >= (len(layer.dying) - 1) * sum(  # (every flame and what it hides)
        2 * len(book.frames) for book in fire.blazes)
    assert max(made) <= DIE_FRAMES, f"{max(made)} pictures of a dying fire made in one piece"


def test_johnies_fallen_sign_finds_its_dark_in_place_in_a_piece_of_its_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The Ash's ruins (Johnie's sign fallen across the ash in front): where the blade is as
    dark as its tubes and where its face is bare are found in two pieces, and the dark read
    off the blade in place, not from a copy of its pixels."""
    found, copied = [0], []
    for name in ("_dark", "_bare"):
        real = getattr(fallen, name)

        def count(*args: Any, real: Any = real, **kwargs: Any) -> Any:
            found[-1] += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(fallen, name, count)
    array3d = pygame.surfarray.array3d

    def copy(surface: pygame.Surface) -> Any:
        copied.append(sys._getframe(1).f_code.co_name)  # noqa: SLF001 - who copies
        return array3d(surface)
    monkeypatch.setattr(pygame.surfarray, "array3d", copy)
    [steps] = pieces_of(Ruins, "Ash", "ruins", SMALL)
    layer = counted(steps, found)
    assert isinstance(layer, Ruins)
    assert sum(found) >= 2  # (the dark and the bare face, each found)
    assert max(found) <= 1, "the blade's dark and its bare face found in one piece"
    assert "_dark" not in copied
