"""Harry asleep, as the show draws its people: his head in profile on the pillow, a dark
silhouette with its hair, whose edge, ear and jaw catch the clock radio's red, and a hand
lying on the blanket."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from installation.visuals.base import Color, scaled

Pixel = tuple[float, float]
SUPERSAMPLE = 3  # drawn this much larger and shrunk, for soft edges
# His head lying on its back, face up, the crown towards the headboard (right), in head
# lengths from its middle (x right, y down): the pillow under the back of the skull, then the
# crown, forehead, brow, nose, lips, chin, and the neck going under the blanket on the left
# (the nose, lips and chin stand out clearly: against the pillow they are how he reads).
HEAD: tuple[Pixel, ...] = (
    (-0.66, 0.45), (-0.4, 0.4), (-0.15, 0.47), (0.12, 0.5), (0.34, 0.42), (0.49, 0.22),
    (0.54, 0.0), (0.5, -0.18), (0.41, -0.31), (0.31, -0.39), (0.23, -0.35), (0.17, -0.41),
    (0.07, -0.62), (0.02, -0.52), (-0.03, -0.51), (-0.06, -0.46), (-0.1, -0.5),
    (-0.14, -0.44), (-0.2, -0.51), (-0.27, -0.44), (-0.33, -0.32), (-0.42, -0.2),
    (-0.56, -0.1), (-0.64, 0.12), (-0.66, 0.3))
# A hand lying relaxed on the blanket, seen from the thumb's side, in hand lengths from the
# wrist along the forearm (x) and across it towards the blanket (y): the back of the hand,
# the thumb along it, the knuckles, the fingers curling under (three tips), the palm.
HAND: tuple[Pixel, ...] = (
    (0.0, -0.2), (0.3, -0.26), (0.5, -0.36), (0.74, -0.34), (0.6, -0.24), (0.8, -0.22),
    (1.0, -0.08), (1.04, 0.12), (0.94, 0.26), (0.88, 0.16), (0.8, 0.28), (0.74, 0.18),
    (0.66, 0.3), (0.35, 0.3), (0.0, 0.2))
# His hair over the crown and the back of the head, from the hairline at the forehead round
# the crown to the nape, and back up behind the ear to the temple (head lengths, as HEAD).
HAIR: tuple[Pixel, ...] = (
    (0.42, -0.27), (0.5, -0.18), (0.56, 0.0), (0.51, 0.22), (0.36, 0.43), (0.12, 0.5),
    (-0.12, 0.46), (-0.08, 0.26), (0.02, 0.2), (0.2, 0.2), (0.22, -0.02), (0.32, -0.16))
HAIR_STRANDS = (0.88, 0.76, 0.64)  # strands drawn along the crown, this far in towards its middle
HAIR_MIDDLE: Pixel = (0.2, 0.16)  # what the strands curve round
STRANDS_FROM, STRANDS_TO = 1, 7  # the hair outline's points the strands follow
# His ear, the rim of it towards the crown, and the line of his jaw from under the ear to
# the chin: the lines the clock's red catches (head lengths, as HEAD).
EAR: tuple[Pixel, ...] = (
    (-0.02, 0.06), (0.04, 0.0), (0.13, -0.01), (0.19, 0.05), (0.18, 0.13), (0.1, 0.16),
    (0.02, 0.14))
EAR_RIM: tuple[Pixel, ...] = ((0.06, 0.0), (0.13, -0.01), (0.19, 0.05), (0.18, 0.13), (0.1, 0.16))
JAW: tuple[Pixel, ...] = ((-0.06, 0.1), (-0.16, 0.02), (-0.22, -0.16), (-0.27, -0.36))
LINE_WIDTH = 0.025  # the lit lines' width, of the head length
FEATURE_LIGHT = 0.7  # how bright the red on his ear and jaw is, of that on his edge
HAIR_COLOR, STRAND = (28, 20, 17), (52, 40, 33)  # dark brown hair and its strands
SKIN_LINE = (30, 28, 40)  # the ear's and jaw's edge in the window's faint light
RIM_SHIFT = (0.04, -0.04)  # how far the red edge shows past him, towards the clock (heads)
HAND_COLOR = (50, 39, 38)  # his hand on the blanket, skin in the dark
SLEEPER = (13, 11, 16)  # a dark silhouette, as the show's people are
NIGHT_RIM, NIGHT_SHIFT = (46, 50, 74), (-0.03, -0.035)  # the window's light on his profile
# (its colour, and how far it shows past him towards the window, in head lengths)


def head_outline(centre: Pixel, length: float) -> list[Pixel]:
    """His head's outline in pixels, `length` pixels from crown to chin, around `centre`."""
    return [(centre[0] + x * length, centre[1] + y * length) for x, y in HEAD]


def placed(points: Sequence[Pixel], outline: Sequence[Pixel], length: float) -> list[Pixel]:
    """Points given in head lengths (as HEAD) in pixels, on the head whose outline is given."""
    x0, y0 = outline[0][0] - HEAD[0][0] * length, outline[0][1] - HEAD[0][1] * length
    return [(x0 + x * length, y0 + y * length) for x, y in points]


