"""The people seen through the Neon block's lit windows: backs at the lounge's bar, and the
coffee shop's counter with its stools, its customers and its waitress."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

from installation.visuals.base import Color, scaled

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


STOOL_PITCH = 11  # goods units between the counter's stools (a pendant lamp over each)
COUNTER_TOP = 9  # goods units from the window's foot up to the counter's top
SEAT_DROP = 5  # goods units from the counter's top down to a stool's seat
SEATED_SIZE = 0.7  # of a drinker at the lounge's bar (whose window is deeper)
UNIFORM, APRON = (226, 222, 214), (250, 250, 244)  # the waitress's dress, and her apron
SKIN, HAIR = (196, 146, 118), (52, 34, 28)
STOOL_SEAT, CHROME = (150, 34, 36), (150, 150, 156)
SEAT_WIDE = 6  # goods units across a stool's seat
HIP_HIGH = 1.5  # a sitter's units from the seat up to the waist (the hips on the seat)
HIPS_OF = 1.15  # the hips' width, of the waist's
LEG_WIDE = 1.5  # a calf's width, in a sitter's units
RAIL = 1.2  # goods units from the window's foot up to the counter's foot rail
FRONT = (150, 148, 150)  # the counter's steel front, in the room's light
WAIST = 1.0  # goods units the waitress's waist stands over the counter's top
COFFEE, POT = (60, 34, 18, 255), (70, 44, 20, 255)


def counter_top(rect: pygame.Rect, unit: float) -> int:
    """The row of the counter's top in a window `rect` drawn at `unit`."""
    return rect.bottom - round(COUNTER_TOP * unit)


def stool_places(rect: pygame.Rect, unit: float) -> list[int]:
    """Where the counter's stools stand along the window, a pendant lamp over each."""
    return list(range(rect.left + round(6 * unit), rect.right - round(3 * unit),
                      round(STOOL_PITCH * unit)))


def counter_room(image: pygame.Surface, rect: pygame.Rect, unit: float) -> None:
    """A coffee shop's counter and its pendant lamps, nobody there yet (the stools stand in
    front of whoever sits: see `stool`): its red top, and under it its steel front, pale
    in the room's light, so the dark backs on the stools read in front of it (against a
    dark front they ended at the red top: people standing behind the counter), a chrome
    foot rail along its foot."""
    top = counter_top(rect, unit)
    image.fill((140, 40, 36, 255), (rect.left, top, rect.width, round(3 * unit)))
    front = pygame.Rect(rect.left, top + round(3 * unit), rect.width,
                        rect.bottom - top - round(3 * unit))
    image.fill((*FRONT, 255), front)
    image.fill((*scaled(FRONT, 0.7), 255), (front.left, front.top, front.width,
                                            max(1, round(0.6 * unit))))  # under the top's lip
    for x in range(front.left + round(STOOL_PITCH * unit / 2), front.right,
                   round(STOOL_PITCH * unit)):
        image.fill((*scaled(FRONT, 0.8), 255), (x, front.top, max(1, round(0.3 * unit)),
                                                front.height))  # the seams of its panels
    image.fill((*CHROME, 255), (front.left, rect.bottom - round(RAIL * unit), front.width,
                                max(1, round(0.6 * unit))))
    for x in stool_places(rect, unit):
        pygame.draw.line(image, (60, 60, 60, 255), (x, rect.top), (x, rect.top + round(3 * unit)))
        pygame.draw.circle(image, (255, 240, 190, 255), (x, rect.top + round(4 * unit)),
                           round(1.6 * unit))


def sitter(image: pygame.Surface, rect: pygame.Rect, x: float, who: Back, stir: Stir,
           unit: float) -> None:
    """Someone on a stool before the counter, their back to the street: the back down to the
    seat over the counter's front (its top crossing the small of the back), the hips on the
    seat, the calves hanging to the foot rail (the stool, drawn after, over them)."""
    size = unit * SEATED_SIZE * who.size
    seat = counter_top(rect, unit) + round(SEAT_DROP * unit)
    low = seat - round(HIP_HIGH * size)  # where the back's waist meets the hips (seated)
    back(image, x, low + round((who.rise - BACK_LONG - 3.2) * size), who, stir,
         unit * SEATED_SIZE)  # (`back` puts its waist BACK_LONG + 3.2 under its head)
    seat, low, base = seat - stir.stand, low - stir.stand, x
    hips = who.wide * size * WAIST_OF * HIPS_OF
    pygame.draw.ellipse(image, BODY, (round(base - hips / 2), low - round(size),
                                      round(hips), round((HIP_HIGH + 2) * size)))
    rail = rect.bottom - round(RAIL * unit)
    for side in (-1, 1):
        knee = (round(base + side * hips * 0.22), seat)
        foot = (round(base + side * hips * 0.3), rail)
        pygame.draw.line(image, BODY, knee, foot, max(1, round(LEG_WIDE * size)))
        pygame.draw.ellipse(image, BODY, (foot[0] - round(size), foot[1] - round(0.6 * size),
                                          round(2.2 * size), round(1.4 * size)))


