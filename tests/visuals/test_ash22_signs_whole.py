"""At dusk on the Miracle Mile no shop's name is cut by the picture's edge ("WELER", "MARKE"): a
sign running out of the picture shows its name whole, moved along its board into view, or, with
too little of it in view, its board alone, cut where the wall runs out of the picture."""

from __future__ import annotations

from functools import cache

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless
from installation.visuals.storefronts import Piece
from installation.visuals.street import Street

from .test_ash22_new_place import SHIPPED

SIZE = (960, 540)
LIT = 40  # a letter's stroke, in its mask's alpha


@cache
def names() -> tuple[Piece, ...]:
    """The lettered names on the shipped dusk street's signs, at SIZE."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(scene for scene in line.scenes if scene.name == "Dusk on the Miracle Mile")
    index, spec = next((n, spec) for n, spec in enumerate(scene.layers) if spec.type == "street")
    built = Street(spec.params, Compositor(line, SIZE, print).setup(scene, index, "street"))
    return tuple(piece for pieces in built.walls.facades.values() for piece in pieces
                 if piece.mask is not None and piece.role.startswith("ink"))


def columns(piece: Piece) -> tuple[int, int]:
    """The first and last picture column a name's letters light."""
    assert piece.mask is not None
    lit = np.flatnonzero((pygame.surfarray.array_alpha(piece.mask) > LIT).any(axis=1))
    return piece.corners[0][0] + int(lit[0]), piece.corners[0][0] + int(lit[-1])


def test_every_shop_name_lies_whole_inside_the_picture() -> None:
    spans = [columns(piece) for piece in names()]
    assert spans
    cut = [span for span in spans if span[0] < 0 or span[1] >= SIZE[0]]
    assert not cut, cut
    assert max(right for _, right in spans) > 0.9 * SIZE[0]  # (the near market's, moved into
    # view, not dropped)
