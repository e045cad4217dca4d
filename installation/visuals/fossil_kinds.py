"""The animals deep time keeps, one of each: a dire wolf's skull, a mammoth's lone tusk, a
teratorn's skeleton, and the order the tar gives them up in with the older finds."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

from installation.visuals.base import mix
from installation.visuals.fossil_sabre import sabre_skull
from installation.visuals.fossil_sunk import TAR_LINE
from installation.visuals.fossil_wolf import wolf_skull
from installation.visuals.fossils import (
    IVORY,
    SOCKET,
    Pen,
    Rgba,
    detail,
    long_bone,
    mammoth_skull,
    outline,
    ribs,
    taper,
)

TUSK_CURVE = ((-1.0, 0.3), (0.0, -0.55), (1.0, 0.05))  # a lone tusk: a long shallow spiral
TUSK_ROOT, TUSK_TIP = 0.22, 0.05  # across it at the root and at its broken tip
TUSK_IVORY = 0.5  # how far towards ivory (paler than the bones round it: each part of a find
# is soaked from its own colour, so the tar leaves it a stained ivory, not bone-brown)
# A teratorn (the great condor of La Brea) dead on its side, facing left, in its sizes (y
# down), all of it lying low along the stratum: its skull and long hooked beak on the ground,
# the neck's vertebrae sagging limp to the body, the ribs across the body, its keel under
# it; the near wing folded back along its back, the humerus to the elbow, the forearm's two
# bones side by side to the wrist, the hand drooping to the wing's tip; the legs stretched
# out behind, the toes spread (its head held high on an upright neck over a raised wing,
# it read as a live bird flying: review 23)
BEAK = ((-0.62, -0.08), (-0.8, -0.1), (-1.02, -0.02), (-1.1, 0.1), (-1.06, 0.18),
        (-1.0, 0.1), (-0.86, 0.08), (-0.64, 0.1))  # upper bill, hooked down at its tip
JAW_LINE = ((-0.64, 0.06), (-0.98, 0.07))  # where the bill's two halves meet
CRANE, CRANE_SIZE = (-0.54, 0.0), 0.15  # its braincase, behind the beak, and its eye socket
NECK = ((-0.42, 0.06), (-0.36, 0.16), (-0.26, 0.0))
NECK_BONES = 5  # vertebrae along it (dark seams between)
BODY = ((-0.3, -0.1), (-0.12, -0.2), (0.18, -0.16), (0.34, -0.04), (0.3, 0.08),
        (0.0, 0.12), (-0.24, 0.06))  # the ribcage and the hips behind it
BIRD_RIBS = (-0.18, -0.06, 0.06, 0.18)  # the ribs' seams across the body, from its top
KEEL = ((-0.22, 0.06), (-0.08, 0.26), (0.14, 0.1))  # the breastbone's keel, below
HUMERUS = ((-0.08, -0.14), (0.1, -0.3), (0.3, -0.46))
FOREARM = ((0.3, -0.46), (0.56, -0.5), (0.8, -0.44))  # radius and ulna, drawn apart
FOREARM_GAP = 0.05  # between the forearm's two bones
HAND = ((0.8, -0.44), (0.96, -0.36), (1.1, -0.22))  # the hand, drooping to the wing's tip
LEG = (((0.28, 0.04), (0.34, 0.24), (0.48, 0.36)), ((0.48, 0.36), (0.68, 0.5),
                                                   (0.86, 0.62)))
TOES = ((0.8, 0.8), (0.98, 0.8), (1.1, 0.68))  # spread from the foot
SKULL_SUNK = (0.8, 0.88)  # a mammoth's skull only to the lowest of its tusk's sweep (sunk as
# deep as the others, the tusk curving out of its socket went under: a dome with an eye)
SABRE_SUNK = (0.86, 0.92)  # a sabre-tooth's or a dire wolf's skull only to its canines' tips
# and its chin (its canines are what it is known by)
SKULL_MIDDLE = 0.6  # a mammoth's skull moved this far right, in its sizes: its tusk reaches
# forward from the face as far as the skull's back lies behind

def wolf(image: pygame.Surface, c: float, s: float, color: Rgba, _rng: random.Random) -> None:
    """A dire wolf's skull (see `wolf_skull`): what the tar caught most of, after the
    mammoths' calls drew the hunters in."""
    wolf_skull(image, c, s, color)