def stool(image: pygame.Surface, rect: pygame.Rect, x: int, unit: float) -> None:
    """A counter stool before the counter's front: a chrome post on a round foot, a red seat
    on a chrome ring (over the hips of whoever sits on it)."""
    seat = counter_top(rect, unit) + round(SEAT_DROP * unit)
    dull = (*scaled(CHROME, 0.75), 255)
    pygame.draw.line(image, dull, (x, seat), (x, rect.bottom), max(1, round(unit * 0.8)))
    foot = max(1, round(0.5 * unit))
    image.fill(dull, (x - round(1.5 * unit), rect.bottom - foot, round(3 * unit), foot))
    top = pygame.Rect(0, 0, round(SEAT_WIDE * unit), max(2, round(1.6 * unit)))
    top.center = (x, seat)
    image.fill((*CHROME, 255), (top.left + 1, top.centery, top.width - 2,
                                max(1, round(0.7 * unit))))
    pygame.draw.ellipse(image, (*STOOL_SEAT, 255), top)


def waitress(image: pygame.Surface, rect: pygame.Rect, x: int, side: int, pour: float,
             unit: float) -> None:
    """The waitress behind the counter, seen to the waist: her shoulders and dress, the
    apron's bib, her face turned the way she faces (`side`) with her hair behind it, an arm
    out with the pot, tipped and pouring by `pour` (0 to 1)."""
    top = counter_top(rect, unit)
    clip = image.get_clip()  # (behind the counter: its top hides her from the waist down)
    image.set_clip(clip.clip(pygame.Rect(rect.left, rect.top, rect.width, top - rect.top)))
    body = pygame.Rect(0, 0, round(7 * unit), round(9 * unit))
    body.midbottom = (x, top - round(WAIST * unit))
    pygame.draw.ellipse(image, (*UNIFORM, 255), body.inflate(0, round(4 * unit)).move(
        0, round(2 * unit)))
    image.fill((*APRON, 255), (x - round(1.6 * unit), body.top + round(2.5 * unit),
                               round(3.2 * unit), body.height))
    _head(image, (x + side * round(0.4 * unit), body.top - round(1.9 * unit)), side, unit)
    shoulder = (x + side * round(3 * unit), body.top + round(2 * unit))
    hand = (x + side * round(6.5 * unit), top - round((2.5 + 2.5 * pour) * unit))
    pygame.draw.line(image, (*UNIFORM, 255), shoulder, hand, max(2, round(1.6 * unit)))
    pot = pygame.Rect(0, 0, round(2.6 * unit), round(3 * unit))
    pot.midtop = (hand[0] + side * round(unit), hand[1] - round(0.5 * unit))
    pygame.draw.ellipse(image, POT, pot)
    if pour > 0.5:  # the pot raised and tipped over a cup on the counter: spout, stream
        spout = (pot.centerx + side * round(1.8 * unit), pot.top + round(0.6 * unit))
        pygame.draw.line(image, POT, pot.center, spout, max(1, round(0.8 * unit)))
        pygame.draw.line(image, COFFEE, spout, (spout[0], top - round(1.4 * unit)),
                         max(1, round(0.6 * unit)))
        image.fill((*UNIFORM, 255), (spout[0] - round(unit), top - round(1.4 * unit),
                                     round(2 * unit), round(1.4 * unit)))
    image.set_clip(clip)



def _head(image: pygame.Surface, head: tuple[int, int], side: int, unit: float) -> None:
    """The waitress's head, upright, in profile facing `side`, her eyes down on her work: a
    neck, the face's oval a little forward and low with a nose and chin, her hair over the
    crown and the back of it, its bun low at the nape (high and behind, her head read as
    tipped back)."""
    hx, hy = head
    pygame.draw.line(image, (*SKIN, 255), (hx, hy), (hx, hy + round(2.6 * unit)),
                     max(2, round(1.4 * unit)))  # the neck
    face = pygame.Rect(0, 0, round(3.2 * unit), round(3.8 * unit))
    face.center = (hx + side * round(0.5 * unit), hy + round(0.3 * unit))
    pygame.draw.ellipse(image, (*SKIN, 255), face)
    tip = (face.centerx + side * round(1.9 * unit), face.centery + round(0.5 * unit))
    pygame.draw.polygon(image, (*SKIN, 255), [(tip[0] - side * round(0.9 * unit), face.top
                                               + round(1.4 * unit)), tip,
                                              (tip[0] - side * round(0.9 * unit), tip[1]
                                               + round(0.5 * unit))])  # the nose, down
    crown = pygame.Rect(0, 0, round(3.6 * unit), round(2.4 * unit))
    crown.midtop = (hx - side * round(0.8 * unit), face.top - round(0.4 * unit))
    pygame.draw.ellipse(image, (*HAIR, 255), crown)
    nape = pygame.Rect(0, crown.centery, round(1.8 * unit), face.centery + round(0.6 * unit)
                       - crown.centery)  # the back of her head, upright under the crown
    nape.right = hx - side * round(0.3 * unit) if side > 0 else hx + round(1.9 * unit)
    image.fill((*HAIR, 255), nape)
    pygame.draw.circle(image, (*HAIR, 255), (hx - side * round(2.2 * unit),
                                             face.centery + round(0.2 * unit)), round(1.1 * unit))
