"""The CAFE's counter seen through its window: the counter and its lamps, the stools, the
customers on them (their backs to the street, their cups on the counter) and the waitress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pygame

from installation.visuals.base import Color, clamp01, scaled
from installation.visuals.block_people import (
    BACK_LONG,
    BODY,
    ELBOW_DOWN,
    ELBOW_OUT,
    WAIST_OF,
    Back,
    Stir,
    back,
)

Bars = tuple[tuple[int, int], ...]  # the window's uprights: each one's left and right, pixels

STOOL_PITCH = 11  # goods units between the counter's stools (a pendant lamp over each)
COUNTER_TOP = 9  # goods units from the window's foot up to the counter's top
SEAT_DROP = 6.5  # goods units from the counter's top down to a stool's seat (the seated's hats
#                 well under the waitress's face)
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
WAIST = 3.0  # goods units the waitress's waist stands over the counter's top: the floor behind
#              the counter raised, her face clear over the heads and hats at it (at 1.0 a seated
#              hat covered it, 21:00; at 4.5 her head met the window's head)
COFFEE, POT = (60, 34, 18, 255), (70, 44, 20, 255)
CLEAR = 6.5  # goods units from a stool to an upright of the window (a back clear of the bar)
# A customer's cup on the counter beside them, white on its saucer with a handle (in a sitter's
# units: its width and height, the saucer's width, how far out from the elbow): an orange
# square held at the shoulder read as a patch on their back.
CUP_WIDE, CUP_HIGH, SAUCER, CUP_OUT = 2.2, 1.8, 3.4, 2.4
CHINA, CHINA_EDGE = (244, 242, 236, 255), (120, 118, 112, 255)
FOREARM = 1.5  # a sitter's forearm's width, in their units
HEAD_SIZE = 0.95  # the waitress's head, in her body's units: as big as a seated customer's
#                  (behind the counter she is no nearer the street than they are; at 1.45 her
#                  head was twice theirs, 20:30)
SLEEVE = 0.72  # her arm, in the shade of her dress's side away from the lamps
ELBOW_HANG = 3.4  # goods units her elbow hangs below her shoulder (the arm bent, not a stick)
# Someone up and walking in the aisle, nearer the glass than the seated, catches the street's
# light on their back: lifted by this (added) off the seated backs' dark, so the two read as
# two people where they overlap (a ring of the room's light round them read as a halo).
DARK_FIRST = 2.0  # a figure going through a door stays whole till its light is down to 1/this
NEARER = (18, 21, 19, 0)  # (28, 32, 30 read as a grey ghost among the seated, 22:00)


@dataclass(frozen=True)
class Staff:
    """Who works behind a counter: her hair's colour, its cut (a bun low at the nape, else
    short to the jaw under a white cap), her dress's colour; and whether she walks the counter
    pouring (else she stands at its far end writing up orders on her pad); how many goods units
    her waist stands over the counter's top (see WAIST)."""

    hair: Color
    bun: bool
    dress: Color
    pours: bool
    waist: float = WAIST


POURER = Staff(HAIR, True, UNIFORM, True)
# The other window's waitress: fair hair, a pink dress, a little shorter (two alike, side by side
# in the two windows, read as one woman cloned, 20:30).
WRITER = Staff((206, 170, 104), False, (222, 176, 178), False, WAIST - 0.6)
PAD = (250, 250, 246, 255)  # the writer's order pad
CAP = (248, 248, 244, 255)


def counter_top(rect: pygame.Rect, unit: float) -> int:
    """The row of the counter's top in a window `rect` drawn at `unit`."""
    return rect.bottom - round(COUNTER_TOP * unit)


def stool_places(rect: pygame.Rect, unit: float, bars: Bars = ()) -> list[int]:
    """Where the counter's stools stand along the window, a pendant lamp over each: in the bays
    between its uprights `bars`, CLEAR from each (a bar through someone's body read as a
    mistake), evenly in each bay."""
    pitch, clear = round(STOOL_PITCH * unit), round(CLEAR * unit)
    edges = [rect.left - clear + round(6 * unit)]
    for left, right in sorted(bars):
        edges += [left, right]
    edges.append(rect.right + clear - round(3 * unit))
    places = []
    for left, right in zip(edges[::2], edges[1::2], strict=True):
        room = right - left - 2 * clear
        if room < 0:
            continue
        count = room // pitch + 1
        start = left + clear + (room - (count - 1) * pitch) // 2
        places += [start + k * pitch for k in range(count)]
    return places


def counter_room(image: pygame.Surface, rect: pygame.Rect, unit: float,
                 bars: Bars = ()) -> None:
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
    for x in stool_places(rect, unit, bars):
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
    floor = low + round((who.rise - BACK_LONG - 3.2) * size)  # (`back` puts its waist
    back(image, x, floor, replace(who, glass=0), stir, unit * SEATED_SIZE)  # BACK_LONG + 3.2
    if who.glass:  # under its head); their cup, on the counter or at the mouth
        _cup_arm(image, (x, floor - stir.stand), who, stir, size, counter_top(rect, unit))
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


