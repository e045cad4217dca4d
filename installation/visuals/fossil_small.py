"""The small bones a tar seep is full of between the large finds: vertebrae, toe bones and
broken ribs, scattered at every depth (without them the finds sat apart on empty tar, a
museum's shelf, not a seep's jumbled mass of bone)."""

from __future__ import annotations

import random

import pygame

from installation.visuals.fossil_kinds import Find
from installation.visuals.fossils import Rgba, detail, outline, taper

# A vertebra seen from behind, in its sizes (y down): the round body, the arch over the
# canal, the spine standing up from it and the two wings out to its sides
VERTEBRA = ((-0.42, 0.5), (-0.5, 0.2), (-0.98, 0.02), (-1.0, -0.14), (-0.4, -0.1),
            (-0.16, -0.34), (-0.1, -0.98), (0.1, -0.98), (0.16, -0.34), (0.4, -0.1),
            (1.0, -0.14), (0.98, 0.02), (0.5, 0.2), (0.42, 0.5), (0.0, 0.62))
CANAL = ((0.0, 0.02), 0.13)  # the hole the cord ran through (its middle, size)
# A toe bone lying along, in its sizes: its two flared ends and the waisted shaft between
PHALANX = ((-1.0, -0.3), (-0.72, -0.36), (-0.4, -0.16), (0.4, -0.14), (0.78, -0.3),
           (1.0, -0.22), (1.0, 0.22), (0.78, 0.3), (0.4, 0.14), (-0.4, 0.16), (-0.72, 0.36),
           (-1.0, 0.3))
RIB_PIECE = ((-1.0, 0.2), (0.0, -0.3), (1.0, 0.1))  # a broken rib: a short shallow arc
RIB_ACROSS = (0.2, 0.08)  # across it at its thicker end and at its break, in its sizes


def vertebra(image: pygame.Surface, c: float, s: float, color: Rgba,
             _rng: random.Random) -> None:
    """A vertebra (see VERTEBRA): its body, the spine up from its arch, its two wings and
    the dark canal through it."""
    outline(image, c, s, color, VERTEBRA)
    (x, y), size = CANAL
    pygame.draw.circle(image, detail(color), (c + s * x, c + s * y), max(1.0, s * size))


def toe(image: pygame.Surface, c: float, s: float, color: Rgba, _rng: random.Random) -> None:
    """A toe bone (see PHALANX), a dark crease at its joint's end."""
    outline(image, c, s, color, PHALANX)
    pygame.draw.line(image, detail(color), (c + s * 0.86, c - s * 0.2),
                     (c + s * 0.86, c + s * 0.2), max(1, round(s * 0.08)))


def rib_piece(image: pygame.Surface, c: float, s: float, color: Rgba,
              _rng: random.Random) -> None:
    """A length of broken rib: a short arc, tapering to where it snapped."""
    root, tip = RIB_ACROSS
    taper(image, [(c + s * x, c + s * y) for x, y in RIB_PIECE], s * root, s * tip, color)


SMALL: tuple[Find, ...] = (  # in turn across, between the large finds: small enough not to
    # hide them, turned any way (they came to rest as the seep tumbled them)
    Find("vertebra", vertebra, 0.3, (-60.0, 60.0), 0.35),
    Find("rib", rib_piece, 0.5, (-70.0, 70.0), 0.5),
    Find("toe bone", toe, 0.22, (-90.0, 90.0), 0.25),
    Find("rib", rib_piece, 0.42, (-70.0, 70.0), 0.45),
    Find("vertebra", vertebra, 0.26, (-60.0, 60.0), 0.3),
    Find("toe bone", toe, 0.25, (-90.0, 90.0), 0.28),
)