def strands() -> list[list[Pixel]]:
    """The hair's strands along the crown, in head lengths: its outline drawn in towards
    the middle of the hair."""
    mx, my = HAIR_MIDDLE
    return [[(mx + (x - mx) * k, my + (y - my) * k) for x, y in HAIR[STRANDS_FROM:STRANDS_TO]]
            for k in HAIR_STRANDS]


def features(outline: Sequence[Pixel], length: float) -> list[list[Pixel]]:
    """The lines on his head a light catches: the ear's rim and the jaw, in pixels."""
    return [placed(line, outline, length) for line in (EAR_RIM, JAW)]


def draw_head(out: pygame.Surface, outline: Sequence[Pixel], length: float) -> None:
    """His head, dark, its profile edged with the window's faint light, his hair over the
    crown with its strands, his ear and the line of his jaw faint."""
    out.blit(*silhouette(outline, NIGHT_RIM, (NIGHT_SHIFT[0] * length, NIGHT_SHIFT[1] * length)))
    out.blit(*silhouette(outline, SLEEPER))
    out.blit(*silhouette(placed(HAIR, outline, length), HAIR_COLOR))
    width = max(1.0, LINE_WIDTH * length)
    for strand in strands():
        out.blit(*stroke(placed(strand, outline, length), STRAND, width))
    out.blit(*silhouette(placed(EAR, outline, length), SLEEPER))
    for line in features(outline, length):
        out.blit(*stroke(line, SKIN_LINE, width))


def hand_outline(wrist: Pixel, elbow: Pixel, length: float) -> list[Pixel]:
    """A hand's outline in pixels, `length` long, from the wrist on, away from the elbow."""
    dx, dy = wrist[0] - elbow[0], wrist[1] - elbow[1]
    norm = math.hypot(dx, dy) or 1.0
    along = (dx / norm, dy / norm)
    across = (-along[1], along[0]) if along[0] < 0 else (along[1], -along[0])
    if across[1] < 0:  # towards the blanket, below it
        across = (-across[0], -across[1])
    return [(wrist[0] + (x * along[0] + y * across[0]) * length,
             wrist[1] + (x * along[1] + y * across[1]) * length) for x, y in HAND]


def silhouette(outline: Sequence[Pixel], color: Color,
               shift: Pixel = (0.0, 0.0)) -> tuple[pygame.Surface, tuple[int, int]]:
    """The outline filled with soft edges (moved `shift` pixels): a sprite and its top-left."""
    xs = [x + shift[0] for x, _ in outline]
    ys = [y + shift[1] for _, y in outline]
    left, top = math.floor(min(xs)) - 1, math.floor(min(ys)) - 1
    size = (math.ceil(max(xs)) - left + 2, math.ceil(max(ys)) - top + 2)
    big = pygame.Surface((size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), pygame.SRCALPHA)
    pygame.draw.polygon(big, color, [((x - left) * SUPERSAMPLE, (y - top) * SUPERSAMPLE)
                                     for x, y in zip(xs, ys, strict=True)])
    return pygame.transform.smoothscale(big, size), (left, top)


def stroke(points: Sequence[Pixel], color: Color,
           width: float) -> tuple[pygame.Surface, tuple[int, int]]:
    """A line through the points, `width` pixels wide with soft edges: a sprite and its
    top-left."""
    left = math.floor(min(x for x, _ in points) - width) - 1
    top = math.floor(min(y for _, y in points) - width) - 1
    size = (math.ceil(max(x for x, _ in points) + width) - left + 2,
            math.ceil(max(y for _, y in points) + width) - top + 2)
    big = pygame.Surface((size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), pygame.SRCALPHA)
    pen = [((x - left) * SUPERSAMPLE, (y - top) * SUPERSAMPLE) for x, y in points]
    thick = max(1, round(width * SUPERSAMPLE))
    pygame.draw.lines(big, color, False, pen, thick)
    for x, y in pen:  # round joints
        pygame.draw.circle(big, color, (x, y), thick / 2)
    return pygame.transform.smoothscale(big, size), (left, top)


def red_rim(outline: Sequence[Pixel], length: float,
            color: Color) -> tuple[pygame.Surface, tuple[int, int]]:
    """The edge of him the clock's red light catches, to add over the room while it is lit:
    the outline moved towards the light, less the outline itself."""
    shift = (RIM_SHIFT[0] * length, RIM_SHIFT[1] * length)
    lit, at = silhouette(outline, color, shift)
    body, body_at = silhouette(outline, (255, 255, 255))
    cut = pygame.Surface(lit.get_size(), pygame.SRCALPHA)
    cut.fill((255, 255, 255, 255))
    cut.blit(body, (body_at[0] - at[0], body_at[1] - at[1]),
             special_flags=pygame.BLEND_RGBA_SUB)
    lit.blit(cut, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    rim = pygame.Surface(lit.get_size())
    rim.blit(lit, (0, 0))  # on black: its alpha is in its colour, for an additive blit
    for line in features(outline, length):  # his ear and jaw catch it too
        sprite, line_at = stroke(line, scaled(color, FEATURE_LIGHT), max(1.0, LINE_WIDTH * length))
        lines = pygame.Surface(sprite.get_size())
        lines.blit(sprite, (0, 0))
        rim.blit(lines, (line_at[0] - at[0], line_at[1] - at[1]),
                 special_flags=pygame.BLEND_RGB_ADD)
    return rim, at
