"""The man in the booth is a man, not a paper cut-out in profile: on the phone his head is
turned three-quarters to us, its face modelled in the booth's light (a lit front and a side in
shade, the eye sockets dark), his near ear behind his face, the jaw over the dark neck."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals import booth
from installation.visuals.headwear import HEAD_SCALE
from installation.visuals.poses import pose
from installation.visuals.skeleton import Body

from .helpers import NO_POST, layer
from .test_booth_call import BEATS, BLACK_SKY, booth_layer

BOOTH = BLACK_SKY + layer("booth", x=0.5, ground=0.95, scale=0.68, ring=0, **BEATS) + NO_POST

OPAQUE = 250  # a sprite's pixel this opaque is inside him (off his soft edge)
LIT, SIDE = 55, 16  # brightness over his body's colour: his face's lit front, its side in shade
SHARE = 0.08  # of the face's inner pixels: at least this many in each tone
BROW = (0.62, 0.42, 0.12)  # a point of his brow, on the face's front (forward, up, out to us)
EAR = (-0.12, 0.02, 0.66)  # his near ear, in head radii (see figure_face.Point3)


class Head:
    """A head of a posed body (no tilt: he listens upright), its points turned as it turns."""

    def __init__(self, body: Body) -> None:
        self.centre, self.radius = body.head, body.head_radius * HEAD_SCALE
        self.turn = math.pi * body.look

    def at(self, p: tuple[float, float, float]) -> tuple[float, float]:
        across = p[0] * math.cos(self.turn) - p[2] * math.sin(self.turn)
        return self.centre[0] + across * self.radius, self.centre[1] + p[1] * self.radius


def caller() -> tuple[pygame.Surface, tuple[float, float], booth.Booth]:
    """His sprite on the phone, listening, and where his feet are on it."""
    place = booth_layer(BOOTH)
    sprite, feet = place.sprites.get("phone", 0.0, True, place.caller_look)
    return sprite, feet, place


def on_sprite(point: tuple[float, float], feet: tuple[float, float],
              height: int) -> tuple[int, int]:
    """A point of his body (his heights, facing right) on his sprite (drawn facing left)."""
    return round(feet[0] - point[0] * height), round(feet[1] - point[1] * height)


def brightness(sprite: pygame.Surface) -> np.ndarray:
    rgb = pygame.surfarray.array3d(sprite).astype(int)
    return rgb.max(axis=2)


def test_his_face_has_a_lit_front_and_a_side_in_shade() -> None:
    sprite, feet, place = caller()
    height = place.caller_look.height
    head = Head(pose("phone", 0.0))
    assert 0.15 < head.turn / math.pi < 0.4, "three-quarters to us, not in profile"
    cx, cy = on_sprite(head.centre, feet, height)
    radius = head.radius * height
    alpha = pygame.surfarray.array_alpha(sprite)
    xs, ys = np.mgrid[0:sprite.get_width(), 0:sprite.get_height()]
    inner = ((xs - cx) ** 2 + (ys - cy) ** 2 < (0.6 * radius) ** 2) & (alpha >= OPAQUE)
    body = max(place.caller_look.color)
    light = brightness(sprite)[inner] - body
    lit, side = (light >= LIT).mean(), ((light >= SIDE) & (light < LIT)).mean()
    assert lit >= SHARE and side >= SHARE, (lit, side)


def test_his_near_ear_shows_behind_his_face_and_the_lit_front_before_it() -> None:
    sprite, feet, place = caller()
    height = place.caller_look.height
    head = Head(pose("phone", 0.0))
    ear = on_sprite(head.at(EAR), feet, height)
    cheek = on_sprite(head.at(BROW), feet, height)
    nose_side = on_sprite(head.centre, feet, height)
    shade = brightness(sprite)
    body = max(place.caller_look.color)
    reach = round(0.15 * head.radius * height)
    around = shade[ear[0] - reach:ear[0] + reach + 1, ear[1] - reach:ear[1] + reach + 1]
    assert around.max() >= body + SIDE, ("an ear's rim, not hair", around.max())
    # (he faces the phone, on the left: the ear is right of the face's middle, the lit cheek
    # left of it, towards the phone)
    assert ear[0] > nose_side[0] > cheek[0] - 1, (ear, nose_side, cheek)
    assert shade[cheek] >= body + LIT, ("the lit front of his face", shade[cheek])
