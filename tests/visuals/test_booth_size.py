"""The phone booth is a booth's size against the man in it: a 1980s booth is ~2.15 m, Harry
~1.8 m, so the booth stands 1.15 to 1.3 times his height (at 0.7 of it he stood in it like a
child in a wardrobe), in the close shot at 04:05 and on the lot at 03:50 as he walks into it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pygame

from installation.core.timeline import load_timeline
from installation.visuals.booth import Booth
from installation.visuals.compositor import Compositor
from installation.visuals.figures import Figures
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
FULL = (1920, 1080)
RATIO = (1.15, 1.3)  # the booth's height over his
OPAQUE = 128  # a sprite's pixel this opaque is his body (past its soft edge)


def _layer(scene_name: str, kind: str, nth: int = 0) -> tuple[object, Mapping[str, Any]]:
    """The shipped scene's `nth` layer of `kind`: its object, set up as the show does."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == scene_name)
    indices = [i for i, spec in enumerate(scene.layers) if spec.type == kind]
    index = indices[nth]
    setup = Compositor(line, FULL, print).setup(scene, index, kind)
    factory = Booth if kind == "booth" else Figures
    return factory(scene.layers[index].params, setup), scene.layers[index].params


def test_the_lit_booth_is_a_head_and_a_bit_taller_than_harry_in_it() -> None:
    booth, _ = _layer("The payphone rings", "booth")
    assert isinstance(booth, Booth)
    sprite, _ = booth.sprites.get("phone", 0.0, True, booth.caller_look)
    rows = np.flatnonzero(pygame.surfarray.array_alpha(sprite).max(axis=0) > OPAQUE)
    tall = rows.max() - rows.min() + 1
    assert RATIO[0] <= booth.tall / tall <= RATIO[1], (booth.tall, tall)


def test_the_dark_booth_on_the_lot_is_the_right_size_for_harry_walking_in() -> None:
    booth, _ = _layer("Johnie's at night", "booth")
    harry, params = _layer("Johnie's at night", "figures", 1)
    assert isinstance(booth, Booth) and isinstance(harry, Figures)
    end_y = params["path"][-1][1] * FULL[1]
    his = harry.looks[0].height * harry.depth.share(end_y)
    assert RATIO[0] <= booth.tall / his <= RATIO[1], (booth.tall, his)
    feet = params["path"][-1][0] * FULL[0]
    assert abs(feet - booth.ground[0]) <= 2, "his path ends where the booth puts its caller"
