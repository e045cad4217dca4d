"""Deep time's strata are not a still picture (review 23 #4: 3.9% of the picture moved in ten
seconds): gas bubbles rise slowly through the tar, each lit along its top."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame

from installation.core.timeline import load_timeline, state_at
from installation.visuals import bones
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
DEEP_TIME = "The tar keeps everything"
SIZE = (480, 270)
APART = 4.0  # real seconds between the two looks
SHIFTS = (range(-4, 5), range(-20, 6))  # the moves looked for, across and down (pixels)


def test_bubbles_rise_through_the_strata() -> None:
    """Drawn alone (the drifting finds and the glints left out) over black, the moving part of
    the shipped deep time has bubbles in the cut, and four real seconds on the same picture
    matches best moved up, a little."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == DEEP_TIME)
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "bones")
    layer = bones.Bones(scene.layers[index].params,
                        Compositor(line, SIZE, print).setup(scene, index, "bones"))
    layer.drifting, layer.glints = [], []
    state = state_at(line, scene.at + 3600.0)
    looks = []
    for seconds in (30.0, 30.0 + APART):
        surface = pygame.Surface(SIZE)
        layer.draw_moving(surface, Frame(state.story_time, seconds, state))
        looks.append(pygame.surfarray.array3d(surface).max(axis=2).astype(float))
    before, after = looks
    assert (before[:, layer.top:] > 20).sum() > 30, "bubbles in the cut"
    assert not before[:, :layer.top].any(), "none above it"
    best = max(((dx, dy) for dx in SHIFTS[0] for dy in SHIFTS[1]),
               key=lambda move: float((np.roll(before, move, axis=(0, 1)) * after).sum()))
    assert best[1] < 0, f"they move {best}, not up"
