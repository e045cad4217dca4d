"""A sabre-tooth cat's skull as La Brea keeps it, in profile: the rounded crown and its crest,
the short face, the great eye socket over the cheek's arch, the jaw dropped wide open and the
two long pale upper canines hanging past it."""

from __future__ import annotations

import math

import pygame

from installation.visuals.base import mix, scaled
from installation.visuals.fossil_skull import Skull, at, skull_in_profile
from installation.visuals.fossils import IVORY, Rgba, taper

# The skull facing right, in its sizes (y down): the crest rising over the back of the crown,
# the crown's round top, the brow over the eye, the short face sloping steeply to the nose,
# the upper jaw's front where the canine roots (deep: it holds a tooth its own length), the
# cheek teeth behind it, the joint of the jaw low at the back
CRANIUM = ((-1.0, 0.1), (-1.04, -0.12), (-0.92, -0.3), (-0.7, -0.46), (-0.4, -0.56),
           (-0.08, -0.56), (0.22, -0.46), (0.42, -0.34), (0.66, -0.2), (0.84, -0.1),
           (0.88, 0.06), (0.84, 0.3), (0.62, 0.36), (0.4, 0.26), (0.1, 0.24), (-0.24, 0.26),
           (-0.46, 0.34), (-0.62, 0.3), (-0.86, 0.26))
ORBIT, ORBIT_SIZE = (0.2, -0.18), 0.16  # the eye socket, large, behind the face
ARCH = (-0.5, -0.02, 0.56, 0.2)  # the hole the cheek's arch spans (left, top, width, height)
NOSE = (0.8, 0.0, 0.07)  # the nose's opening (across, down, radius)
CHEEK_TEETH = ((0.38, 0.26), (0.2, 0.24), (0.02, 0.24))  # the upper teeth behind the canine
# (the carnassial, the largest, first), each a point down
HINGE = (-0.48, 0.3)  # where the lower jaw turns on the skull
GAPE = 42.0  # degrees the jaw hangs open (a cat's sabres need a gape no other cat has)
# The lower jaw, closed, facing right from its hinge: its blade and the coronoid rising behind,
# its body running forward to the deep chin's flange that guarded the canine
JAW = ((0.0, 0.0), (0.08, -0.2), (0.22, -0.06), (0.6, 0.0), (1.02, 0.0), (1.1, 0.06),
       (1.08, 0.26), (0.98, 0.3), (0.86, 0.14), (0.5, 0.12), (0.14, 0.12), (-0.04, 0.08))
CANINE = ((0.6, 0.2), (0.68, 0.66), (0.54, 1.12))  # the sabre, down from its root and
# curving back: longer than the skull is deep (shorter, it read as a tooth, not a sabre)
CANINE_ROOT, CANINE_TIP = 0.2, 0.04  # across it at its root and its tip
CANINE_IVORY = 0.75  # its enamel: this far from the bone's colour to ivory (a brown fang on a
# brown skull read as a carnival mask's nose)
FAR_CANINE = (-0.07, -0.02, 0.75)  # the far side's sabre, a little behind and darker, seen
# beside the near one (moved across, down, and its light)


def sabre_skull(image: pygame.Surface, c: float, s: float, color: Rgba) -> None:
    """A sabre-tooth's skull facing right, `s` its size, round (c, c): its jaw dropped wide
    open, the two long canines pale as ivory hanging past the front of it, the crest along
    its crown, the eye socket and the cheek's arch dark, its cheek teeth."""
    skull_in_profile(image, c, s, color, SABRE)
    ivory = mix(color[:3], IVORY, CANINE_IVORY)
    dx, dy, light = FAR_CANINE
    for shift, tone in (((dx, dy), scaled(ivory, light)), ((0.0, 0.0), ivory)):
        taper(image, at(c, s, CANINE, *shift), s * CANINE_ROOT, s * CANINE_TIP,
              (*tone, color[3]))


def dropped(jaw: tuple[tuple[float, float], ...], hinge: tuple[float, float],
            gape: float) -> tuple[tuple[float, float], ...]:
    """A lower jaw drawn closed from its hinge, hung open `gape` degrees there (y down)."""
    turn = math.radians(gape)
    cos, sin = math.cos(turn), math.sin(turn)
    return tuple((hinge[0] + x * cos - y * sin, hinge[1] + x * sin + y * cos) for x, y in jaw)


SABRE = Skull(dropped(JAW, HINGE, GAPE), CRANIUM, ((-0.9, -0.26), (-0.4, -0.5), (0.1, -0.52)),
              ARCH, (ORBIT, ORBIT_SIZE), NOSE, CHEEK_TEETH, (0.08, 0.12), 0.04)