def _cup_arm(image: pygame.Surface, at: tuple[float, int], who: Back, stir: Stir, size: float,
             top: int) -> None:
    """A sitter's forearm from the elbow (out at their `glass` side) to their cup: on the
    counter's top beside them, or lifted by `stir.lift` to the mouth (`at`: where `back`
    stood them, its x and floor)."""
    x, floor = at
    side = who.glass
    shoulders = floor - round(who.rise * size)
    elbow = (x + side * (who.wide * size / 2 + ELBOW_OUT * size),
             shoulders + (3.2 + ELBOW_DOWN) * size)
    down = (elbow[0] + side * CUP_OUT * size, top)
    head = x + who.lean * size + stir.turn
    up = (head + side * 4.0 * size, shoulders + 1.5 * size)
    hand = (round(down[0] + (up[0] - down[0]) * stir.lift),
            round(down[1] + (up[1] - down[1]) * stir.lift))
    pygame.draw.line(image, BODY, elbow, hand, max(1, round(FOREARM * size)))
    cup(image, (hand[0] + side * round(0.6 * size), hand[1]), side, size, stir.lift < 0.05)


def cup(image: pygame.Surface, foot: tuple[int, int], side: int, size: float,
        saucer: bool) -> None:
    """A white coffee cup standing at `foot` (its bottom's middle), its handle on `side`, on
    its saucer if `saucer` (down on the counter)."""
    wide, high = max(2, round(CUP_WIDE * size)), max(2, round(CUP_HIGH * size))
    body = pygame.Rect(0, 0, wide, high)
    body.midbottom = foot
    if saucer:
        plate = max(wide + 2, round(SAUCER * size))
        image.fill(CHINA_EDGE, (foot[0] - plate // 2, foot[1] - 1, plate, 1))
        body.bottom -= 1
    image.fill(CHINA_EDGE, body.inflate(2, 0))
    image.fill(CHINA, body)
    handle = body.right if side > 0 else body.left - 2
    image.fill(CHINA_EDGE, (handle, body.top + high // 4, 2, max(1, high // 2)))


def apart(image: pygame.Surface, area: pygame.Rect,
          draw: Callable[[pygame.Surface, tuple[int, int]], None], shown: float = 1.0) -> None:
    """What `draw` draws within `area` of the image (given a surface of the area's size and
    the shift from the image's pixels to its own), lifted NEARER off the seated backs' dark
    (dark backs overlapping ran together); `shown` of it (less: going out through a door's
    dark glass, they darken into the dark inside, whole, and only once dark fade into the
    glass: faded see-through all the way, they read as a pale ghost, 20:42:20)."""
    layer = pygame.Surface(area.size, pygame.SRCALPHA)
    draw(layer, (-area.x, -area.y))
    layer.fill(NEARER, special_flags=pygame.BLEND_RGBA_ADD)
    if shown < 1:
        tone, cover = round(255 * clamp01(shown)), round(255 * clamp01(shown * DARK_FIRST))
        layer.fill((tone, tone, tone, cover), special_flags=pygame.BLEND_RGBA_MULT)
    image.blit(layer, area)


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
             unit: float, wipe: int | None = None, staff: Staff = POURER) -> None:
    """A waitress behind the counter, seen to the waist: her shoulders and dress, the apron's
    bib, her face turned the way she faces (`side`) with her hair behind it, an arm bent at the
    elbow with the pot, raised, tipped and pouring by `pour` (0 to 1); or, `wipe` pixels along,
    wiping the counter with a cloth, the pot set down beside her; or, if `staff` does not pour,
    writing on her order pad at her chest, her pencil `wipe` pixels along it."""
    top = counter_top(rect, unit)
    clip = image.get_clip()  # (behind the counter: its top hides her from the waist down)
    image.set_clip(clip.clip(pygame.Rect(rect.left, rect.top, rect.width, top - rect.top)))
    body = pygame.Rect(0, 0, round(7 * unit), round(9 * unit))
    body.midbottom = (x, top - round(staff.waist * unit))
    dress = (*staff.dress, 255)
    pygame.draw.ellipse(image, dress, body.inflate(0, round(4 * unit)).move(0, round(2 * unit)))
    image.fill(dress, (body.left, body.centery, body.width, top - body.centery))
    image.fill((*APRON, 255), (x - round(1.6 * unit), body.top + round(2.5 * unit),
                               round(3.2 * unit), body.height))
    head = HEAD_SIZE * unit
    _head(image, (x + side * round(0.4 * head), body.top - round(1.7 * head)), side, head, staff)
    shoulder = (x + side * round(2.6 * unit), body.top + round(1.6 * unit))
    if not staff.pours:
        _writing(image, shoulder, side, wipe or 0, unit, staff)
    elif wipe is not None:
        _wiping(image, (x, top), shoulder, side, wipe, unit, staff)
    else:
        hand = (x + side * round(6.5 * unit), top - round((2.5 + 2.5 * pour) * unit))
        _arm(image, shoulder, hand, side, pour, unit, staff)
        _pot(image, hand, side, pour, top, unit)
    image.set_clip(clip)


def _arm(image: pygame.Surface, shoulder: tuple[int, int], hand: tuple[int, int], side: int,
         pour: float, unit: float, staff: Staff) -> None:
    """Her arm from the shoulder to the hand, bent at the elbow (raised by `pour`), in her
    sleeve's shade (in the dress's own shade it was lost on her)."""
    elbow = (shoulder[0] + side * round((0.8 + 1.2 * pour) * unit),
             shoulder[1] + round((ELBOW_HANG - 1.4 * pour) * unit))
    sleeve = (*scaled(staff.dress, SLEEVE), 255)
    for a, b in ((shoulder, elbow), (elbow, hand)):
        pygame.draw.line(image, sleeve, a, b, max(2, round(1.6 * unit)))
    pygame.draw.circle(image, sleeve, elbow, max(1, round(0.8 * unit)))


def _wiping(image: pygame.Surface, foot: tuple[int, int], shoulder: tuple[int, int],
            side: int, wipe: int, unit: float, staff: Staff) -> None:
    """Her hand `wipe` pixels along the counter with a cloth, the pot set down beside her
    (`foot`: her middle, on the counter's top)."""
    x, top = foot
    hand = (x + side * round(5 * unit) + wipe, top - round(0.8 * unit))
    pot = pygame.Rect(0, 0, round(2.6 * unit), round(3 * unit))
    pot.midbottom = (x - side * round(5 * unit), top)
    pygame.draw.ellipse(image, POT, pot)
    _arm(image, shoulder, hand, side, 0.0, unit, staff)
    image.fill((*APRON, 255), (hand[0] - round(unit), top - round(0.9 * unit),
                               round(2.4 * unit), round(0.9 * unit)))


def _writing(image: pygame.Surface, shoulder: tuple[int, int], side: int, stroke: int,
             unit: float, staff: Staff) -> None:
    """Her order pad held up at her chest before her, her hand over it with the pencil
    `stroke` pixels along it (both forearms up: the elbows in at her sides)."""
    pad = pygame.Rect(0, 0, max(3, round(2.4 * unit)), max(3, round(3 * unit)))
    pad.midleft = (shoulder[0] + side * round(1.6 * unit), shoulder[1] + round(2.6 * unit))
    if side < 0:
        pad.right = shoulder[0] - round(1.6 * unit)
    image.fill(PAD, pad)
    hand = (pad.centerx + stroke, pad.top + round(0.8 * unit))
    _arm(image, shoulder, hand, side, 0.3, unit, staff)


def _pot(image: pygame.Surface, hand: tuple[int, int], side: int, pour: float, top: int,
         unit: float) -> None:
    """The coffee pot in her hand, tipped over a cup on the counter and pouring past half."""
    pot = pygame.Rect(0, 0, round(2.6 * unit), round(3 * unit))
    pot.midtop = (hand[0] + side * round(unit), hand[1] - round(0.5 * unit))
    pygame.draw.ellipse(image, POT, pot)
    if pour > 0.5:  # the pot raised and tipped over a cup on the counter: spout, stream
        spout = (pot.centerx + side * round(1.8 * unit), pot.top + round(0.6 * unit))
        pygame.draw.line(image, POT, pot.center, spout, max(1, round(0.8 * unit)))
        pygame.draw.line(image, COFFEE, spout, (spout[0], top - round(1.4 * unit)),
                         max(1, round(0.6 * unit)))
        cup(image, (spout[0], top), side, unit * SEATED_SIZE, True)


def _head(image: pygame.Surface, head: tuple[int, int], side: int, unit: float,
          staff: Staff = POURER) -> None:
    """A waitress's head, upright, in profile facing `side`, her eyes down on her work: a
    neck, the face's oval a little forward and low with a nose and chin, her hair over the
    crown and the back of it, its bun low at the nape (high and behind, her head read as
    tipped back); or cut short to the jaw, a white cap on it."""
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
    hair = (*staff.hair, 255)
    crown = pygame.Rect(0, 0, round(3.6 * unit), round(2.4 * unit))
    crown.midtop = (hx - side * round(0.8 * unit), face.top - round(0.4 * unit))
    pygame.draw.ellipse(image, hair, crown)
    nape = pygame.Rect(0, crown.centery, round(1.8 * unit), face.centery + round(0.6 * unit)
                       - crown.centery)  # the back of her head, upright under the crown
    nape.right = hx - side * round(0.3 * unit) if side > 0 else hx + round(1.9 * unit)
    if staff.bun:
        image.fill(hair, nape)
        pygame.draw.circle(image, hair, (hx - side * round(2.2 * unit),
                                         face.centery + round(0.2 * unit)), round(1.1 * unit))
        return
    image.fill(hair, nape.inflate(round(0.6 * unit), round(1.2 * unit)).move(
        0, round(0.6 * unit)))  # cut short, down to the jaw
    cap = pygame.Rect(0, 0, round(2.6 * unit), max(2, round(1.1 * unit)))
    cap.midbottom = (crown.centerx + side * round(0.5 * unit), crown.top + round(0.5 * unit))
    image.fill(CAP, cap)
