"""The people seen through the Neon block's lit windows: backs at a bar or a counter (the
coffee shop's counter, its stools and its waitress: see counter_people)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color

BODY = (22, 10, 14, 255)  # a back against a lit window
CUP = (120, 60, 50, 255)  # a glass or a cup in a hand, catching the room's light
# A back's build, in the drinker's units: from the shoulders down to the waist (the window's
# foot or the counter hides the rest), the waist's half width of the shoulders', how round the
# shoulders' ends are; an upper arm's width, and its elbow out past the shoulder and down.
BACK_LONG, WAIST_OF, SHOULDER_ROUND = 14.0, 0.72, 1.6
ARM_WIDE, ELBOW_OUT, ELBOW_DOWN = 1.9, 1.2, 7.5


@dataclass(frozen=True)
class Back:
    """One back at a bar or counter, as the seed made it: its size, lean, height, breadth,
    its look (hat, long hair or bare head) and the side its glass is on (0: none)."""

    size: float
    lean: float
    rise: float
    wide: float
    look: float
    glass: int

    @staticmethod
    def drawn(rng: random.Random) -> Back:
        return Back(rng.uniform(0.8, 1.2), rng.uniform(-2.0, 2.0), rng.uniform(10, 13),
                    rng.uniform(9, 13), rng.random(),
                    rng.choice((-1, 1)) if rng.random() < 0.3 else 0)


@dataclass(frozen=True)
class Stir:
    """What a back does now, in pixels: the head turned aside, the glass lifted by `lift`
    (of the way from the counter to the mouth), the body standing up by `stand`."""

    turn: int = 0
    lift: float = 1.0
    stand: int = 0


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
    back(image, x, floor, Back.drawn(rng), Stir(), unit)


def back(image: pygame.Surface, x: float, floor: int, who: Back, stir: Stir,
         unit: float) -> None:
    """A back as it sits (or stands) now: shoulders, a head turned or not, a hat or hair,
    the elbow up and the glass at the mouth or down on the counter."""
    size = unit * who.size
    floor -= stir.stand
    shoulders = (round(x + who.lean * size * 0.5), floor - round(who.rise * size))
    head = (shoulders[0] + round(who.lean * size * 0.5) + stir.turn, shoulders[1])
    torso(image, (x, shoulders[1] + 3.2 * size), who.wide * size, size, who.glass)
    pygame.draw.line(image, BODY, head, (head[0], head[1] + round(3.5 * size)),
                     max(1, round(2.2 * size)))  # the neck
    pygame.draw.circle(image, BODY, head, round(2.6 * size))
    if who.look < 0.25:  # a hat's brim and crown
        pygame.draw.ellipse(image, BODY, (head[0] - round(4 * size), head[1] - round(2 * size),
                                          round(8 * size), round(2 * size) + 1))
        image.fill(BODY, (head[0] - round(2 * size), head[1] - round(4 * size),
                          round(4 * size), round(3 * size)))
    elif who.look < 0.55:  # long hair over the shoulders
        pygame.draw.ellipse(image, BODY, (head[0] - round(3.2 * size), head[1] - round(2 * size),
                                          round(6.4 * size), round(9 * size)))
    if who.glass:  # an elbow on the bar, the glass at the mouth or down by the elbow
        elbow = (head[0] + who.glass * round(3 * size), head[1] + round(7 * size))
        down = (head[0] + who.glass * round(6 * size), head[1] + round(9 * size))
        up = (head[0] + who.glass * round(5 * size), head[1] + round(1 * size))
        hand = (round(down[0] + (up[0] - down[0]) * stir.lift),
                round(down[1] + (up[1] - down[1]) * stir.lift))
        pygame.draw.line(image, BODY, elbow, hand, max(1, round(1.6 * size)))
        image.fill(CUP, (hand[0] - round(size), hand[1] - round(2 * size),
                         max(1, round(2 * size)), max(1, round(2 * size))))


def torso(image: pygame.Surface, top: tuple[float, float], wide: float, size: float,
          glass: int) -> None:
    """A back seen from behind: square shoulders, rounded at their ends, narrowing to the
    waist; the upper arms hanging from them with the elbows out at the sides, forearms on
    the bar or counter (not the arm raising a glass, drawn by the caller). An ellipse read
    as a pill with a head on it."""
    (x, y), half = top, wide / 2
    waist, low = half * WAIST_OF, y + BACK_LONG * size
    round_by = SHOULDER_ROUND * size
    pygame.draw.polygon(image, BODY, [(x - half, y + round_by), (x - half + round_by, y),
                                      (x + half - round_by, y), (x + half, y + round_by),
                                      (x + waist, low), (x - waist, low)])
    for side in (-1, 1):
        if side == glass:
            continue
        shoulder = (x + side * (half - round_by * 0.5), y + round_by)
        elbow = (x + side * (half + ELBOW_OUT * size), y + ELBOW_DOWN * size)
        pygame.draw.line(image, BODY, shoulder, elbow, max(1, round(ARM_WIDE * size)))
        pygame.draw.circle(image, BODY, elbow, max(1.0, ARM_WIDE * size * 0.5))
