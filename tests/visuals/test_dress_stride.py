"""A woman running in a long coat does not glide: her legs show under its hem all through the
stride, and the hem swings up and down with the legs (as at 05:08 across Wilshire)."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.wardrobe import Outfit

TALL = 100  # pixels: a near runner on the pavement
SKIN, CLOTH = (10, 10, 10), (200, 200, 200)  # her body (legs) and her coat, far apart
SHOWN = 128  # alpha: a pixel this opaque shows
PHASES = [n / 8 for n in range(4)]  # half a run cycle (the other half is the same, mirrored)
LEGS_SHOW = 65  # leg pixels below the hem, at the least, in every phase
HEM_SWINGS = 6  # pixels: the hem's lowest row rises and falls this much over the stride


def _hem(t: float) -> tuple[int, int]:
    """At phase t of a run in a long raincoat: the hem's lowest row (above the feet) and how
    many leg pixels show below it."""
    headless()
    coat = Outfit("curly", "none", "raincoat", 0.9, 0.95)
    sprite, feet = sprite_for(pose("run", t), Look(TALL, SKIN, None, outfit=coat, clothes=CLOTH),
                              False)
    shade = pygame.surfarray.array3d(sprite).astype(int).mean(axis=2)
    shown = pygame.surfarray.array_alpha(sprite) >= SHOWN
    hem = int(np.nonzero((shade > sum(CLOTH) / 6) & shown)[1].max())
    legs = (shade < sum(CLOTH) / 6) & shown
    return round(feet[1]) - hem, int(legs[:, hem + 1:].sum())


def test_her_legs_show_under_the_hem_and_it_swings_with_the_stride() -> None:
    """In every phase of the stride her legs show under the coat (no glide), and its hem
    rises as a knee drives up and falls as the legs pass under her."""
    hems = [_hem(t) for t in PHASES]
    assert min(legs for _, legs in hems) >= LEGS_SHOW, hems
    rows = [row for row, _ in hems]
    assert max(rows) - min(rows) >= HEM_SWINGS, hems
