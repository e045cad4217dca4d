"""The Ash's fires dying down are made ahead in short pieces: no piece of its smoke's building
makes more than DIE_FRAMES of a dying fire's pictures (its flames, what they hide, its lights).
What a building fire's flames hide was made all at once, 32 pictures and three lights in one
piece (1.6 million pixels, ~4 ms of a frame of the flash building the Ash)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pygame
import pytest

from installation.visuals import flames_dying
from installation.visuals.flames_dying import DIE_FRAMES
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
