"""A 1980s phone booth: aluminium and glass, lit from inside, a caller with the receiver."""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

import pygame

from installation.visuals.base import Color, Frame, Pieces, Setup, Split, at_once, mix, scaled
from installation.visuals.booth_call import STEPS, Call, Moment, angle_from, swinging
from installation.visuals.booth_dark import cast_dark, dark_frame, dark_glass, hood
from installation.visuals.booth_glass import PULSE_DOWN, lit_frame, lit_glass, pulse
from installation.visuals.booth_ground import contact, pool
from installation.visuals.booth_handset import (
    HANDSET_LONG,
    HANDSET_WIDE,
    HEAVE_FROM,
    Handset,
    at_ear,
    draw_handset,
    gripping,
    heave,
    heaving,
    lifting,
    on_handle,
    upright,
)
from installation.visuals.booth_phone import (
    CORD_IN,
    CORD_SHINE,
    CRADLE,
    RECEIVER,
    RIB_STEP,
    armoured,
    dangling,
    dangling_end,
    handset_steel,
    hung_up,
    payphone,
    rattle,
)
from installation.visuals.booth_phone import inside as _inside
from installation.visuals.booth_sign import INK as SIGN_INK
from installation.visuals.booth_sign import halo, letters, panel, sign
from installation.visuals.booth_traffic import Passing
from installation.visuals.call_poses import (
    CALL,
    FREE_HAND,
    PICK_UP,
    RECEIVER_EAR,
    RECEIVER_MOUTH,
    RINGING,
    call_move,
    grip,
    holds_receiver,
    lifted,
    receiver_end,
)
from installation.visuals.figure_sprite import Look
from installation.visuals.glow import dimmed, radial_top
from installation.visuals.poses import pose
from installation.visuals.silhouette import RING_CYCLE, RING_ON
from installation.visuals.skeleton import Point
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
CORD_SWING = 0.6  # swings per second
# His shifting keeps it going unevenly: its swing swells and dies away over (1 / this) seconds,
# and its loop drifts this share of its swing to and fro, slower (never the same twice running).
CORD_SWELL, CORD_DRIFT = (0.17, 0.23), 0.35
CORD_SAG = 0.45  # in booth heights: its loop hangs below the phone and the rail, on the glass
CORD_SWAY = 0.09  # how far its loop swings either way, in booth heights
CORD_THICK = 0.014  # a coiled cord's thickness, in booth heights
SPILL = 1.5  # the light on the pavement reaches this many booth heights
RING_GAIN = 1.6  # how much brighter the booth glows while it rings
RING_REACH = 0.8  # the ring's light in the air round it reaches this many booth heights,
RING_AIR = 0.3  # ...this strong at its middle, of the tube's light (the ground has its own)
# ...and its light on the ground round its foot: this strong at its height, reaching this many
# booth heights to either side across the lot, falling away slower (see booth_ground.pool)
RING_FLOOR = (0.22, 1.8, 0.7)
RING_GLASS = 0.3  # while it rings, this share of the tube's light is added to its glass
# Harry catches the light: the tube's, warmed by the diner's behind the booth's left (the
# phone's side), along his edges on that side and (fainter) the other; his jacket a dark
# cloth with the tube's light in it, not one flat black.
DINER, RIM_DINER, RIM_SOFT = (232, 200, 150), 0.45, 0.35
JACKET = 0.08
RING_STEPS = 6  # the ring's light on the pavement, made ahead at this many strengths
CORD = (30, 32, 38)  # the payphone's armoured cord to the receiver held, against the lit glass
FIST = (34, 27, 26)  # his fingers round the receiver's handle, in the tube's back light
KNUCKLES = 0.5  # ...the light on their knuckles: this share of his rim's
# Unlit, the booth is dark glass on the night (see booth_dark), the phone dim in the dark.
UNLIT = 0.35  # the payphone's shade, unlit


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
        box = pygame.Rect(self.left, self.top, self.wide, self.tall)
        post = max(2, round(self.tall * BAR))
        self.foot = contact(box)
        if params["lit"]:  # (unlit, it lights no ground)
            self.floor = _footed((yield from pool(setup.size, box, post, light)), self.foot)
        yield
        near = round(self.tall * RING_REACH)
        self.ring_at = (self.left + self.wide // 2 - near, self.top + self.tall - near)
        # The ring's light on the pavement and on the glass at each of its strengths (a
        # global alpha on the frame cost ~3 full-frame blits more), none for a booth that
        # never rings; a piece each.
        self.rings: list[pygame.Surface] = []
        self.brights: list[pygame.Surface] = []
        self.ring_floor: list[tuple[pygame.Surface, tuple[int, int]]] = []
        if self.rings_for():
            full = radial_top(near, scaled(light, RING_AIR * RING_GAIN), 1.4,
                              height - self.ring_at[1])
            floor, at = _footed((yield from pool(setup.size, box, post, light, *RING_FLOOR)),
                                self.foot)
            for k in range(1, RING_STEPS + 1):
                yield
                self.rings.append(dimmed(full, k / RING_STEPS))
                self.ring_floor.append((dimmed(floor, k / RING_STEPS), at))
                bright = self.back.copy()
                bright.fill(scaled(light, RING_GLASS * k / RING_STEPS),
                            special_flags=pygame.BLEND_RGB_ADD)
                self.brights.append(bright)
        self.sprites = Sprites(trim=True, phases=STEPS)
        self.call = Call.of(params, setup.scene.at)
        self.caller_look = Look(round(self.tall * CALLER), params["caller_color"],
                                mix(light, DINER, RIM_DINER), rim_left=True,
                                outfit=OUTFITS["harry"], rim_both=True,
                                clothes=mix(params["caller_color"], light, JACKET),
                                rim_soft=RIM_SOFT)
        bar = post
        self.glass = pygame.Rect(box.left + bar, box.top + round(self.tall * (ROOF + SIGN)),
                                 box.width - 2 * bar, self.tall - round(self.tall * (ROOF + SIGN)))
        self.dark = cast_dark(box)  # (unlit, the booth stands dark in the diner's light)
        self.passing = Passing(setup.size, params["traffic"], params["traffic_y"], setup.seed,
                               box) if params["traffic"] else None

    def _back(self, light: Color) -> pygame.Surface:
        """The lit glass box seen through: the tube's light on the back pane, falling away
        below it, the night and the diner showing through lower down; the tube's reflection
        slanting across the glass; the phone on the back wall."""
        back = lit_glass((self.wide, self.tall), light, round(self.tall * (ROOF + SIGN)))
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
        if lit:  # aluminium, its inner edges lit by the tube
            lit_frame(front, bars, light, round(self.tall * ROOF))
        else:  # dark metal, its edges towards the diner catching its light
            dark_frame(front, bars, light)
        band = pygame.Rect(bar, round(self.tall * ROOF), self.wide - 2 * bar,
                           round(self.tall * SIGN))
        glow, ink = (panel(light), SIGN_INK) if lit else hood(light)
        sign(front, band, glow, ink, letters(setup.fonts, band, ink, setup.where()), lit)
        self.halo = halo(band.move(self.left, self.top), glow)
        return front

    def warm(self, frame: Frame) -> Pieces:
        """Draw the caller's sprites ahead of the scene."""
        if self.params["caller"]:
            poses = self.call.poses if self.call.ringing > 0 else self.call.poses[1:]
            names = [*poses, *(call_move(name, before) for before, name in pairwise(poses))]
            names += RINGING[:2] if self.call.ringing > 0 else []
            yield from self.sprites.fill(names, [True], [self.caller_look])

    def look(self, frame: Frame) -> None:
        """The glass box and the light it spills never change (the rest moves)."""

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The light on the pavement, the glass box and the phone (with nobody in it, its
        frame too)."""
        if self.params["lit"]:  # unlit, it spills no light, but stands in the diner's
            surface.blit(self.spill, self.spill_at, special_flags=pygame.BLEND_RGB_ADD)
            surface.blit(*self.floor, special_flags=pygame.BLEND_RGB_ADD)
            surface.blit(*self.halo, special_flags=pygame.BLEND_RGB_ADD)
            surface.blit(*self.foot, special_flags=pygame.BLEND_RGB_MULT)
        else:
            surface.blit(*self.dark, special_flags=pygame.BLEND_RGB_MULT)
        surface.blit(self.back, (self.left, self.top))

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """Cars passing far behind (beside the box), the ring's light on the glass and the
        pavement (behind him: he stays dark against it), the caller, then the frame in front."""
        if self.passing is not None:
            self.passing.draw(surface, frame.seconds)
        level = self.ring_light(frame)
        if level > 0:  # (a few strengths of its light on the pavement, made ahead)
            step = min(RING_STEPS, math.ceil(level * RING_STEPS)) - 1
            surface.blit(self.rings[step], self.ring_at, special_flags=pygame.BLEND_RGB_ADD)
            surface.blit(*self.ring_floor[step], special_flags=pygame.BLEND_RGB_ADD)
            surface.blit(self.brights[step], (self.left, self.top))
        if self.passing is not None and self.params["lit"]:
            self.passing.glare(surface, frame.seconds, self.glass)
        if self.params["caller"]:
            self._caller(surface, frame)
            surface.blit(self.front, (self.left, self.top))

    def rings_for(self) -> float:
        """The real seconds the phone rings from the scene's start (0: never; unlit, never)."""
        return float(self.params["ring"]) if self.params["lit"] else 0.0

    def ringing(self, frame: Frame) -> bool:
        """Is the phone ringing at this frame (two seconds in every six, lit, for `ring`)?"""
        ring = self.rings_for()
        return bool(ring) and frame.seconds < ring and frame.seconds % RING_CYCLE < RING_ON

    def ring_light(self, frame: Frame) -> float:
        """How strongly the ring lights the glass and the pavement at this frame (0 to 1):
        swelling with each ring, dying away after it (see booth_glass.pulse)."""
        ring = self.rings_for()
        if not ring or frame.seconds >= ring + PULSE_DOWN:
            return 0.0
        return pulse(frame.seconds % RING_CYCLE, RING_ON)

    def _rattle(self, frame: Frame) -> tuple[float, float, float]:
        """How the bell jolts the hung receiver at this frame (still between rings)."""
        if not self.ringing(frame):
            return (0.0, 0.0, 0.0)
        return rattle(frame.seconds, frame.seconds % RING_CYCLE)

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
            hung_up(surface, self.box, self.light, self._rattle(frame))
        if now.let_go is None:
            surface.blit(sprite, spot)
        else:  # he let it fall: his shoulders heave
            heaving(surface, sprite, spot, round(feet[1] - HEAVE_FROM * self.caller_look.height),
                    round(heave(now.let_go) * self.caller_look.height))
        if cradled:
            return
        if handset is None and now.let_go is None and holds_receiver(now.name, now.phase):
            handset = self._at_ear(now.name, self._phase(now))
        if handset is not None:  # in his hand, coming up or at his ear (over his sprite's)
            draw_handset(surface, handset, *handset_steel(self.light))
            gripping(surface, handset,
                     on_handle(handset, self._hand(now.name, self._phase(now))), FIST,
                     mix(FIST, self.caller_look.rim or self.light, KNUCKLES))
            self._cord(surface, handset.foot, frame.seconds)
        elif now.let_go is not None:
            self._dropped(surface, now.let_go, frame.seconds)

    def handset(self, now: Moment) -> Handset | None:
        """Where the receiver is, on the picture, until it is at his ear: in the cradle while
        the phone rings and his hand goes to it, then coming up in his hand (at the phase his
        sprite is drawn at); None once it is at his ear (his sprite holds it) or let go."""
        if now.name in RINGING:
            return self.cradled()
        if now.name != PICK_UP:
            return None
        phase = self._phase(now)
        far = lifted(phase)
        if far is None:
            return self.cradled()
        return lifting(self._hand(PICK_UP, phase), self._hand(PICK_UP, grip()),
                       self.cradled(), self._held(), far)

    def _phase(self, now: Moment) -> float:
        """The phase his sprite is drawn at (its nearest step below)."""
        steps = self.sprites.steps(now.name)
        return int(now.phase % 1.0 * steps) / steps

    def _at_ear(self, name: str, phase: float) -> Handset:
        """The receiver at his ear, in his hand, as pose `name` has them at `phase`."""
        body, height = pose(name, phase), self.caller_look.height
        ear, mouth = (receiver_end(body.head, body.look, end)
                      for end in (RECEIVER_EAR, RECEIVER_MOUTH))  # (as call_poses has it)
        return at_ear(self._on_picture(ear), self._on_picture(mouth), height)

    def _on_picture(self, point: Point) -> Point:
        """A point of his body (in his heights, from his feet) on the picture."""
        height = self.caller_look.height
        return self.ground[0] - point[0] * height, self.ground[1] - point[1] * height

    def cradled(self) -> Handset:
        """The receiver hung in the cradle, as `hung_up` draws it."""
        return upright(_inside(self.box, RECEIVER))

    def _held(self) -> Handset:
        """The receiver at his ear as his sprite draws it as the pick-up ends ("phone" at
        its phase 0): from his hand towards his ear."""
        return self._at_ear(CALL[1], 0.0)

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
        angle = max(angle, self._wall_angle(length + HANDSET_LONG * self.caller_look.height))
        taut = (self.socket[0] + length * math.sin(angle),
                self.socket[1] + length * math.cos(angle))
        end = (held[0] + (taut[0] - held[0]) * fallen, held[1] + (taut[1] - held[1]) * fallen)
        self._cord(surface, end, seconds, 1.0 - fallen)
        handset = _inside(self.box, RECEIVER)
        height = self.caller_look.height
        long = HANDSET_LONG * height + (handset.height - HANDSET_LONG * height) * fallen
        wide = max(1, round(HANDSET_WIDE * height * (1 - fallen) + handset.width * fallen))
        # from up at his ear to hanging from its cord's end (straight down, once still)
        turn = angle - still + math.pi * (1.0 - fallen)
        tip = (end[0] + long * math.sin(turn), end[1] + long * math.cos(turn))
        draw_handset(surface, Handset(end, tip, wide), *handset_steel(self.light))

    def _wall_angle(self, reach: float) -> float:
        """How far (radians, negative: towards the booth's left side) what hangs `reach`
        pixels from the cord's socket can swing before it meets the glass: it stops there
        (its cups, a receiver's width either side of its length, against it)."""
        wall = self.left + max(2, round(self.tall * BAR)) + HANDSET_WIDE * self.caller_look.height
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
        width = max(1, round(self.tall * CORD_THICK))
        rough = math.dist((x0, y0), (cx, cy)) + math.dist((cx, cy), (x1, y1))
        count = max(20, round(rough / (width * RIB_STEP)))
        points = []
        for i in range(count + 1):
            t = i / count
            points.append(((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1,
                           (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1))
        armoured(surface, points, width, CORD, mix(CORD, self.light, CORD_SHINE))


def _swing(seconds: float) -> float:
    """How far the cord's loop is swung (about -1 to 1) at this moment of the call."""
    swell, drift = (math.sin(2 * math.pi * rate * seconds) for rate in CORD_SWELL)
    return math.sin(2 * math.pi * CORD_SWING * seconds) * (0.6 + 0.4 * swell) + CORD_DRIFT * drift


def _footed(light: tuple[pygame.Surface, tuple[int, int]],
            foot: tuple[pygame.Surface, tuple[int, int]]) -> tuple[pygame.Surface, tuple[int, int]]:
    """Light on the ground (to add, and where) with none where the booth's base meets it."""
    (surface, (x, y)), (shade, (fx, fy)) = light, foot
    surface.blit(shade, (fx - x, fy - y), special_flags=pygame.BLEND_RGB_MULT)
    return surface, (x, y)
