"""The people seen through the Neon block's lit windows: backs at the lounge's bar, and the
coffee shop's counter with its stools, its customers and its waitress."""

from __future__ import annotations

import random

import pygame

from installation.visuals.base import Color


def bar(image: pygame.Surface, rect: pygame.Rect, light: Color, rng: random.Random,
        unit: float) -> None:
    """A lounge's low lamps, and people at the bar seen against them, each their own size, lean
    and place (one to a lamp, evenly, they read as a row of busts on a shelf)."""
    for k in range(int(rect.width / (14 * unit))):
        x = rect.left + round((7 + 14 * k) * unit)
        pygame.draw.circle(image, (255, 200, 150, 255), (x, rect.top + round(5 * unit)),
                           round(1.5 * unit))
        if rng.random() < 0.6:  # someone on a stool, their back to us: shoulders, a head
            drinker(image, x + rng.uniform(-5, 5) * unit, rect.bottom, rng, unit)


def drinker(image: pygame.Surface, x: float, floor: int, rng: random.Random,
            unit: float) -> None:
    """One back at the bar: broad or slight, leaning one way, a hat, long hair or a glass."""
    body = (22, 10, 14, 255)
    size = unit * rng.uniform(0.8, 1.2)
    lean = rng.uniform(-2.0, 2.0) * size
    head = (round(x + lean), floor - round(rng.uniform(10, 13) * size))
    wide = rng.uniform(9, 13) * size
    pygame.draw.ellipse(image, body, (round(x - wide / 2), head[1] + round(2.5 * size),
                                      round(wide), round(16 * size)))
    pygame.draw.circle(image, body, head, round(2.6 * size))
    look = rng.random()
    if look < 0.25:  # a hat's brim and crown
        pygame.draw.ellipse(image, body, (head[0] - round(4 * size), head[1] - round(2 * size),
                                          round(8 * size), round(2 * size) + 1))
        image.fill(body, (head[0] - round(2 * size), head[1] - round(4 * size),
                          round(4 * size), round(3 * size)))
    elif look < 0.55:  # long hair over the shoulders
        pygame.draw.ellipse(image, body, (head[0] - round(3.2 * size), head[1] - round(2 * size),
                                          round(6.4 * size), round(9 * size)))
    if rng.random() < 0.3:  # an elbow on the bar, a glass raised
        side = rng.choice((-1, 1))
        hand = (head[0] + side * round(5 * size), head[1] + round(1 * size))
        pygame.draw.line(image, body, (head[0] + side * round(3 * size), head[1] + round(7 * size)),
                         hand, max(1, round(1.6 * size)))
        image.fill((120, 60, 50, 255), (hand[0] - round(size), hand[1] - round(2 * size),
                                        max(1, round(2 * size)), max(1, round(2 * size))))


STOOL_PITCH = 11  # goods units between the counter's stools (a pendant lamp over each)
COUNTER_TOP = 9  # goods units from the window's foot up to the counter's top
SEATED = 0.45  # the chance that a stool has someone on it (one at least to a window)
SEATED_SIZE = 0.7  # of a drinker at the lounge's bar (whose window is deeper)
UNIFORM, APRON = (226, 222, 214), (250, 250, 244)  # the waitress's dress, and her apron
SKIN, HAIR = (196, 146, 118), (52, 34, 28)
STOOL_SEAT, CHROME = (150, 34, 36), (150, 150, 156)


def counter(image: pygame.Surface, rect: pygame.Rect, light: Color, rng: random.Random,
            unit: float) -> None:
    """A coffee shop's counter, its stools and pendant lamps, a waitress behind it with the
    coffee pot, and people on some stools, their backs to the street (two bare white shapes
    behind the counter read as lollipops)."""
    top = rect.bottom - round(COUNTER_TOP * unit)
    image.fill((140, 40, 36, 255), (rect.left, top, rect.width, round(3 * unit)))
    image.fill((70, 44, 44, 255), (rect.left, top + round(3 * unit), rect.width,
                                   round(6 * unit)))
    stools = range(rect.left + round(6 * unit), rect.right - round(3 * unit),
                   round(STOOL_PITCH * unit))
    for x in stools:
        pygame.draw.line(image, (60, 60, 60, 255), (x, rect.top), (x, rect.top + round(3 * unit)))
        pygame.draw.circle(image, (255, 240, 190, 255), (x, rect.top + round(4 * unit)),
                           round(1.6 * unit))
    _waitress(image, rect.left + rect.width * rng.uniform(0.25, 0.75), top, rng, unit)
    sat = [x for x in stools if rng.random() < SEATED] or [rng.choice(list(stools))]
    seat = top + round(5 * unit)
    for x in stools:
        if x in sat:  # on the stool, the back to us, the head a little under hers
            clip = image.get_clip()
            image.set_clip(clip.clip(pygame.Rect(rect.left, rect.top, rect.width,
                                                 seat - rect.top)))
            drinker(image, x + rng.uniform(-1.5, 1.5) * unit, top + round(unit), rng,
                     unit * SEATED_SIZE)
            image.set_clip(clip)
        _stool(image, x, seat, rect.bottom, unit)


def _stool(image: pygame.Surface, x: int, seat: int, floor: int, unit: float) -> None:
    """A counter stool before the counter's front: a chrome post, a red round seat."""
    pygame.draw.line(image, (*CHROME, 255), (x, seat), (x, floor), max(1, round(unit * 0.8)))
    top = pygame.Rect(0, 0, round(5 * unit), max(2, round(1.6 * unit)))
    top.center = (x, seat)
    pygame.draw.ellipse(image, (*STOOL_SEAT, 255), top)


def _waitress(image: pygame.Surface, x: float, top: int, rng: random.Random,
              unit: float) -> None:
    """The waitress behind the counter (its top on row `top`), seen to the waist: her
    shoulders and dress, the apron's bib, her face turned to one side with her hair behind
    it, an arm out with the pot."""
    side = rng.choice((-1, 1))  # the way she faces
    cx = round(x)
    body = pygame.Rect(0, 0, round(7 * unit), round(9 * unit))
    body.midbottom = (cx, top + round(unit))
    pygame.draw.ellipse(image, (*UNIFORM, 255), body.inflate(0, round(4 * unit)).move(
        0, round(2 * unit)))
    image.fill((*APRON, 255), (cx - round(1.6 * unit), body.top + round(2.5 * unit),
                               round(3.2 * unit), body.height))
    head = (cx + side * round(0.4 * unit), body.top - round(1.6 * unit))
    pygame.draw.circle(image, (*HAIR, 255), (head[0] - side * round(0.5 * unit), head[1]),
                       round(2.1 * unit))  # the hair, the back of her head
    pygame.draw.circle(image, (*SKIN, 255), (head[0] + side * round(0.5 * unit),
                                             head[1] + round(0.3 * unit)), round(1.7 * unit))
    pygame.draw.circle(image, (*HAIR, 255), (head[0] - side * round(2.2 * unit),
                                             head[1] - round(0.6 * unit)), round(1.2 * unit))
    shoulder = (cx + side * round(3 * unit), body.top + round(2 * unit))
    hand = (cx + side * round(6.5 * unit), top - round(2.5 * unit))
    pygame.draw.line(image, (*UNIFORM, 255), shoulder, hand, max(2, round(1.6 * unit)))
    pot = pygame.Rect(0, 0, round(2.6 * unit), round(3 * unit))
    pot.midtop = (hand[0] + side * round(unit), hand[1] - round(0.5 * unit))
    pygame.draw.ellipse(image, (70, 44, 20, 255), pot)


