"""A figure drawn see-through (`ghost`): the night shows through her tusks as through her coat."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.base import mix
from installation.visuals.compositor import Compositor
from installation.visuals.mammoth import IVORY
from installation.visuals.silhouette import Silhouette

from .helpers import NO_POST, draw, layer, one_scene

COAT = (29, 41, 90)
BIG = (960, 540)  # her tusk some pixels wide


def ghost_over(sky: str, mammoth: bool = True) -> np.ndarray:
    """The dream's mother, half see-through, over a plain sky of one colour (or the sky alone)."""
    her = layer("silhouette", shape="mammoth", x=0.5, y=0.9, scale=2.0, flip=True, ghost=0.5,
                color="#1d295a") if mammoth else ""
    line = one_scene(layer("sky", top=sky, bottom=sky, stars=0, sun=False, clouds=0) + her
                     + NO_POST)
    return pygame.surfarray.array3d(draw(line, "02:30", size=BIG)).astype(float)


def test_the_night_shows_through_her_tusk_as_much_as_through_her_coat() -> None:
    """Over two skies the picture changes, where she stands, by the same share of the sky's
    change on her tusk as on her coat: half (her tusk was drawn solid over a see-through
    coat, and read as bone in a dream)."""
    line = one_scene(layer("silhouette", shape="mammoth", x=0.5, y=0.9, scale=2.0, flip=True,
                           color="#1d295a"))
    setup = Compositor(line, BIG, print).setup(line.scenes[0], 0, "silhouette")
    solid = Silhouette(line.scenes[0].layers[0].params, setup)
    colors = pygame.surfarray.array3d(solid.image).astype(int)
    alpha = pygame.surfarray.array_alpha(solid.image)
    full = alpha > 250  # inside her, not along her edges
    light = colors.sum(axis=2)
    tusk = full & (light > sum(mix(COAT, IVORY, 0.5)))
    coat = full & (light < 2 * sum(COAT))
    assert tusk.sum() > 20 and coat.sum() > 200
    dark, light = ghost_over("#000000"), ghost_over("#4060a0")
    change = light - dark  # the figure's own colour cancels: what shows through her
    sky = ghost_over("#4060a0", False) - ghost_over("#000000", False)
    x, y = solid.feet
    width, height = alpha.shape
    share = change[x:x + width, y:y + height, 2] / sky[x:x + width, y:y + height, 2]
    assert abs(np.median(share[tusk]) - 0.5) < 0.03
    assert abs(np.median(share[coat]) - 0.5) < 0.03
