"""The payphone on the booth's back wall: its steel box, keys and card, and its receiver
hung in the cradle or left hanging off the hook on its armoured cord."""

from __future__ import annotations

import math

import pygame

from installation.visuals.base import Color, hash01, mix, scaled
from installation.visuals.booth_handset import (
    SHINE,
    Handset,
    draw_handset,
    handset_in,
    upright,
)

# A 1980s payphone's face, in shares of its box (x, y from its top-left, w, h): the instruction
# card, the coin slot, the keypad's plate (3 x 4 keys on it), the coin return, where the
# armoured cord goes in; the empty cradle sticks out of its left side.
CARD, COIN_SLOT = (0.2, 0.07, 0.34, 0.16), (0.64, 0.1, 0.2, 0.04)
KEYPAD, KEYS = (0.2, 0.34, 0.6, 0.34), (3, 4)
COIN_RETURN, CORD_IN = (0.58, 0.8, 0.26, 0.1), (0.0, 0.66)
CRADLE = (-0.22, 0.28, 0.22, 0.16)
STEEL, CHROME, KEY, INK = (62, 68, 76), (150, 158, 166), (206, 210, 216), (16, 18, 22)
PAPER = (168, 166, 150)  # the card, in the box's shade
STEEL_CORD = (150, 156, 164)  # a payphone's armoured steel cord, hung up
CORD_RIBS = 0.4  # hung up, its steel this much darker...
CORD_SHINE = 0.45  # ...its rings catching this much of the tube's light (held, as well)
RIB_STEP = 0.9  # a ring every this many of its thicknesses along it
# The receiver hung in the cradle (nobody at the phone), in shares of the phone's box: its
# x, y from the box's top-left, its width and length: HANDSET_WIDE and HANDSET_LONG of the
# caller's height (CALLER of the booth's) over the box's width and height (a handset as long
# as his head, ~22 cm; at 0.34 of the box's height and 0.14 of its width it read as a stick).
RECEIVER = (-0.21, 0.19, 0.21, 0.46)
HANDSET_LIGHT = 0.1  # the receiver's steel takes this much of the tube's light (as the box's)
# The bell's hammer shakes the whole phone: the receiver is knocked up off the cradle's prongs
# and drops back, hop after hop, at most this share of its length up and across, its top tipped
# this far (radians) (at 0.06 of its length, ~5 px at 1920x1080, it was not seen across a room)
RATTLE = (0.14, 0.05, 0.2)
HOPS = 11.0  # hops a second (the hammer's strokes, slowed to what 30 or 60 frames a second show)
RATTLE_KNOCK, RATTLE_FADE = 0.6, 0.35  # hardest as a ring starts, easing to this share over
#                                       about this many seconds
DANGLE = 0.3  # left off the hook, its top hangs this far below the box (of the box's height)


def inside(box: pygame.Rect, part: tuple[float, ...]) -> pygame.Rect:
    """A part of the phone's face, given in shares of its box (x, y, and w, h if any)."""
    w, h = (part[2], part[3]) if len(part) == 4 else (0.0, 0.0)
    return pygame.Rect(box.x + round(part[0] * box.width), box.y + round(part[1] * box.height),
                       max(1, round(w * box.width)), max(1, round(h * box.height)))


