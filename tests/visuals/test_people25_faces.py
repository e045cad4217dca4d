"""Faces catch the light they stand in (review 24 #3: dark ovals at the payphone, in the diner
and in the sun at the tar pits): in the booth's tube his cheek is lit well over his body's
colour, his eyes a darker line across it; in the afternoon sun at the Lake Pit, Julie's face
turned from the sun is lit by the sky and the lawn, lighter than her hair, with the eyes'
line darker across it."""

from __future__ import annotations

import numpy as np
import pygame

from installation.core.timeutil import parse_clock
from installation.visuals.poses import pose

from .helpers import shipped_crowd
from .test_faces22_booth_eyes import CHEEK, EYE, SOCKET
from .test_figures21_booth_face import Head, brightness, caller, on_sprite

LIT_CHEEK = 70  # his lit cheek, this much over his body's brightness at least (main: ~40)
EYE_LINE = 0.85  # his eyes' region at most this share as light as his cheek
AFTERNOON = "15:40:00"  # she faces Harry, the sun behind her
HEAD = 0.16  # of her sprite's height from its top: her head
OPAQUE = 250  # a sprite's pixel this opaque is inside her (off her soft edge)
FRONT = 0.3  # of her head's width from the tip of her nose: her face's front
WARM = 30  # red over blue: her skin (her hair a near-black brown)
SKIN = 60  # pixels of skin in her face's front, at least
LIT_FACE = 95  # her face's front, this bright at least (main: 81, the skin in its own shade)
EYES_DARKER = 12  # a row across it (her eyes) this much darker than the face (main: none)


def _region(shade: np.ndarray, head: Head, point: tuple[float, float, float],
            feet: tuple[float, float], height: int) -> np.ndarray:
    x, y = on_sprite(head.at(point), feet, height)
    radius = head.radius * height
    w, h = max(1, round(SOCKET[0] * radius)), max(1, round(SOCKET[1] * radius))
    return shade[x - w:x + w + 1, y - h:y + h + 1]


def test_in_the_booth_his_cheek_catches_the_tube_and_his_eyes_are_a_darker_line() -> None:
    sprite, feet, place = caller()
    height, body = place.caller_look.height, max(place.caller_look.color)
    shade, head = brightness(sprite), Head(pose("phone", 0.0))
    cheek = _region(shade, head, CHEEK, feet, height).mean() - body
    eye = _region(shade, head, EYE, feet, height).mean() - body
    assert cheek >= LIT_CHEEK, f"his cheek {cheek:.0f} over his body"
    assert eye <= EYE_LINE * cheek, f"his eyes {eye:.0f}, his cheek {cheek:.0f}"


def test_in_the_afternoon_sun_her_face_turned_from_it_reads_as_a_face() -> None:
    crowd = shipped_crowd("Harry meets Julie")
    frame = crowd.frame(parse_clock(AFTERNOON))
    (layer, member), = [(one, m) for one in crowd.layers if one.params["body"] == "julie"
                        for m in one.members(frame)]
    assert member.left, "she faces him, her back to the sun"
    sprite, _ = layer.sprites.get(member.pose, member.phase, member.left, member.look,
                                  member.turn)
    head = sprite.subsurface((0, 0, sprite.get_width(), round(HEAD * sprite.get_height())))
    rgb = pygame.surfarray.array3d(head).astype(int)
    solid = pygame.surfarray.array_alpha(head) >= OPAQUE
    light = rgb.max(axis=2)
    columns = np.where(solid.any(axis=1))[0]
    front = np.zeros_like(solid)  # (her face's front, from the tip of her nose)
    front[columns.min() + 1:columns.min() + 1 + round(FRONT * np.ptp(columns))] = True
    skin = solid & front & (rgb[..., 0] - rgb[..., 2] >= WARM)
    assert skin.sum() >= SKIN, skin.sum()
    face = float(np.median(light[skin]))
    assert face >= LIT_FACE, f"her face {face:.0f}: a dark oval"
    rows = [float(light[:, y][skin[:, y]].mean()) for y in range(head.get_height())
            if skin[:, y].sum() >= 2]
    assert min(rows) <= face - EYES_DARKER, ("no darker line across her eyes", rows)
