"""A neon sign's tubes: a shape of tube, its glow at a few brightnesses, its unlit glass, and a
tube cut into pieces lit one after another."""

from __future__ import annotations

import copy

import pygame

from installation.visuals.base import Color, mix, scaled
from installation.visuals.glow import dimmed, glowing

LEVELS = (1.0, 0.72, 0.45, 0.2)
DEAD_TUBE = (16, 15, 19)  # unlit glass is dark, tinted a little by its gas
GLASS_SHINE = (64, 66, 76)
GLASS_TINT = 0.14  # how much of its gas's colour unlit glass shows
COLOURED_CORE = 0.55  # a coloured glass tube's core: its colour at this share, added on its glow


def tube_shape(kind: str, width: int, height: int, thickness: int) -> pygame.Surface:
    """A white tube shape (arrow, star, ring, underline) on transparency."""
    pad = thickness * 2
    surface = pygame.Surface((width + 2 * pad, height + 2 * pad), pygame.SRCALPHA)
    white = (255, 255, 255, 255)
    w, h = width, height
    if kind == "ring":
        pygame.draw.ellipse(surface, white, (pad, pad, w, h), thickness)
    elif kind == "underline":
        pygame.draw.line(surface, white, (pad, pad + h - thickness), (pad + w, pad + h - thickness),
                         thickness)
    elif kind == "arrow":
        y = pad + h // 2
        pygame.draw.line(surface, white, (pad, y), (pad + w, y), thickness)
        tip = min(w, h) // 2
        pygame.draw.lines(surface, white, False, [(pad + w - tip, y - tip), (pad + w, y),
                                                   (pad + w - tip, y + tip)], thickness)
    elif kind == "star":
        cx, cy = pad + w // 2, pad + h // 2
        r, s = min(w, h) // 2, max(2, min(w, h) // 10)
        points = [(cx, cy - r), (cx + s, cy - s), (cx + r, cy), (cx + s, cy + s), (cx, cy + r),
                  (cx - s, cy + s), (cx - r, cy), (cx - s, cy - s)]
        pygame.draw.polygon(surface, white, points, thickness)
    return surface


def dark_glass(shape: pygame.Surface, color: Color,
               glass: tuple[float, float] = (GLASS_TINT, 1.0)) -> pygame.Surface:
    """An unlit tube: dark glass tinted `glass[0]` by its gas's colour, with a thin catch of
    light along its upper edge (`glass[1]` times the usual)."""
    edge = max(1, shape.get_height() // 40)
    out = pygame.Surface((shape.get_width() + edge, shape.get_height() + edge), pygame.SRCALPHA)
    shine = shape.copy()
    shine.fill((*scaled(GLASS_SHINE, glass[1]), 140), special_flags=pygame.BLEND_RGBA_MULT)
    out.blit(shine, (0, 0))
    body = shape.copy()
    body.fill((*mix(DEAD_TUBE, color, glass[0]), 255), special_flags=pygame.BLEND_RGBA_MULT)
    out.blit(body, (edge, edge))
    return out


class Tube:
    """One lit piece of a sign: its sprites at a few brightnesses and where it goes."""

    def __init__(self, shape: pygame.Surface, color: Color, spread: int,
                 position: tuple[int, int], hot: bool = True,
                 glass: tuple[float, float] = (GLASS_TINT, 1.0)) -> None:
        # A clear tube burns white-hot at its core; a coloured glass one (Johnie's red
        # script) stays its colour through.
        lit = glowing(shape, color, spread, core=None if hot else scaled(color, COLOURED_CORE))
        # A tube short of gas glows dimmer in its own colour: its core is not white-hot (a dim
        # white core reads as pale grey glass).
        low = glowing(shape, color, spread, core=color)
        self.levels = [lit] + [dimmed(low, level) for level in LEVELS[1:]]
        self.dead = dark_glass(shape, color, glass)
        pad = spread * 3
        self.shape = shape
        self.position = position
        self.glow_position = (position[0] - pad, position[1] - pad)
        self.area = pygame.Rect(self.glow_position, lit.get_size()).union(
            pygame.Rect(position, self.dead.get_size()))  # all it can change


def slices(tube: Tube, count: int) -> list[Tube]:
    """A lit tube cut across into `count` pieces, left to right, each lit on its own (an
    arrow that lights along its shaft to its tip): its glow and its glass are cut, not made
    again, so all of them lit are the whole tube to the byte."""
    pad = tube.position[0] - tube.glow_position[0]
    glow_width, glow_height = tube.levels[0].get_size()
    dead_width, dead_height = tube.dead.get_size()
    inner = [pad + round(tube.shape.get_width() * n / count) for n in range(1, count)]
    cuts = [0, *inner, glow_width]
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = copy.copy(tube)
        piece.levels = [level.subsurface((a, 0, b - a, glow_height)).copy()
                        for level in tube.levels]
        piece.glow_position = (tube.glow_position[0] + a, tube.glow_position[1])
        glass_a = 0 if a == 0 else min(dead_width, a - pad)
        glass_b = dead_width if b == glow_width else min(dead_width, b - pad)
        piece.dead = tube.dead.subsurface((glass_a, 0, glass_b - glass_a, dead_height)).copy()
        piece.position = (tube.position[0] + glass_a, tube.position[1])
        piece.area = pygame.Rect(piece.glow_position, (b - a, glow_height)).union(
            pygame.Rect(piece.position, piece.dead.get_size()))
        pieces.append(piece)
    return pieces
