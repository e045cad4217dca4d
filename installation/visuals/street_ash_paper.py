"""A sheet of scorched paper the wind takes across Wilshire under ash now and then: lifted off
the ash near us, it skims away to the right in low hops, tumbling and fluttering (its pale
face and its darker back turning to us in turn), its shadow under it on the ash."""

from __future__ import annotations

import math

import pygame

from installation.visuals.base import Color, hash01, scaled

EVERY = 23.0  # real seconds from one sheet's crossing to the next's
CROSSING = 8.5  # ...of which it takes this many to cross the picture
FROM, TO = (-0.04, 1.04)  # where it crosses, of the picture's width
ROWS = (0.86, 0.96)  # the ash it skims over: this high up the picture (a row a crossing)
RISE = 0.06  # ...drifting this much further off (up the picture) as it goes, of its height
HOPS = 3.0  # it touches down this many times crossing...
HOP = 0.06  # ...lifting this high between (of the picture's height)
SIZE = 0.05  # the sheet's half width, of the picture's height (a newspaper's page: at half
# this, a cream card a few centimetres across, too small to see from across the room)
SHRINK = 0.2  # ... smaller by this share as it goes off
CURL = 0.3  # its far half curled up, bent along its middle: lifted this much, of its size...
CURL_SHADE = 0.82  # ... and turned from the light, this much of the face's
SPIN, FLIP = 1.3, 3.1  # turns a real second about its middle, and flips over (flutter)
PAPER: Color = (150, 143, 132)  # its face, in the grey light, dusted with the ash it lay in
# (clean, (196, 188, 172), the brightest thing in the frame: a beige cube tumbling by)
PRINT = 0.8  # its columns of print, this much of its face's light ...
PRINT_LINES = (-0.6, -0.2, 0.2, 0.6)  # ... across its near half at these shares of its height
BACK = 0.76  # its back, turned from the light: this much of it (still paler than the ash)
SCORCH: Color = (52, 40, 32)  # its burnt edge
SHADOW = (0.9, 0.25)  # its shadow on the ash: this wide and high, of its size...
SHADOW_DARK = 0.8  # ...and this much of the ash's light under it


def crossing(seconds: float, seed: int) -> tuple[int, float] | None:
    """Which crossing is under way `seconds` into the scene, and how far it has come (0..1);
    None between them."""
    n, into = divmod(seconds, EVERY)
    start = EVERY * (0.05 + 0.5 * hash01(seed, int(n)))  # (not on the beat)
    share = (into - start) / CROSSING
    if not 0.0 <= share <= 1.0:
        return None
    return int(n), share


def draw_paper(surface: pygame.Surface, seconds: float, seed: int) -> None:
    """The sheet where the wind has it now, if one is crossing."""
    now = crossing(seconds, seed)
    if now is None:
        return
    n, share = now
    width, height = surface.get_size()
    ground = height * (ROWS[0] + (ROWS[1] - ROWS[0]) * hash01(seed, n, 1) - RISE * share)
    x = width * (FROM + (TO - FROM) * share)
    lift = HOP * height * abs(math.sin(math.pi * HOPS * share))
    size = SIZE * height * (1.0 - SHRINK * share)  # (smaller as it goes off)
    shadow = pygame.Rect(0, 0, round(2 * size * SHADOW[0]), max(2, round(size * SHADOW[1])))
    shadow.center = (round(x), round(ground))
    under = surface.get_at((min(surface.get_width() - 1, max(0, shadow.centerx)),
                            min(surface.get_height() - 1, max(0, shadow.centery))))
    pygame.draw.ellipse(surface, scaled((under.r, under.g, under.b), SHADOW_DARK), shadow)
    turn = SPIN * math.tau * seconds + n
    flip = math.cos(FLIP * math.tau * seconds + 2 * n)  # (its face's width as it turns over)
    cos, sin = math.cos(turn), math.sin(turn)

    def at(a: float, b: float) -> tuple[float, float]:
        curl = CURL * size * max(0.0, a) ** 2  # (the far half bent up off the near)
        return (x + size * (a * cos * flip - b * sin * 0.6),
                ground - lift - curl + size * (a * sin * flip + b * cos * 0.6) * 0.7)

    face = PAPER if flip > 0 else scaled(PAPER, BACK)
    near = [at(-1, -1), at(0, -1), at(0, 1), at(-1, 1)]
    far = [at(0, -1), at(0.5, -1), at(1, -1), at(1, 1), at(0.5, 1), at(0, 1)]
    pygame.draw.polygon(surface, face, near)
    for b in PRINT_LINES:  # (a newspaper's page, not a card)
        pygame.draw.line(surface, scaled(face, PRINT), at(-0.9, b), at(-0.1, b))
    pygame.draw.polygon(surface, scaled(face, CURL_SHADE), far)
    pygame.draw.line(surface, SCORCH, far[2], far[3], max(1, round(size / 8)))
