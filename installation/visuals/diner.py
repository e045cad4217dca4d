"""Johnie's: a googie coffee shop with a swooping roof, plate glass and a neon pylon sign."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

import pygame

from installation.core.sign_words import dead_letters
from installation.core.timeline.layer_catalog import COMMON, LAYERS
from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    scaled,
    stable_seed,
)
from installation.visuals.diner_doors import doorway, open_leaves
from installation.visuals.diner_glass import DARK_GLASS, cracked, dark_room, smashed_by, strewn
from installation.visuals.diner_lot import (
    asphalt,
    panes,
    parked,
    sign_glow,
    stains,
    street_lamp,
    under_car,
)
from installation.visuals.diner_signs import (
    BOARD,
    BOARD_RIM,
    COFFEE_FONT,
    COFFEE_SIZE,
    NAME_LIFT,
    NAME_SIZE,
    Bulbs,
    Pylon,
    SummedGlow,
    blade_box,
    board_box,
    coffee_board,
    dead_glass,
    pylon,
)
from installation.visuals.figure_sprite import Look
from installation.visuals.figures import Figures
from installation.visuals.glow import radial_top
from installation.visuals.left_behind import furnished, left_behind, seats, stool_places
from installation.visuals.neon import Neon
from installation.visuals.palette import NEON_CYAN, light_at
from installation.visuals.poses import PERIOD
from installation.visuals.sprite_cache import Sprites
from installation.visuals.wardrobe import CROWD

WIDTH = 0.46  # of the picture, at scale 1
HEIGHT = 0.2
STONE = (58, 50, 46)
ROOF = (30, 28, 34)
PEOPLE = (66, 62, 62)  # through the glass: lighter than a passer-by black against it
PENDANT = (255, 220, 160)
SIGNS_DAYLIGHT = 0.9  # the signs are lit when the daylight is below this
# The pylon sign, in shares of the building's height (its blade's and the COFFEE SHOP board's
# under it: see diner_signs): how high the blade's foot stands over the ground (above the
# roof's high end).
BLADE_FOOT = 1.47
BLADE_OFF = 0.16  # the blade hangs this far right of its post (clear of a caption on its left)
TOP_ROOM = 1.6  # the facade's image reaches this far above the building (the sign's spike)
PATRON_HEIGHT = 0.72  # a standing person, as a share of the window's height
# Where they sit: from this share of the glass's width to the parked car, less this much of a
# standing height (a seated patron's reach: behind its windows, one read as its driver); and
# each somewhere in a stretch of that, in shares of it: one by the stone wall, two nearer the
# car, the glass between them bare (where Harry, on the lot, leans to it and looks in).
PATRONS_FROM, CAR_CLEAR = 0.06, 0.5
PATRON_SEATS = ((0.0, 0.12), (0.62, 0.7), (0.94, 1.0))
# The counter the patrons sit at, behind them as seen from the lot: its top at the height their
# hands rest at (a seated person's hands are about 0.45 of their standing height up), a lit
# lip on it, and its front down to the floor, darker. The waitress works behind it.
COUNTER_TOP = 0.445  # of a patron's standing height, above the floor
COUNTER_LIP = 0.04  # the top's lit edge, as thick as this share of their height
COUNTER_FRONT, COUNTER_LIGHT = 0.55, 1.0  # shares of the room's light on its front, its top
WAITRESS_TALL = 0.97  # her height, as a share of a patron's standing height (a step further)
WAITRESS_SPAN = (0.05, 0.94)  # where she turns, in shares of the glass's width
WAITRESS_DARK = 0.75  # her arms and head: darker than the patrons' grey, solid (paler, a
#                       patron's head in front of her showed through her: a ghost)
UNIFORM = (44, 64, 72)  # her uniform dress, a dark teal: passing behind a patron, she is
#                         someone else, not a part of him
BROKEN_PANE = 2  # which pane is smashed, counted from the stone wall
LAMP_OUT = 0.3  # the street lamp stands this far left of the building, of its width


class Diner(Split):
    """Facade cached once per scene (its signs' dead tubes on it); the signs' light buzzes
    every frame."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the lot, the facade, the light spill, then each sign's tubes."""
        self.params = params
        width, height = setup.size
        scale = params["scale"]
        self.w, self.h = int(width * WIDTH * scale), int(height * HEIGHT * scale)
        self.left = int(width * params["x"]) - self.w // 2
        self.ground = int(height * params["ground"])
        self.size = setup.size
        self.lit = params["lit"]
        self.scene_at = setup.scene.at
        self.broken: tuple[pygame.Surface, tuple[int, int], pygame.Surface, tuple[int, int]] | None
        self.broken = None  # the smashed pane and its shards, and where they go
        self.door: pygame.Rect | None = None  # the open doorway, in the picture
        self.leaves: tuple[pygame.Surface, tuple[int, int]] | None = None  # its doors, swung out
        self.lot = asphalt(setup.size, self.ground)
        yield
        stains(self.lot, setup.rng("diner lot"), (self.left, self.left + self.w))
        self.patrons: list[tuple[int, int, bool, float]] = []  # x, feet, facing left, phase
        self.patron_looks: list[Look] = []
        self.sprites = Sprites(trim=True)
        yield
        font = setup.font(params["font"], max(8, int(self.h * NAME_SIZE)))
        self.blade = blade_box(font, dead_letters(params["sign"])[0], self.h)  # (unplaced)
        self.pylon: Pylon | None = None  # where the sign's blade and bulbs are on the facade
        self.counter = pygame.Rect(0, 0, 0, 0)  # the lit room above the counter, in the picture
        self.floor, self.tall = self.ground, 0
        self.bars: list[pygame.Rect] = []  # the glass's uprights and rail, in the picture
        self.facade = yield from self._facade(setup.rng("diner"))
        self.waitress = self._waitress(setup)
        if self.patrons:  # their sprites, drawn ahead so no frame waits for one
            yield from self.sprites.fill(["sit"], sorted({p[2] for p in self.patrons}),
                                         self.patron_looks)
        yield
        # The warm light the windows throw: a third of it above the ground line, and only as
        # much below as the picture shows.
        radius = int(self.w * 0.7)
        self.spill_at = (self.left + self.w // 2 - radius, self.ground - 2 * radius // 3)
        self.spill = radial_top(radius, scaled(params["interior"], 0.22), 1.4,
                                height - self.spill_at[1])
        self.signs: list[Neon] = []  # lit or not: unlit, their tubes are dark glass
        for n, sign_params in enumerate(self._signs()):
            yield
            sign = object.__new__(Neon)  # (each flickers on its own clock: sharing one, the
            #                              name's o and COFFEE's O dimmed in the same ticks)
            yield from sign.pieces(sign_params, setup if not n else replace(
                setup, seed=stable_seed(setup.seed, "board")))
            self.signs.append(sign)
        self.glows = [SummedGlow(sign) for sign in self.signs]  # their light, when lit
        top_left = (self.left, self.ground - self.facade.get_height())
        dead_glass(self.facade, top_left, self.signs)
        assert self.pylon is not None
        self.bulbs: Bulbs = Bulbs(self.pylon, top_left, params["chase"])

    def _facade(self, rng: Any) -> Generator[None, None, pygame.Surface]:
        w, h = self.w, self.h
        top_room = int(h * TOP_ROOM)
        # Wide enough for the sign's board on its pylon near the right end (it was cut off).
        reach = max(w, int(w * 0.9) + int(h * BLADE_OFF) + self.blade.width // 2 + max(2, h // 40))
        image = pygame.Surface((reach, h + top_room), pygame.SRCALPHA)
        base = top_room + h  # ground line inside the image
        glass_top = base - int(h * 0.62)
        inside: Color = self.params["interior"] if self.lit else DARK_GLASS
        # Stone wall on the left, glass to the right.
        stone_w = int(w * 0.22)
        image.fill((*STONE, 255), (0, glass_top, stone_w, base - glass_top))
        for _ in range(40):
            x, y = rng.randrange(stone_w), rng.randrange(glass_top, base)
            tone = scaled(STONE, rng.uniform(0.7, 1.25))
            pygame.draw.ellipse(image, (*tone, 255), (x, y, rng.randint(6, 16) * w // 900 + 4,
                                                      rng.randint(4, 9) * w // 900 + 3))
        yield
        glass = pygame.Rect(stone_w, glass_top, w - stone_w - int(w * 0.04), base - glass_top)
        post = int(w * 0.9)  # the sign's post: the car is parked under its blade (and the
        #                      patrons sit clear of it: see _interior)
        self.car = parked(self.size, self.left + post, self.ground, h,
                          self.params["interior"] if self.lit else scaled(ROOF, 1.5))
        for y in range(glass.top, glass.bottom):
            t = (y - glass.top) / max(1, glass.height)
            image.fill((*scaled(inside, 0.78 + 0.22 * t), 255), (glass.left, y, glass.width, 1))
        if self.lit:
            self._interior(image, glass, rng)
        else:
            dark_room(image, glass)
        yield
        mullion = max(2, w // 220)
        bars = [pygame.Rect(x, glass.top, mullion, glass.height)
                for x in range(glass.left, glass.right, max(8, glass.width // 7))]
        bays = list(range(glass.left, glass.right, max(8, glass.width // 7))) + [glass.right]
        panes_at = [(a + mullion, b) for a, b in zip(bays, bays[1:], strict=False)]
        door = None  # the doorway in the first pane, by the stone wall, if the doors are open
        if self.params["doors"] == "open":
            door = doorway(image, panes_at[0], base, glass.height, ROOF, mullion, inside,
                           self.lit)
            self.door = door.move(self.left, self.ground - image.get_height())
            self.leaves = open_leaves(self.door, ROOF, mullion, inside)
        yield
        under_car(self.lot, self.car, self.ground)
        if self.lit:  # the pools of light take steps of their own (an open door's too)
            tyres = self.car.box.move(0, -self.ground)
            yield from panes(self.lot, [(self.left + a, self.left + b) for a, b in panes_at],
                             self.left + w // 2, h, self.params["interior"],
                             pygame.Rect(tyres.left, tyres.bottom - 1, tyres.width, 1), mullion,
                             self.size)
            sign_glow(self.lot, self.left + post + int(h * BLADE_OFF), self.params["color"],
                      self.size, self.ground)
            yield
        self.lamp = street_lamp(self.lot, self.left - int(w * LAMP_OUT), self.ground, h,
                                self.lit)
        if self.params["broken"] is not None:
            a, b = panes_at[min(BROKEN_PANE, len(panes_at) - 1)]
            pane = pygame.Rect(a, glass.top, b - a, glass.height - int(h * 0.1))
            pane.move_ip(self.left, self.ground - image.get_height())  # onto the picture
            self.broken = self._smashed(pane, inside, rng)
            yield
        rail = pygame.Rect(glass.left, glass.bottom - int(h * 0.1), glass.width, max(2, mullion))
        if door is not None:  # no rail across the doorway
            bars += [rail.clip(glass.left, rail.top, door.left - glass.left, rail.height),
                     rail.clip(door.right, rail.top, glass.right - door.right, rail.height)]
        else:
            bars.append(rail)
        for bar in bars:
            image.fill((*ROOF, 255), bar)
        self.bars = [bar.move(self.left, self.ground - image.get_height()) for bar in bars]
        # The roof: a slab that sweeps up to the right like a wing, glass rising under it.
        lift = int(h * 0.5)
        fascia = max(4, int(h * 0.08))
        over = int(w * 0.03)
        roof = [(-over, glass_top - fascia), (w + over, glass_top - lift - fascia),
                (w + over, glass_top - lift), (-over, glass_top)]
        upper = [(glass.left, glass_top), (glass.right, glass_top),
                 (glass.right, _roof_y(roof, glass.right)), (glass.left, _roof_y(roof, glass.left))]
        pygame.draw.polygon(image, (*scaled(inside, 0.42 if self.lit else 0.8), 255), upper)
        for x in range(glass.left, glass.right, max(8, glass.width // 7)):
            image.fill((*ROOF, 255), (x, _roof_y(roof, x), mullion, glass_top - _roof_y(roof, x)))
        image.fill((*ROOF, 255), (glass.left, glass_top - mullion // 2, glass.width, mullion))
        pygame.draw.polygon(image, (*ROOF, 255), roof)
        edge = scaled(inside, 0.7) if self.lit else scaled(ROOF, 1.8)
        pygame.draw.line(image, (*edge, 255), roof[3], roof[2], max(1, fascia // 5))
        # The pylon that carries the sign: its blade on a post, the COFFEE SHOP board under.
        blade = self.blade.copy()
        blade.midbottom = (post + int(h * BLADE_OFF), base - int(h * BLADE_FOOT))
        self.pylon = pylon(image, post, base, blade)
        coffee_board(image, self._coffee_board(), (BOARD, scaled(BOARD, BOARD_RIM)), h)
        return image

    def _coffee_board(self) -> pygame.Rect:
        """The small board under the blade that says COFFEE SHOP, on the facade's image."""
        assert self.pylon is not None
        return board_box(self.pylon.box, self.pylon.post, self.h)

    def _smashed(self, pane: pygame.Rect, inside: Color, rng: Any
                 ) -> tuple[pygame.Surface, tuple[int, int], pygame.Surface, tuple[int, int]]:
        """A pane (where it is on the picture) hit low and off-centre: a jagged hole, cracks
        running out to the frame, and shards thrown out over the pavement."""
        crack = cracked(pane.size, (*scaled(inside, 0.45), 255), rng)  # no glass: no sheen
        spread = pygame.Rect(0, 0, pane.width * 3, max(4, int(self.h * 0.16)))
        shards = strewn(spread.size, max(2, pane.width / 40), inside, rng)
        shards_at = (pane.centerx - spread.width // 2, self.ground + 1)
        return crack, pane.topleft, shards, shards_at

    def is_broken(self, frame: Frame) -> bool:
        """Has the pane been smashed by this frame (counted within the scene's day)?"""
        return self.broken is not None and smashed_by(self.scene_at, self.params["broken"],
                                                      frame.story_time)

    def _interior(self, image: pygame.Surface, glass: pygame.Rect, rng: Any) -> None:
        """The lit room: the pendant lamps, the counter, and the patrons along it (where
        they sit, and how they look: their sprites are drawn every frame)."""
        tall = max(6, round(glass.height * PATRON_HEIGHT))
        floor = glass.bottom - max(2, glass.height // 40)
        counter_y = floor - round(COUNTER_TOP * tall)
        image.fill((*scaled(self.params["interior"], COUNTER_FRONT), 255),
                   (glass.left, counter_y, glass.width, glass.bottom - counter_y))
        image.fill((*scaled(self.params["interior"], COUNTER_LIGHT), 255),
                   (glass.left, counter_y, glass.width, max(1, round(COUNTER_LIP * tall))))
        for n in range(7):
            x = glass.left + int(glass.width * (0.1 + 0.13 * n))
            pygame.draw.circle(image, (*PENDANT, 255), (x, glass.top + glass.height // 7),
                               max(2, glass.height // 30))
        top = self.ground - image.get_height()  # the image's top, in the picture
        self.counter = pygame.Rect(self.left + glass.left, top + glass.top, glass.width,
                                   counter_y - glass.top)  # the room above the counter
        self.floor, self.tall = top + floor, tall
        if self.params["empty"]:  # what they left when they ran
            left_behind(image, glass, counter_y, floor, tall, self.params["interior"])
            return
        first = self.left + glass.left + glass.width * PATRONS_FROM
        span = self.car.box.left - round(CAR_CLEAR * tall) - first
        places, free = stool_places(glass, tall), seats(glass, tall)
        taken = []
        for seat in PATRON_SEATS:  # each on a stool of the counter's row, left of the car
            wanted = first + span * rng.uniform(*seat) - self.left
            n = min(free, key=lambda n: abs(places[n] - wanted))
            taken.append(n)
            self.patrons.append((self.left + places[n], top + floor, rng.random() < 0.5,
                                 rng.random()))
        furnished(image, glass, counter_y, floor, tall, self.params["interior"], taken)
        self.patron_looks = [Look(tall, PEOPLE, None, outfit=CROWD[(3 * n + 1) % len(CROWD)])
                             for n in range(len(self.patrons))]

    def _waitress(self, setup: Setup) -> Figures | None:
        """The waitress walking up and down behind the counter, if the diner has one (left
        of the parked car, as the patrons)."""
        speed = self.params["waitress"]
        if not speed or not self.lit or self.params["empty"]:
            return None
        width, height = self.size
        a, b = (self.counter.left + self.counter.width * share for share in WAITRESS_SPAN)
        b = min(b, self.car.box.left - CAR_CLEAR * self.tall)  # (over its roof, her waist on
        #                                                         it: stood up through it)
        y = self.floor / height
        params = {p.name: p.default for p in LAYERS["figures"] + COMMON} | {
            "pose": "walk", "body": "woman", "path": ((a / width, y), (b / width, y),
                                                      (a / width, y)),
            "speed": speed, "loop": True, "scale": self.tall * WAITRESS_TALL / height,
            "color": scaled(PEOPLE, WAITRESS_DARK), "clothes": (UNIFORM,)}
        return Figures(MappingProxyType(params), setup)

    def _signs(self) -> list[Mapping[str, Any]]:
        """The name in script on the blade (its letters failing in turn) and the board's words
        (COFFEE SHOP) in round tubes under it; their dead letters (in brackets) never light."""
        assert self.pylon is not None
        width, height = self.size
        top = self.ground - self.h - int(self.h * TOP_ROOM)  # the facade's top, in the picture
        blade, board = self.pylon.box, self._coffee_board()
        base = {"flicker": 0.12, "failing": 0.0, "shape": "none", "font": "tube",
                "blink": 0.0, "mount": "none", "pattern": "steady"}
        (words, dead), (board_words, board_dead) = (dead_letters(self.params[key])
                                                     for key in ("sign", "board"))
        name = {**base, "text": words, "dead": dead, "color": self.params["color"],
                "x": (self.left + blade.centerx) / width,
                "y": (top + blade.centery - self.h * NAME_LIFT) / height,
                "size": self.h * NAME_SIZE / height, "failing": 0.12, "hot": False,
                "font": self.params["font"]}
        coffee = {**base, "text": board_words, "dead": board_dead, "font": COFFEE_FONT,
                  "color": NEON_CYAN,
                  "x": (self.left + board.centerx) / width, "y": (top + board.centery) / height,
                  "size": self.h * COFFEE_SIZE / height}
        return [MappingProxyType(p) for p in (name, coffee)]

    def warm(self, frame: Frame) -> Pieces:
        """Draw ahead the waitress's sprites (the patrons' are drawn as the diner is built)."""
        if self.waitress is not None:
            yield from self.waitress.warm(frame)

    def seated(self, frame: Frame) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """Each patron's sprite at this frame, and where it goes in the picture."""
        out = []
        for (x, feet, left, phase), look in zip(self.patrons, self.patron_looks, strict=True):
            sprite, at = self.sprites.get("sit", phase + frame.seconds / PERIOD["sit"], left,
                                          look)
            out.append((sprite, (round(x - at[0]), round(feet - at[1]))))
        return out

    def look(self, frame: Frame) -> None:
        """The building and its light never change; its patrons and neon signs move apart
        (the signs of a diner that is not lit never light: they are still)."""

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The lot, the light spilling on it, the building (its signs' tubes dark glass on
        their board: a lit diner's light is added over them, moving), its doors if open."""
        surface.blit(self.lot, (0, self.ground))
        if self.lit:
            surface.blit(self.spill, self.spill_at,
                         special_flags=pygame.BLEND_RGB_ADD)
        top = self.ground - self.facade.get_height()
        surface.blit(self.facade, (self.left, top))
        surface.blit(self.lamp.image, self.lamp.at)
        surface.blit(self.lamp.glow, self.lamp.glow_at, special_flags=pygame.BLEND_RGB_ADD)
        if self.leaves is not None:
            surface.blit(*self.leaves)

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """The waitress behind the counter, the patrons in front of it, who shift on their
        stools and nod, their hands on it, all behind the glass's frame (and a broken pane's
        cracks); the light of a lit diner's signs when it is dark (by day: dead glass)."""
        if self.waitress is not None:  # behind the counter and the patrons: her waist up
            clip = surface.get_clip()
            surface.set_clip(self.counter.clip(clip))
            self.waitress.draw(surface, frame)
            surface.set_clip(clip)
        for sprite, spot in self.seated(frame):
            surface.blit(sprite, spot)
        if self.waitress is not None or self.patrons:  # the glass's frame in front of them
            for bar in self.bars:
                surface.fill(ROOF, bar)
        surface.blit(self.car.image, self.car.at)  # parked in front of the glass
        if self.broken is not None and self.is_broken(frame):  # (the glass: in front too)
            crack, crack_at, shards, shards_at = self.broken
            surface.blit(shards, shards_at)
            surface.blit(crack, crack_at)
        if self.lit and light_at(frame.hour).daylight < SIGNS_DAYLIGHT:
            for glow in self.glows:
                glow.draw(surface, frame)
            self.bulbs.draw(surface, frame)


def _roof_y(roof: list[tuple[int, int]], x: int) -> int:
    """Height of the roof's underside above x (it rises to the right)."""
    (x0, y0), (x1, y1) = roof[3], roof[2]
    return int(y0 + (y1 - y0) * (x - x0) / max(1, x1 - x0))
