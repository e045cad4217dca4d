"""Harry's arm lying on the blanket: a shirt sleeve, creased and bunched where it bends easily at
the elbow, a cuff, and a relaxed hand beyond it, its fingers curled loosely onto the blanket."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pygame

from installation.visuals.base import mix
from installation.visuals.shares import smooth
from installation.visuals.sleeper import Pixel, silhouette, softened, stroke

SLEEVE = (62, 60, 66)  # his shirt, a pale grey in the dark: cooler than his hand, warmer
# than the blue blanket, darker than the pillow
SLEEVE_SHADE, SLEEVE_LIGHT = (40, 38, 46), (80, 78, 86)  # its underside, and its top in the
# window's light (a flat strip of one colour read as a tube)
SLEEVE_WIDE = (0.95, 0.72)  # its thickness at the shoulder and at the cuff, of `thick`
BUNCH = ((0.42, 0.1), (0.56, 0.07), (0.3, 0.05))  # cloth bunched by the elbow: where along it
# (of its length from the shoulder) the sleeve swells, and by how much (of its thickness)
LIGHT_BAND = 0.34  # the soft lit band along its top, of its thickness (stepped light bands
# along a tube read as a metal arm)
SHADE_DROP = 0.22  # how far its shaded underside shows below it, of its thickness
# Creases where the sleeve bends at the elbow, fanning out from it (across it, crossing or
# parallel, they read as a pipe's joints): how far along it from the shoulder (of its
# length), how they lean and how long they are (of its thickness), each a shade with a lit
# side
FOLDS = ((0.44, 0.6, 0.4), (0.52, 0.2, 0.55), (0.6, -0.3, 0.4))
FOLD, FOLD_LIT = (50, 48, 56), (70, 68, 76)  # a crease's shade, and its lit side
SOFT = 0.12  # the lit band's edges fade over this much of its thickness, the creases' over
# half that (hard-edged, the band was a stripe down a pipe and the creases its joints: a tube)
CUFF = (0.9, 0.07)  # the cuff's seam: how far along (of its length), and how wide (of it)
SKIN, SKIN_SHADE, SKIN_LIGHT = (82, 66, 61), (60, 47, 46), (100, 84, 80)  # his hand
# (skin, warm, as bright as the sleeve: a hand darker than the arm read as a claw)
# His hand lying relaxed on the blanket, palm down, in hand lengths from the wrist along the
# forearm (x) and across it towards the blanket (y): the back of the hand to the knuckles ...
BACK: tuple[Pixel, ...] = (
    (-0.05, -0.2), (0.2, -0.24), (0.45, -0.24), (0.6, -0.16), (0.64, 0.02), (0.58, 0.2),
    (0.3, 0.24), (0.0, 0.2))
# ... and the fingers from the knuckles, curled loosely down onto the blanket, each a little
# further round than the last (the little finger nearest), their tips rounded
FINGERS: tuple[tuple[Pixel, ...], ...] = (
    ((0.55, -0.14), (0.8, -0.13), (0.98, -0.06), (1.04, 0.04)),
    ((0.58, -0.04), (0.84, -0.02), (1.0, 0.06), (1.04, 0.16)),
    ((0.57, 0.06), (0.8, 0.09), (0.94, 0.17), (0.96, 0.26)),
    ((0.52, 0.15), (0.7, 0.19), (0.82, 0.26), (0.83, 0.34)))
FINGER = 0.13  # a finger's thickness, of the hand's length
THUMB: tuple[Pixel, ...] = ((0.1, -0.18), (0.32, -0.3), (0.5, -0.32), (0.6, -0.28))
THUMB_WIDE = 0.15
GAP = 0.035  # the shade between two fingers, of the hand's length


def draw_arm(out: pygame.Surface, arm: Sequence[Pixel], thick: float, hand: float) -> None:
    """His arm along the pixels given (shoulder, elbow, wrist): a shirt sleeve `thick` pixels
    thick, bunched and creased at the elbow, shaded under and softly lit along its top, a
    cuff at the wrist, and his hand beyond it, `hand` pixels long. Its shoulder end lies under
    the turned-down sheet."""
    line = smooth(arm, 6)
    out.blit(*silhouette(sleeve(line, thick, SHADE_DROP), SLEEVE_SHADE))
    out.blit(*silhouette(sleeve(line, thick, 0.0), SLEEVE))
    band = thick * LIGHT_BAND
    lit = [(x, y - (thick - band) * 0.42) for x, y in line]
    top = mix(SLEEVE, SLEEVE_LIGHT, 0.6)
    soft = max(1.0, thick * SOFT)
    out.blit(*softened(*silhouette(sleeve(lit, band, 0.0), top), soft, color=top))
    for along, lean, long in FOLDS:
        x, y = line[round(along * (len(line) - 1))]
        crease = smooth([(x - lean * thick * 0.5, y - thick * long * 0.45),
                         (x - lean * thick * 0.05, y), (x + lean * thick * 0.3,
                                                        y + thick * long * 0.4)], 4)
        for color, shift, wide in ((FOLD_LIT, thick * 0.06, 0.07), (FOLD, 0.0, 0.08)):
            out.blit(*softened(*stroke([(px + shift, py) for px, py in crease], color,
                                       max(1.0, thick * wide)), soft / 2, color=color))
    along, wide = CUFF
    x, y = line[round(along * (len(line) - 1))]
    (ax, ay), (bx, by) = line[-2], line[-1]
    norm = math.hypot(bx - ax, by - ay) or 1.0
    nx, ny = -(by - ay) / norm * thick * 0.4, (bx - ax) / norm * thick * 0.4
    out.blit(*stroke([(x - nx, y - ny), (x + nx, y + ny)], FOLD, max(1.0, wide * thick)))
    draw_hand(out, arm[-1], arm[-2], hand)


def sleeve(line: Sequence[Pixel], thick: float, drop: float) -> list[Pixel]:
    """The sleeve's outline round its middle line, thinning from the shoulder to the cuff
    (moved `drop` of its thickness down)."""
    left: list[Pixel] = []
    right: list[Pixel] = []
    last = len(line) - 1
    for n, (x, y) in enumerate(line):
        (ax, ay), (bx, by) = line[max(0, n - 1)], line[min(last, n + 1)]
        norm = math.hypot(bx - ax, by - ay) or 1.0
        share = n / last
        swell = sum(more * math.exp(-((share - at) / 0.06) ** 2) for at, more in BUNCH)
        half = thick / 2 * (SLEEVE_WIDE[0] + (SLEEVE_WIDE[1] - SLEEVE_WIDE[0]) * share + swell)
        nx, ny = -(by - ay) / norm * half, (bx - ax) / norm * half
        left.append((x + nx, y + ny + drop * thick))
        right.append((x - nx, y - ny + drop * thick))
    return [*left, *reversed(right)]


def draw_hand(out: pygame.Surface, wrist: Pixel, elbow: Pixel, length: float) -> None:
    """A hand `length` pixels long, relaxed on the blanket beyond the wrist (away from the
    elbow): the back of it in the window's light, its thumb along it, four fingers curled
    loosely down, each apart from the next by a line of shade."""
    place = hand_frame(wrist, elbow, length)
    finger = max(1.5, FINGER * length)
    for line in reversed(FINGERS):  # the far (index) finger first: each nearer one over it
        out.blit(*stroke(place(line), SKIN_SHADE, finger + GAP * length * 2))
        out.blit(*stroke(place(line), SKIN, finger))
    out.blit(*silhouette(place(BACK), SKIN))
    out.blit(*stroke(place(BACK[1:4]), SKIN_LIGHT, max(1.0, finger * 0.5)))
    out.blit(*stroke(place(THUMB), SKIN_SHADE, max(1.5, THUMB_WIDE * length) + GAP * length))
    out.blit(*stroke(place(THUMB), mix(SKIN, SKIN_LIGHT, 0.4), max(1.5, THUMB_WIDE * length)))


def hand_frame(wrist: Pixel, elbow: Pixel,
               length: float) -> Callable[[Sequence[Pixel]], list[Pixel]]:
    """How points in hand lengths (along the forearm, across it towards the blanket) are
    placed in pixels beyond this wrist."""
    dx, dy = wrist[0] - elbow[0], wrist[1] - elbow[1]
    norm = math.hypot(dx, dy) or 1.0
    along = (dx / norm, dy / norm)
    across = (-along[1], along[0]) if along[0] < 0 else (along[1], -along[0])
    if across[1] < 0:  # towards the blanket, below it
        across = (-across[0], -across[1])

    def place(points: Sequence[Pixel]) -> list[Pixel]:
        return [(wrist[0] + (x * along[0] + y * across[0]) * length,
                 wrist[1] + (x * along[1] + y * across[1]) * length) for x, y in points]

    return place