def tusk(image: pygame.Surface, c: float, s: float, color: Rgba, _rng: random.Random) -> None:
    """A mammoth's tusk alone, a long ivory curve, its tip broken off, paler than bone."""
    ivory = (*mix(color[:3], IVORY, TUSK_IVORY), color[3])
    taper(image, [(c + s * x, c + s * y) for x, y in TUSK_CURVE], s * TUSK_ROOT, s * TUSK_TIP,
          ivory)


def bird(image: pygame.Surface, c: float, s: float, color: Rgba, _rng: random.Random) -> None:
    """A teratorn's skeleton dead on its side (see BEAK...TOES): the hooked beak and skull
    with its eye socket lying low, the neck's vertebrae sagging, the body with its ribs and
    keel, the wing folded back along it, its forearm's two bones apart, the legs stretched
    out behind with the toes spread (bird bones are thin: drawn as
    a bone's, they read as twigs)."""
    def at(points: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
        return [(c + s * x, c + s * y) for x, y in points]

    outline(image, c, s, color, BEAK)
    start, end = at(JAW_LINE)
    pygame.draw.line(image, SOCKET, start, end, max(1, round(s * 0.025)))
    outline(image, c, s, color, BODY)
    for x in BIRD_RIBS:
        pygame.draw.lines(image, detail(color), False, at(((x, -0.14), (x + 0.06, 0.08))),
                          max(1, round(s * 0.03)))
    taper(image, at(KEEL), s * 0.1, s * 0.05, color)
    taper(image, at(NECK), s * 0.1, s * 0.12, color)
    (x0, y0), (x1, y1), (x2, y2) = at(NECK)
    cx, cy = 2 * x1 - (x0 + x2) / 2, 2 * y1 - (y0 + y2) / 2  # (as `taper` bends it)
    for n in range(1, NECK_BONES):  # the seams between its vertebrae
        t = n / NECK_BONES
        pygame.draw.circle(image, detail(color),
                           ((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x2,
                            (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y2),
                           max(1.0, s * 0.025))
    pygame.draw.circle(image, color, at((CRANE,))[0], s * CRANE_SIZE)
    pygame.draw.circle(image, SOCKET, at(((CRANE[0] - 0.03, CRANE[1] - 0.02),))[0],
                       max(1.0, s * 0.06))
    taper(image, at(HUMERUS), s * 0.13, s * 0.09, color)
    for side in (-1, 1):  # radius and ulna
        taper(image, [(x, y + side * s * FOREARM_GAP) for x, y in at(FOREARM)], s * 0.07,
              s * 0.06, color)
    taper(image, at(HAND), s * 0.08, s * 0.03, color)
    for part in LEG:
        taper(image, at(part), s * 0.09, s * 0.07, color)
    foot = at((LEG[1][2],))[0]
    for toe in at(TOES):
        taper(image, [foot, ((foot[0] + toe[0]) / 2, (foot[1] + toe[1]) / 2), toe], s * 0.05,
              s * 0.025, color)


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
    line: tuple[float, float] = TAR_LINE  # where the tar's edge crosses it, down its height


FINDS: tuple[Find, ...] = (  # one of each before any comes again, in the order laid (the
    # dire wolf fifth, in a near band: second, at the deepest, under the tar's film and
    # softened, its skull read as a brown blob; a thigh bone is a thigh bone there)
    Find("sabre-tooth skull", sabre, 1.05, (-12.0, 12.0), 1.2, SABRE_SUNK),
    Find("thigh bone", long_bone, 0.85, (-35.0, 35.0), 1.2),
    Find("mammoth tusk", tusk, 1.35, (-20.0, 20.0), 1.2),
    Find("ribs", ribs, 1.0, (-15.0, 15.0), 1.4),
    Find("dire wolf skull", wolf, 0.85, (-15.0, 15.0), 1.2, SABRE_SUNK),
    Find("teratorn", bird, 1.0, (-15.0, 15.0), 1.15),
    Find("mammoth skull", mammoth_head, 1.1, (-12.0, 12.0), 1.45, SKULL_SUNK),
)
