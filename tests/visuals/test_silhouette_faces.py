"""A figure seen against the light is a silhouette: its face as dark as its body, catching a
rim at its edge at most; and its hand is a hand (broadest at the knuckles, tapering to the
fingers), not a club."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from installation.visuals.figure_light import LUMA
from installation.visuals.figure_sprite import Look, sprite_for
from installation.visuals.poses import pose
from installation.visuals.render import headless
from installation.visuals.wardrobe import HEAD_SCALE, OUTFITS, dressed

TALL = 200  # the figure's height in pixels
BODY = (16, 12, 20)  # a figure's dark colour at night
RIM = (120, 224, 255)  # a sign's cyan on its edge
EDGE = 4  # pixels in from the outline that a rim may light
DARKER_BY = 4  # the face's inside at most this much lighter (luminance, 0-255) than the body's


def _luma(rgb: np.ndarray) -> np.ndarray:
    return (rgb * np.asarray(LUMA)).sum(axis=-1)


@pytest.mark.parametrize("who", ["julie", "harry"])
@pytest.mark.parametrize("rim_left", [False, True])
def test_a_backlit_face_is_as_dark_as_the_body(who: str, rim_left: bool) -> None:
    """Lit by a sign from in front of the face or from behind the head, the inside of the face
    (clear of its rim) is no lighter than the inside of the chest: it read a lit grey, skin
    and the lit side's lift, on a black figure against a lit window."""
    headless()
    body = pose("idle", 0.0)
    sprite, feet = sprite_for(body, Look(TALL, BODY, RIM, rim_left, outfit=OUTFITS[who]), False)
    rgb = pygame.surfarray.array3d(sprite).astype(float)
    inside = pygame.surfarray.array_alpha(sprite) > 250
    for _ in range(EDGE):  # (clear of the outline: where a rim may fall)
        inside[1:-1, 1:-1] &= inside[2:, 1:-1] & inside[:-2, 1:-1] & inside[1:-1, 2:] \
            & inside[1:-1, :-2]
    radius = body.head_radius * HEAD_SCALE * TALL
    face = (round(feet[0] + (body.head[0] * TALL) + 0.35 * radius),
            round(feet[1] - body.head[1] * TALL))
    shoulder = body.joints["shoulder"]
    chest = (round(feet[0] + shoulder[0] * TALL), round(feet[1] - (shoulder[1] - 0.06) * TALL))
    r = max(2, round(0.3 * radius))
    face_lit = _luma(rgb[face[0] - r:face[0] + r, face[1] - r:face[1] + r])[
        inside[face[0] - r:face[0] + r, face[1] - r:face[1] + r]]
    chest_lit = _luma(rgb[chest[0] - r:chest[0] + r, chest[1] - r:chest[1] + r])[
        inside[chest[0] - r:chest[0] + r, chest[1] - r:chest[1] + r]]
    assert face_lit.size and chest_lit.size
    assert face_lit.mean() <= chest_lit.mean() + DARKER_BY, (face_lit.mean(), chest_lit.mean())


def test_a_hand_tapers_from_its_knuckles_to_its_fingertips() -> None:
    """Each hand is broadest at its knuckles, its fingertips narrower than its wrist: a hand
    broadest at its round end read as a club (Julie's at 14:56, at 3x)."""
    body = pose("idle", 0.0)
    capsules, _ = dressed(body, OUTFITS["julie"])
    hands = [c for c in capsules if c.limb == "hand"]
    for side in (0, 1):
        wrist = body.joints[f"wrist{side}"]
        palm = [c for c in hands if c.a == wrist]
        hand = palm + [c for c in hands if c.a in {p.b for p in palm}]
        tip = max(hand, key=lambda c: (c.b[0] - wrist[0]) ** 2 + (c.b[1] - wrist[1]) ** 2)
        widest = max(max(c.width, c.end_width) for c in hand)
        assert tip.end_width < 0.7 * widest, (side, tip.end_width, widest)
