"""The boulevard's buildings: their facades laid out once (shops, signs, the streamline corner,
the cinema), then each painted as a box in the light of the moment, its lit windows with it."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from installation.visuals.base import Color, Pieces, hash01, mix, scaled
from installation.visuals.boulevard_plan import (
    CINEMA_AT,
    Z_FAR,
    Block,
    Material,
    corner_of,
    landmark_of,
    theatre_of,
)
from installation.visuals.cinema import cinema
from installation.visuals.deco_crown import crowned
from installation.visuals.shop_signs import Lettering
from installation.visuals.storefronts import (
    CROWN_FAR,
    FAR_DETAIL,
    PIER,
    TOWER,
    UPPER_FAR,
    Piece,
    Point,
    Project,
    Tone,
    Wall,
    bays,
    facade,
    paint,
    shop_light,
)
from installation.visuals.streamline import rounded
from installation.visuals.street_pools import Lighting, Pool, shop_pool

WALK = 1.55  # where the sidewalk ends and the buildings begin
SHOPFRONT = (255, 186, 110)
FACADE_WEIGHT = 80  # walls are laid out until their shapes weigh this much, then a step ends
LETTERED_WEIGHT = 15  # a lettered sign weighs as much as this many plain shapes
FRONT_SHADE = 0.78  # a building's end, facing down the street, against its long wall
FRONT_DEEP = (1.6, 3.4)  # how far buildings reach back from the sidewalk: least, most
FRONT_SALT = 23  # picks a building's depth and the windows on its end
FRONT_FROM = 8.0  # buildings farther than this show their ends (nearer ones read as boxes)
# The far walls' lit office windows, in world units: the first floor's sill, one floor to the
# next, a window's height and width, from one window to the next along, the margin at a wall's
# end, the wall a window leaves above and beside it, and the share of windows lit.
WINDOW_FIRST, WINDOW_STEP, WINDOW_HIGH, WINDOW_ABOVE = 0.55, 0.4, 0.18, 0.07
WINDOW_WIDE, WINDOW_PITCH, WINDOW_MARGIN, WINDOW_BESIDE = 0.3, 0.55, 0.3, 0.1
WINDOW_LIT = 0.18
WALL_LIGHT = (0.12, 0.5)
Painter = Callable[[pygame.Surface, list[Piece], Tone], None]  # a facade's pieces in a light


def night_of(daylight: float) -> float:
    """How much of the night's lighting shows, 0 by day to 1 in the dark."""
    return 1.0 - min(1.0, daylight * 1.6)


