"""The payphone's receiver as he picks it up: out of the cradle in his hand, turning from
upright to his ear as his hand brings it up; and drawn as a rounded bar."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from installation.visuals.base import Color
from installation.visuals.skeleton import Point


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
