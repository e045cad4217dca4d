"""What the tar has kept of the city among the bones: a shoe, a bottle, each in its own colour
under the tar's stain (the day joined to deep time)."""

from __future__ import annotations

import random

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.fossil_kinds import Find
from installation.visuals.fossils import Rgba, outline, taper

LEATHER: Color = (110, 74, 50)  # a shoe's brown leather
GLASS: Color = (70, 104, 72)  # a bottle's green glass
SHINE: Color = (235, 232, 224)  # what the leather and the glass still catch of the light ...
SHINE_SHARE = 0.55  # ... this share of the way from their colour
SOLE = 0.45  # a shoe's sole: this much of its leather's colour
# A man's shoe in profile, its toe to the right (y down): the heel, the collar round the
# opening, the tongue and laces over the instep, the toe cap
SHOE = ((-0.82, 0.22), (-0.88, -0.12), (-0.7, -0.3), (-0.46, -0.26), (-0.24, -0.36),
        (0.06, -0.24), (0.4, -0.12), (0.7, -0.06), (0.86, 0.06), (0.82, 0.22))
SHOE_SOLE = ((-0.84, 0.14), (0.86, 0.14), (0.82, 0.26), (-0.82, 0.26))
LACES = ((-0.16, -0.3), (0.0, -0.24), (0.16, -0.18))  # its lace holes
# A bottle lying on its side, its neck to the right (y down): the body, the shoulder, the neck
# and the lip of its mouth
BOTTLE = ((-0.8, -0.22), (0.2, -0.22), (0.44, -0.08), (0.82, -0.07), (0.84, -0.1),
          (0.9, -0.1), (0.9, 0.1), (0.84, 0.1), (0.82, 0.07), (0.44, 0.08), (0.2, 0.22),
          (-0.8, 0.22), (-0.84, 0.0))


def shine(color: Rgba) -> Rgba:
    """The light a smooth thing of `color` catches along its top."""
    return (*mix(color[:3], SHINE, SHINE_SHARE), color[3])


def shoe(image: pygame.Surface, c: float, s: float, color: Rgba, _rng: random.Random) -> None:
    """A man's shoe in profile: the heel and sole darker, its collar, tongue and lace holes,
    its toe cap."""
    outline(image, c, s, color, SHOE)
    outline(image, c, s, (*scaled(color[:3], SOLE), color[3]), SHOE_SOLE)
    pygame.draw.ellipse(image, (*scaled(color[:3], 0.3), color[3]),
                        (c - s * 0.64, c - s * 0.3, s * 0.4, s * 0.12))  # its opening
    for x, y in LACES:
        pygame.draw.circle(image, (*scaled(color[:3], 0.4), color[3]), (c + s * x, c + s * y),
                           max(1.0, s * 0.03))
    taper(image, [(c + s * 0.42, c - s * 0.08), (c + s * 0.6, c - s * 0.04),
                  (c + s * 0.78, c + s * 0.04)], s * 0.05, s * 0.03, shine(color))


def bottle(image: pygame.Surface, c: float, s: float, color: Rgba,
           _rng: random.Random) -> None:
    """A glass bottle lying on its side: its body, shoulder, neck and lip, the light along
    its top."""
    outline(image, c, s, color, BOTTLE)
    taper(image, [(c - s * 0.7, c - s * 0.13), (c - s * 0.2, c - s * 0.14),
                  (c + s * 0.3, c - s * 0.1)], s * 0.06, s * 0.03, shine(color))


KEPT: tuple[tuple[Find, Color], ...] = (  # in the order `remains` adds them, with their colour
    (Find("shoe", shoe, 0.75, (-10.0, 10.0), 1.0), LEATHER),
    (Find("bottle", bottle, 0.55, (-25.0, 25.0), 1.0), GLASS),
)
