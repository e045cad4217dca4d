"""A walking figure's far arm goes behind the body: where it swings across the torso it is
hidden, and only where it swings clear of the body (ahead or behind) does it show."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame
import pytest

from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.poses import pose
from installation.visuals.skeleton import Body
from installation.visuals.wardrobe import OUTFITS

PALE = (200, 200, 200)  # a pale figure: its far limbs are drawn darker, so they can be told


def without_far_arm(body: Body) -> Body:
    """The body with its far arm only a hairline along its bones: the sprite is framed (and
    shrunk) exactly as with the whole arm, and the arm's bulk is gone."""
    return replace(body, capsules=tuple(
        replace(c, width=0.0, tip=0.0) if c.far and c.limb in ("arm", "hand") else c
        for c in body.capsules))


@pytest.mark.parametrize("name", ["man", "harry", "woman"])
def test_a_walkers_far_arm_never_shows_over_his_body(name: str) -> None:
    look = Look(160, PALE, None, outfit=OUTFITS[name])
    for step in range(16):
        body = pose("walk", step / 16)
        whole, feet = sprite_for(body, look, False)
        bare, bare_feet = sprite_for(without_far_arm(body), look, False)
        dx = round(feet[0] - bare_feet[0])  # the far arm may widen the sprite: line them up
        covered = pygame.surfarray.array_alpha(bare) == 255
        b = pygame.surfarray.array3d(bare).astype(int)
        a = pygame.surfarray.array3d(whole).astype(int)[dx:dx + b.shape[0], :b.shape[1]]
        changed = np.abs(a - b).max(axis=2) > 8
        assert not (changed & covered).any(), f"{name} at {step}/16: far arm over the body"
