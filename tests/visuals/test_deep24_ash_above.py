"""Deep time's ash falls on the tar, never through the earth: no flake is drawn over the cut
under the surface, where the strata and the bones lie (review 23 #4: flakes over the strata
read as falling through the ground)."""

from __future__ import annotations

from pathlib import Path

import pygame

from installation.core.timeline import load_timeline, state_at
from installation.visuals.base import Frame
from installation.visuals.compositor import Compositor
from installation.visuals.particles import Particles
from installation.visuals.render import headless

SHIPPED = Path(__file__).resolve().parents[2] / "timelines" / "miracle-mile.toml"
DEEP_TIME = "The tar keeps everything"
SIZE = (480, 270)
SECONDS = (0.0, 20.0, 61.0)  # real seconds into the scene: flakes all down the picture


def test_no_flake_falls_below_the_tars_surface_at_0900() -> None:
    """Drawn alone over black at 09:00, the scene's ash lies above the bones layer's top (the
    cut's surface line) and nowhere under it; above it, it falls."""
    headless()
    line = load_timeline(SHIPPED)
    scene = next(s for s in line.scenes if s.name == DEEP_TIME)
    index = next(n for n, spec in enumerate(scene.layers) if spec.type == "particles")
    cut = next(spec.params["y"] for spec in scene.layers if spec.type == "bones")
    ash = Particles(scene.layers[index].params,
                    Compositor(line, SIZE, print).setup(scene, index, "particles"))
    state = state_at(line, scene.at + 3600.0)
    top = int(SIZE[1] * cut)
    for seconds in SECONDS:
        surface = pygame.Surface(SIZE)
        ash.draw(surface, Frame(state.story_time, seconds, state))
        light = pygame.surfarray.array3d(surface).max(axis=2)
        assert (light[:, :top] > 0).sum() > 50, "ash falls over the sky and the tar"
        assert not light[:, top:].any(), f"a flake under the surface, {seconds} s in"
    assert surface.get_clip() == surface.get_rect(), "the picture is left unclipped"
