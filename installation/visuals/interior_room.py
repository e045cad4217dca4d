"""Johnnie's room seen from inside, painted once: ceiling, glass front, wall clock, floor, lamps."""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import pairwise
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, Setup, chunks, clear_surface, mix, scaled
from installation.visuals.counter import CHROME
from installation.visuals.diner_booths import HORIZON, KNEE_WALL, WALL_FOOT, Booths
from installation.visuals.diner_door import Leaf
from installation.visuals.diner_street import paint_street
from installation.visuals.glow import radial
from installation.visuals.shares import shades, vertical
from installation.visuals.smoothed import added, blurred, soft_glow

GLASS_TOP = (0.17, 0.06)  # the glass front's top at the left and right edges: the roof sweeps up
GLASS_LEFT, GLASS_RIGHT = 0.0, 0.9  # the glass runs on out of the picture; a wall to the right
SILL = 0.625  # the glass stands on a low wall (meeting the floor at WALL_FOOT) from here
TRANSOM = 0.075  # the rail under the upper panes, below the glass top
MULLIONS = 6  # panes across the glass front
DOOR: tuple[float, float] = (0.765, 0.865)  # the glass door, down to the floor
KICK_PLATE, PUSH_BAR = 0.03, 0.555  # the door's kick plate (its height) and push bar (where)
PENDANTS = (0.12, 0.27, 0.42, 0.57, 0.72, 0.87)
PENDANT_DROP, SHADE_TALL = 0.19, 0.05  # where the shades hang, how tall, of the picture
SHADES: tuple[Color, ...] = ((58, 168, 158), (232, 118, 48))  # turquoise and orange, in turn
CEILING_NEAR, CEILING_FAR = (52, 40, 34), (120, 94, 70)
WALL = (118, 92, 66)
TILE_LIGHT, TILE_DARK = (226, 212, 186), (40, 26, 26)
TILE_WIDTH, TILE_DEPTH = 0.055, 0.085  # at the glass front; depth in steps of its distance
MULLION = (34, 34, 40)
SHEEN = 26  # how much of the room the glass mirrors (alpha), more towards the sill
SHEEN_SILL = 70
LOT_LIGHT = 0.55  # the light from the glass on the lot just outside, of the room's light
LOT_REACH = 0.06  # how far up the glass it shows, of the picture
PAINT = (150, 40, 30)  # the name painted on the glass, seen from behind
NAME_SIZE = 0.075
CLOCK: tuple[float, float] = (0.95, 0.3)
CLOCK_RADIUS, CLOCK_RAYS = 0.04, 12
COVE = 0.012  # the fluorescent strip along the top of the glass, its height
FAILING_TUBE = (0.55, 0.7)  # the stretch of the strip that stutters, across the picture
TUBE_OUT = (120, 110, 100)  # what is left of the strip's light while it is out (of 255)
TUBE_SOFT = 4  # the dimming's edge softened over this many pixels
ROWS_PER_PIECE = 90  # rows of the ceiling's shading, or of the glass's sheen, in one piece
COLUMNS_PER_PIECE = 480  # columns of the glass cleared in one piece


def glass_top(x: float) -> float:
    """The top of the glass front above x (shares): it rises to the right."""
    return GLASS_TOP[0] + (GLASS_TOP[1] - GLASS_TOP[0]) * x

