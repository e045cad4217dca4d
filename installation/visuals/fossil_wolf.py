"""A dire wolf's skull as La Brea keeps it, in profile: the long muzzle, the crest along its
crown, the eye socket and the hollow behind it over the cheek's arch, the lower jaw shut
under it and the long canines, paler than the bone, crossing at its front."""

from __future__ import annotations

import pygame

from installation.visuals.base import mix
from installation.visuals.fossil_skull import Skull, at, skull_in_profile
from installation.visuals.fossils import IVORY, Rgba, detail, taper

# The skull facing left, in its sizes (y down): the nose's tip, the muzzle's long top rising
# at the brow to the crown, the crest's peak over the back of the head, the back of the skull
# falling to the joint of the neck, the cheek's arch under the hollow behind the eye, the
# upper jaw's row of teeth, its front
CRANIUM = ((-1.0, -0.04), (-0.72, -0.12), (-0.34, -0.18), (-0.1, -0.32), (0.3, -0.4),
           (0.66, -0.46), (0.9, -0.36), (1.0, -0.14), (0.94, 0.06), (0.66, 0.08),
           (0.34, 0.06), (0.02, 0.12), (-0.5, 0.1), (-0.94, 0.1))
# The lower jaw, shut: its body under the teeth, the coronoid rising into the hollow behind
# the eye, its angle at the back
JAW = ((-0.96, 0.14), (-0.5, 0.16), (0.2, 0.14), (0.44, 0.06), (0.56, -0.1), (0.66, 0.02),
       (0.78, 0.2), (0.54, 0.3), (0.0, 0.32), (-0.6, 0.3), (-0.92, 0.26))
ORBIT, ORBIT_SIZE = (-0.12, -0.14), 0.1  # the eye socket
TEMPORAL = (0.08, -0.24, 0.5, 0.22)  # the hollow behind it (left, top, width, height)
NOSE = (-0.94, 0.0, 0.05)  # the nose's opening (across, down, radius)
TEETH = ((-0.6, 0.1), (-0.42, 0.1), (-0.24, 0.1), (-0.04, 0.12))  # the upper cheek teeth,
# the carnassial last, each a point down over the jaw
JAW_LINE = ((-0.9, 0.14), (0.36, 0.12))  # where the teeth meet
UPPER_CANINE = ((-0.78, 0.04), (-0.76, 0.24), (-0.68, 0.4))  # down over the jaw's front
LOWER_CANINE = ((-0.9, 0.22), (-0.94, 0.06), (-0.86, -0.1))  # up in front of it
CANINE_ROOT, CANINE_TIP = 0.14, 0.035  # across a canine at its root and its tip
CANINE_IVORY = 0.6  # its enamel: this far from the bone's colour to ivory


def wolf_skull(image: pygame.Surface, c: float, s: float, color: Rgba) -> None:
    """A dire wolf's skull facing left, `s` its size, round (c, c): long and low, its jaw
    shut, its crest, eye socket and the hollow behind it dark, its cheek teeth, its two
    long canines crossing at the front, paler than the bone (a jaw alone read as a comb)."""
    skull_in_profile(image, c, s, color, WOLF)
    pygame.draw.lines(image, detail(color), False, at(c, s, JAW_LINE),
                      max(1, round(s * WOLF.crease)))
    ivory = (*mix(color[:3], IVORY, CANINE_IVORY), color[3])
    for canine in (LOWER_CANINE, UPPER_CANINE):
        taper(image, at(c, s, canine), s * CANINE_ROOT, s * CANINE_TIP, ivory)


WOLF = Skull(JAW, CRANIUM, ((0.1, -0.36), (0.5, -0.44), (0.84, -0.36)), TEMPORAL,
             (ORBIT, ORBIT_SIZE), NOSE, TEETH, (0.07, 0.1), 0.03)
