"""Harry and Julie at the Lake Pit (14:30-17:00), at the size they stand there, are painted in
the sun as a painter would at that distance: a face is skin, lit on the side towards the sun and
shaded on the other, and a skirt falls in folds of shade with light on their edges."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.headwear import HEAD_SCALE
from installation.visuals.poses import pose
from installation.visuals.skeleton import Body
from installation.visuals.wardrobe import OUTFITS

HEIGHT = 227  # pixels: theirs at 1080 (scale 0.21)
BODY, SUN = (46, 34, 28), (224, 160, 104)  # the shipped #2e221c, and the rim #e0a068
JACKET, DRESS = (46, 56, 70), (90, 48, 42)  # his #2e3846, her #5a302a
LIT = 40  # the face's side towards the sun this much brighter (a channel's sum / 3) than its other
SKIN = 15  # the face in shade still this much lighter than the body's dark (skin, not a hole)
CREASE = 25  # a fold this much darker (channels' sum) than the skirt round it
KNEE = 0.36  # the row looked at across her skirt, figure heights over her feet


def _look(who: str, clothes: tuple[int, int, int]) -> Look:
    return Look(HEIGHT, BODY, SUN, outfit=OUTFITS[who], clothes=clothes, rim_soft=1.0)


@pytest.fixture(scope="module")
def standing() -> Body:
    return pose("idle", 0.0)


def _drawn(body: Body, who: str, clothes: tuple[int, int, int]
           ) -> tuple[np.ndarray, np.ndarray, tuple[float, float]]:
    """Their sprite (facing right, the sun on the right), its colours and opacity, their feet."""
    sprite, feet = sprite_for(body, _look(who, clothes), False)
    return (pygame.surfarray.array3d(sprite).astype(int), pygame.surfarray.array_alpha(sprite),
            feet)


def test_his_face_is_lit_towards_the_sun_and_shaded_away_from_it(standing: Body) -> None:
    rgb, _, feet = _drawn(standing, "harry", JACKET)
    cx = feet[0] + standing.head[0] * HEIGHT
    cy = round(feet[1] - standing.head[1] * HEIGHT)
    radius = standing.head_radius * HEAD_SCALE * HEIGHT
    tone = rgb.sum(axis=2) / 3

    def side(start: float, end: float) -> float:
        return float(tone[round(cx + start * radius):round(cx + end * radius), cy].mean())

    lit, shaded = side(0.25, 0.5), side(-0.3, 0.0)
    assert lit >= shaded + LIT, ("one tone across his face", lit, shaded)
    assert shaded >= sum(BODY) / 3 + SKIN, ("his face as dark as his body", shaded)


def test_her_skirt_falls_in_folds(standing: Body) -> None:
    rgb, alpha, feet = _drawn(standing, "julie", DRESS)
    y = round(feet[1] - KNEE * HEIGHT)
    inside = np.flatnonzero(alpha[:, y] >= 250)
    row = rgb[inside[0] + 2:inside[-1] - 1, y].sum(axis=1)
    assert row.min() <= np.median(row) - CREASE, ("a plain skirt", row.tolist())
