"""Harry looking up at the Dream's mammoth (03:00-03:30) reads as a man with his head tipped
back, not bowed: his head over his neck (carried back behind it, it hung off the neck like a
bowed head seen from the other side), his face turned up, its line from the chin slanting
back to the brow, the throat under it."""

from __future__ import annotations

import numpy as np
import pygame

from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.poses import pose
from installation.visuals.skeleton import HEAD, Point
from installation.visuals.wardrobe import HEAD_SCALE, OUTFITS

TALL = 300  # the figure's height in pixels (its head ~50 across)
PHASES = (0.0, 0.25, 0.5, 0.75)  # along his slow look over her
BEHIND_MOST = 0.35  # head radii the head's centre may be behind the shoulders (0.48 to 0.66)
FORWARD = 0.3  # head radii in front of the head's middle his face reaches in the top rows of
#               his head, at the least: the upturned nose (0.35 to 0.45; the face looking
#               ahead under a head tipped back about the neck, the crown's round: 0.14 to 0.28)
TOP = 0.3  # head radii: the top rows of his head


def _looking_up(phase: float) -> tuple[np.ndarray, Point, Point, float]:
    """His silhouette (a mask, x by y) looking up, where his head's centre and his shoulders
    are on it (pixels), and his head's radius there."""
    body = pose("look-up", phase)
    sprite, feet = sprite_for(body, Look(TALL, (40, 30, 30), None, outfit=OUTFITS["harry"]),
                              False)

    def at(p: Point) -> Point:
        return feet[0] + p[0] * TALL, feet[1] - p[1] * TALL

    mask = pygame.surfarray.array_alpha(sprite) > 128
    return mask, at(body.head), at(body.joints["shoulder"]), HEAD * HEAD_SCALE * TALL


def test_looking_up_his_head_is_over_his_neck() -> None:
    for phase in PHASES:
        _mask, head, shoulder, radius = _looking_up(phase)
        assert head[0] - shoulder[0] > -BEHIND_MOST * radius, (phase, head, shoulder)


def test_looking_up_his_face_is_turned_up() -> None:
    """The highest of his head is his face, turned up: his nose in front of his head's
    middle (looking ahead, the round of his crown)."""
    for phase in PHASES:
        mask, head, _shoulder, radius = _looking_up(phase)
        top = int(np.flatnonzero(mask.any(axis=0)).min())
        rows = mask[:, top:top + round(TOP * radius)]
        front = int(np.flatnonzero(rows.any(axis=1)).max())
        assert front - head[0] > FORWARD * radius, (phase, front, head)