class Room:
    """The room's picture (`room`) and what the coffee shop's other parts are placed by: the
    glass front's panes and frame, the clock on the wall, the stretch of strip that fails."""

    params: Mapping[str, Any]
    size: tuple[int, int]
    light: Color
    outside: pygame.Surface | None  # the night and the street, while building (or None)
    room: pygame.Surface
    bar: int  # the frame's width, in pixels
    panes: list[pygame.Rect]
    clock: tuple[tuple[int, int], int]  # the wall clock's centre and radius
    tube_area: pygame.Rect
    tube_lit: pygame.Surface
    tube_dark: pygame.Surface

    def paint(self, setup: Setup) -> Pieces:
        """Paint `room` a piece at a time (and `outside`, the night through the glass, where
        the layer keeps it)."""
        width, height = self.size
        image = yield from clear_surface(self.size)
        yield from self._ceiling(image)
        yield from self._front(image, setup)
        Booths(self.size, self.light).draw(image)
        yield
        self._floor(image)
        yield
        yield from self._lamps(image)
        self.room = image

    def _ceiling(self, image: pygame.Surface) -> Pieces:
        """Warm plaster over everything, lit from below (a band of rows a piece), its beams
        running to the glass."""
        width, height = self.size
        colors = shades(height, CEILING_NEAR, mix(CEILING_FAR, self.light, 0.2)).tolist()
        for rows in chunks(height, ROWS_PER_PIECE):
            for y in range(rows.start, rows.stop):
                image.fill(colors[y], (0, y, width, 1))
            yield
        vanish = (width / 2, HORIZON * height)  # (its beams in the first piece of the glass)
        for n in range(-8, 9):
            x = 0.5 + n * 0.07
            start = (x * width, glass_top(x) * height)
            reach = start[1] / max(1.0, vanish[1] - start[1])
            end = (start[0] + (start[0] - vanish[0]) * reach, 0)
            pygame.draw.line(image, (*scaled(CEILING_NEAR, 0.8), 255), start, end,
                             max(1, width // 480))

    def _front(self, image: pygame.Surface, setup: Setup) -> Pieces:
        """The glass front: clear panes (a faint mirror of the room on them, the lot outside
        lit by it), mullions, the door, the name painted backwards; the wall beside it."""
        width, height = self.size
        left, right = round(GLASS_LEFT * width), round(GLASS_RIGHT * width)
        foot = round(WALL_FOOT * height)
        for columns in chunks(right, COLUMNS_PER_PIECE, left):
            for x in range(columns.start, columns.stop):
                top = round(glass_top(x / width) * height)
                image.fill((0, 0, 0, 0), (x, top, 1, foot - top))
            yield
        yield from self._sheen(image, left, right)
        # (The street part's runs on behind the wall: when it sways apart from the room, no
        # gap opens at the glass's end.)
        paint_street(image, self.light, left, width if self.params["part"] == "street" else right)
        yield
        # The night through the glass, as it is before the room in front is drawn (what a
        # broken pane's cracks, or people outside, may be seen behind; the street part's
        # street; the wall part's, cleared of the street as the room is).
        kept = (self.params["broken"] is not None
                or self.params["part"] in ("glass", "street", "wall"))
        self.outside = image.copy() if kept else None
        yield
        sill = round(SILL * height)
        door = (round(DOOR[0] * width), round(DOOR[1] * width))
        image.fill((*KNEE_WALL, 255), (left, sill, door[0] - left, foot - sill))
        image.fill((*KNEE_WALL, 255), (door[1], sill, right - door[1], foot - sill))
        bar = self.bar = max(2, width // 300)
        step = (door[0] - left) / MULLIONS
        uprights = [round(left + n * step) for n in range(MULLIONS)] + [door[0], door[1], right]
        # The glass between two uprights (each 2 bars wide on its x, the door's stile 4), down
        # to the chrome on the sill (`_glass` cuts a crack to what of it shows the night).
        self.panes = [pygame.Rect(a + bar, 0, b - a - (3 if b == door[0] else 2) * bar,
                                  sill - bar) for a, b in pairwise(uprights[:MULLIONS + 1])]
        for upright in uprights:
            self._mullion(image, upright, bar)
        for x in range(left, right, max(1, bar)):  # the transom under the upper panes
            image.fill((*MULLION, 255), (x, self._transom(x), bar, bar))
        image.fill((*CHROME, 255), (left, sill - bar, right - left, bar))
        self._door(image, door, bar)
        self._name(image, setup)
        yield
        self._wall(image, right)

    def _sheen(self, image: pygame.Surface, left: int, right: int) -> Pieces:
        """The room mirrored faintly in the glass, stronger low down; the lot lit outside (a
        band of rows a piece)."""
        width, height = self.size
        foot = round(WALL_FOOT * height)
        top = round(min(GLASS_TOP) * height)
        rows = foot - top
        level = np.linspace(0.0, 1.0, rows) ** 2
        alpha = SHEEN + (SHEEN_SILL - SHEEN) * level
        lot = np.clip(1 - (SILL - np.linspace(top, foot, rows) / height) / LOT_REACH, 0, 1) ** 2
        color = np.array(self.light, float)[None, :] * (0.35 + 0.4 * lot[:, None] * LOT_LIGHT)
        alpha = np.maximum(alpha, 140 * lot * LOT_LIGHT)
        for band in chunks(rows, ROWS_PER_PIECE):
            film = pygame.Surface((1, band.stop - band.start), pygame.SRCALPHA)
            for y in range(band.start, band.stop):
                film.set_at((0, y - band.start), (*[round(c) for c in color[y]], round(alpha[y])))
            area = pygame.Rect(left, top + band.start, right - left, film.get_height())
            film = pygame.transform.scale(film, area.size)
            clear = pygame.Surface(area.size, pygame.SRCALPHA)
            clear.blit(image, (0, 0), area)
            mask = pygame.mask.from_surface(clear, 1)  # only where the glass is (not the ceiling)
            mask.invert()
            glass = mask.to_surface(setcolor=(255, 255, 255, 255), unsetcolor=(0, 0, 0, 0))
            film.blit(glass, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
            image.blit(film, area, special_flags=pygame.BLEND_RGBA_MAX)
            yield

    def _mullion(self, image: pygame.Surface, x: int, bar: int) -> None:
        """One upright of the frame, its inner face catching the room's light."""
        width, height = self.size
        top = round(glass_top(x / width) * height)
        foot = round(WALL_FOOT * height)
        image.fill((*MULLION, 255), (x - bar, top, 2 * bar, foot - top))
        image.fill((*scaled(self.light, 0.55), 255), (x - bar, top, max(1, bar // 2), foot - top))

    def _door(self, image: pygame.Surface, door: tuple[int, int], bar: int) -> None:
        """The glass door: broad aluminium stiles, a push bar across, a kick plate (its leaf
        left out when the room is `emptied`: see `leaf`)."""
        height = self.size[1]
        top = round(glass_top(DOOR[1]) * height)
        foot = round(WALL_FOOT * height)
        kick = round(KICK_PLATE * height)
        for x in door:
            image.fill((*MULLION, 255), (x - 2 * bar, top, 4 * bar, foot - top))
            image.fill((*scaled(self.light, 0.6), 255), (x - 2 * bar, top, bar, foot - top))
        if self.params["emptied"] is not None:  # its leaf is drawn apart, to swing
            return
        image.fill((*scaled(CHROME, 0.75), 255), (door[0], foot - kick, door[1] - door[0], kick))
        image.fill((*CHROME, 255), (door[0], foot - kick, door[1] - door[0], max(1, bar // 2)))
        push = round(PUSH_BAR * height)
        image.fill((*CHROME, 255), (door[0] + 2 * bar, push, door[1] - door[0] - 4 * bar, bar))

    def _name(self, image: pygame.Surface, setup: Setup) -> None:
        """The coffee shop's name painted on the glass, read backwards from inside."""
        width, height = self.size
        font = setup.font("sign", max(6, round(NAME_SIZE * height)))
        words = pygame.transform.flip(font.render(self.params["name"], True, PAINT), True, False)
        words.set_alpha(210)
        x = round(0.38 * width) - words.get_width() // 2
        y = round((glass_top(0.38) + TRANSOM + 0.03) * height)
        image.blit(words, (x, y))

    def _wall(self, image: pygame.Surface, right: int) -> None:
        """The wall right of the glass, warm wood, and a starburst clock on it."""
        width, height = self.size
        foot = round(WALL_FOOT * height)
        top = round(GLASS_TOP[1] * height)
        image.blit(vertical(pygame.Rect(0, 0, width - right, foot - top), scaled(WALL, 0.8),
                            scaled(WALL, 0.55)), (right, top))
        for x in range(right, width, max(4, width // 90)):  # the boards
            image.fill((*scaled(WALL, 0.45), 255), (x, top, max(1, width // 960), foot - top))
        centre = (round(CLOCK[0] * width), round(CLOCK[1] * height))
        radius = round(CLOCK_RADIUS * height)
        for n in range(CLOCK_RAYS):  # brass rays round the face
            angle = 2 * math.pi * n / CLOCK_RAYS
            reach = radius * (1.9 if n % 2 else 1.5)
            tip = (centre[0] + math.cos(angle) * reach, centre[1] + math.sin(angle) * reach)
            pygame.draw.line(image, (210, 164, 72, 255), centre, tip, max(1, width // 640))
            pygame.draw.circle(image, (236, 190, 90, 255), tip, max(1, width // 640))
        pygame.draw.circle(image, (226, 218, 196, 255), centre, radius)
        pygame.draw.circle(image, (160, 120, 60, 255), centre, radius, max(1, width // 960))
        self.clock = (centre, radius)

    def _floor(self, image: pygame.Surface) -> None:
        """Black and cream tiles running to the glass, lit warm in the middle of the room."""
        width, height = self.size
        wall = WALL_FOOT - HORIZON
        rows: list[float] = []
        depth = 1.0
        while HORIZON + wall * (rows[-1] if rows else 1.0) < 1.02:
            rows.append(1 / depth)
            depth -= TILE_DEPTH
            if depth <= 0.05:
                break
        for k, (near, far) in enumerate(zip(rows[1:], rows, strict=False)):
            y0, y1 = (HORIZON + wall * far) * height, (HORIZON + wall * near) * height
            light = 0.55 + 0.45 * k / max(1, len(rows))
            for j in range(-40, 40):
                x0, x1 = j * TILE_WIDTH, (j + 1) * TILE_WIDTH
                middle = 0.5 * width
                quad = [(middle + x0 * far * width, y0), (middle + x1 * far * width, y0),
                        (middle + x1 * near * width, y1), (middle + x0 * near * width, y1)]
                if max(q[0] for q in quad) < 0 or min(q[0] for q in quad) > width:
                    continue
                tile = TILE_LIGHT if (j + k) % 2 else TILE_DARK
                pygame.draw.polygon(image, (*scaled(mix(tile, self.light, 0.15), light), 255),
                                    quad)

    def _lamps(self, image: pygame.Surface) -> Pieces:
        """Cone shades hanging on rods, the fluorescent strip along the glass, and the warm
        light they throw on the ceiling, the floor and the booths (in pieces: a lamp, a
        strip of the light's columns, a band of the room's rows)."""
        width, height = self.size
        glow = pygame.Surface(self.size)
        glow.fill((0, 0, 0))
        yield
        drop, tall = round(PENDANT_DROP * height), round(SHADE_TALL * height)
        spot = radial(round(0.16 * width), scaled(self.light, 0.28), 1.8)  # each lamp's
        for n, x in enumerate(PENDANTS):
            self._lamp(image, n, round(x * width), drop, tall)
            glow.blit(spot, (round(x * width) - spot.get_width() // 2,
                             drop - spot.get_height() // 2), special_flags=pygame.BLEND_RGB_ADD)
            yield
        reach = round(0.5 * width)
        yield from soft_glow(reach, scaled(self.light, 0.22), 1.4,
                             added(glow, (width // 2 - reach, round(0.8 * height) - reach)))
        self._cove(image, (255, 246, 226, 255))
        soft = pygame.Surface(self.size)
        soft.fill((0, 0, 0))
        yield
        self._cove(soft, scaled(self.light, 0.8), thick=3)
        yield from blurred(soft, max(2, width // 60), added(glow, (0, 0)))
        # The light falls on the room only: where it is clear (the glass) it adds to nothing
        # that shows, so it is added everywhere in one pass.
        for rows in chunks(height, ROWS_PER_PIECE):
            band = pygame.Rect(0, rows.start, width, rows.stop - rows.start)
            image.blit(glow, band, band, special_flags=pygame.BLEND_RGB_ADD)
            if self.outside is not None:  # as lit, to tell the street from what stands before
                self.outside.blit(glow, band, band, special_flags=pygame.BLEND_RGB_ADD)
            yield

    def _lamp(self, image: pygame.Surface, n: int, cx: int, drop: int, tall: int) -> None:
        """Pendant n: its rod, its cone shade lit on one side, the bulb's glare under it."""
        width = self.size[0]
        pygame.draw.line(image, (*MULLION, 255), (cx, 0), (cx, drop - tall), max(1, width // 800))
        shade = SHADES[n % len(SHADES)]
        half = tall * 0.9
        cone = [(cx - half * 0.25, drop - tall), (cx + half * 0.25, drop - tall),
                (cx + half, drop), (cx - half, drop)]
        pygame.draw.polygon(image, (*scaled(shade, 0.75), 255), cone)
        pygame.draw.polygon(image, (*mix(shade, (255, 255, 255), 0.25), 255),
                            [cone[0], (cx, drop - tall), (cx - half * 0.3, drop), cone[3]])
        pygame.draw.ellipse(image, (255, 240, 210, 255),
                            (cx - half, drop - tall // 6, 2 * half, tall // 3))

    def _cove(self, surface: pygame.Surface, color: Color | tuple[int, int, int, int],
              thick: float = 1.0, at: tuple[int, int] = (0, 0)) -> None:
        """The fluorescent strip along the top of the glass (on a surface whose top left is
        `at` in the picture)."""
        width, height = self.size
        tall = max(2, round(COVE * height * thick))
        a = (GLASS_LEFT * width - at[0], glass_top(GLASS_LEFT) * height - tall - at[1])
        b = (GLASS_RIGHT * width - at[0], glass_top(GLASS_RIGHT) * height - tall - at[1])
        pygame.draw.polygon(surface, color, [a, b, (b[0], b[1] + tall), (a[0], a[1] + tall)])

    def _moving_parts(self) -> None:
        """The stretch of strip that stutters (lit and dark), made once."""
        width, height = self.size
        x0, x1 = (round(x * width) for x in FAILING_TUBE)
        tall = max(2, round(COVE * height))
        top = round(glass_top(x1 / width) * height) - tall
        self.tube_area = pygame.Rect(x0, top, x1 - x0,
                                     round(glass_top(x0 / width) * height) - top + 1)
        self.tube_lit = self.room.subsurface(self.tube_area).copy()
        self.tube_dark = self.tube_lit.copy()
        self.tube_dark.blit(self._tube_out(), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)

    def _tube_out(self) -> pygame.Surface:
        """What the stretch's light going out leaves of the picture, to multiply it by: the
        strip dimmed, its edges soft, the rest of its box as it was (the whole box dimmed read
        as a dark slab over the glass and the ceiling, not as a light going out)."""
        area = self.tube_area
        out = pygame.Surface(area.size, pygame.SRCALPHA)
        out.fill((255, 255, 255, 255))
        self._cove(out, (*TUBE_OUT, 255), at=area.topleft)
        small = (max(1, area.width // TUBE_SOFT), max(1, area.height // TUBE_SOFT))
        return pygame.transform.smoothscale(pygame.transform.smoothscale(out, small), area.size)
    def leaf(self) -> Leaf:
        """The door's leaf, to draw apart from the room (where `_door` draws it shut)."""
        width, height = self.size
        door = (round(DOOR[0] * width), round(DOOR[1] * width))
        rows = (self._transom(door[1]) + self.bar, round(PUSH_BAR * height),
                round(WALL_FOOT * height))  # (under the transom: the panes over it stay)
        return Leaf(self.size, door, rows, round(KICK_PLATE * height), self.bar, self.light)

    def _transom(self, x: int) -> int:
        """The top of the rail under the upper panes, above column x (it rises to the right)."""
        width, height = self.size
        return round((glass_top(x / width) + TRANSOM) * height)

