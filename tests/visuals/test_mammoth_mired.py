"""The mother caught in the tar reads as a mammoth, not the Loch Ness monster: her domed head
and shoulder hump one mass, her back sloping down from them into the tar, her trunk raised
before her face, and the tar stirred round her (at 10:35 her crown and hump stood in the tar
as two humps, her trunk hooked over them like a serpent's neck)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import finished
from installation.visuals.compositor import Compositor
from installation.visuals.pen import render
from installation.visuals.silhouette_form import form_of

from .test_mammoth_head import SIZE, mother, shipped

PX = 300.0  # pixels a unit
RISE_MOST = 0.04  # units: from her crown back to her rump her outline rises again at most
# this much (by the coat's locks): no notch with a second hump behind it (0.09 on main)
SEEN_MOST = 0.655  # the share of her height sunk at 10:35, at most: her back shows


def skyline(scene: str) -> np.ndarray:
    """Her outline's height (units) in each column from her crown (x -0.42) back over her
    hump to her loins (x 0.2), as the scene draws her (unturned, facing left)."""
    line = shipped()
    chosen = next(s for s in line.scenes if s.name == scene)
    index = next(n for n, spec in enumerate(chosen.layers)
                 if spec.type == "silhouette" and spec.params["shape"] == "mammoth")
    setup = Compositor(line, SIZE, print).setup(chosen, index, "silhouette")
    form = form_of(chosen.layers[index].params, setup)
    left, _right, _bottom, top = form.drawn
    image = finished(render(form.draw, form.drawn, PX, False, (10, 10, 10)))
    alpha = pygame.surfarray.array_alpha(image) > 128
    columns = [int((x - left) * PX) + 2 for x in np.linspace(-0.42, 0.2, 60)]
    rows = [int(np.flatnonzero(alpha[c])[0]) for c in columns]
    return np.array([top - (row - 2) / PX for row in rows])


def test_her_head_and_hump_are_one_mass_caught_in_the_tar() -> None:
    """Back from her crown her outline falls to her loins without rising again into a
    second hump."""
    for scene in ("The tar keeps everything", "The sun comes back to the tar pits"):
        heights = skyline(scene)
        rises = heights - np.minimum.accumulate(heights)
        assert rises.max() < RISE_MOST, (scene, round(float(rises.max()), 3))


def test_at_10_35_her_back_shows_above_the_tar() -> None:
    """As the light comes back she is sunk no deeper than her back: it slopes into the tar
    behind her head and hump (sunk to 0.67 only her crown and hump showed)."""
    her = mother("The sun comes back to the tar pits")
    at = type("At", (), {"story_time": 10 * 3600 + 35 * 60})()
    assert her.sunk(at) / her.span <= SEEN_MOST  # type: ignore[arg-type]
