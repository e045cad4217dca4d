"""A palm's crown is drawn once a process: a second compositor (a picture test's fresh one, or
the show's scene built again the next day) finds it and draws no crown of its own, the same
pixels."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from installation.core.timeline import state_at
from installation.core.timeutil import parse_clock
from installation.visuals import palm
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

from .helpers import NO_POST, SIZE, layer, one_scene

PALMS = (layer("sky", top="#202838", bottom="#404858", stars=0, sun=False, clouds=0)
         + layer("silhouette", shape="palm", x=0.3, scale=0.7, color="#101010")
         + layer("silhouette", shape="palm", x=0.7, scale=0.6, flip=True, color="#101010")
         + NO_POST)


def drawn(compositor: Compositor) -> bytes:
    """The two palms at 21:00, drawn by `compositor`."""
    surface = pygame.Surface(SIZE)
    compositor.draw(surface, state_at(compositor.timeline, parse_clock("21:00")))
    return pygame.image.tobytes(surface, "RGB")


def test_a_second_compositor_draws_no_palm_crown_and_the_same_palms(
        finding_made: None, monkeypatch: pytest.MonkeyPatch) -> None:
    headless()
    line = one_scene(PALMS, at="20:59")
    first = drawn(Compositor(line, SIZE, print))
    crowns: list[int] = []
    crown = palm.palm_crown

    def counted(*args: Any, **keys: Any) -> None:
        crowns.append(1)
        crown(*args, **keys)

    monkeypatch.setattr(palm, "palm_crown", counted)  # (draws what it drew: the same crown)
    assert drawn(Compositor(line, SIZE, print)) == first
    assert not crowns, f"the second compositor drew {len(crowns)} palm crowns: none to draw"
