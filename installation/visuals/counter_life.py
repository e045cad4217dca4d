"""The CAFE's counter through the night: customers come and go, lift their cups and turn to a
neighbour, and the waitress walks the counter with the pot and pours, all worked out from the
real seconds since the scene began and the window's seed (nothing kept from frame to frame)."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from functools import partial

import pygame

from installation.visuals.base import Color, clamp01, s_curve, smooth_noise
from installation.visuals.block_people import Back, Stir
from installation.visuals.counter_people import (
    POURER,
    SEATED_SIZE,
    WRITER,
    Bars,
    Staff,
    apart,
    counter_room,
    sitter,
    stool,
    stool_places,
    waitress,
)

SLOT = 4.5  # real seconds of the door a stool's change of customer has to itself: the one
#             going out is gone through it, LAG later the next comes in (two customers met in
#             the doorway and walked through each other, 20:42: the door is one for both
#             windows beside it, and each stool's stay its own)
LAG = 0.3  # real seconds between the one going out and the next coming in
SIDE_SLOTS = 6  # slots of the door's cycle for the stools of the window on each side of it
CYCLE = 2 * SIDE_SLOTS * SLOT  # real seconds: every stool changes customer once a cycle or two
STAYS = (1, 2)  # cycles one customer keeps a stool (or it stays empty), per stool ...
SHORT = 0.6  # ... this share of stools the first
SEATED = 0.6  # the share of those stretches that someone sits there
SETTLE = 1.5  # real seconds to sit down on a stool, or to stand up from it
STROLL = 16.0  # goods units a second a customer walks along the counter, from the door and
#               back to it (out of the window at its door's side: they popped in and out of
#               sight beside the stool)
DOOR = 1.2  # real seconds a customer takes through the door's dark glass, out into the night
#            (or in from it): they fade into its dark (at the doorway's middle they vanished
#            in a frame, or another stood there in their place, 20:42:57)
STAND = 2.5  # goods units a customer stands up from the stool (at 4 a head walking past went
#             over the waitress's face)
BOB = 0.5  # goods units a walking customer bobs up and down, twice a stride
STRIDES = 1.6  # strides a second
SIP_EVERY = (6.0, 11.0)  # real seconds from one sip to the next, per customer
SIP = 2.6  # real seconds a sip takes: the cup up, held at the mouth, set down
TURN_RATE = 0.12  # how fast a customer's wish to turn to a neighbour wanders (per second)
TURN_OVER = 0.62  # ... and the height of it over which they do turn
TURN = 1.8  # how far a head turns aside (of its size)
ROUND = 11.0  # real seconds of the waitress's round: walk to a stool, pour, wait
WALK, POUR = 3.5, 3.0  # ... of which walking, then pouring
REACH = 6.0  # goods units from the waitress to the pot she pours with
WIPES, WIPE = 0.8, 1.6  # after pouring she wipes the counter: strokes a second, goods units
WRITES, STROKE = 2.2, 0.7  # her pencil's strokes a second, and how far along the pad, units
NOTE = (7.0, 4.5)  # real seconds of one order, of which writing (then she looks it over)
ROOM = 11.0  # goods units either side of a customer that they (and their cup) may reach
SLIGHT, SLIGHT_SIZE = 9.5, 1.05  # a customer's back at its broadest, and their size at most
FRAME = (14, 12, 14)  # the window's frame (block_fronts' MULLION)
MASK, GOLDEN = (1 << 64) - 1, 0x9E3779B97F4A7C15
Sitting = tuple[int, int, int, int, int, int]  # (visit, x, head turned, lift, stand, shown):
#                                                pixels, tenths (shown: of them, through the door)
Waitress = tuple[int, int, int, int | None]  # (x, facing, pour in tenths, her hand wiping the
#                                             counter, or her pencil, pixels along)
Look = tuple[Waitress, tuple[Sitting | None, ...]]


def _chance(seed: int, *parts: int) -> float:
    """A repeatable number in [0, 1) for the parts (splitmix64: neighbouring stools and
    nights come out unalike, which base.hash01's do not)."""
    h = seed & MASK
    for part in parts:
        h = (h + GOLDEN + (part & MASK)) & MASK
        h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & MASK
        h ^= h >> 31
    return h / 2.0**64


def _ease(t: float) -> float:
    return s_curve(clamp01(t))


def _hump(t: float, span: float, edge: float) -> float:
    """0, up to 1 over `edge` seconds, held, down again by `span`: a lift, a pour."""
    return _ease(t / edge) * _ease((span - t) / edge) if 0.0 < t < span else 0.0


@dataclass(frozen=True)
class Counter:
    """One counter window: where it is, its drawing unit, and the seed of its night."""

    rect: pygame.Rect
    unit: float
    seed: int
    door: int = 1  # the side of the window the shop's door is on (1: right, -1: left)
    bars: Bars = ()  # the window's uprights (see stool_places)
    doorway: tuple[int, int] | None = None  # the door's columns beside it, if it has one

    def paint(self, image: pygame.Surface, seconds: float) -> None:
        """The counter, its lamps, and who is there at `seconds`, on the lit window."""
        counter_room(image, self.rect, self.unit, self.bars)
        self.people(image, self.look(seconds))

    def look(self, seconds: float) -> Look:
        """Everything that moves at `seconds`, in whole pixels: equal looks, equal pictures."""
        places = stool_places(self.rect, self.unit, self.bars)
        regular = int(_chance(self.seed, 1) * len(places))  # someone always sits there
        slots = self._slots(len(places))
        sitting = tuple(self._sitting(n, x, seconds, n == regular, slots[n])
                        for n, x in enumerate(places))
        return self._waitress(places, seconds), sitting

    def _sitting(self, n: int, x: int, seconds: float, regular: bool,
                 slot: int) -> Sitting | None:
        """Who sits on stool `n` now, and how: arriving, sipping, turning, leaving."""
        stay = CYCLE * STAYS[_chance(self.seed, n, 2) >= SHORT]
        at = (seconds - slot * SLOT) / stay + math.floor(
            _chance(self.seed, n, 3) * stay / CYCLE) * CYCLE / stay
        visit = math.floor(at)  # which customer of the stool's night (each one visit)
        into = (at - visit) * stay
        if not regular and _chance(self.seed, n, 4, visit) >= SEATED:
            return None
        edge = self._edge()
        walk = abs(edge - x) / (STROLL * self.unit)  # seconds from the door to the stool
        door = DOOR if self.doorway is not None else 0.0  # (no door seen: past the frame)
        away = min(into - LAG, stay - into) - door  # seconds from coming in, or to going out
        shown = clamp01(1 + away / door) if door else 1.0
        if shown <= 0:
            return None
        away = max(away, 0.0)
        along = clamp01((walk - away) / walk) if walk else 0.0
        settle = _ease((away - walk) / SETTLE)
        bob = abs(math.sin(math.pi * STRIDES * seconds)) * BOB if along > 0 else 0.0
        come = round(along * (edge - x))
        stand = round(((1 - settle) * STAND + bob) * self.unit)
        every = SIP_EVERY[0] + (SIP_EVERY[1] - SIP_EVERY[0]) * _chance(self.seed, n, 6, visit)
        sip = (seconds + every * _chance(self.seed, n, 7, visit)) % every
        lift = _hump(sip, SIP, SIP / 3) if settle >= 1 else 0.0
        wish = smooth_noise(self.seed + 31 * n + visit, seconds * TURN_RATE)
        aside = _ease((wish - TURN_OVER) / 0.08) * (1 if _chance(self.seed, n, 8) < 0.5 else -1)
        head = round(aside * TURN * SEATED_SIZE * self.unit)
        return visit, x + come, head, round(10 * lift), stand, round(10 * shown)

    def _slots(self, count: int) -> list[int]:
        """Which slot of the door's cycle each of `count` stools changes customer in: its
        window's own (even on the door's left, odd on its right), shuffled by the seed."""
        order = random.Random(self.seed).sample(range(max(count, SIDE_SLOTS)),
                                                max(count, SIDE_SLOTS))
        return [2 * (order[n] % SIDE_SLOTS) + (self.door > 0) for n in range(count)]

    def _edge(self) -> float:
        """Where a customer comes in and goes out: the middle of the doorway beside the window
        (seen in it, in front of the door), else just out of sight past the window's frame."""
        if self.doorway is not None:
            return sum(self.doorway) / 2
        return self.rect.right + 6 * self.unit if self.door > 0 else \
            self.rect.left - 6 * self.unit

    @property
    def staff(self) -> Staff:
        """Who works this window's counter: the one with the pot in the window on the door's
        left, the one writing orders at the far end in the window on its right."""
        return POURER if self.door > 0 else WRITER

    def _waitress(self, places: list[int], seconds: float) -> Waitress:
        """Where this window's waitress is and what she does at `seconds` (see `staff`)."""
        return self._pouring(places, seconds) if self.staff.pours else \
            self._writing(places, seconds)

    def _writing(self, places: list[int], seconds: float) -> Waitress:
        """The writer at the counter's far end facing into the room, between its last two stools
        (behind one, a seated back hid her), her pencil along her pad as she writes an order
        (held still as she looks it over)."""
        ends = sorted(places, key=lambda x: self.door * x)[:2]
        x = sum(ends) // len(ends) if ends else self.rect.centerx
        into = (seconds + NOTE[0] * _chance(self.seed, 13)) % NOTE[0]
        stroke = math.sin(2 * math.pi * WRITES * into) * STROKE * self.unit
        return x, self.door, 0, round(stroke) if into < NOTE[1] else 0

    def _pouring(self, places: list[int], seconds: float) -> Waitress:
        """Where the waitress stands, the way she faces, how far her pot is tipped, and once
        she has poured, where her hand is as she wipes the counter (None: not wiping)."""
        at = seconds / ROUND + _chance(self.seed, 9)
        turn = math.floor(at)
        into = (at - turn) * ROUND
        was, now = self._stand(places, turn - 1), self._stand(places, turn)
        walked = _ease(into / WALK)
        x = round(was[0] + (now[0] - was[0]) * walked)
        side = now[1] if walked >= 1 or was[0] == now[0] else (1 if now[0] > was[0] else -1)
        wiping = into > WALK + POUR and now[0] == x
        wipe = round(math.sin(2 * math.pi * WIPES * into) * WIPE * self.unit) if wiping else None
        return x, side, round(10 * _hump(into - WALK, POUR, POUR / 4)), wipe

    def _stand(self, places: list[int], turn: int) -> tuple[int, int]:
        """Where the waitress pours in round `turn`, facing which way: across from a stool,
        her pot over its place (one round in the counter's left half, the next in its right:
        she walks its length)."""
        half = len(places) / 2
        place = places[min(len(places) - 1, int(half * (turn % 2 + _chance(self.seed, 10, turn))))]
        side = 1 if _chance(self.seed, 11, turn) < 0.5 else -1
        margin = round(4 * self.unit)
        x = place - side * round(REACH * self.unit)
        if not self.rect.left + margin <= x <= self.rect.right - margin:
            side = -side
            x = place - side * round(REACH * self.unit)
        return x, side

    def people(self, image: pygame.Surface, look: Look) -> None:
        """The waitress behind the counter, the customers before it, the stools before them."""
        (x, side, pour, wipe), sitting = look
        waitress(image, self.rect, x, side, pour / 10, self.unit, wipe, self.staff)
        present = [(n, now) for n, now in enumerate(sitting) if now is not None]
        for n, now in present:  # the seated first, behind their stools (slight enough not to
            if not now[4]:  # touch); then whoever is up, a shade lighter (see apart)
                self._sitter(image, (0, 0), n=n, now=now)
        for place in stool_places(self.rect, self.unit, self.bars):
            stool(image, self.rect, place, self.unit)
        for n, now in present:
            if now[4]:
                self._apart(image, n, now)

    def _apart(self, image: pygame.Surface, n: int, now: Sitting) -> None:
        """Customer `now` of stool `n`, up and nearer the glass, a shade lighter than the
        seated (see apart)."""
        reach = round(ROOM * self.unit)
        area = pygame.Rect(now[1] - reach, self.rect.top, 2 * reach, self.rect.height)
        apart(image, area, partial(self._sitter, n=n, now=now), now[5] / 10)

    def _sitter(self, image: pygame.Surface, shift: tuple[int, int], *, n: int,
                now: Sitting) -> None:
        """Customer `now` of stool `n` as the seed made them (slighter than a bar's drinkers:
        broad backs on neighbouring stools ran together), their cup on the counter by them,
        drawn `shift` pixels from the window's own place."""
        visit, at, head, lift, stand, _shown = now
        who = Back.drawn(random.Random(_chance(self.seed, n, 12, visit)))
        inside = self.rect.left <= at <= self.rect.right  # (in the doorway: no cup, no counter)
        who = replace(who, glass=(who.glass or (1 if who.lean < 0 else -1)) if inside else 0,
                      wide=min(who.wide, SLIGHT), size=min(who.size, SLIGHT_SIZE))
        sitter(image, self.rect.move(shift), at + shift[0], who, Stir(head, lift / 10, stand),
               self.unit)


def counter(image: pygame.Surface, rect: pygame.Rect, light: Color, rng: random.Random,
            unit: float) -> None:
    """A coffee shop's counter as the night begins: its stools and pendant lamps, the waitress
    behind it with the coffee pot, people on some stools, their backs to the street."""
    Counter(rect, unit, rng.getrandbits(32)).paint(image, 0.0)


class CounterWindow:
    """A lit counter window of the block, kept bare (its glass lit, the counter, its lamps)
    so that its people can be drawn again wherever they moved."""

    def __init__(self, image: pygame.Surface, counter: Counter,
                 mullions: list[pygame.Rect], doorway: pygame.Rect | None = None) -> None:
        uprights = tuple((bar.left, bar.right) for bar in mullions
                         if bar.height >= counter.rect.height and bar.width < counter.rect.width)
        self.counter = counter = replace(counter, bars=uprights, doorway=None if doorway is None
                                         else (doorway.left, doorway.right))
        self.glass = counter.rect.clip(image.get_rect())
        # Where its people are drawn: the glass, and the doorway they come and go by (the
        # block under it drawn again wherever they moved: its door kept there, bare).
        self.rect = self.glass if doorway is None else self.glass.union(pygame.Rect(
            doorway.left, self.glass.top, doorway.width, self.glass.height)).clip(image.get_rect())
        counter_room(image, counter.rect, counter.unit, counter.bars)
        self.bare = pygame.Surface((0, 0))
        # The upright by the door under whoever goes out (over them, they slid behind it);
        # the others over the people.
        beside = [bar for bar in mullions if doorway is not None
                  and bar.height >= self.glass.height
                  and (bar.left <= self.glass.left if counter.door < 0
                       else bar.right >= self.glass.right)]
        self.under = beside
        self.mullions = [bar for bar in mullions if bar not in beside]

    def keep(self, image: pygame.Surface) -> None:
        """Keep the window as painted, bare of people, once all the fronts are."""
        self.bare = image.subsurface(self.glass).copy()

    def look(self, seconds: float) -> Look:
        return self.counter.look(seconds)

    def draw(self, surface: pygame.Surface, look: Look) -> None:
        """The bare window, its people as they are now, its frame over them."""
        clip = surface.get_clip()
        surface.set_clip(clip.clip(self.rect))
        surface.blit(self.bare, self.glass)
        for frame in self.under:
            surface.fill(FRAME, frame)
        self.counter.people(surface, look)
        for frame in self.mullions:
            surface.fill(FRAME, frame)
        surface.set_clip(clip)
