"""Inside Johnnie's at 4 a.m., looking out through the big glass front: pendant lamps under a
ceiling that sweeps up to the glass, booths along it, a checkered floor, the night outside; and,
as parts of their own drawn over people, the glass front again (its frame and the broken pane,
over the people outside) and the near counter with its pie case and coffee urn.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from itertools import pairwise, product
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    chunks,
    hash01,
    mix,
    scaled,
    stable_seed,
    touched,
)
from installation.visuals.counter import CHROME, counter
from installation.visuals.diner_booths import HORIZON, KNEE_WALL, WALL_FOOT, Booths
from installation.visuals.diner_glass import cracked, smashed_by, strewn
from installation.visuals.diner_street import (
    clear_street,
    paint_street,
    street_alone,
    street_apart,
)
from installation.visuals.glow import radial
from installation.visuals.shares import shades, vertical
from installation.visuals.smoothed import added, blurred, soft_glow

Box = tuple[float, float, float, float]  # left, top, right, bottom, as shares of the picture

GLASS_TOP = (0.17, 0.06)  # the glass front's top at the left and right edges: the roof sweeps up
GLASS_LEFT, GLASS_RIGHT = 0.0, 0.9  # the glass runs on out of the picture; a wall to the right
SILL = 0.625  # the glass stands on a low wall (meeting the floor at WALL_FOOT) from here
TRANSOM = 0.075  # the rail under the upper panes, below the glass top
MULLIONS = 6  # panes across the glass front
DOOR: tuple[float, float] = (0.765, 0.865)  # the glass door, down to the floor
KICK_PLATE, PUSH_BAR = 0.03, 0.555  # the door's kick plate (its height) and push bar (where)
PANE_BROKEN = 2  # which pane goes, from the left
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
SHARDS_REACH = 0.05  # glass thrown over the floor under the broken pane, of the picture
HOLE = (6, 8, 16, 120)  # where the glass has gone: no reflection of the room, the night
OPAQUE = 254  # a pixel of the room above this alpha is no glass (the frame, a lamp, a booth)
ALPHA_BITS = 0xFF  # a pixel's alpha, shifted down to the lowest byte of the pixel
ROWS_PER_PIECE = 90  # rows of the ceiling's shading, or of the glass's sheen, in one piece
COLUMNS_PER_PIECE = 480  # columns of the glass cleared in one piece
OUTSIDE = (0.4, 0.56)  # the rows people outside are seen in, through the glass (their heads
#                        below the first, their feet on the pavement above the second)
STRIP = 32  # the glass part's frame is cut into pieces this many columns wide (an upright, the
#             top of a booth's back, or nothing: a few small blits, not one over the whole width)
TILE = 96  # the broken pane (drawn every frame by the glass part) in pieces this wide and tall


def glass_top(x: float) -> float:
    """The top of the glass front above x (shares): it rises to the right."""
    return GLASS_TOP[0] + (GLASS_TOP[1] - GLASS_TOP[0]) * x


class Still:
    """The coffee shop's still parts, built as the room is: the glass front over the people
    outside, the street seen through it (on a plane of its own) and the near counter over
    the people at it. Still layers (the pane breaks once, at its time): one drawn before
    anything moving is kept in the scene's background."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the counter part at once; the room a piece of it at a time."""
        self.params, self.size = params, setup.size
        self.light: Color = params["light"]
        self.scene_at = setup.scene.at
        self.broken: tuple[pygame.Surface, pygame.Rect, pygame.Surface, pygame.Rect] | None = None
        self.pane_pieces: list[tuple[pygame.Surface, tuple[int, int]]] = []  # it, cut to what shows
        self.pieces_of: list[tuple[pygame.Surface, tuple[int, int]]] = []  # drawn as they are
        self.outside: pygame.Surface | None = None  # the night and the street, while building
        if params["part"] == "counter":
            self.pieces_of = yield from counter(self.size, self.light, setup.rng("counter"))
            return
        width, height = self.size
        # Made over memory touched in pieces: a new surface would clear all of it at once.
        image = pygame.image.frombuffer((yield from touched(width * height * 4)), self.size,
                                        "BGRA")  # as pygame.Surface(size, SRCALPHA) lays it
        yield from self._ceiling(image)
        yield from self._front(image, setup)
        Booths(self.size, self.light).draw(image)
        yield
        self._floor(image)
        yield
        yield from self._lamps(image)
        self.room = image
        yield
        if params["part"] == "glass":  # only what stands before the street, over people outside
            self.pieces_of = self._before_street()
        elif params["part"] == "street":  # only the street, on a plane of its own
            assert self.outside is not None
            self.pieces_of = [street_alone(self.outside)]
        else:
            if street_apart(setup):
                assert self.outside is not None
                clear_street(self.room, self.outside)
            self._moving_parts()
        if params["broken"] is not None:  # the same pane in both parts of a scene
            yield
            self.broken = self._smashed(random.Random(stable_seed(
                setup.timeline.seed, setup.scene.index, "pane", params["broken"])))
            yield
            self.pane_pieces = self._pane_pieces(setup)
        self.outside = None

    # -- the room ---------------------------------------------------------------------------

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
        # street).
        kept = self.params["broken"] is not None or self.params["part"] in ("glass", "street")
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
        """The glass door: broad aluminium stiles, a push bar across, a kick plate."""
        height = self.size[1]
        top = round(glass_top(DOOR[1]) * height)
        foot = round(WALL_FOOT * height)
        kick = round(KICK_PLATE * height)
        for x in door:
            image.fill((*MULLION, 255), (x - 2 * bar, top, 4 * bar, foot - top))
            image.fill((*scaled(self.light, 0.6), 255), (x - 2 * bar, top, bar, foot - top))
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

    def _smashed(self, rng: Any) -> tuple[pygame.Surface, pygame.Rect, pygame.Surface,
                                          pygame.Rect]:
        """The pane that goes: hole and cracks, and glass over the floor under it."""
        height = self.size[1]
        pane = self.panes[min(PANE_BROKEN, len(self.panes) - 1)]
        top = self._transom(pane.right) + self.bar  # below the rail where it rises most
        pane = pygame.Rect(pane.left, top, pane.width, pane.bottom - top)
        crack = cracked(pane.size, HOLE, rng)
        self._glass(crack, pane)
        spread = pygame.Rect(0, 0, pane.width * 2, max(4, round(SHARDS_REACH * height)))
        spread.midtop = (pane.centerx, round(WALL_FOOT * height))
        shards = strewn(spread.size, max(2, pane.width / 30), self.light, rng)
        return crack, pane, shards, spread

    def _pane_pieces(self, setup: Setup) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """What of the broken pane this part draws, cut to tiles: the glass part, its cracks
        in the rows people outside are seen in (over them); the room, the rest and the glass
        on the floor (all of it if the scene has no glass part broken at the same time)."""
        assert self.broken is not None
        crack, pane, shards, spread = self.broken
        top, bottom = (min(max(round(y * self.size[1]) - pane.y, 0), pane.height)
                       for y in OUTSIDE)
        slabs = {"above": (0, top), "band": (top, bottom), "below": (bottom, pane.height)}
        if self.params["part"] == "glass":
            drawn = ["band"]
        elif any(spec.type == "interior" and spec.params["part"] == "glass"
                 and spec.params["broken"] == self.params["broken"]
                 for spec in setup.scene.layers):
            drawn = ["above", "below"]
        else:
            drawn = list(slabs)
        parts = [(crack.subsurface(0, slabs[n][0], pane.width, slabs[n][1] - slabs[n][0]),
                  (pane.x, pane.y + slabs[n][0])) for n in drawn]
        if self.params["part"] == "room":
            parts.append((shards, spread.topleft))
        return [piece for image, at in parts
                for piece in cut(image, pygame.surfarray.array_alpha(image) > 0, at, (TILE, TILE))]

    def _transom(self, x: int) -> int:
        """The top of the rail under the upper panes, above column x (it rises to the right)."""
        width, height = self.size
        return round((glass_top(x / width) + TRANSOM) * height)

    def _glass(self, crack: pygame.Surface, pane: pygame.Rect) -> None:
        """Cut what is drawn for `pane` to its glass: where the night (the street too) shows
        through it, not over the frame round it (the transom falls to the left across the
        pane's top) nor anything of the room in front of it (a lamp, a booth's back)."""
        alpha = pygame.surfarray.pixels_alpha(crack)
        alpha[self._solid(pane)] = 0
        del alpha  # unlocks the surface

    def _solid(self, area: pygame.Rect) -> np.ndarray:
        """Which pixels of `area` (x, y) are the room in front of the night and the street:
        read through views of both pictures' pixels (copies of them took ten times as long)."""
        assert self.outside is not None
        room = pygame.surfarray.pixels2d(self.room.subsurface(area))
        outside = pygame.surfarray.pixels2d(self.outside.subsurface(area))
        alpha = (room >> self.room.get_shifts()[3]) & ALPHA_BITS
        solid: np.ndarray = (alpha > OPAQUE) & (room != outside)
        del room, outside  # both pictures are unlocked
        return solid

    def _before_street(self) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The glass part: what of the room stands before the street in the rows people outside
        are seen in (the uprights, the door, the booths' backs at the sill), along the glass,
        in pieces of a few columns each."""
        width, height = self.size
        top, bottom = (round(y * height) for y in OUTSIDE)
        band = pygame.Rect(0, top, round(GLASS_RIGHT * width), bottom - top)
        return cut(self.room.subsurface(band), self._solid(band), band.topleft,
                   (STRIP, band.height))

    def look(self, frame: Frame) -> bool:
        """All that changes the still part: whether the pane has gone."""
        if self.broken is None:
            return False
        return smashed_by(self.scene_at, self.params["broken"], frame.story_time)

    def changed(self, old: bool, new: bool) -> list[pygame.Rect]:
        """Only the broken pane and the glass on the floor under it change."""
        if self.broken is None or old == new:
            return []
        return [self.broken[1].union(self.broken[3])]

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The room, and the pane broken once its time has come; the glass part (its frame and
        broken pane); the street part; the counter part."""
        surface.blits(self.pieces_of, doreturn=False)
        if self.params["part"] in ("counter", "street"):
            return
        if self.params["part"] == "room":
            surface.blit(self.room, (0, 0))
        if self.broken is not None and self.look(frame):
            surface.blits(self.pane_pieces, doreturn=False)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """A still part is all still."""
        self.draw_still(surface, frame)


class Interior(Still, Split):
    """The room is still (the pane breaks once, at its time); a failing tube stutters and the
    clock's hands move. Its other parts are `Still` layers."""

    @staticmethod
    def made_as(params: Mapping[str, Any]) -> type:
        """The class a layer of these keys is: the room moves (a little), its parts are still."""
        return Interior if params["part"] == "room" else Still

    draw = Split.draw

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """The failing tube stutters; the clock on the wall tells the story's time."""
        if self.params["part"] != "room":
            return
        tick = int(frame.seconds * 8)
        if hash01(7, tick) < 0.12 or (tick // 40) % 3 == 2 and hash01(9, tick) < 0.6:
            surface.blit(self.tube_dark, self.tube_area)
        self._hands(surface, frame)

    def _hands(self, surface: pygame.Surface, frame: Frame) -> None:
        """The hour and minute hands at the story's time."""
        (cx, cy), radius = self.clock
        minutes = frame.story_time / 60
        width = max(1, self.size[0] // 640)
        for turn, reach, thick in ((minutes / 720, 0.55, 2 * width), (minutes / 60, 0.85, width)):
            angle = 2 * math.pi * turn - math.pi / 2
            tip = (cx + math.cos(angle) * radius * reach, cy + math.sin(angle) * radius * reach)
            pygame.draw.line(surface, (30, 26, 24), (cx, cy), tip, thick)


def cut(image: pygame.Surface, shown: np.ndarray, at: tuple[int, int],
        tile: tuple[int, int]) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """The pixels of `image` that `shown` (x, y) marks, in pieces to draw with `at` its place:
    one per tile holding any, cut to them, the rest clear (opaque where all of a piece is), so
    a sparse drawing is a few small blits of the same pixels, not one over all of it."""
    pieces = []
    width, height = image.get_size()
    for x, y in product(range(0, width, tile[0]), range(0, height, tile[1])):
        part = shown[x:x + tile[0], y:y + tile[1]]
        xs, ys = (np.nonzero(part.any(axis=axis))[0] for axis in (1, 0))
        if not xs.size:
            continue
        box = pygame.Rect(x + int(xs[0]), y + int(ys[0]), int(xs[-1] - xs[0]) + 1,
                          int(ys[-1] - ys[0]) + 1)
        piece = image.subsurface(box).copy()
        alpha = pygame.surfarray.pixels_alpha(piece)
        alpha[~shown[box.left:box.right, box.top:box.bottom]] = 0
        whole = bool((alpha == 255).all())
        del alpha  # unlocks the piece
        if whole:  # no alpha to mix: a plain copy is quicker to draw
            opaque = pygame.Surface(box.size)
            opaque.blit(piece, (0, 0))
            piece = opaque
        pieces.append((piece, (at[0] + box.x, at[1] + box.y)))
    return pieces
