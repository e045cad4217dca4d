"""Harry's face in the booth's light is a living face, not a skull: his eye lies in a soft
shadow under the brow (never a dark hole), its lid catching the tube's light, and his jaw is
in shade under the lit cheek."""

from __future__ import annotations

import numpy as np
import pytest

from installation.visuals.poses import pose

from .test_figures21_booth_face import Head, brightness, caller, on_sprite

EYE = (0.6, 0.16, 0.3)  # his near eye's middle (see figure_face.EYES)
CHEEK = (0.6, -0.1, 0.38)  # his near cheekbone
JAW = (0.3, -0.6, 0.4)  # his jaw, under the cheek towards the ear
SOCKET = (0.13, 0.11)  # the eye's region looked at (half width, half height, head radii)
HOLE = 8  # a pixel this little over his body's colour is as dark as the shade of his neck
MOST_DARK = 0.2  # at most this share of the eye's region so dark (a hole: 0.7)
SOFT = 0.6  # the eye's region on the whole at least this share as light as the cheek
JAW_SHADE = 0.45  # his jaw at most this share as light as his cheek (unshaven, in shade)
# His sprite's brightness on the phone, his body's, his head, his feet and his height.
Face = tuple[np.ndarray, int, Head, tuple[float, float], int]


@pytest.fixture(scope="module")
def face() -> Face:
    """His face in the booth's light (see Face)."""
    sprite, feet, place = caller()
    return (brightness(sprite), max(place.caller_look.color), Head(pose("phone", 0.0)), feet,
            place.caller_look.height)


def _region(face: Face, point: tuple[float, float, float]) -> np.ndarray:
    """The brightness over his body's round a point of his head (SOCKET's size)."""
    shade, body, head, feet, height = face
    x, y = on_sprite(head.at(point), feet, height)
    radius = head.radius * height
    w, h = max(1, round(SOCKET[0] * radius)), max(1, round(SOCKET[1] * radius))
    return shade[x - w:x + w + 1, y - h:y + h + 1] - body


def test_his_eye_is_a_soft_shadow_under_the_brow_not_a_hole(face: Face) -> None:
    eye, cheek = _region(face, EYE), _region(face, CHEEK)
    dark = float((eye < HOLE).mean())
    assert dark <= MOST_DARK, ("the eye a dark hole", dark)
    assert eye.mean() >= SOFT * cheek.mean(), ("the eye darker than a shadow", eye.mean(),
                                               cheek.mean())


def test_his_lid_catches_the_light(face: Face) -> None:
    eye, cheek = _region(face, EYE), _region(face, CHEEK)
    assert eye.max() > cheek.mean(), ("no light on the lid", eye.max(), cheek.mean())


def test_his_jaw_is_in_shade_under_the_lit_cheek(face: Face) -> None:
    jaw, cheek = _region(face, JAW), _region(face, CHEEK)
    assert jaw.mean() <= JAW_SHADE * cheek.mean(), (jaw.mean(), cheek.mean())

