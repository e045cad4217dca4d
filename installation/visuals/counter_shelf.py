"""The shelf under a coffee-shop counter, seen from behind it in the counter's shadow: stacks of
upturned cups, piles of plates and upturned glasses on a steel shelf, cupboard doors below."""

from __future__ import annotations

import random

import pygame

from installation.visuals.base import Color, mix, scaled

SHELF_AT = 0.78  # the shelf's edge: share of the way down the counter's underside
SHELF_EDGE = (74, 74, 78)  # the shelf's steel lip, in the shadow
CUP = (128, 120, 106)  # an upturned cup, in the counter's shadow
PLATE = (118, 114, 104)
GLASS = (58, 64, 66)
LIT = 1.35  # the upper left of a thing, caught by the room's light
TINT = 0.15  # how much of the room's light colour a thing takes
GROUP_GAP = (0.025, 0.055)  # from one group of things to the next, of the picture's width
DOORS = 5  # cupboard doors below the shelf across the width
HANDLE = (120, 120, 126)


def shelf(front: pygame.Surface, top: int, light: Color, rng: random.Random) -> None:
    """The shelf and what stands on it, drawn into `front` below row `top` (the counter's
    underside, already dark), dim but there: so the band under the counter reads as the
    back of a counter, not as a letterbox."""
    width, height = front.get_size()
    band = height - top
    edge = top + round(band * SHELF_AT)
    unit = max(2, round(band / 7))  # a thing's measure: a cup is about two units wide
    _doors(front, edge, light, unit)
    front.fill((*SHELF_EDGE, 255), (0, edge, width, max(2, unit // 2)))
    x = rng.uniform(0, GROUP_GAP[1]) * width
    while x < width:
        kind = rng.choice((_cups, _cups, _plates, _glasses))
        x += kind(front, round(x), edge, unit, light, rng)
        x += rng.uniform(*GROUP_GAP) * width


def _tinted(color: Color, light: Color) -> Color:
    """A thing's colour in the counter's shadow, taking a little of the room's light."""
    return mix(color, scaled(light, 0.4), TINT)


def _cups(front: pygame.Surface, x: int, floor: int, unit: int, light: Color,
          rng: random.Random) -> int:
    """A few stacks of upturned cups standing on the shelf from `x`; returns their width."""
    color = _tinted(CUP, light)
    stacks = rng.randint(2, 4)
    cup_w, cup_h = 2 * unit, unit + unit // 4
    for n in range(stacks):
        left = x + n * (cup_w + unit // 2)
        for level in range(rng.randint(2, 4)):
            bottom = floor - level * (cup_h - unit // 6)
            _cup(front, left, bottom, cup_w, cup_h, color)
    return stacks * (cup_w + unit // 2)


def _cup(front: pygame.Surface, left: int, bottom: int, wide: int, tall: int,
         color: Color) -> None:
    """One upturned cup: its rim on the shelf (or the cup below), its sides curving in to its
    foot, its handle at the side, lit on the left."""
    narrow = max(1, wide // 5)
    body = [(left, bottom), (left + wide, bottom), (left + wide - narrow // 2, bottom - tall // 2),
            (left + wide - narrow, bottom - tall), (left + narrow, bottom - tall),
            (left + narrow // 2, bottom - tall // 2)]
    handle = pygame.Rect(left + wide - narrow, bottom - tall + tall // 4, narrow * 2, tall // 2)
    pygame.draw.ellipse(front, (*scaled(color, 0.7), 255), handle, max(1, narrow // 2))
    pygame.draw.polygon(front, (*color, 255), body)
    shine = left + wide // 3
    front.fill((*scaled(color, LIT), 255), (shine, bottom - tall + 2, max(1, wide // 8),
                                             tall - 3))
    front.fill((*scaled(color, 0.55), 255), (left, bottom - max(1, tall // 8), wide,
                                              max(1, tall // 8)))  # the rim's shadow


def _plates(front: pygame.Surface, x: int, floor: int, unit: int, light: Color,
            rng: random.Random) -> int:
    """A pile of plates: their rims one over another, the top plate's face seen from a little
    above, pale; returns its width."""
    color = _tinted(PLATE, light)
    wide, count = 5 * unit, rng.randint(6, 11)
    step = max(2, unit // 4)
    top = floor - count * step
    face = max(3, unit)
    front.fill((*scaled(color, 0.75), 255), (x, top, wide, count * step))
    for n in range(count):
        front.fill((*scaled(color, LIT), 255), (x + 1, top + n * step, wide - 2, max(1, step // 2)))
    pygame.draw.ellipse(front, (*scaled(color, 1.5), 255), (x, top - face // 2, wide, face))
    pygame.draw.ellipse(front, (*scaled(color, 1.2), 255),
                        (x + wide // 4, top - face // 4, wide // 2, face // 2))  # its well
    return wide


def _glasses(front: pygame.Surface, x: int, floor: int, unit: int, light: Color,
             rng: random.Random) -> int:
    """A row of upturned tumblers, dark glass wider at the rim, a bright edge each; returns
    its width."""
    color = _tinted(GLASS, light)
    count, wide, tall = rng.randint(3, 6), unit + unit // 2, 2 * unit
    taper = max(1, wide // 6)
    for n in range(count):
        left = x + n * (wide + unit // 3)
        pygame.draw.polygon(front, (*color, 255), [(left, floor), (left + wide, floor),
                                                   (left + wide - taper, floor - tall),
                                                   (left + taper, floor - tall)])
        pygame.draw.line(front, (*scaled(color, 2.2), 255), (left + taper + 1, floor - tall + 2),
                         (left + 2, floor - 2))
        pygame.draw.ellipse(front, (*scaled(color, 1.6), 255),
                            (left + taper, floor - tall - taper, wide - 2 * taper, 2 * taper))
    return count * (wide + unit // 3)


def _doors(front: pygame.Surface, edge: int, light: Color, unit: int) -> None:
    """Cupboard doors below the shelf: their seams and a small steel handle each."""
    width, height = front.get_size()
    seam = _tinted((14, 11, 11), light)
    handle = _tinted(HANDLE, light)
    for n in range(1, DOORS):
        x = round(n * width / DOORS)
        front.fill((*seam, 255), (x, edge, max(1, unit // 3), height - edge))
    for n in range(DOORS):
        x = round((n + 0.5) * width / DOORS)
        front.fill((*handle, 255), (x - unit, edge + 3 * unit // 2, 2 * unit, max(1, unit // 3)))
