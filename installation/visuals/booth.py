"""A 1980s phone booth: aluminium and glass, lit from inside, a caller with the receiver."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Pieces, Setup, Split, at_once, mix, scaled
from installation.visuals.booth_call import STEPS, Call, Moment, angle_from, swinging
from installation.visuals.booth_dark import cast_dark, dark_frame, dark_glass, hood
from installation.visuals.booth_handset import (
    HEAVE_FROM,
    Handset,
    draw_handset,
    handset_in,
    heave,
    heaving,
    lifting,
)
from installation.visuals.booth_traffic import Passing
from installation.visuals.call_poses import CALL, FREE_HAND, PICK_UP, call_move, grip, lifted
from installation.visuals.figure_sprite import Look
from installation.visuals.fonts import lettered
from installation.visuals.glow import radial_top
from installation.visuals.poses import RECEIVER as HELD
from installation.visuals.poses import pose
from installation.visuals.silhouette import RING_CYCLE, RING_ON
from installation.visuals.skeleton import WIDTHS, Point
from installation.visuals.sprite_cache import Sprites
from installation.visuals.wardrobe import OUTFITS

WIDE = 0.47  # the booth's width, in booth heights
ROOF, SIGN = 0.035, 0.075  # heights of the roof cap and the lit sign band
RAIL = 0.34  # the low rail across the glass, from the ground
BAR = 0.022  # aluminium frame bars
CALLER = 0.83  # the caller's height, in booth heights (a 1980s booth ~2.15 m, Harry 1.8 m: at
#                0.7 the booth stood a third taller than him, a wardrobe round a child)
FINGERS = 0.03  # his free hand's wrist is this far from the phone box (in his heights): the
# fingers lie on its edge, clear of the keys
# The phone on the back wall: x (of the booth's width), y (from the ground), w, h (booth
# heights): a payphone's 0.25 by 0.6 m, its keypad at the height of his chest.
PHONE_BOX = (0.115, 0.45, 0.12, 0.27)
# A 1980s payphone's face, in shares of its box (x, y from its top-left, w, h): the instruction
# card, the coin slot, the keypad's plate (3 x 4 keys on it), the coin return, where the
# armoured cord goes in; the empty cradle sticks out of its left side.
CARD, COIN_SLOT = (0.2, 0.07, 0.34, 0.16), (0.64, 0.1, 0.2, 0.04)
KEYPAD, KEYS = (0.2, 0.34, 0.6, 0.34), (3, 4)
COIN_RETURN, CORD_IN = (0.58, 0.8, 0.26, 0.1), (0.0, 0.66)
CRADLE = (-0.22, 0.28, 0.22, 0.16)
STEEL, CHROME, KEY, INK = (62, 68, 76), (150, 158, 166), (206, 210, 216), (16, 18, 22)
PAPER = (168, 166, 150)  # the card, in the box's shade
CORD_SWING = 0.6  # swings per second
# His shifting keeps it going unevenly: its swing swells and dies away over (1 / this) seconds,
# and its loop drifts this share of its swing to and fro, slower (never the same twice running).
CORD_SWELL, CORD_DRIFT = (0.17, 0.23), 0.35
CORD_SAG = 0.45  # in booth heights: its loop hangs below the phone and the rail, on the glass
CORD_SWAY = 0.09  # how far its loop swings either way, in booth heights
CORD_THICK = 0.014  # a coiled cord's thickness, in booth heights
SPILL = 1.5  # the light on the pavement reaches this many booth heights
RING_GAIN = 1.0  # how much brighter the booth glows while it rings
RING_REACH = 0.8  # the ring's light on the pavement reaches this many booth heights
RING_GLASS = 0.16  # while it rings, this share of the tube's light is added to its glass
METAL = (52, 56, 62)
STEEL_CORD = (150, 156, 164)  # a payphone's armoured steel cord, hung up
CORD_RIBS = 0.4  # its rings: this much darker, every other step along it
# The coiled cord to the receiver, against the lit glass: dark, its coils catching the tube.
CORD, CORD_SHINE = (30, 32, 38), 0.35
SIGN_INK = (20, 40, 90)
# Unlit, the booth is dark glass on the night (see booth_dark), the phone dim in the dark.
UNLIT = 0.35  # the payphone's shade, unlit
# The receiver hung in the cradle (nobody at the phone), in shares of the phone's box: its
# x, y from the box's top-left, its width and length (as long as it is in his hand at his ear:
# HELD and its round ends, of his height, over the box's height in his heights).
RECEIVER = (-0.2, 0.22, 0.14, 0.34)
DANGLE = 0.3  # left off the hook, its top hangs this far below the box (of the box's height)


class Booth(Split):
    """The booth, drawn once (kept in the background when it can be); each frame adds the
    caller, the swinging cord and the ring."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the box, the light it spills, the light of its ringing."""
        self.params = params
        width, height = setup.size
        self.tall = max(20, round(params["scale"] * height))
        self.wide = round(self.tall * WIDE)
        self.left = round(params["x"] * width - self.wide / 2)
        self.top = round(params["ground"] * height) - self.tall
        light: Color = params["light"]
        self.light = light
        self.back = self._back(light) if params["lit"] else self._dark_back(light)
        self.front = self._front(light, setup)
        if not params["caller"]:  # nobody between the glass and the frame: one blit of both
            self.back.blit(self.front, (0, 0))
        yield
        reach = round(self.tall * SPILL)
        self.spill_at = (self.left + self.wide // 2 - reach, self.top + self.tall - reach)
        seen = height - self.spill_at[1]  # rows of its light above the foot of the picture
        self.spill = radial_top(reach, scaled(light, 0.55), 1.7, seen)
        yield
        near = round(self.tall * RING_REACH)
        self.ring_at = (self.left + self.wide // 2 - near, self.top + self.tall - near)
        self.ring = radial_top(near, scaled(light, 0.5 * RING_GAIN), 1.4,
                               height - self.ring_at[1])
        self.bright = self.back.copy()  # the glass as the ring lights it
        self.bright.fill(scaled(light, RING_GLASS), special_flags=pygame.BLEND_RGB_ADD)
        self.sprites = Sprites(trim=True, phases=STEPS)
        self.call = Call.of(params, setup.scene.at)
        self.caller_look = Look(round(self.tall * CALLER), params["caller_color"], None,
                                outfit=OUTFITS["harry"])
        box = pygame.Rect(self.left, self.top, self.wide, self.tall)
        bar = max(2, round(self.tall * BAR))
        self.glass = pygame.Rect(box.left + bar, box.top + round(self.tall * (ROOF + SIGN)),
                                 box.width - 2 * bar, self.tall - round(self.tall * (ROOF + SIGN)))
        self.dark = cast_dark(box)  # (unlit, the booth stands dark in the diner's light)
        self.passing = Passing(setup.size, params["traffic"], params["traffic_y"], setup.seed,
                               box) if params["traffic"] else None

    def _back(self, light: Color) -> pygame.Surface:
        """The lit glass box seen through: bright air inside, the phone on the back wall."""
        back = pygame.Surface((self.wide, self.tall), pygame.SRCALPHA)
        inside = pygame.Rect(0, round(self.tall * (ROOF + SIGN)), self.wide,
                             round(self.tall * (1 - ROOF - SIGN)))
        for row in range(inside.height):  # brightest under the tube, dimmer near the floor
            level = 0.95 - 0.45 * row / inside.height
            pygame.draw.line(back, (*scaled(light, level), 215), (0, inside.top + row),
                             (self.wide, inside.top + row))
        self._phone(back, light)
        return back

    def _dark_back(self, light: Color) -> pygame.Surface:
        """The unlit box: dark glass with the diner's light caught on it, the phone dim, a
        steel panel below the rail."""
        back = dark_glass((self.wide, self.tall), light, self.tall - round(self.tall * RAIL))
        self._phone(back, light)
        return back

    def _phone(self, back: pygame.Surface, light: Color) -> None:
        """The payphone on the back wall, its receiver hung up when nobody is at it, dim
        when the booth is unlit; where it and its cord's socket are on the picture."""
        x, y, w, h = PHONE_BOX
        box = pygame.Rect(round(x * self.wide), self.tall - round((y + h) * self.tall),
                          round(w * self.tall), round(h * self.tall))
        payphone(back, box, light)
        if not self.params["caller"]:
            left = dangling if self.params.get("receiver") == "hanging" else hung_up
            left(back, box, light)
        if not self.params["lit"]:
            back.fill((*scaled((255, 255, 255), UNLIT), 255),
                      box.union(_inside(box, RECEIVER)).union(_inside(box, CRADLE)),
                      special_flags=pygame.BLEND_RGB_MULT)
        self.box = box.move(self.left, self.top)
        self.socket = _inside(self.box, CORD_IN).topleft

    def _front(self, light: Color, setup: Setup) -> pygame.Surface:
        """The aluminium frame and the lit TELEPHONE band along the top: its two sides, no
        bar up the middle (a man of his height, close to the phone, stood behind it: a bar
        down his face)."""
        front = pygame.Surface((self.wide, self.tall), pygame.SRCALPHA)
        bar = max(2, round(self.tall * BAR))
        bars = [pygame.Rect(x, 0, bar, self.tall) for x in (0, self.wide - bar)]
        bars += [pygame.Rect(0, 0, self.wide, round(self.tall * ROOF)),
                 pygame.Rect(0, self.tall - round(self.tall * RAIL), self.wide, bar),
                 pygame.Rect(0, self.tall - bar, self.wide, bar)]
        lit = self.params["lit"]
        if lit:
            for rect in bars:
                front.fill((*METAL, 255), rect)
        else:  # dark metal, its edges towards the diner catching its light
            dark_frame(front, bars, light)
        band = pygame.Rect(bar, round(self.tall * ROOF), self.wide - 2 * bar,
                           round(self.tall * SIGN))
        glow, ink = (mix(light, (255, 255, 255), 0.5), SIGN_INK) if lit else hood(light)
        pygame.draw.rect(front, (*glow, 255), band)
        font = setup.fonts.get("light", max(6, round(band.height * 0.7)), setup.where())
        lettered(front, font, "TELEPHONE", ink, band)
        return front

    def warm(self, frame: Frame) -> Pieces:
        """Draw the caller's sprites ahead of the scene."""
        if self.params["caller"]:
            poses = CALL if self.call.ringing > 0 else CALL[1:]
            names = [*poses, *(call_move(name) for name in poses[1:])]
            yield from self.sprites.fill(names, [True], [self.caller_look])

    def look(self, frame: Frame) -> None:
        """The glass box and the light it spills never change (the rest moves)."""

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The light on the pavement, the glass box and the phone (with nobody in it, its
        frame too)."""
        if self.params["lit"]:  # unlit, it spills no light, but stands in the diner's
            surface.blit(self.spill, self.spill_at, special_flags=pygame.BLEND_RGB_ADD)
        else:
            surface.blit(*self.dark, special_flags=pygame.BLEND_RGB_MULT)
        surface.blit(self.back, (self.left, self.top))

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """Cars passing far behind (beside the box), the ring's light on the glass and the
        pavement (behind him: he stays dark against it), the caller, then the frame in front."""
        if self.passing is not None:
            self.passing.draw(surface, frame.seconds)
        if self.ringing(frame):
            surface.blit(self.ring, self.ring_at, special_flags=pygame.BLEND_RGB_ADD)
            surface.blit(self.bright, (self.left, self.top))
        if self.passing is not None and self.params["lit"]:
            self.passing.glare(surface, frame.seconds, self.glass)
        if self.params["caller"]:
            self._caller(surface, frame)
            surface.blit(self.front, (self.left, self.top))

    def ringing(self, frame: Frame) -> bool:
        """Is the phone ringing at this frame (two seconds in every six, lit, for `ring`)?"""
        ring = self.params["ring"] if self.params["lit"] else 0
        return bool(ring) and frame.seconds < ring and frame.seconds % RING_CYCLE < RING_ON

    def _caller(self, surface: pygame.Surface, frame: Frame) -> None:
        """The caller faces the phone, at the call's beat (see booth_call): waiting while it
        rings, the receiver in its cradle; then picking up, his hand bringing it up out of the
        cradle to his ear, the cord swinging as he shifts, until he lets it fall."""
        now = self.call.at(frame)
        sprite, feet = self.sprites.get(now.name, now.phase, True, self.caller_look)
        spot = (round(self.ground[0] - feet[0]), round(self.ground[1] - feet[1]))
        handset = self.handset(now)
        cradled = handset is not None and handset == self.cradled()
        if cradled:
            hung_up(surface, self.box, self.light)
        if now.let_go is None:
            surface.blit(sprite, spot)
        else:  # he let it fall: his shoulders heave
            heaving(surface, sprite, spot, round(feet[1] - HEAVE_FROM * self.caller_look.height),
                    round(heave(now.let_go) * self.caller_look.height))
        if cradled:
            return
        if handset is not None:  # coming up in his hand (his sprite holds none)
            shade = mix(mix(STEEL, self.light, 0.1), self.params["caller_color"], handset.far)
            draw_handset(surface, handset, shade)
            self._cord(surface, handset.foot, frame.seconds)
        elif now.let_go is None:
            self._cord(surface, self._hand(now.name, now.phase), frame.seconds)
        else:
            self._dropped(surface, now.let_go, frame.seconds)

    def handset(self, now: Moment) -> Handset | None:
        """Where the receiver is, on the picture, until it is at his ear: in the cradle while
        the phone rings and his hand goes to it, then coming up in his hand (at the phase his
        sprite is drawn at); None once it is at his ear (his sprite holds it) or let go."""
        if now.name == CALL[0]:
            return self.cradled()
        if now.name != PICK_UP:
            return None
        steps = self.sprites.steps(now.name)
        phase = int(now.phase % 1.0 * steps) / steps
        far = lifted(phase)
        if far is None:
            return self.cradled()
        return lifting(self._hand(PICK_UP, phase), self._hand(PICK_UP, grip()),
                       self.cradled(), self._held(), far)

    def cradled(self) -> Handset:
        """The receiver hung in the cradle, as `hung_up` draws it."""
        rect = _inside(self.box, RECEIVER)
        inset = rect.width / 2  # (its round ends inside the rectangle)
        return Handset((rect.centerx, rect.bottom - inset), (rect.centerx, rect.top + inset),
                       rect.width)

    def _held(self) -> Handset:
        """The receiver at his ear as his sprite draws it as the pick-up ends ("phone" at
        its phase 0): from his hand towards his ear."""
        receiver, height = pose("phone", 0.0).capsules[-1], self.caller_look.height
        foot, ear = ((self.ground[0] - x * height, self.ground[1] - y * height)
                     for x, y in (receiver.a, receiver.b))
        return Handset(foot, ear, WIDTHS["receiver"] * height, 1.0)

    @property
    def ground(self) -> tuple[int, int]:
        """Where the caller's feet are: his free hand lies on the phone box's edge."""
        height = self.caller_look.height
        return (self.box.right + round((FREE_HAND[0] + FINGERS) * height),
                self.top + self.tall - 2)

    def _hand(self, name: str, phase: float) -> Point:
        """Where the caller's near hand (the receiver's) is on the picture."""
        body, height = pose(name, phase), self.caller_look.height
        return self.ground[0] - body.hand[0] * height, self.ground[1] - body.hand[1] * height

    def _dropped(self, surface: pygame.Surface, let_go: float, seconds: float) -> None:
        """The receiver let fall from his hand: dropping to the end of its cord, then
        swinging under the phone, and still, where the scenes after find it hanging."""
        held = self._hand(CALL[-2], 0.0)
        rest = dangling_end(self.box)
        length = math.dist(self.socket, rest)
        still = angle_from(self.socket, rest)
        angle, fallen = swinging(let_go, still, angle_from(self.socket, held))
        angle = max(angle, self._wall_angle(length + HELD * self.caller_look.height))
        taut = (self.socket[0] + length * math.sin(angle),
                self.socket[1] + length * math.cos(angle))
        end = (held[0] + (taut[0] - held[0]) * fallen, held[1] + (taut[1] - held[1]) * fallen)
        self._cord(surface, end, seconds, 1.0 - fallen)
        handset = _inside(self.box, RECEIVER)
        height = self.caller_look.height
        long = HELD * height + (handset.height - HELD * height) * fallen
        wide = max(1, round(WIDTHS["receiver"] * height * (1 - fallen) + handset.width * fallen))
        # from up at his ear to hanging from its cord's end (straight down, once still)
        turn = angle - still + math.pi * (1.0 - fallen)
        tip = (end[0] + long * math.sin(turn), end[1] + long * math.cos(turn))
        shade = mix(self.params["caller_color"], mix(STEEL, self.light, 0.1), fallen)
        draw_handset(surface, Handset(end, tip, wide), shade)

    def _wall_angle(self, reach: float) -> float:
        """How far (radians, negative: towards the booth's left side) what hangs `reach`
        pixels from the cord's socket can swing before it meets the glass: it stops there."""
        wall = self.left + max(2, round(self.tall * BAR))
        return math.asin(max(-1.0, min(0.0, (wall - self.socket[0]) / max(1.0, reach))))

    def _cord(self, surface: pygame.Surface, hand: Point, seconds: float,
              slack: float = 1.0) -> None:
        """A coiled cord hanging between the phone and the hand, swinging; drawn taut
        (straight) as `slack` goes to 0."""
        (x0, y0), (x1, y1) = self.socket, hand
        swing = _swing(seconds) * self.tall * CORD_SWAY
        cx, cy = (x0 + x1) / 2 + swing, max(y0, y1) + self.tall * CORD_SAG
        if slack < 1.0:
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
            cx, cy = mx + (cx - mx) * slack, my + (cy - my) * slack
        points = []
        for i in range(21):
            t = i / 20
            points.append(((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1,
                           (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1))
        width = max(1, round(self.tall * CORD_THICK))
        pygame.draw.lines(surface, CORD, False, points, width)
        coils = mix(CORD, self.light, CORD_SHINE)
        for a, b in zip(points[1::2], points[2::2], strict=False):
            pygame.draw.line(surface, coils, a, b, max(1, width // 3))


def _swing(seconds: float) -> float:
    """How far the cord's loop is swung (about -1 to 1) at this moment of the call."""
    swell, drift = (math.sin(2 * math.pi * rate * seconds) for rate in CORD_SWELL)
    return math.sin(2 * math.pi * CORD_SWING * seconds) * (0.6 + 0.4 * swell) + CORD_DRIFT * drift


def _inside(box: pygame.Rect, part: tuple[float, ...]) -> pygame.Rect:
    """A part of the phone's face, given in shares of its box (x, y, and w, h if any)."""
    w, h = (part[2], part[3]) if len(part) == 4 else (0.0, 0.0)
    return pygame.Rect(box.x + round(part[0] * box.width), box.y + round(part[1] * box.height),
                       max(1, round(w * box.width)), max(1, round(h * box.height)))


def hung_up(surface: pygame.Surface, box: pygame.Rect, light: Color) -> None:
    """The receiver hanging in the phone's cradle, its armoured cord looping to the box."""
    handset = _inside(box, RECEIVER)
    handset_in(surface, handset, mix(STEEL, light, 0.1))
    socket = _inside(box, CORD_IN).topleft
    low = (handset.centerx, handset.bottom)
    sag = (min(low[0], socket[0]) - handset.width, max(low[1], socket[1]) + handset.width)
    pygame.draw.lines(surface, scaled(STEEL_CORD, CORD_RIBS), False, [low, sag, socket],
                      max(1, handset.width // 3))


def dangling_end(box: pygame.Rect) -> tuple[int, int]:
    """Where the cord of a receiver left hanging off the hook meets it (its top)."""
    handset, socket = _inside(box, RECEIVER), _inside(box, CORD_IN).topleft
    return socket[0] - handset.width // 2, box.bottom + round(DANGLE * box.height)


def dangling(surface: pygame.Surface, box: pygame.Rect, light: Color) -> None:
    """The receiver left off the hook: hanging straight down under the phone on its
    armoured cord, the cradle empty."""
    handset = _inside(box, RECEIVER)
    socket = _inside(box, CORD_IN).topleft
    handset.midtop = dangling_end(box)
    pygame.draw.line(surface, scaled(STEEL_CORD, CORD_RIBS), socket, handset.midtop,
                     max(1, handset.width // 3))
    handset_in(surface, handset, mix(STEEL, light, 0.1))


def payphone(surface: pygame.Surface, box: pygame.Rect, light: Color) -> None:
    """A 1980s payphone on the booth's wall, as people remember it: a steel box lit by the
    tube, chrome down its lit edge, the instruction card, the coin slot, a keypad of 3 x 4
    chrome keys, the coin return and the empty cradle (the receiver is at the caller's ear)."""
    steel, chrome = mix(STEEL, light, 0.1), mix(CHROME, light, 0.1)
    cradle = _inside(box, CRADLE)
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
    card = _inside(box, CARD)
    pygame.draw.rect(surface, PAPER, card)
    for line in range(1, 4):  # its lines of print
        y = card.y + line * card.height // 4
        pygame.draw.line(surface, scaled(PAPER, 0.6), (card.x + 2, y), (card.right - 3, y))
    pygame.draw.rect(surface, INK, _inside(box, COIN_SLOT))
    plate = _inside(box, KEYPAD)
    pygame.draw.rect(surface, scaled(steel, 0.55), plate, border_radius=max(1, plate.width // 12))
    columns, rows = KEYS
    cell = (plate.width / columns, plate.height / rows)
    for col in range(columns):
        for row in range(rows):
            key = pygame.Rect(0, 0, max(1, round(cell[0] * 0.6)), max(1, round(cell[1] * 0.55)))
            key.center = (round(plate.x + (col + 0.5) * cell[0]),
                          round(plate.y + (row + 0.5) * cell[1]))
            pygame.draw.rect(surface, KEY, key)
    back = _inside(box, COIN_RETURN)
    pygame.draw.rect(surface, INK, back)
    pygame.draw.rect(surface, chrome, (back.x, back.bottom, back.width, max(1, back.height // 3)))
