"""Harry's hotel room at midnight: a bed by a window with the blinds down on the city, a clock
radio on the night table blinking 12:00 after a power cut, its red light on the wall and on
the sleeper; he breathes, the curtains stir, the city's windows go on and off, and now and then
a passing car's lights slide across the blinds and up over the ceiling.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import product
from typing import Any

import numpy as np
import pygame

from installation.visuals import breath, sleeper, sleeper_arm
from installation.visuals.base import (
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    hash01,
    mix,
    s_curve,
    scaled,
)
from installation.visuals.room_ceiling import ceiling, ceiling_light
from installation.visuals.room_lights import (
    BEACON_SECONDS,
    DISPLAY,
    GLASS,
    SWEEP_SECONDS,
    WINDOW,
    Lights,
    lights_for,
    slats,
)
from installation.visuals.room_stir import (
    city_windows,
    curtains,
    hanging,
    in_front,
    window_places,
)
from installation.visuals.room_things import (
    FLOOR_LINE,
    WOOD,
    WOOD_EDGE,
    belongings,
    draw_pillow,
    skirting,
)
from installation.visuals.shares import Box, Point, box, shape, smooth, vertical

WALL_TOP, WALL_FOOT = (7, 8, 16), (20, 21, 34)
WALL_ROWS_PER_PIECE = 256  # rows of the wall's shading painted in one step of the set-up
FLOOR = (9, 8, 12)
FRAME_COLOR = (30, 30, 40)
CITY_TOP, CITY_FOOT = (10, 12, 34), (70, 40, 72)  # the night over Wilshire, orange-lit below
TOWER = (16, 16, 26)
LIT_WINDOW = (150, 112, 60)
SLAT, SLAT_EDGE = (30, 32, 46), (58, 58, 78)
CURTAINS: tuple[Box, Box] = ((0.04, 0.075, GLASS[0], 0.8), (GLASS[2], 0.075, 0.4, 0.8))
CURTAIN = (24, 18, 28)
HEADBOARD: Box = (0.655, 0.55, 0.685, 0.8)  # seen from the side: a thin panel, its top a little
# under his head (taller, its post stood between his head and the clock whose red lights him)
FOOTBOARD: Box = (0.268, 0.6, 0.288, 0.82)  # lower, at the foot: the bed is a man's length
LEG = 0.6  # a leg under either board, of the board's width, down to the floor
RAIL_FOOT = 0.815  # the foot of the bed's side rail under the mattress, of the height
UNDER_BED = (7, 7, 11)  # the shadow under the bed, between its legs
PICTURE: Box = (0.44, 0.2, 0.56, 0.34)  # the hotel's framed seascape above the bed
PICTURE_SKY, PICTURE_SEA, PICTURE_FRAME = (40, 44, 58), (22, 30, 44), (46, 38, 30)
MATTRESS_TOP, MATTRESS_FOOT = 0.66, 0.79
SHEET = (54, 58, 78)
PILLOW: Box = (0.528, 0.527, 0.654, 0.607)  # the pillow his head lies on, plump, ...
PILLOW_UNDER: Box = (0.536, 0.596, 0.651, 0.664)  # ... on a second one, down on the mattress
PILLOW_COLOR = (84, 88, 108)
PILLOW_UNDER_SHADE = 0.8  # the lower pillow, in the upper one's shade, of its colour
BLANKET, BLANKET_EDGE = (44, 50, 78), (78, 84, 112)
# The blanket's top over the sleeper, from his feet to his chin; x and y as shares: one body on
# its back under it (sleeper_body's test), his toes tenting it at the foot, his shins low, his
# knees a little raised, then rising over his hips and belly to his chest, down at his shoulder
# (an old wavy line of lumps rose and fell five times along him).
BLANKET_LINE: tuple[Point, ...] = (
    (0.296, 0.664), (0.3, 0.632), (0.308, 0.61), (0.318, 0.606), (0.33, 0.618),
    (0.35, 0.628), (0.372, 0.624), (0.392, 0.616), (0.412, 0.617), (0.44, 0.602),
    (0.47, 0.588), (0.5, 0.566), (0.528, 0.566), (0.55, 0.572), (0.566, 0.586), (0.578, 0.62),
    (0.582, 0.664))
BREATH = 0.01  # how far his chest rises, of the picture height (see breath for the rest)
CHEST: Box = (0.38, 0.53, 0.58, MATTRESS_TOP + 0.004)  # all of him a breath moves, with room
HEAD_CENTRE, HEAD_LENGTH = (0.59, 0.572), 0.066  # his head, crown to chin, of the height
# The blanket's side hanging over the mattress, from the foot to his shoulder, as shares:
# its hem's points, and where folds of it fall (x) and how long they are (of its drop).
DRAPE_HEM: tuple[Point, ...] = (
    (0.288, 0.712), (0.33, 0.722), (0.37, 0.716), (0.41, 0.728), (0.45, 0.72), (0.49, 0.73),
    (0.53, 0.722), (0.566, 0.73), (0.582, 0.726))
DRAPE_FOLDS: tuple[float, ...] = (0.35, 0.43, 0.51)
FOLD_SHADE, FOLD_LIGHT = (32, 36, 58), (58, 64, 94)  # a fold's shadowed and lit sides
FOLD_LONG = 0.7  # how far up a fold runs from the hem, of the drop
ARM: tuple[Point, ...] = ((0.532, 0.578), (0.494, 0.618), (0.462, 0.622))  # shoulder, elbow, wrist
TURN_FROM, TURN_DEEP = 0.506, 0.019  # the sheet turned down over the blanket's top, from here
# (x, a share) to his chin, this deep (of the height): his arm comes out from under it (a
# sleeve lying on the blanket from mid-chest, its end rounded, read as a metal arm)
TURN_TAPER = 0.2  # it widens from nothing over this share of its length
TURN, TURN_SHADE = (66, 70, 94), (30, 34, 54)  # the sheet's fold, and its shade on the blanket
ARM_THICK = 0.024  # his sleeve's thickness, of the picture height
HAND_LENGTH = 0.036  # of the picture height
TABLE: Box = (0.715, 0.615, 0.895, FLOOR_LINE)
TABLE_TOP = 0.018  # its top's thickness, of the picture height
RADIO: Box = (0.728, 0.52, 0.877, 0.617)
CAR_JITTER = 0.25  # each car comes up to this share of `cars` late in its turn: the gaps
# between cars are `cars` seconds, this share shorter or longer (9: 6.75 to 11.25 s)
CASE, CASE_EDGE, GRILLE = (18, 18, 22), (52, 52, 60), (34, 34, 40)


class Room(Split):
    """The room is still, lit or not by the blinking clock: both pictures are made once, and
    the scene's background takes the other one only where the clock's light falls when it
    blinks. The sleeper's breathing, the beacon in the window and the cars' light on the wall
    move.

    Every light is added (saturating, so in any order): the still part is the room with the
    clock's light added, and each drawing of the breathing chest has the same light added, so
    the frame is the one the room, the chest and all the lights added over them would make.
    """

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the wall and window, the bed, the table and radio, the breaths,
        the lights, then the room and each breath with the clock's light on them and without."""
        self.params, self.size, self.seed = params, setup.size, setup.seed
        width, height = self.size
        base = pygame.Surface(self.size)
        yield
        yield from self._wall(base)
        yield from self._window(base)
        yield
        hanging(base, CURTAINS, CURTAIN)
        self.curtains = yield from curtains(CURTAINS, CURTAIN, self.size)
        yield
        ceiling(base, box(WINDOW, self.size))
        self.ceiling_light = ceiling_light(self.size, box(GLASS, self.size))
        skirting(base)
        hung = base.copy()  # (what is drawn after the curtains stands in front of them)
        yield
        self._picture(base)
        yield
        self._bed(base)
        yield
        self._table(base)
        belongings(base)
        yield
        self.chest = box(CHEST, self.size)
        breaths = []
        for step in range(breath.BREATH_STEPS):
            breaths.append(self._breath(base, step))
            yield
        self._sleeper(base, 0.0, (0, 0))
        yield
        for n, curtain in enumerate(self.curtains):
            self.curtains[n] = in_front(curtain, hung, base)
            yield
        self.lights: Lights = yield from lights_for(self.params, self.size, self._head())
        yield
        copy = pygame.Surface(self.size)  # (a piece of its own: its memory is first touched)
        yield
        copy.blit(base, (0, 0))
        yield
        self.stills: dict[bool, pygame.Surface] = {True: self.lights.added(copy, True)}
        yield
        self.stills[False] = self.lights.added(base, False)  # the room itself: it is not used after
        yield
        self.breaths: dict[bool, list[pygame.Surface]] = {False: [], True: []}
        for lit, chest in product((False, True), breaths):
            self.breaths[lit].append(self.lights.added(chest.copy(), lit, self.chest.topleft))
            yield

    def _wall(self, out: pygame.Surface) -> Pieces:
        """The wall shading down to the floor, a row at a time (a quarter of it a piece)."""
        width, height = self.size
        floor_y = round(FLOOR_LINE * height)
        out.fill(FLOOR, (0, floor_y, width, height - floor_y))
        for row in range(floor_y):
            out.fill(mix(WALL_TOP, WALL_FOOT, row / max(1, floor_y - 1)), (0, row, width, 1))
            if row % WALL_ROWS_PER_PIECE == WALL_ROWS_PER_PIECE - 1:
                yield

    def _window(self, out: pygame.Surface) -> Pieces:
        """The city through the blinds: a night sky lit orange from below, far towers with
        a few lit windows (those that go on and off drawn dark), and the slats across it."""
        rect = box(WINDOW, self.size)
        out.blit(vertical(rect, CITY_TOP, CITY_FOOT), rect.topleft)
        rng = np.random.default_rng(self.seed)
        x, towers = rect.left, []
        while x < rect.right:
            w = int(rect.width * rng.uniform(0.07, 0.16))
            top = rect.top + int(rect.height * rng.uniform(0.35, 0.7))
            tower = pygame.Rect(x, top, w, rect.bottom - top).clip(rect)
            out.fill(TOWER, tower)
            for wy, wx in window_places(tower):
                if rng.random() < 0.22:
                    out.fill(mix(TOWER, LIT_WINDOW, rng.uniform(0.5, 1.0)), (wx, wy, 3, 4))
            towers.append(tower)
            x += w + int(rect.width * rng.uniform(0.0, 0.05))
            yield
        blinds = slats(rect)
        gaps = [pygame.Rect(rect.left, a.bottom, rect.width, b.top - a.bottom)
                for a, b in zip(blinds, [*blinds[1:], pygame.Rect(0, rect.bottom, 0, 0)],
                                strict=True)]
        self.city = city_windows(towers, gaps, TOWER, LIT_WINDOW, self.seed)
        for cell in self.city.cells:
            out.fill(TOWER, cell)
        for slat in blinds:
            out.fill(SLAT, slat)
            out.fill(SLAT_EDGE, (slat.left, slat.bottom - 1, slat.width, 1))
        pygame.draw.rect(out, FRAME_COLOR, rect.inflate(8, 8), 6)

    def _picture(self, out: pygame.Surface) -> None:
        """A hotel seascape in a plain frame: a pale sky over a darker sea."""
        rect = box(PICTURE, self.size)
        horizon = rect.top + round(rect.height * 0.58)
        out.blit(vertical(pygame.Rect(rect.left, rect.top, rect.width, horizon - rect.top),
                          scaled(PICTURE_SKY, 0.7), PICTURE_SKY), rect.topleft)
        out.blit(vertical(pygame.Rect(rect.left, horizon, rect.width, rect.bottom - horizon),
                          PICTURE_SEA, scaled(PICTURE_SEA, 0.6)), (rect.left, horizon))
        pygame.draw.rect(out, PICTURE_FRAME, rect.inflate(12, 12), max(3, rect.width // 30))

    def _bed(self, out: pygame.Surface) -> None:
        """Headboard, mattress, sheet and skirt, pillow and the sleeper's head."""
        width, height = self.size
        head = box(HEADBOARD, self.size)
        out.fill(WOOD, head)
        pygame.draw.rect(out, WOOD_EDGE, head, max(2, width // 400))
        right = round(HEADBOARD[0] * width) + 1
        left = round(FOOTBOARD[2] * width) - 1
        out.fill(SHEET, (left, round(MATTRESS_TOP * height), right - left,
                         round((MATTRESS_FOOT - MATTRESS_TOP) * height)))
        rail = pygame.Rect(left, round(MATTRESS_FOOT * height), right - left,
                           round((RAIL_FOOT - MATTRESS_FOOT) * height))
        out.fill(UNDER_BED, (left, rail.bottom, right - left, round(FLOOR_LINE * height)
                             - rail.bottom))
        out.fill(WOOD, rail)
        out.fill(WOOD_EDGE, (rail.left, rail.top, rail.width, max(2, width // 400)))
        foot = box(FOOTBOARD, self.size)
        out.fill(WOOD, foot)
        pygame.draw.rect(out, WOOD_EDGE, foot, max(2, width // 400))
        for board in (head, foot):  # a leg under each, standing on the floor
            leg = pygame.Rect(0, board.bottom, round(board.width * LEG),
                              round(FLOOR_LINE * height) - board.bottom)
            leg.centerx = board.centerx
            out.fill(WOOD, leg)
            pygame.draw.line(out, WOOD_EDGE, leg.topleft, leg.bottomleft, max(1, width // 800))
        self._drape(out)
        draw_pillow(out, box(PILLOW_UNDER, self.size), scaled(PILLOW_COLOR, PILLOW_UNDER_SHADE))
        draw_pillow(out, box(PILLOW, self.size), PILLOW_COLOR)
        sleeper.draw_head(out, *self._head())  # in profile, face up, on the pillow

    def _drape(self, out: pygame.Surface) -> None:
        """The blanket's side hanging over the mattress to a wavy hem, with a few folds."""
        width, height = self.size
        top = MATTRESS_TOP - 0.002
        hem = smooth(DRAPE_HEM)
        shape(out, BLANKET, [(hem[0][0], top), *hem, (hem[-1][0], top)], self.size)
        pygame.draw.aalines(out, BLANKET_EDGE, False, [(x * width, y * height) for x, y in hem])
        pygame.draw.line(out, FOLD_LIGHT, (hem[0][0] * width, MATTRESS_TOP * height),
                         (hem[-1][0] * width, MATTRESS_TOP * height), max(1, width // 800))
        for x in DRAPE_FOLDS:
            foot = float(np.interp(x, [p[0] for p in hem], [p[1] for p in hem]))
            upper = foot - FOLD_LONG * (foot - MATTRESS_TOP)
            for color, dx in ((FOLD_SHADE, 0.0), (FOLD_LIGHT, 0.003)):
                pygame.draw.aaline(out, color, ((x + dx) * width, upper * height),
                                   ((x + dx - 0.002) * width, foot * height))

    def _head(self) -> tuple[list[tuple[float, float]], float]:
        """His head's outline in pixels, and its length."""
        width, height = self.size
        centre, length = (HEAD_CENTRE[0] * width, HEAD_CENTRE[1] * height), HEAD_LENGTH * height
        return sleeper.head_outline(centre, length), length

    def _sleeper(self, out: pygame.Surface, lift: float, offset: tuple[int, int]) -> None:
        """The blanket over him and his arm on it, the chest raised by `lift` (0..1)."""
        rise = lift * BREATH
        line = smooth([(x, y - rise * breath.rise(x)) for x, y in BLANKET_LINE])
        outline = [*line, (line[-1][0], MATTRESS_TOP + 0.004), (line[0][0], MATTRESS_TOP + 0.004)]
        shape(out, BLANKET, outline, self.size, offset)
        width, height = self.size
        edge = [(x * width - offset[0], y * height - offset[1]) for x, y in line]
        pygame.draw.aalines(out, BLANKET_EDGE, False, edge)
        arm = [(x * width - offset[0], (y - rise * breath.rise(x)) * height - offset[1])
               for x, y in ARM]
        self._arm(out, arm)
        self._turn(out, [p for p in edge if p[0] + offset[0] >= TURN_FROM * width])

    def _turn(self, out: pygame.Surface, top: Sequence[tuple[float, float]]) -> None:
        """The sheet turned down over the blanket's top edge (pixels along it, to his chin),
        a soft band lit along its fold, its shade on the blanket under it."""
        full = TURN_DEEP * self.size[1]
        inner = []
        for n, (x, y) in enumerate(top):
            (ax, ay), (bx, by) = top[max(0, n - 1)], top[min(len(top) - 1, n + 1)]
            norm = math.hypot(bx - ax, by - ay) or 1.0
            deep = full * min(1.0, n / (TURN_TAPER * len(top)))  # it comes out from the fold
            inner.append((x - (by - ay) / norm * deep, y + (bx - ax) / norm * deep))
        deep = full
        shade = [(x + 0.0, y + deep * 0.25) for x, y in inner]
        out.blit(*sleeper.stroke(shade, TURN_SHADE, deep * 0.35))
        out.blit(*sleeper.silhouette([*top, *reversed(inner)], TURN))
        out.blit(*sleeper.stroke(list(top), BLANKET_EDGE, max(1.0, deep * 0.12)))

    def _arm(self, out: pygame.Surface, arm: Sequence[tuple[float, float]]) -> None:
        """His arm in its shirt sleeve along the pixels given (shoulder, elbow, wrist), and
        his hand beyond the wrist (see sleeper_arm)."""
        height = self.size[1]
        sleeper_arm.draw_arm(out, arm, max(3.0, height * ARM_THICK), HAND_LENGTH * height)

    def _breath(self, base: pygame.Surface, step: int) -> pygame.Surface:
        """The sleeper's chest at one step of a breath, with the room behind it."""
        sprite = base.subsurface(self.chest).copy()
        self._sleeper(sprite, breath.lift(step), self.chest.topleft)
        return sprite

    def _table(self, out: pygame.Surface) -> None:
        """The night table and the clock radio on it, its display dark glass."""
        width, height = self.size
        table = box(TABLE, self.size)
        out.fill(WOOD, table)
        top = pygame.Rect(table.left - 6, table.top, table.width + 12, round(TABLE_TOP * height))
        out.fill(WOOD_EDGE, top)
        drawer_y = table.top + round(table.height * 0.3)
        pygame.draw.line(out, WOOD_EDGE, (table.left + 10, drawer_y), (table.right - 10, drawer_y))
        pygame.draw.circle(out, WOOD_EDGE, (table.centerx, table.top + round(table.height * 0.18)),
                           max(2, width // 300))
        radio = box(RADIO, self.size)
        pygame.draw.rect(out, CASE, radio, border_radius=max(2, radio.height // 8))
        pygame.draw.rect(out, CASE_EDGE, radio, 2, border_radius=max(2, radio.height // 8))
        display = box(DISPLAY, self.size)
        for y in range(radio.top + 10, radio.bottom - 8, 5):  # the speaker grille
            pygame.draw.line(out, GRILLE, (radio.left + 10, y), (display.left - 12, y), 2)
        out.fill((6, 3, 3), display)
        pygame.draw.rect(out, CASE_EDGE, display, 1)

    def lit(self, frame: Frame) -> bool:
        """Whether the clock's figures show: on for the first half of each blink."""
        period: float = self.params["blink"]
        return period <= 0 or (frame.seconds % period) < period / 2

    def car(self, frame: Frame) -> tuple[float, float] | None:
        """Where a passing car's light is across the wall (0..1) and how bright, or None: a
        car in each turn of `cars` seconds, at a seeded moment early in it (CAR_JITTER)."""
        every: float = self.params["cars"]
        if every <= 0:
            return None
        turn = int(frame.seconds // every)
        late = min(CAR_JITTER * every, max(0.0, every - SWEEP_SECONDS))
        start = turn * every + hash01(self.seed, turn, 7) * late
        done = (frame.seconds - start) / SWEEP_SECONDS
        if not 0.0 <= done < 1.0:
            return None
        forward = hash01(self.seed, turn, 8) < 0.5
        return (done if forward else 1.0 - done), float(s_curve(math.sin(math.pi * done)))

    def look(self, frame: Frame) -> bool:
        """What decides the still part's pixels: whether the clock is lit."""
        return self.lit(frame)

    def changed(self, old: bool, new: bool) -> list[pygame.Rect]:
        """Where a blink changes the still part: the clock's glow on the room, its red on
        him, its figures."""
        return self.lights.clock_areas(self.size)

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        surface.blit(self.stills[self.lit(frame)], (0, 0))

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        surface.blit(self.breaths[self.lit(frame)][breath.step_at(frame.seconds)],
                     self.chest.topleft)
        self.city.draw(surface, frame.seconds)
        passing = self.car(frame)
        if passing is not None:
            across, level = passing
            area = self.lights.sweep_area
            sprite = self.lights.sweep_at(level)
            x = area.left - sprite.get_width() + round(across * (area.width + sprite.get_width()))
            surface.set_clip(area)
            surface.blit(sprite, (x, area.top), special_flags=pygame.BLEND_RGB_ADD)
            surface.set_clip(None)
            self.ceiling_light.draw(surface, across, level)
        if (frame.seconds % BEACON_SECONDS) < 0.3 * BEACON_SECONDS:
            surface.blit(self.lights.beacon, self.lights.beacon_at,
                         special_flags=pygame.BLEND_RGB_ADD)
        for curtain in self.curtains:
            curtain.draw(surface, frame.seconds)
