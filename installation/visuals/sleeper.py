"""Harry asleep, as the show draws its people: his head in profile on the pillow, a dark
silhouette whose edge catches the clock radio's red, and a hand lying on the blanket."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from installation.visuals.base import Color

Pixel = tuple[float, float]
SUPERSAMPLE = 3  # drawn this much larger and shrunk, for soft edges
# His head lying on its back, face up, the crown towards the headboard (right), in head
# lengths from its middle (x right, y down): the pillow under the back of the skull, then the
# crown, forehead, brow, nose, lips, chin, and the neck going under the blanket on the left.
HEAD: tuple[Pixel, ...] = (
    (-0.66, 0.45), (-0.4, 0.4), (-0.15, 0.47), (0.12, 0.5), (0.34, 0.42), (0.49, 0.22),
    (0.54, 0.0), (0.5, -0.18), (0.4, -0.3), (0.3, -0.36), (0.22, -0.32), (0.17, -0.38),
    (0.06, -0.58), (0.0, -0.5), (-0.03, -0.47), (-0.07, -0.48), (-0.1, -0.44),
    (-0.14, -0.46), (-0.22, -0.44), (-0.3, -0.36), (-0.36, -0.22), (-0.5, -0.1),
    (-0.62, 0.12), (-0.66, 0.3))
# A hand lying relaxed on the blanket, seen from the thumb's side, in hand lengths from the
# wrist along the forearm (x) and across it towards the blanket (y): the back of the hand,
# the thumb along it, the knuckles, the fingers curling under (three tips), the palm.
HAND: tuple[Pixel, ...] = (
    (0.0, -0.2), (0.3, -0.26), (0.5, -0.36), (0.74, -0.34), (0.6, -0.24), (0.8, -0.22),
    (1.0, -0.08), (1.04, 0.12), (0.94, 0.26), (0.88, 0.16), (0.8, 0.28), (0.74, 0.18),
    (0.66, 0.3), (0.35, 0.3), (0.0, 0.2))
RIM_SHIFT = (0.04, -0.04)  # how far the red edge shows past him, towards the clock (heads)
SLEEPER = (13, 11, 16)  # a dark silhouette, as the show's people are
NIGHT_RIM, NIGHT_SHIFT = (46, 50, 74), (-0.03, -0.035)  # the window's light on his profile
# (its colour, and how far it shows past him towards the window, in head lengths)


def head_outline(centre: Pixel, length: float) -> list[Pixel]:
    """His head's outline in pixels, `length` pixels from crown to chin, around `centre`."""
    return [(centre[0] + x * length, centre[1] + y * length) for x, y in HEAD]


def draw_head(out: pygame.Surface, outline: Sequence[Pixel], length: float) -> None:
    """His head, dark, its profile edged with the window's faint light."""
    out.blit(*silhouette(outline, NIGHT_RIM, (NIGHT_SHIFT[0] * length, NIGHT_SHIFT[1] * length)))
    out.blit(*silhouette(outline, SLEEPER))


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
    return rim, at