def hung_up(surface: pygame.Surface, box: pygame.Rect, light: Color,
            jolt: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> None:
    """The receiver hanging in the phone's cradle, its armoured cord looping to the box;
    jolted by the bell (see `rattle`) while the phone rings."""
    handset = inside(box, RECEIVER)
    up, across, tilt = jolt
    if up or across or tilt:  # knocked up off the hook's prongs, sideways, its top tipped
        shaken = upright(handset)
        long = math.dist(shaken.foot, shaken.ear)
        foot = (shaken.foot[0] + across * long, shaken.foot[1] - up * long)
        ear = (foot[0] + math.sin(tilt) * long, foot[1] - math.cos(tilt) * long)
        draw_handset(surface, Handset(foot, ear, shaken.width), *handset_steel(light))
        low = (foot[0], foot[1] + handset.width / 2)
    else:
        handset_in(surface, handset, *handset_steel(light))
        low = (handset.centerx, handset.bottom)
    socket = inside(box, CORD_IN).topleft
    sag = (min(low[0], socket[0]) - handset.width, max(low[1], socket[1]) + handset.width)
    _hung_cord(surface, [low, sag, socket], handset.width, light)


def rattle(seconds: float, into: float) -> tuple[float, float, float]:
    """How the bell jolts the hung receiver `into` a ring (its real seconds; `seconds`: the
    scene's): up off the prongs and sideways (shares of its length), its top tipped
    (radians); knocked up and dropping back each hop, each hop its own height and way, the
    hardest as the ring starts."""
    knock = RATTLE_KNOCK + (1 - RATTLE_KNOCK) * math.exp(-into / RATTLE_FADE)
    hop, along = divmod(seconds * HOPS, 1.0)
    # the hammer's first stroke knocks it hardest, the rest each their own height
    height = knock * (1.0 if into < 1 / HOPS else 0.6 + 0.4 * hash01(int(hop), 1))
    way = 1.0 if int(hop) % 2 else -1.0  # knocked one way, then the other
    lift = 4.0 * along * (1.0 - along)  # up off the prongs and down again
    up, across, tilt = RATTLE
    return (up * height * lift, across * way * height * lift,
            tilt * way * height * (0.5 + 0.5 * lift))


def _hung_cord(surface: pygame.Surface, way: list[tuple[float, float]], wide: int,
               light: Color) -> None:
    """The armoured cord of a receiver nobody holds, along `way` (`wide`: the receiver's)."""
    width = max(1, wide // 3)
    points = [way[0]]
    for (x0, y0), (x1, y1) in zip(way, way[1:], strict=False):
        steps = max(1, round(math.dist((x0, y0), (x1, y1)) / (width * RIB_STEP)))
        points += [(x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps)
                   for k in range(1, steps + 1)]
    dark = scaled(STEEL_CORD, CORD_RIBS)
    armoured(surface, points, width, dark, mix(dark, light, CORD_SHINE))


def armoured(surface: pygame.Surface, points: list[tuple[float, float]], width: int,
             dark: Color, ribs: Color) -> None:
    """A payphone's armoured cord through `points` (a rib's length apart): dark steel, its
    rings catching the light every other step (a dashed line along it read as a coiled cord)."""
    pygame.draw.lines(surface, dark, False, points, width)
    for a, b in zip(points[1::2], points[2::2], strict=False):
        ax, ay = b[1] - a[1], a[0] - b[0]  # across the cord
        norm = max(1e-6, math.hypot(ax, ay)) * 2 / max(1, width - 2)
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        pygame.draw.line(surface, ribs, (mid[0] - ax / norm, mid[1] - ay / norm),
                         (mid[0] + ax / norm, mid[1] + ay / norm), max(1, width // 3))


def handset_steel(light: Color) -> tuple[Color, Color]:
    """The receiver's steel in the tube's `light`, and its lit top edge's."""
    steel = mix(STEEL, light, HANDSET_LIGHT)
    return steel, mix(steel, light, SHINE)


def dangling_end(box: pygame.Rect) -> tuple[int, int]:
    """Where the cord of a receiver left hanging off the hook meets it (its top): under the
    box's near edge, its cups standing out clear of the booth's post (hung left of the cord's
    socket, the post cut half of it away)."""
    handset, socket = inside(box, RECEIVER), inside(box, CORD_IN).topleft
    return socket[0] + handset.width, box.bottom + round(DANGLE * box.height)


def dangling(surface: pygame.Surface, box: pygame.Rect, light: Color) -> None:
    """The receiver left off the hook: hanging straight down under the phone on its
    armoured cord, the cradle empty."""
    handset = inside(box, RECEIVER)
    socket = inside(box, CORD_IN).topleft
    handset.midtop = dangling_end(box)
    _hung_cord(surface, [socket, handset.midtop], handset.width, light)
    handset_in(surface, handset, *handset_steel(light))


def payphone(surface: pygame.Surface, box: pygame.Rect, light: Color) -> None:
    """A 1980s payphone on the booth's wall, as people remember it: a steel box lit by the
    tube, chrome down its lit edge, the instruction card, the coin slot, a keypad of 3 x 4
    chrome keys, the coin return and the empty cradle (the receiver is at the caller's ear)."""
    steel, chrome = mix(STEEL, light, 0.1), mix(CHROME, light, 0.1)
    cradle = inside(box, CRADLE)
    pygame.draw.rect(surface, steel, cradle.inflate(0, -cradle.height * 2 // 3))
    for prong in (cradle.top, cradle.bottom - max(1, cradle.height // 5)):
        pygame.draw.rect(surface, steel, (cradle.x, prong, max(1, cradle.width // 3),
                                          max(1, cradle.height // 5)))
    round_by = max(1, box.width // 8)
    pygame.draw.rect(surface, steel, box, border_radius=round_by)
    edge = box.inflate(-box.width * 7 // 8, -2 * round_by).move(-box.width * 7 // 16 + 1, 0)
    pygame.draw.rect(surface, chrome, edge)  # the lit edge, nearest the tube
    pygame.draw.rect(surface, scaled(steel, 0.6), box, max(1, box.width // 30),
                     border_radius=round_by)
    card = inside(box, CARD)
    pygame.draw.rect(surface, PAPER, card)
    for line in range(1, 4):  # its lines of print
        y = card.y + line * card.height // 4
        pygame.draw.line(surface, scaled(PAPER, 0.6), (card.x + 2, y), (card.right - 3, y))
    pygame.draw.rect(surface, INK, inside(box, COIN_SLOT))
    plate = inside(box, KEYPAD)
    pygame.draw.rect(surface, scaled(steel, 0.55), plate, border_radius=max(1, plate.width // 12))
    columns, rows = KEYS
    cell = (plate.width / columns, plate.height / rows)
    for col in range(columns):
        for row in range(rows):
            key = pygame.Rect(0, 0, max(1, round(cell[0] * 0.6)), max(1, round(cell[1] * 0.55)))
            key.center = (round(plate.x + (col + 0.5) * cell[0]),
                          round(plate.y + (row + 0.5) * cell[1]))
            pygame.draw.rect(surface, KEY, key)
    back = inside(box, COIN_RETURN)
    pygame.draw.rect(surface, INK, back)
    pygame.draw.rect(surface, chrome, (back.x, back.bottom, back.width, max(1, back.height // 3)))
