"""The animals deep time keeps, one of each: a dire wolf's jaw, a mammoth's lone tusk, a
teratorn's wing and beak, and the order the tar gives them up in with the older finds."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

from installation.visuals.base import mix
from installation.visuals.fossils import (
    IVORY,
    SOCKET,
    Pen,
    Rgba,
    long_bone,
    mammoth_skull,
    outline,
    ribs,
    sabre_skull,
    taper,
)

# A dire wolf's lower jaw facing left, in its sizes (y down): the long low body carrying the
# teeth, its chin rounded, the broad blade rising behind to the joint
WOLF_JAW = ((-1.0, -0.06), (-0.9, -0.16), (0.3, -0.14), (0.5, -0.52), (0.72, -0.6),
            (0.88, -0.42), (0.8, -0.22), (0.98, 0.02), (0.84, 0.18), (0.4, 0.2),
            (-0.2, 0.26), (-0.8, 0.22), (-0.98, 0.12))
CANINE = ((-0.84, -0.08), (-0.88, -0.34), (-0.76, -0.56))  # the fang at its front, curving up
# and back
CHEEK_TEETH, TOOTH = 5, 0.2  # the row of cheek teeth behind it, and each one's height (a row
# of thin spikes read as a comb)
TUSK_CURVE = ((-1.0, 0.3), (0.0, -0.55), (1.0, 0.05))  # a lone tusk: a long shallow spiral
TUSK_ROOT, TUSK_TIP = 0.22, 0.05  # across it at the root and at its broken tip
TUSK_IVORY = 0.15  # how far towards ivory (paler than the bones round it; further, grey-white)
# A teratorn (the great condor of La Brea): its skull with a long hooked beak, a curve of
# neck, the keel of its breastbone and one long wing's bones opened out in a shallow V
BEAK = ((-0.62, -0.62), (-0.98, -0.56), (-1.06, -0.46), (-0.96, -0.48), (-0.66, -0.48))
CRANE = (-0.52, -0.56)  # its braincase, behind the beak
NECK = ((-0.46, -0.48), (-0.42, -0.2), (-0.22, -0.04))
KEEL = (-0.3, -0.14, 0.5, 0.3)  # the breastbone's keel: an oval (left, top, width, height)
SKULL_MIDDLE = 0.6  # a mammoth's skull moved this far right, in its sizes: its tusk reaches
# forward from the face as far as the skull's back lies behind
WING = (((-0.02, 0.0), (0.4, -0.36), (0.74, -0.48)), ((0.74, -0.48), (0.92, -0.2),
                                                      (1.08, 0.06)))


def wolf_jaw(image: pygame.Surface, c: float, s: float, color: Rgba,
             rng: random.Random) -> None:
    """A dire wolf's lower jaw in profile: its fang up at the front, a row of cheek teeth, the
    blade behind (a hunter's jaw: what the tar caught most of after the mammoths' calls)."""
    outline(image, c, s, color, WOLF_JAW)
    taper(image, [(c + s * x, c + s * y) for x, y in CANINE], s * 0.18, s * 0.05, color)
    for n in range(CHEEK_TEETH):
        x = c + s * (-0.6 + 0.2 * n)
        top = c - s * (0.14 + TOOTH * (0.6 + 0.4 * rng.random()))
        pygame.draw.polygon(image, color, [(x - s * 0.09, c - s * 0.12), (x, top),
                                           (x + s * 0.09, c - s * 0.12)])
    pygame.draw.circle(image, SOCKET, (c + s * 0.62, c - s * 0.3), max(1.0, s * 0.07))


def tusk(image: pygame.Surface, c: float, s: float, color: Rgba, _rng: random.Random) -> None:
    """A mammoth's tusk alone, a long ivory curve, its tip broken off, paler than bone."""
    ivory = (*mix(color[:3], IVORY, TUSK_IVORY), color[3])
    taper(image, [(c + s * x, c + s * y) for x, y in TUSK_CURVE], s * TUSK_ROOT, s * TUSK_TIP,
          ivory)


def bird(image: pygame.Surface, c: float, s: float, color: Rgba, _rng: random.Random) -> None:
    """A teratorn: hooked beak and skull, neck, keel and one long wing opened (bird bones are
    thin: drawn as a bone's, they read as twigs; with the beak, a bird)."""
    outline(image, c, s, color, BEAK)
    pygame.draw.circle(image, color, (c + s * CRANE[0], c + s * CRANE[1]), s * 0.14)
    pygame.draw.circle(image, SOCKET, (c + s * (CRANE[0] - 0.04), c + s * (CRANE[1] - 0.02)),
                       max(1.0, s * 0.045))
    taper(image, [(c + s * x, c + s * y) for x, y in NECK], s * 0.09, s * 0.07, color)
    left, top, wide, high = KEEL
    pygame.draw.ellipse(image, color, (c + s * left, c + s * top, s * wide, s * high))
    for part in WING:
        taper(image, [(c + s * x, c + s * y) for x, y in part], s * 0.09, s * 0.05, color)


def sabre(image: pygame.Surface, c: float, s: float, color: Rgba, _rng: random.Random) -> None:
    """A sabre-tooth's skull (see `sabre_skull`)."""
    sabre_skull(image, c, s, color)


def mammoth_head(image: pygame.Surface, c: float, s: float, color: Rgba,
                 _rng: random.Random) -> None:
    """A mammoth's skull with its tusk (see `mammoth_skull`), round its middle."""
    mammoth_skull(image, c, s, color, SKULL_MIDDLE)


@dataclass(frozen=True)
class Find:
    """One animal's bones as laid: the pen, its size against a bone's, how far it turns and
    how far it reaches from its middle, turned, in its sizes (one reach for all, a skull's
    with its tusk, left no room for finds large enough to read from across the room)."""

    name: str
    pen: Pen
    size: float
    tilt: tuple[float, float]
    reach: float = 1.8


FINDS: tuple[Find, ...] = (  # one of each before any comes again, in the order laid
    Find("sabre-tooth skull", sabre, 1.05, (-12.0, 12.0), 0.95),
    Find("dire wolf jaw", wolf_jaw, 0.7, (-15.0, 15.0), 1.2),
    Find("mammoth tusk", tusk, 1.35, (-20.0, 20.0), 1.2),
    Find("ribs", ribs, 1.0, (-15.0, 15.0), 1.4),
    Find("teratorn", bird, 0.8, (-15.0, 15.0), 1.25),
    Find("thigh bone", long_bone, 0.85, (-35.0, 35.0), 1.2),
    Find("mammoth skull", mammoth_head, 1.3, (-12.0, 12.0), 1.35),
)
