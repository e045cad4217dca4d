"""The lights a visitor sees run the crossing (a street's `crossing`): on the left kerb beyond
the zebra the people's signal (a lit white walking figure, an orange hand that flashes while
the road must clear, then stays lit), and on the right, at the cross street down the road, a
traffic light facing the cars going away (red, amber, green). Each a dark box on a pole, made
once; the lit lamp or symbol and its glow laid on it each frame."""

from __future__ import annotations

import pygame

from installation.visuals.base import Color, scaled
from installation.visuals.glow import radial
from installation.visuals.signal import lights_at
from installation.visuals.street_view import Perspective

PEOPLE_AT = (-1.12, 1.3, 0.62)  # the people's signal: across, along, the box's middle up
TRAFFIC_AT = (1.12, 3.2, 0.72)  # the cross street's traffic light: across, along, up
BOX_WIDE = 0.075  # world units across: a signal's box (the traffic light's three lamps high)
POLE: Color = (14, 14, 18)
HOUSING: Color = (22, 22, 20)
LAMPS: dict[str, Color] = {"red": (255, 40, 28), "amber": (255, 170, 30), "green": (60, 255, 150)}
UNLIT = 0.12  # an unlit lamp's glass, of its colour
WALKING: Color = (240, 240, 228)  # the lit walking figure
HAND: Color = (255, 120, 30)  # the lit hand
GLOW = 2.2  # a lit lamp's glow, this many times its radius
FLASH = 1.0  # real seconds: the hand is lit half of this, dark half, while it flashes


class Signals:
    """The two signals seen through `view`, drawn at a moment of the lights' cycle."""

    def __init__(self, view: Perspective) -> None:
        self.view = view
        self.people = self._box(PEOPLE_AT, 1)
        self.traffic = self._box(TRAFFIC_AT, 3)
        wide = self.people.width
        self.symbols = {"walk": _walking(wide), "hand": _hand(wide)}
        self.glows = {name: radial(max(2, round(wide * GLOW / 2)), color, 2.0, core=0.2)
                      for name, color in (("walk", WALKING), ("hand", HAND))}
        lamp = max(1, self.traffic.width // 2 - 1)
        self.lamps = {name: radial(max(2, round(lamp * GLOW)), color, 2.0, core=0.25)
                      for name, color in LAMPS.items()}

    def _box(self, at: tuple[float, float, float], lamps: int) -> pygame.Rect:
        """Where a signal's box is on the picture: BOX_WIDE across, `lamps` square lamps
        high, its middle at `at`."""
        x, z, up = at
        left, right = self.view(x - BOX_WIDE / 2, z, up), self.view(x + BOX_WIDE / 2, z, up)
        wide = max(3, right[0] - left[0])
        return pygame.Rect(left[0], left[1] - wide * lamps // 2, wide, wide * lamps)

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """Both signals as the lights are at `seconds` into the scene."""
        lights = lights_at(seconds)
        for at, box in ((PEOPLE_AT, self.people), (TRAFFIC_AT, self.traffic)):
            foot = self.view(at[0], at[1])
            pygame.draw.line(surface, POLE, (box.centerx, box.bottom), (box.centerx, foot[1]),
                             max(1, box.width // 6))
            pygame.draw.rect(surface, HOUSING, box, border_radius=max(1, box.width // 5))
        blits = []
        for row, name in enumerate(("red", "amber", "green")):
            lamp = pygame.Rect(self.traffic.x, self.traffic.y + row * self.traffic.width,
                               self.traffic.width, self.traffic.width)
            lit = lights.far == name
            pygame.draw.circle(surface, LAMPS[name] if lit else scaled(LAMPS[name], UNLIT),
                               lamp.center, max(1, lamp.width // 2 - 1))
            if lit:
                glow = self.lamps[name]
                blits.append((glow, glow.get_rect(center=lamp.center)))
        shown = "walk" if lights.people == "walk" else "hand"
        if lights.people != "flash" or seconds % FLASH < FLASH / 2:
            symbol = self.symbols[shown]
            surface.blit(symbol, symbol.get_rect(center=self.people.center))
            glow = self.glows[shown]
            blits.append((glow, glow.get_rect(center=self.people.center)))
        surface.fblits(blits, pygame.BLEND_RGB_ADD)


def _walking(wide: int) -> pygame.Surface:
    """The walking figure, lit, in a square `wide` pixels: a head, a body leaning on, a leg
    forward and one back, an arm swinging."""
    out = pygame.Surface((wide, wide))
    out.set_colorkey((0, 0, 0))
    w = max(1, wide // 9)
    k = wide / 10
    pygame.draw.circle(out, WALKING, (round(5 * k), round(2 * k)), max(1, round(k)))
    for a, b in (((5, 3.2), (4.6, 6)), ((4.6, 6), (6.4, 9)), ((4.6, 6), (3.2, 9)),
                 ((5, 4), (6.6, 5.6)), ((5, 4), (3.4, 5.4))):
        pygame.draw.line(out, WALKING, (round(a[0] * k), round(a[1] * k)),
                         (round(b[0] * k), round(b[1] * k)), w)
    return out


def _hand(wide: int) -> pygame.Surface:
    """The raised hand, lit, in a square `wide` pixels: a palm, four fingers and a thumb."""
    out = pygame.Surface((wide, wide))
    out.set_colorkey((0, 0, 0))
    k = wide / 10
    pygame.draw.rect(out, HAND, (round(3 * k), round(4.5 * k), round(4.4 * k), round(4 * k)),
                     border_radius=max(1, round(k)))
    for n in range(4):
        pygame.draw.rect(out, HAND, (round((3 + 1.1 * n) * k), round(1.5 * k),
                                     max(1, round(0.9 * k)), round(3.5 * k)))
    pygame.draw.line(out, HAND, (round(3.2 * k), round(7 * k)), (round(1.8 * k), round(4.6 * k)),
                     max(1, round(0.9 * k)))
    return out