class Walls:
    """The buildings along both sides (`blocks`, in `materials`), seen through `project` in a
    picture `frame` columns wide (their shops' names whole in it)."""

    def __init__(self, project: Project, blocks: list[Block], materials: dict[Block, Material],
                 seed: int, frame: int | None = None) -> None:
        self.project, self.blocks, self.materials, self.seed = project, blocks, materials, seed
        self.frame = frame
        self.facades: dict[Block, list[Piece]] = {}
        self.landmark = landmark_of(blocks)

    def laying_out(self, lettering: Lettering) -> Pieces:
        """Every facade laid out (once: the light paints them), a few walls a piece, then the
        streamline corner and the cinema."""
        weight = 0
        for laid in self.blocks:
            wall = Wall(*laid, x=WALK)
            top = crowned(self.project, wall, laid == self.landmark) if (
                laid[3] > TOWER and laid[1] < CROWN_FAR) else []
            self.facades[laid] = top + facade(self.project, wall, self.seed, lettering,
                                              self.frame)
            weight += sum(LETTERED_WEIGHT if p.mask else 1 for p in self.facades[laid])
            if weight >= FACADE_WEIGHT:  # (far walls are laid out all but free)
                weight = 0
                yield
        corner = corner_of(self.blocks)
        if corner is not None:
            self.facades[corner] = self.facades[corner] + rounded(self.project,
                                                                  Wall(*corner, x=WALK))
        yield
        self.theatre = theatre_of(self.blocks)
        self.cinema: list[Piece] = []  # its marquee and blade, on the theatre's facade
        if self.theatre is not None:
            self.cinema = cinema(self.project, Wall(*self.theatre, x=WALK), lettering, CINEMA_AT)
            self.facades[self.theatre] = self.facades[self.theatre] + self.cinema
        yield

    def shop_pools(self) -> list[Pool]:
        """The glow of every lit shop window on the wall round it and the sidewalk."""
        pools = []
        for block in self.blocks:
            wall = Wall(*block, x=WALK)
            if wall.z0 > FAR_DETAIL:
                continue
            for (za, zb), key in bays(wall, self.seed):
                share, light = shop_light(key)
                if share > 0:
                    pools.append(shop_pool(wall.side, (za + PIER, zb - PIER), WALK, light, share))
        return pools

    def painting(self, image: pygame.Surface, block: Block, light: tuple[float, Color, bool],
                 pavement: Color, lamps: tuple[Lighting, float] | None = None,
                 painter: Painter = paint) -> Pieces:
        """One building as a box in `light` (the daylight, the far air's tint, the marquee lit):
        its end towards us, then its long wall along the street and its shop fronts, lit by
        `lamps` (their light map and level) if they are on (a large wall in pieces), and its
        windows (the farthest first, so nearer ones cover them); its facade by `painter`."""
        daylight, far_tint, show = light
        side, z0, z1, up, seed = block
        haze = min(1.0, z0 / Z_FAR) ** 0.8 * (0.35 + 0.4 * daylight)
        albedo, trim, catch = self.materials[block]
        level = (WALL_LIGHT[0] + WALL_LIGHT[1] * daylight) * (0.85 + 0.3 * seed)
        near = mix(scaled(albedo, level), far_tint, catch * daylight)
        wall, end = self.faces(block)
        if end is not None:  # it shows where the building stands taller than those before
            self._face(image, end, mix(scaled(near, FRONT_SHADE), far_tint, haze), far_tint, 1)
            if daylight <= 0.5:
                self._end_windows(image, block, (1 - haze) * (1 - daylight))
        self._face(image, wall, mix(near, far_tint, haze), far_tint, max(1, int(3 / z0)))
        painter(image, self.facades[block], Tone(near, pavement, far_tint, haze, night_of(daylight),
                                               mix(scaled(trim, level), far_tint,
                                                   catch * daylight), show))
        if lamps is not None:
            yield from lamps[0].lighting_wall(image, wall, self.facades[block], lamps[1])
        if daylight < 0.5 and seed < 0.35 and z0 > FAR_DETAIL:
            glow = scaled(SHOPFRONT, (0.12 + 0.5 * seed) * (1 - haze) * (1 - daylight))
            shop = [self.project(side * WALK, z0 + 0.2, 0.0),
                    self.project(side * WALK, z1 - 0.2, 0.0),
                    self.project(side * WALK, z1 - 0.2, 0.35),
                    self.project(side * WALK, z0 + 0.2, 0.35)]
            pygame.draw.polygon(image, (*glow, 255), shop)
        self._windows(image, side, z0, z1, up, seed, daylight, haze)

    def outline(self, block: Block) -> list[tuple[float, float]]:
        """Where a building's roof runs (world x, z): from its end's outer corner, if its end
        shows (see `faces`), along its long wall away from the viewer."""
        side, z0, z1, _up, seed = block
        along = [(side * WALK, z0), (side * WALK, z1)]
        if z0 < FRONT_FROM and block != self.landmark:
            return along
        return [(side * (WALK + self._deep(seed)), z0), *along]

    def faces(self, block: Block) -> tuple[list[Point], list[Point] | None]:
        """Where a building's faces are seen, each from its foot to its roof: its long wall
        along the sidewalk (near end, far end), and, if it is far enough to show it, its end
        towards us (inner corner, outer corner): upright edges, level foot and roof."""
        side, z0, z1, up, seed = block
        wall = [self.project(side * WALK, z0, 0.0), self.project(side * WALK, z1, 0.0),
                self.project(side * WALK, z1, up), self.project(side * WALK, z0, up)]
        if z0 < FRONT_FROM or block == self.landmark:  # (the landmark's is in its facade)
            return wall, None  # nearer walls read as buildings; their ends would hide the
            # towers beyond
        inner, outer = side * WALK, side * (WALK + self._deep(seed))
        return wall, [self.project(inner, z0, 0.0), self.project(outer, z0, 0.0),
                      self.project(outer, z0, up), self.project(inner, z0, up)]

    def _face(self, image: pygame.Surface, quad: list[Point], face: Color, far_tint: Color,
              cornice: int) -> None:
        """A face of a building, with a paler cornice along its roof `cornice` pixels thick."""
        pygame.draw.polygon(image, (*face, 255), quad)
        pygame.draw.line(image, (*mix(face, far_tint, 0.25), 255), quad[3], quad[2], cornice)

    def _end_windows(self, image: pygame.Surface, block: Block, level: float) -> None:
        """A few lit windows in the building's end towards us, dimmed by `level`."""
        side, z0, _z1, up, seed = block

        def at(across: float, high: float) -> Point:
            return self.project(side * (WALK + across), z0, high)

        self._lit(image, at, (0.0, self._deep(seed)), up, (int(seed * 1e6), FRONT_SALT), level)

    def _deep(self, seed: float) -> float:
        """How far a building reaches back from the sidewalk, in world units."""
        low, high = FRONT_DEEP
        return low + (high - low) * hash01(self.seed, int(seed * 1e6), FRONT_SALT)

    def _windows(self, image: pygame.Surface, side: int, z0: float, z1: float, up: float,
                 seed: float, daylight: float, haze: float) -> None:
        if daylight > 0.5 or z0 < UPPER_FAR:
            return  # nearer walls have their office windows drawn with their facades

        def at(along: float, high: float) -> Point:
            return self.project(side * WALK, along, high)

        self._lit(image, at, (z0, z1), up, (int(seed * 1e6),), (1 - haze) * (1 - daylight))

    def _lit(self, image: pygame.Surface, at: Callable[[float, float], Point],
             span: tuple[float, float], up: float, ident: tuple[int, ...], level: float) -> None:
        """A few lit office windows on a wall: `at(along, high)` is where a point of it is
        seen, `span` how far it runs along; `ident` picks which windows, `level` dims them."""
        n = 0
        floor = WINDOW_FIRST
        while floor + WINDOW_HIGH + WINDOW_ABOVE < up:
            along = span[0] + WINDOW_MARGIN
            while along + WINDOW_WIDE + WINDOW_BESIDE < span[1]:
                n += 1
                if hash01(self.seed, *ident, n) < WINDOW_LIT:
                    bright = (0.25 + 0.5 * hash01(self.seed, *ident[1:], n)) * level
                    quad = [at(along, floor), at(along + WINDOW_WIDE, floor),
                            at(along + WINDOW_WIDE, floor + WINDOW_HIGH),
                            at(along, floor + WINDOW_HIGH)]
                    pygame.draw.polygon(image, (*scaled(SHOPFRONT, bright), 255), quad)
                along += WINDOW_PITCH
            floor += WINDOW_STEP
