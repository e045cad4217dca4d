"""A head turns through three-quarters: from profile, the face narrows and the nose comes in
across the face to the head seen from the front, then on out to the other profile; never a
flip from one profile to the other in one drawn step (Harry and Julie at 14:47-16:20, and
anyone who glances away or looks out)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pygame
import pytest

from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.poses import pose
from installation.visuals.wardrobe import OUTFITS

TALL = 400  # the figure's height in pixels (its head ~50 across)
STEPS = 32  # drawn steps of a turn from facing ahead (look 0) to facing behind (look 1)
HEAD_ROWS = 0.12  # of his height, from the top: the head
STEP_MOST = 125  # pixels of the head that may change from one step to the next (a flip from
#                  one profile to the other changed 167 to 667 of them at once)
SLIDE = 2  # pixels either way the head may shift between steps without counting as changed


def _head(look: float, who: str) -> np.ndarray:
    """The head's pixels (a mask, x by y, round the neck) with the head turned `look`."""
    body = replace(pose("idle", 0.0), look=look)
    sprite, feet = sprite_for(body, Look(TALL, (40, 30, 30), None, outfit=OUTFITS[who]), False)
    opaque = pygame.surfarray.array_alpha(sprite) > 128
    top = int(np.flatnonzero(opaque.any(axis=0)).min())
    x = round(feet[0])
    return opaque[x - TALL // 6:x + TALL // 6, top:top + int(HEAD_ROWS * TALL)]


def _changed(a: np.ndarray, b: np.ndarray) -> int:
    return min(int((np.roll(a, shift, axis=0) ^ b).sum()) for shift in range(-SLIDE, SLIDE + 1))


@pytest.mark.parametrize("who", ["harry", "julie", "woman"])
def test_a_head_turns_through_three_quarters_without_a_flip(who: str) -> None:
    heads = [_head(step / STEPS, who) for step in range(STEPS + 1)]
    changes = [_changed(a, b) for a, b in zip(heads, heads[1:], strict=False)]
    assert max(changes) <= STEP_MOST, changes
    widths = [int(np.ptp(np.flatnonzero(h.any(axis=1)))) for h in heads]
    assert min(widths) < 0.9 * widths[0], ("the face narrows as it comes round", widths)
