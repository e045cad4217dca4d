"""Deep time's mammoth skull reads as a mammoth's skull in profile, not as a mask: above its
molar row its side shows one small eye socket (with the trunk's opening drawn as a second round
hole on its forehead beside a large socket, the two over the dark molar read as eyes over a
mouth), its tusk's socket low and forward of it."""

from __future__ import annotations

import math

import numpy as np
import pygame

from installation.visuals import fossils

SIZE = 60  # pixels: the skull's size (its sizes are shares of it)
BONE = (120, 84, 56, 255)
SMALL = 0.08  # its eye socket's radius at most, in its sizes (the mask's was 0.11)
LOW, FORWARD = 0.6, 0.2  # its tusk's socket at least this far below the eye socket and in
# front of it, in its sizes


def _holes() -> list[pygame.Rect]:
    """The holes (the tar showing through) in the skull's side above its molar row."""
    c = 200
    skull = pygame.Surface((400, 400), pygame.SRCALPHA)
    fossils.mammoth_skull(skull, c, SIZE, BONE)
    side = pygame.Surface((400, 400), pygame.SRCALPHA)
    fossils.outline(side, c, SIZE, BONE, fossils.CRANIUM)
    covered = pygame.surfarray.array_alpha(skull) > 0
    inside = pygame.surfarray.array_alpha(side) > 0
    top = c + round(fossils.MOLAR[1] * SIZE)
    hole = inside & ~covered
    hole[:, top:] = False
    mask = pygame.mask.Mask((400, 400))
    for x, y in np.argwhere(hole):
        mask.set_at((int(x), int(y)))
    return [rect for rect in mask.get_bounding_rects()
            if mask.overlap_area(pygame.mask.Mask(rect.size, fill=True), rect.topleft) >= 3]


def test_its_side_shows_one_small_eye_socket_not_two_eyes() -> None:
    holes = _holes()
    assert len(holes) == 1, f"{len(holes)} holes in its side over the molar: {holes}"
    area = holes[0].width * holes[0].height * math.pi / 4
    assert area <= math.pi * (SMALL * SIZE) ** 2, f"its eye socket {holes[0].size} px"


def test_its_tusks_socket_lies_low_and_forward_of_the_eye() -> None:
    (eye_x, eye_y), _size = fossils.ORBIT, fossils.ORBIT_SIZE
    (socket_x, socket_y), _rim = fossils.ALVEOLUS
    assert socket_y - eye_y >= LOW and eye_x - socket_x >= FORWARD
    eye = _holes()[0]
    assert abs(eye.centerx - (200 + eye_x * SIZE)) <= 2, "the hole is its eye socket"
