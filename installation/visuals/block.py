"""A block of the Miracle Mile at night seen straight on across Wilshire: lit shop fronts, neon
signs whose light falls on the walls, the wet road mirroring them, cars passing under them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pygame

from installation.visuals.base import (
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    mix,
    scaled,
    stable_seed,
)
from installation.visuals.block_cars import Sprites, light_strip, traffic, where
from installation.visuals.block_fronts import CAP, fronts_painting, mirroring
from installation.visuals.block_plan import FOOT, KERB, Plan, SignPlan, layout
from installation.visuals.counter_life import CounterWindow, Look
from installation.visuals.glow import dimmed
from installation.visuals.neon import LEVELS, Levels, Neon
from installation.visuals.scene_layers import defaults

SKY_ROWS = 0.42  # above this share of the height the picture has sky between its roofs
SIGN_MIRROR_DIM = 0.5  # a sign in the wet road, at this share of its light
SIGN_MIRROR_SMEAR = (4, 3)  # ... smeared: this many times across, into this many rows
SIGN_MIRROR_LONG = 2.0  # ... and drawn out down the road to this many times its height
CAR_LIGHT = (0.9, 0.6)  # how strongly the signs light a car in each lane (far, near)
CAR_LIGHT_REACH = 0.05  # how far along the lane a sign's light reaches, of the width
WASH, REACH = 0.55, 2.6  # a sign's light on the wall round it: strength, reach (letter heights)
Looks = tuple[tuple[Levels | None, ...], tuple[Look, ...], tuple[bool, ...]]  # the signs',
#                                                     the counters', the upper rooms' lights


class Fronts:
    """The block, its signs and the wet road, kept still: a sign that flickers is painted again
    where it and its reflection are."""

    @staticmethod
    def made_as(params: Mapping[str, Any]) -> type:
        """Its cars with it (all), the block alone (fronts), or the cars alone (cars)."""
        return {"all": Block, "fronts": Fronts, "cars": Cars}[params["part"]]

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the fronts, each sign, the mirror, each sign's reflection."""
        yield from self._fronts(params, setup)

    def _fronts(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        self.params = params
        width, height = setup.size
        self.plan: Plan = layout(setup.rng("block"))
        picture = pygame.Surface(setup.size, pygame.SRCALPHA)
        yield
        self.counters: list[CounterWindow]
        self.counters, self.rooms = yield from fronts_painting(picture, self.plan, setup.seed)
        self.signs: list[Neon] = []
        for n, sign in enumerate(self.plan.signs):
            neon: Neon = object.__new__(Neon)
            yield from neon.pieces(_neon_keys(sign), replace(
                setup, seed=stable_seed(setup.seed, "sign", n)))
            self.signs.append(neon)
        self._pylons(picture)
        self.wet = bool(params["wet"])
        kerb = round(KERB * height)
        if self.wet:
            mirror = yield from mirroring(picture, setup.seed)
            yield
            picture.blit(mirror, (0, kerb), special_flags=pygame.BLEND_RGB_ADD)
            yield
        self.reflections: list[tuple[list[pygame.Surface], pygame.Rect] | None] = []
        for neon, sign in zip(self.signs, self.plan.signs, strict=True):
            self.reflections.append(_reflection(neon, setup.size) if self.wet and sign.lit
                                    else None)
            yield
        self.reach = [_reach(neon) for neon in self.signs]
        self.sky_rows = round(SKY_ROWS * height)
        self.upper = picture.subsurface((0, 0, width, self.sky_rows)).copy()
        self.lower = pygame.Surface((width, height - self.sky_rows))
        self.lower.blit(picture, (0, 0), (0, self.sky_rows, width, height - self.sky_rows))
        yield

    def _pylons(self, picture: pygame.Surface) -> None:
        """A vertical sign standing over a roof stands on a fin rising from it."""
        width, height = picture.get_size()
        for neon, sign in zip(self.signs, self.plan.signs, strict=True):
            if not sign.stacked or neon.mount is None:
                continue
            board = pygame.Rect(neon.mount[1], neon.mount[0].get_size())
            front = next(f for f in self.plan.fronts if f.left <= sign.x < f.right)
            roof = round(front.roof * height)
            if board.bottom < roof:
                fin = pygame.Rect(0, board.top, board.width * 3 // 4, roof - board.top + 8)
                fin.centerx = board.centerx
                picture.fill((*mix(front.wall, CAP, 0.25), 255), fin)

    def look(self, frame: Frame) -> Looks:
        """Each lit sign's tubes now (see Neon.look), the people at each counter, and which
        upper rooms are lit: all that changes the still picture."""
        return (tuple(neon.look(frame) if sign.lit else None
                      for neon, sign in zip(self.signs, self.plan.signs, strict=True)),
                tuple(window.look(frame.seconds) for window in self.counters),
                self.rooms.look(frame.hour))

    def changed(self, old: Looks, new: Looks) -> list[pygame.Rect]:
        """Where the signs that changed glow, and where the wet road mirrors them; the
        counter windows whose people moved, the rooms whose light went on or off."""
        areas = [window.rect for window, was, now in zip(self.counters, old[1], new[1],
                                                          strict=True) if was != now]
        areas += self.rooms.changed(old[2], new[2])
        for neon, mirror, was, now in zip(self.signs, self.reflections, old[0], new[0],
                                          strict=True):
            if was is None or now is None or was == now:
                continue
            areas.extend(neon.changed(was, now))
            if mirror is not None and neon.wash_of(was) != neon.wash_of(now):
                areas.append(mirror[1])
        return areas

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The kept block, its counters' people as they are now, each sign as its tubes are
        lit now, each one's reflection."""
        surface.blit(self.upper, (0, 0))
        surface.blit(self.lower, (0, self.sky_rows))
        clip = surface.get_clip()  # (painted again where a sign changed: the others left out)
        signs, counters, rooms = self.look(frame)
        self.rooms.draw(surface, rooms)
        for window, people in zip(self.counters, counters, strict=True):
            if clip.colliderect(window.rect):
                window.draw(surface, people)
        glows = []
        for neon, reach, mirror, levels in zip(self.signs, self.reach, self.reflections,
                                               signs, strict=True):
            if levels is None:
                neon.draw_unlit(surface)
                continue
            if clip.colliderect(reach):
                neon.draw(surface, frame)
            wash = neon.wash_of(levels)
            if mirror is not None and wash is not None and clip.colliderect(mirror[1]):
                glows.append((mirror[0][wash], mirror[1].topleft))
        surface.fblits(glows, pygame.BLEND_RGB_ADD)


class Passing:
    """The cars of a block's lanes: their pictures, and the signs' light laid along each lane."""

    def making(self, params: Mapping[str, Any], setup: Setup, plan: Plan) -> Pieces:
        """Each car's pictures a piece, then each lane's light."""
        width = setup.size[0]
        self.width, self.wet = width, bool(params["wet"])
        self.cars = []
        for car in traffic(setup.rng("cars"), params["cars"]):
            self.cars.append((car, Sprites(car, setup.size)))
            yield
        self.cars.sort(key=lambda pair: pair[0].lane)  # the far lane first, the near over it
        self.strips: dict[int, pygame.Surface] = {}
        self.scratch: dict[int, pygame.Surface] = {}  # (as large as the lane's largest car)
        for lane in sorted({car.lane for car, _sprites in self.cars}):
            sizes = [sprites.body.get_size() for car, sprites in self.cars if car.lane == lane]
            size = (max(w for w, _h in sizes), max(h for _w, h in sizes))
            lights = [(sign.x, CAR_LIGHT_REACH + sign.size, scaled(sign.color, CAR_LIGHT[lane]))
                      for sign in plan.signs if sign.lit]
            self.strips[lane] = light_strip(width, size[0], lights, size[1])
            self.scratch[lane] = pygame.Surface(size)
            yield

    def draw(self, surface: pygame.Surface, seconds: float) -> None:
        """Each car in view: its reflection, its body, the signs' light on its sheen, its
        lamps' glow."""
        for car, sprites in self.cars:
            x = where(car, sprites, self.width, seconds)
            length, high = sprites.body.get_size()
            if x >= self.width or x + length <= 0:
                continue
            top = sprites.wheels - high
            if self.wet:
                surface.blit(sprites.reflection, (x, sprites.wheels))
            surface.blit(sprites.body, (x, top))
            lit = self.scratch[car.lane]
            pad = lit.get_width()  # (the lane's light strip reaches this far past each side)
            lit.blit(self.strips[car.lane], (0, 0), (x + pad, 0, length, high))
            lit.blit(sprites.sheen, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
            surface.blit(lit, (x, top), (0, 0, length, high), special_flags=pygame.BLEND_RGB_ADD)
            lamps = sprites.glows + sprites.streaks if self.wet else sprites.glows
            surface.fblits([(glow, (x + dx, top + dy)) for glow, (dx, dy) in lamps],
                           pygame.BLEND_RGB_ADD)


class Block(Fronts, Split):
    """The block kept still, its cars passing over it every frame."""

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        yield from self._fronts(params, setup)
        self.passing = Passing()
        yield from self.passing.making(params, setup, self.plan)

    draw = Split.draw

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        Fronts.draw(self, surface, frame)

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        self.passing.draw(surface, frame.seconds)


class Cars:
    """A block's cars alone, drawn over the people on its sidewalk (its keys its own)."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        self.passing = Passing()
        yield from self.passing.making(params, setup, layout(setup.rng("block")))

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        self.passing.draw(surface, frame.seconds)


def _neon_keys(sign: SignPlan) -> Mapping[str, Any]:
    """The neon layer's keys for a sign mounted on the block's walls."""
    return {**defaults("neon", text=sign.text, color=sign.color, x=sign.x, y=sign.y,
                       size=sign.size, font=sign.font, pattern=sign.pattern,
                       failing=sign.failing, flicker=sign.flicker, shape=sign.shape,
                       mount="wall", turn=sign.turn),
            "stacked": sign.stacked, "wash": WASH, "reach": REACH}


def _reach(neon: Neon) -> pygame.Rect:
    """Every pixel a sign can paint: its board, the light on its wall, its tubes' glow."""
    areas = [tube.area for tube in neon.tubes]
    if neon.mount is not None:
        areas.append(pygame.Rect(neon.mount[1], neon.mount[0].get_size()))
    if neon.washes:
        areas.append(pygame.Rect(neon.wash_at, neon.washes[0].get_size()))
    return areas[0].unionall(areas[1:])


def _reflection(neon: Neon, size: tuple[int, int]) -> tuple[list[pygame.Surface], pygame.Rect]:
    """A sign lit whole, as the wet road under the kerb shows it: upside down about the
    walls' foot, smeared down into soft streaks; at each brightness, and where it goes."""
    width, height = size
    area = pygame.Rect(neon.wash_at, neon.washes[0].get_size()) if neon.washes else \
        neon.extent()
    for tube in neon.tubes:
        area.union_ip(tube.area)
    lit = pygame.Surface(area.size)
    lit.fill((0, 0, 0))
    if neon.washes:
        lit.blit(neon.washes[0], (neon.wash_at[0] - area.left, neon.wash_at[1] - area.top),
                 special_flags=pygame.BLEND_RGB_ADD)
    lit.fblits([(tube.levels[0], (tube.glow_position[0] - area.left,
                                  tube.glow_position[1] - area.top)) for tube in neon.tubes],
               pygame.BLEND_RGB_ADD)
    flipped = pygame.transform.flip(lit, False, True)
    across, down = SIGN_MIRROR_SMEAR
    small = pygame.transform.smoothscale(flipped, (max(1, area.width // across), down))
    smeared = pygame.transform.smoothscale(small, (area.width, round(area.height
                                                                     * SIGN_MIRROR_LONG)))
    foot, kerb = round(FOOT * height), round(KERB * height)
    top = 2 * foot - area.bottom
    place = pygame.Rect(area.left, top, area.width, smeared.get_height())
    shown = place.clip(pygame.Rect(0, kerb, width, height - kerb))
    cut = smeared.subsurface(shown.move(-place.left, -place.top)).copy()
    return [dimmed(cut, SIGN_MIRROR_DIM * level) for level in LEVELS], shown
