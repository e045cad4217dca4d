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
SLANT = 0.8  # head radii the face's edge 0.8 of a radius above the head's centre is behind its
#              edge level with the centre, at the least (looking ahead, tipped back about the
#              neck, 0.5 to 0.6: the face upright, under a head leaning back)


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
    for phase in PHASES:
        mask, head, _shoulder, radius = _looking_up(phase)
        level, high = int(head[1]), int(head[1] - 0.8 * radius)
        fronts = [int(np.flatnonzero(mask[:, y]).max()) for y in (level, high)]
        assert fronts[0] - fronts[1] > SLANT * radius, (phase, fronts)
