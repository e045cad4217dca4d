"""The payphone's receiver as he picks it up: out of the cradle in his hand, turning from
upright to his ear as his hand brings it up; and drawn as a rounded bar. And the caller once
he has let it fall: his shoulders heaving."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color
from installation.visuals.skeleton import Point

HEAVE = 0.011  # how far his shoulders rise with each heave, of his height
HEAVE_FROM = 0.6  # all of him above this height (of his height, from his feet) rises with them
HEAVE_SECONDS = 1.9  # one heave: a breath dragged in, let go
HEAVE_SWELL = (5.3, 0.45)  # some heaves deeper than others: over this many seconds, this much
HEAVE_START = 1.5  # seconds after he lets go before the first


@dataclass(frozen=True)
class Handset:
    """The receiver on the picture: its foot (where the cord goes in), its earpiece, its
    thickness, and how far it has come from the cradle to his ear (0 to 1)."""

    foot: Point
    ear: Point
    width: float
    far: float = 0.0


def lifting(hand: Point, closed: Point, cradle: Handset, held: Handset, far: float) -> Handset:
    """The receiver `far` of the way from the cradle to his ear, in his hand at `hand`: as it
    lay round his hand as it closed on it (at `closed`), turning and sliding into the way it
    is held (`held`: its foot in his hand), so that it never leaves his hand."""
    def offset(cradled: Point, kept: Point) -> Point:
        start = (cradled[0] - closed[0], cradled[1] - closed[1])
        end = (kept[0] - held.foot[0], kept[1] - held.foot[1])
        return (hand[0] + start[0] + (end[0] - start[0]) * far,
                hand[1] + start[1] + (end[1] - start[1]) * far)

    return Handset(offset(cradle.foot, held.foot), offset(cradle.ear, held.ear),
                   cradle.width + (held.width - cradle.width) * far, far)


def draw_handset(surface: pygame.Surface, handset: Handset, shade: Color) -> None:
    """The receiver as a bar with round ends."""
    wide = max(1, round(handset.width))
    pygame.draw.line(surface, shade, handset.foot, handset.ear, wide)
    for point in (handset.foot, handset.ear):
        pygame.draw.circle(surface, shade, point, wide / 2)


def heave(let_go: float) -> float:
    """How far his shoulders are raised (of his height) `let_go` seconds after he let the
    receiver fall: nothing at first, then heave after heave, some deeper."""
    t = let_go - HEAVE_START
    if t <= 0:
        return 0.0
    breath = 0.5 - 0.5 * math.cos(2 * math.pi * t / HEAVE_SECONDS)
    period, depth = HEAVE_SWELL
    swell = 1.0 - depth * (0.5 + 0.5 * math.sin(2 * math.pi * t / period))
    return HEAVE * min(1.0, t / HEAVE_SECONDS) * breath * swell


def heaving(surface: pygame.Surface, sprite: pygame.Surface, spot: tuple[int, int], cut: int,
            rise: int) -> None:
    """A figure's sprite at `spot` with all of it above its row `cut` raised `rise` pixels
    (the rows just under the cut drawn twice into the gap: his back stretches a little)."""
    width, height = sprite.get_size()
    cut = max(0, min(height, cut))
    if rise <= 0 or cut == 0:
        surface.blit(sprite, spot)
        return
    x, y = spot
    surface.blit(sprite, (x, y + cut), pygame.Rect(0, cut, width, height - cut))
    surface.blit(sprite, (x, y + cut - rise), pygame.Rect(0, cut, width, rise))
    surface.blit(sprite, (x, y - rise), pygame.Rect(0, 0, width, cut))
