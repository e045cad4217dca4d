"""Wilshire Boulevard in perspective: sodium streetlights, wet asphalt and passing cars."""

from __future__ import annotations

import math
from collections.abc import Callable, Generator, Mapping
from typing import Any, NamedTuple, TypeVar

import numpy as np
import pygame

from installation.visuals.ahead import Ahead
from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    chunks,
    finished,
    hash01,
    mix,
    scaled,
)
from installation.visuals.boulevard_plan import (
    CINEMA_AT,
    Z_FAR,
    Block,
    corner_of,
    layout,
    materials,
    theatre_of,
)
from installation.visuals.cars import (
    GLOW_AT,
    HALF_WIDTH,
    HEIGHTS,
    LAMP_MIDDLES,
    LAMP_SHAPED,
    MIDDLE,
    ROAD,
    SHADOW_REACH,
    SHADOW_SIDES,
    Finish,
    LampFaces,
    Seen,
    coning,
    draw_body,
    edges,
    finishes,
    lamp_boxes,
    seen,
    shadow,
)
from installation.visuals.cinema import cinema
from installation.visuals.glow import radial
from installation.visuals.palette import light_at
from installation.visuals.roadmarks import (
    ASPHALT,
    HORIZON_T,
    RoadLight,
    road_painting,
    road_tone,
)
from installation.visuals.shop_signs import LETTER_PIXELS, Lettering
from installation.visuals.skyline import cutting
from installation.visuals.storefronts import FAR_DETAIL, UPPER_FAR, Tone, Wall, facade, paint
from installation.visuals.streamline import rounded
from installation.visuals.street_light import Lookout, StreetKey, key_of
from installation.visuals.wet_streak import Streak

Z_NEAR = 0.6
ROAD_HALF = 1.0  # world units; lanes, kerbs, lamps and buildings are placed in these
WALK = 1.55  # where the sidewalk ends and the buildings begin
LAMP_X = 1.2
LAMP_HEIGHT = 0.9
LAMP_SPACING = 3.0
CAR_SPEED = 4.5  # world units per real second
CONE_LIGHT = 0.3  # how bright a headlight's pool on the road is, against the lamp itself
MAX_CARS = 24
HEADLIGHT = (255, 240, 214)
TAILLIGHT = (255, 34, 26)
WALKWAY = (30, 28, 30)
SHOPFRONT = (255, 186, 110)
GLOW_SIZES = 8
FACADE_WEIGHT = 80  # walls are laid out until their shapes weigh this much, then a step ends
LETTERED_WEIGHT = 15  # a lettered sign weighs as much as this many plain shapes
MIRROR = 0.3  # how much of the sky and skyline the wet road mirrors, at the horizon
MIRROR_DETAIL = (3, 10)  # the mirror is smeared: computed at 1/3 width, 1/10 height
NARROW_MIRROR = 0.5  # an area narrower than this share of the picture enlarges only its columns
NIGHT_LAMPS = 0.05  # the lamps (and the cars' lamps) are lit when the night is deeper than this
SHADOW_STEP = 1.08  # the cars' shadows are made once, each this much wider than the last
SHADOW_SMALLEST = 4  # pixels: the narrowest shadow
SHADOW_FLAT = 0.2  # a shadow's height on the road, of its width
SHADOW_PIXELS = 40_000  # shadows made in one piece when built ahead: about this many pixels
LAMPS_OFF: dict[bool, Color] = {True: (150, 148, 140), False: (80, 18, 16)}  # coming: head
WALLS_PER_PIECE = 2  # walls built in one piece when the street is built ahead
ROAD_ROWS_PER_PIECE = 240  # rows of asphalt shaded in one piece
CUTS_PER_PIECE = 3  # steps of cutting the street at the horizon run in one piece
WARM_PIECES = 3  # pieces of the street's building run as one when its scene is built ahead
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
Point = tuple[int, int]
Depth = TypeVar("Depth", float, np.ndarray)  # a number, or an array of them alike
Made = TypeVar("Made")  # what a set-up done in pieces makes


class Built(NamedTuple):
    """A street built for one light: its picture, cut at the horizon (above, see-through)."""

    scene: pygame.Surface
    keyed: pygame.Surface
    upper: pygame.Surface
    ground: pygame.Surface


def across_at(middle: int, width: int, x: Depth, k: Depth) -> Depth:
    """The street's column of world x at 1/z = k, its vanishing point at column `middle`,
    unrounded (for numbers or arrays alike)."""
    return middle + x * width * 0.5 * k


def down_at(horizon: int, height: int, up: Depth, k: Depth) -> Depth:
    """The street's row of a height `up` at 1/z = k under a horizon at row `horizon`,
    unrounded (for numbers or arrays alike)."""
    ground = height - horizon
    return horizon + ground * k * HORIZON_T - up * ground * k * 0.9


class Street(Split):
    """Road, buildings and lamps cached; cars drawn each frame, with their lamps' light."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the plan, the lamps' light, the cars' light, the surfaces."""
        self.params = params
        width, height = setup.size
        self.size = setup.size
        self.seed = setup.seed
        self.horizon = int(height * params["horizon"])
        self.vx = width // 2
        rng = setup.rng("cars")
        count = round(MAX_CARS * params["traffic"])
        self.cars = [(rng.choice((-0.75, -0.42, 0.42, 0.75)), rng.uniform(0.7, 1.3), rng.random())
                     for _ in range(count)]
        self.blocks = layout(setup.rng("blocks"))
        self.materials = materials(self.blocks, self.seed)
        self._finish: tuple[float, list[Finish]] | None = None  # see `_finishes`
        yield
        self.facades = {}
        lettering = Lettering(setup.font("sign", LETTER_PIXELS))
        weight = 0
        for laid in self.blocks:  # laid out once: the light paints them
            self.facades[laid] = facade(self.project, Wall(*laid, x=WALK), self.seed, lettering)
            weight += sum(LETTERED_WEIGHT if p.mask else 1 for p in self.facades[laid])
            if weight >= FACADE_WEIGHT:  # (far walls are laid out all but free)
                weight = 0
                yield
        corner = corner_of(self.blocks)
        if corner is not None:
            self.facades[corner] = self.facades[corner] + rounded(self.project,
                                                                  Wall(*corner, x=WALK))
        yield
        theatre = theatre_of(self.blocks)
        if theatre is not None:
            self.facades[theatre] = self.facades[theatre] + cinema(
                self.project, Wall(*theatre, x=WALK), lettering, CINEMA_AT)
        yield
        lamps: Color = params["lamps"]
        self.lamp_glows, self.pools = [], []
        for i in range(GLOW_SIZES):
            self.lamp_glows.append(radial(max(3, int(height * 0.06 / (1 + 0.55 * i))), lamps,
                                          2.0, core=0.1))
            self.pools.append(_streak(self.lamp_glows[-1], 0.35, 2.6))
            yield
        self.lamp_blits = self._lamp_blits()
        self.car_glows = {c: [radial(max(2, int(height * 0.022 / (1 + 0.6 * i))), c, 2.0,
                                     core=0.2) for i in range(GLOW_SIZES)]
                          for c in (HEADLIGHT, TAILLIGHT)}
        self.lamp_faces = LampFaces({True: HEADLIGHT, False: TAILLIGHT}, LAMPS_OFF)
        self.car_streaks = {c: [_streak(g, 0.45, 3.0) for g in glows]
                            for c, glows in self.car_glows.items()}
        yield
        self.shadows = yield from self._shadows(width)
        self.cones: dict[bool, list[pygame.Surface]] = {False: [], True: []}
        for toward in (False, True):
            for i in range(GLOW_SIZES):
                self.cones[toward].append((yield from self._cone(i, toward)))
        yield
        self._key: tuple[int, Color] | None = None
        self.scene = pygame.Surface(setup.size, pygame.SRCALPHA)
        yield  # large new surfaces take time to touch: one a step
        self._keyed = pygame.Surface((width, self.horizon))  # its upper part, cut out
        self._upper: pygame.Surface = self.scene
        yield
        self.ground = pygame.Surface((width, height - self.horizon))
        yield
        spare = pygame.Surface(setup.size, pygame.SRCALPHA)
        yield
        self._spare = (spare, pygame.Surface((width, self.horizon)))
        yield
        self._spare_ground = pygame.Surface((width, height - self.horizon))
        self._ahead: Ahead[StreetKey, Built] = Ahead()
        self._lookout = Lookout()  # which light the street takes next
        self._looked: tuple[float, StreetKey, bool] | None = None  # see `look`
        yield
        rows = max(MIRROR_DETAIL[1] * 2, min(self.horizon, height - self.horizon))
        # Enlarged from the smeared rows by exactly MIRROR_DETAIL[1] rows each (the last
        # smeared row ends it): then any run of them enlarges alone to the very pixels of the
        # whole, so a frame makes only the rows of the reflection it shows again.
        self.flipped = pygame.Surface((width, (rows // MIRROR_DETAIL[1] - 1) * MIRROR_DETAIL[1]))
        yield
        self.under = pygame.Surface((width, rows))  # what lies under the street above the road
        yield
        self.mirror_mask = yield from self._road_mask(rows)
        # The mirror shrinks what is under it in whole blocks of pixels, so a change to a few
        # shrinks only their blocks again (the same pixels as shrinking all of it); the few
        # rows left over, farthest above the road, mirror where the road reflects nothing.
        self.shrunk = pygame.Surface(self.mirror_mask.get_size())
        small_w, small_h = self.shrunk.get_size()
        across, block = width // small_w, rows // small_h
        # (columns, first column), (rows, first row) of the blocks
        self.blocks_at = ((across, width - across * small_w), (block, rows - block * small_h))
        self._small: pygame.Surface | None = None  # `shrunk` flipped, streaked, masked
        self._raw = pygame.Surface((small_w, small_h))  # `shrunk` flipped alone, under it
        self.streak = Streak((small_w, small_h))
        self._made = [False] * (small_h - 1)  # the runs of `flipped` made from it

    def _cone(self, index: int, toward_us: bool) -> Generator[None, None, pygame.Surface]:
        """The road lit ahead of a car at the depth of `index` (coming: down; going: up), in
        pieces."""
        z = (index + 0.5) * 2.5
        car = 2 * HALF_WIDTH * self.size[0] * 0.5 / z
        length = car * (1.6 if toward_us else 0.5)
        return (yield from coning(int(car * 2.2), int(length), scaled(HEADLIGHT, CONE_LIGHT),
                                  toward_us))

    def _shadows(self, width: int) -> Generator[None, None, list[pygame.Surface]]:
        """The cars' shadows in every width a car can have here, each a step wider (about
        SHADOW_PIXELS a piece)."""
        widest = 2 * HALF_WIDTH * width * 0.5 / Z_NEAR * SHADOW_REACH
        count = 1 + math.ceil(math.log(widest / SHADOW_SMALLEST, SHADOW_STEP))
        shadows, made = [], 0
        for w in (round(SHADOW_SMALLEST * SHADOW_STEP ** k) for k in range(count)):
            shadows.append(shadow(w, max(2, int(w * SHADOW_FLAT))))
            made += w * w
            if made * SHADOW_FLAT > SHADOW_PIXELS:
                made = 0
                yield
        return shadows

    def _shadow_at(self, lane: float, z: float) -> tuple[pygame.Surface, tuple[int, int]]:
        """A car's shadow and where it goes: on the road under it, centred on where it stands."""
        return self._shadow_of(seen(self.project, lane, z))

    def _shadow_of(self, car: Seen) -> tuple[pygame.Surface, tuple[int, int]]:
        """The shadow of a car seen at `car`, and where it goes (see `_shadow_at`)."""
        x0, x1, ground = car.xs[SHADOW_SIDES], car.xs[SHADOW_SIDES + 1], car.ys[ROAD]
        k = round(math.log(max(SHADOW_SMALLEST, x1 - x0) / SHADOW_SMALLEST, SHADOW_STEP))
        dark = self.shadows[min(len(self.shadows) - 1, k)]
        return dark, ((x0 + x1 - dark.get_width()) // 2, ground - dark.get_height() // 2)

    def project(self, x: float, z: float, up: float = 0.0) -> tuple[int, int]:
        """Screen position of world point (x across, z away, up above the road)."""
        k = 1.0 / z
        return int(self._across(x, k)), int(self._down(up, k))

    def _across(self, x: Depth, k: Depth) -> Depth:
        """The column of world x at 1/z = k, unrounded (for numbers or arrays alike)."""
        return across_at(self.vx, self.size[0], x, k)

    def _down(self, up: Depth, k: Depth) -> Depth:
        """The row of a height `up` at 1/z = k, unrounded (for numbers or arrays alike)."""
        return down_at(self.horizon, self.size[1], up, k)

    def _seen(self, lanes: list[float], depths: list[float]) -> list[Seen]:
        """Where each car is seen, all worked out at once: the same numbers as `seen` with
        `project`, car by car."""
        k = (1.0 / np.array(depths, dtype=np.float64))[:, None]
        xs = self._across(edges(np.array(lanes, dtype=np.float64)), k)
        ys = self._down(np.array(HEIGHTS, dtype=np.float64), k)
        return [Seen(*car) for car in zip(xs.astype(int).tolist(), ys.astype(int).tolist(),
                                          strict=True)]

    def _build(self, daylight: float, far_tint: Color) -> None:
        """The road, the walls and the lamps for this light, now, on the street's picture."""
        at_once(self._building(daylight, far_tint, self.scene))

    def _building(self, daylight: float, far_tint: Color, image: pygame.Surface) -> Pieces:
        """The road, the walls and the lamps for this light on `image`, in pieces of about a
        millisecond (built ahead, each runs in a frame of the show): the asphalt a band of
        rows a piece, its paint, then a few walls a piece."""
        width, height = self.size
        image.fill((0, 0, 0, 0))
        image.fill((*ASPHALT, 255), (0, self.horizon, width, height - self.horizon))
        yield
        for rows in chunks(height, ROAD_ROWS_PER_PIECE, self.horizon):
            for y in range(rows.start, rows.stop, 2):
                t = (y - self.horizon) / max(1, height - self.horizon)
                image.fill((*road_tone(t, daylight, far_tint), 255), (0, y, width, 2))
            yield
        pavement = mix(WALKWAY, far_tint, 0.1 * daylight)
        for side in (-1, 1):
            walk = [self.project(side * ROAD_HALF, Z_NEAR * 0.3), self.project(side * ROAD_HALF,
                                                                               Z_FAR),
                    self.project(side * WALK, Z_FAR), self.project(side * WALK, Z_NEAR * 0.3)]
            pygame.draw.polygon(image, (*pavement, 255), walk)
        yield
        yield from road_painting(image, self.project, RoadLight(
            daylight, far_tint, self.params["lamps"], _night(daylight), pavement), Z_FAR)
        for n, block in enumerate(sorted(self.blocks, key=lambda b: -b[1])):
            self._building_at(image, block, daylight, far_tint, pavement)
            if n % WALLS_PER_PIECE == WALLS_PER_PIECE - 1:
                yield
        pole = (12, 12, 16, 255)
        for side in (-1, 1):
            for z in self._lamp_depths():
                base, head = self.project(side * LAMP_X, z), self.project(side * LAMP_X, z,
                                                                          LAMP_HEIGHT)
                arm = self.project(side * (LAMP_X - 0.3), z, LAMP_HEIGHT)
                thick = max(1, int(5 / z))
                pygame.draw.line(image, pole, base, head, thick)
                pygame.draw.line(image, pole, head, arm, thick)

    def _building_at(self, image: pygame.Surface, block: Block, daylight: float,
                     far_tint: Color, pavement: Color) -> None:
        """One building as a box: its end towards us, then its long wall along the street,
        its shop fronts and its windows (the farthest first, so nearer ones cover them)."""
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
        paint(image, self.facades[block], Tone(near, pavement, far_tint, haze, _night(daylight),
                                               mix(scaled(trim, level), far_tint,
                                                   catch * daylight)))
        if daylight < 0.5 and seed < 0.35 and z0 > FAR_DETAIL:
            glow = scaled(SHOPFRONT, (0.12 + 0.5 * seed) * (1 - haze) * (1 - daylight))
            shop = [self.project(side * WALK, z0 + 0.2), self.project(side * WALK, z1 - 0.2),
                    self.project(side * WALK, z1 - 0.2, 0.35),
                    self.project(side * WALK, z0 + 0.2, 0.35)]
            pygame.draw.polygon(image, (*glow, 255), shop)
        self._windows(image, side, z0, z1, up, seed, daylight, haze)

    def faces(self, block: Block) -> tuple[list[Point], list[Point] | None]:
        """Where a building's faces are seen, each from its foot to its roof: its long wall
        along the sidewalk (near end, far end), and, if it is far enough to show it, its end
        towards us (inner corner, outer corner): upright edges, level foot and roof."""
        side, z0, z1, up, seed = block
        wall = [self.project(side * WALK, z0), self.project(side * WALK, z1),
                self.project(side * WALK, z1, up), self.project(side * WALK, z0, up)]
        if z0 < FRONT_FROM:
            return wall, None  # nearer walls read as buildings; their ends would hide the
            # towers beyond
        inner, outer = side * WALK, side * (WALK + self._deep(seed))
        return wall, [self.project(inner, z0), self.project(outer, z0),
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

    def _lamp_depths(self) -> list[float]:
        depths, z = [], Z_NEAR * 1.4
        while z < Z_FAR * 0.7:
            depths.append(z)
            z += LAMP_SPACING
        return depths

    def look(self, frame: Frame) -> tuple[tuple[int, Color], bool]:
        """Road, towers, reflection and lamps change with the light only; cars move apart.
        (Worked out once for a story time: a frame asks several times.)"""
        if self._looked is None or self._looked[0] != frame.story_time:
            light = light_at(frame.hour)
            lit = self.params["lit"] and _night(light.daylight) > NIGHT_LAMPS
            self._looked = (frame.story_time, key_of(light), lit)
        _moment, key, lamps = self._looked
        if key == self._key:  # (a new key is taken from the spare first, see `_bring`)
            upcoming = self._lookout.upcoming(frame, frame.story_time, key)
            self._ahead.step(frame, upcoming, self._key, self._made_ahead)
        return key, lamps

    def covers(self, area: pygame.Rect) -> bool:
        """Does the street (or its still part) paint every pixel of `area` over what is under
        it? Below the horizon: the ground is solid (and the reflection is made from what
        lies above it)."""
        return area.top >= self.horizon

    def changed_below(self, areas: list[pygame.Rect]) -> list[pygame.Rect]:
        """The wet road mirrors what is above the horizon, upside down and smeared: the part
        of the reflection that areas changed above it reach (see `_reflected`)."""
        if not self.params["wet"]:
            return []
        found = []
        for area in areas:
            reflected = self._reflected(area)
            if reflected is not None:
                found.append(reflected)
        return found

    def _reflected(self, area: pygame.Rect) -> pygame.Rect | None:
        """Where the reflection can change when `area` above the road changes: the rows
        made from the blocks it touches (a block shrinks to one smeared row, which enlarges
        into the rows of the block before and after it), and the columns its smeared ones
        blend into, with a pixel to spare."""
        width, rows = self.under.get_size()
        seen = area.clip(pygame.Rect(0, self.horizon - rows, width, rows)).move(
            0, rows - self.horizon)  # in rows and columns of `under`
        (across, skip_x), (block, skip) = self.blocks_at
        small_w, small_h = self.shrunk.get_size()
        top, bottom = max(seen.top, skip), min(seen.bottom, skip + block * small_h)
        left, right = max(seen.left, skip_x), min(seen.right, skip_x + across * small_w)
        if not seen or bottom <= top or right <= left:
            return None
        # Counted from the horizon down, as the reflection runs: its smeared rows, flipped.
        near, far = small_h - 1 - (bottom - 1 - skip) // block, small_h - 1 - (top - skip) // block
        streaked = self.streak.rows_read(near, far + 1)  # the streak reads its neighbours
        first, last = max(0, streaked[0] - 1), min(small_h - 2, streaked[1] - 1)
        if last < first:
            return None
        detail = MIRROR_DETAIL[1]
        spread = self.streak.reach if self.streak.touches(near, far + 1) else 0
        # Column x of the reflection blends smeared columns x * (w - 1) // width and the next.
        scale = width / max(1, small_w - 1)
        x0 = max(0, math.floor(((left - skip_x) // across - 1 - spread) * scale) - 1)
        x1 = min(width, math.ceil(((right - 1 - skip_x) // across + 1 + spread) * scale) + 2)
        return pygame.Rect(x0, self.horizon + first * detail, x1 - x0,
                           (last - first + 1) * detail)

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The road, its reflection and the lamps."""
        key, lamps = self.look(frame)
        # Built from the key alone, so the street at a story time never depends on which
        # frame happened to build it.
        if key != self._key:
            self._bring(key)
        if self.params["wet"]:
            self._mirror(surface)
        else:
            self._blit_scene(surface)
        if lamps:
            self._lamps(surface)

    def warm(self, frame: Frame) -> Pieces:
        """Build the street for `frame`'s light ahead in pieces (its first draw does them all
        at once): the road and towers, then their cut-out (the reflection needs the picture
        under it, so it is left to the first frame)."""
        key, _lamps = self.look(frame)
        if key == self._key:
            return
        self._key = None  # half built: a frame in between builds it all again
        # (the compositor fits as many pieces as a frame has room for: fewer, larger ones
        # here keep the count a run of slow frames must get through)
        for _ in _fewer(self._building(key[0] / 10, key[1], self.scene), WARM_PIECES):
            yield
            if self._key is not None:  # ...and then this is done
                return
        yield
        upper = yield from self._cutting(self.scene, self._keyed, self.ground)
        if self._key is None:
            self._upper, self._key = upper, key

    def _cut(self, key: StreetKey) -> None:
        """The built street cut at the horizon: see-through above, solid below."""
        self._upper = finished(self._cutting(self.scene, self._keyed, self.ground))
        self._key = key

    def _cutting(self, scene: pygame.Surface, keyed: pygame.Surface,
                 ground: pygame.Surface) -> Generator[None, None, pygame.Surface]:
        """`scene` cut at the horizon onto `keyed` (returned: what shows above) and `ground`."""
        upper = yield from _fewer(cutting(scene.subsurface((0, 0, self.size[0], self.horizon)),
                                          keyed), CUTS_PER_PIECE)
        yield
        ground.blit(scene, (0, 0), (0, self.horizon, self.size[0], self.size[1] - self.horizon))
        return upper

    def _made_ahead(self, key: StreetKey) -> Generator[None, None, Built]:
        """The street for an upcoming light, built and cut on the spare surfaces."""
        scene, keyed = self._spare
        yield from self._building(key[0] / 10, key[1], scene)
        upper = yield from self._cutting(scene, keyed, self._spare_ground)
        return Built(scene, keyed, upper, self._spare_ground)

    def _bring(self, key: StreetKey) -> None:
        """Show the street for `key`: swap in the spare if it was built ahead, else build now."""
        built = self._ahead.take(key)
        if built is None:
            self._build(key[0] / 10, key[1])
            self._cut(key)
            return
        self._spare, self._spare_ground = (self.scene, self._keyed), self.ground
        self.scene, self._keyed, self._upper, self.ground = built
        self._key = key

    def close(self) -> None:
        """Drop what is being drawn ahead (its scene is going)."""
        self._ahead.close()

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """The cars."""
        daylight = light_at(frame.hour).daylight
        self._cars(surface, frame.seconds, _night(daylight), daylight)

    def _mirror(self, surface: pygame.Surface) -> None:
        """Wet asphalt: the sky and towers above the horizon, upside down, smeared, in the road."""
        width, rows = self.under.get_size()
        clip = surface.get_clip()
        # Keep what lies under the street above the road where it is painted now: painting the
        # reflection again alone must mirror that, not the towers and lamps already over it.
        above = pygame.Rect(0, self.horizon - rows, width, rows)
        fresh = clip.clip(above)
        if fresh:
            self.under.blit(surface, (fresh.x, fresh.y - above.y), fresh)
            self._shrink(fresh.move(0, -above.top))
        shown = clip.clip((0, self.horizon, width, self.flipped.get_height()))
        self._blit_scene(surface)
        if shown:  # painting again elsewhere: the reflection is not in view
            self._enlarge(shown.top - self.horizon, shown.bottom - self.horizon,
                          (shown.left, shown.right))
            surface.blit(self.flipped, (0, self.horizon), special_flags=pygame.BLEND_RGB_ADD)

    def _enlarge(self, top: int, bottom: int, columns: tuple[int, int]) -> None:
        """Make the rows top..bottom of the reflection (from the horizon down) from the smeared
        mirror, where they are not made yet (areas painted one after another share them); if
        `columns` (left, right) are a narrow part of them, only those, kept as not made."""
        if self._small is None:
            self._raw.blit(pygame.transform.flip(self.shrunk, False, True), (0, 0))
            self._small = pygame.Surface(self._raw.get_size())
            self.streak.apply(self._raw, self._small, 0, self._raw.get_height())
            self._small.blit(self.mirror_mask, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
            self._made = [False] * len(self._made)
        detail = MIRROR_DETAIL[1]
        width = self.size[0]
        left, right = columns
        narrow = right - left < width * NARROW_MIRROR
        wanted = range(top // detail, min(len(self._made), -(-bottom // detail)))
        for first, last in _runs([n for n in wanted if not self._made[n]]):
            # Smeared rows first..last + 1 enlarge to the reflection's rows between them.
            source = self._small.subsurface((0, first, self._small.get_width(),
                                             last - first + 2))
            rows = (first * detail, (last - first + 1) * detail)
            if narrow:  # scaled across, then only the columns wanted up: the same pixels
                source = pygame.transform.smoothscale(source, (width, source.get_height()))
                source = source.subsurface((left, 0, right - left, source.get_height()))
                target = self.flipped.subsurface((left, rows[0], right - left, rows[1]))
            else:
                target = self.flipped.subsurface((0, rows[0], width, rows[1]))
                self._made[first:last + 1] = [True] * (last - first + 1)
            pygame.transform.smoothscale(source, target.get_size(), target)

    def _shrink(self, fresh: pygame.Rect) -> None:
        """Shrink again the blocks of what lies under the street that `fresh` (in rows and
        columns of `under`) touches."""
        (across, skip_x), (block, skip) = self.blocks_at
        small_w, small_h = self.shrunk.get_size()
        left, right = max(0, (fresh.left - skip_x) // across), min(
            small_w, -(-(fresh.right - skip_x) // across))
        first, last = max(0, (fresh.top - skip) // block), min(
            small_h, -(-(fresh.bottom - skip) // block))
        if last > first and right > left:
            source = self.under.subsurface((skip_x + left * across, skip + first * block,
                                            (right - left) * across, (last - first) * block))
            target = self.shrunk.subsurface((left, first, right - left, last - first))
            pygame.transform.smoothscale(source, target.get_size(), target)
            self._unmake(first, last)

    def _unmake(self, first: int, last: int) -> None:
        """The smeared rows first..last of `shrunk` changed: flip and mask them again into
        `_small` (the same pixels as making it whole), and forget the runs of the reflection
        enlarged from them (a run is made from two smeared rows), the others kept."""
        if self._small is None:
            return  # made whole when next needed
        small_w, small_h = self.shrunk.get_size()
        self._raw.blit(pygame.transform.flip(self.shrunk.subsurface(
            (0, first, small_w, last - first)), False, True), (0, small_h - last))
        top, bottom = self.streak.rows_read(small_h - last, small_h - first)
        rows = pygame.Rect(0, top, small_w, bottom - top)
        self.streak.apply(self._raw, self._small, top, bottom)
        self._small.blit(self.mirror_mask, rows, rows, special_flags=pygame.BLEND_RGB_MULT)
        start, end = max(0, rows.top - 1), min(len(self._made), rows.bottom)
        self._made[start:end] = [False] * max(0, end - start)

    def _blit_scene(self, surface: pygame.Surface) -> None:
        """The cached street: see-through above the horizon, solid below it (cheaper to copy)."""
        surface.blit(self._upper, (0, 0), (0, 0, self.size[0], self.horizon))
        surface.blit(self.ground, (0, self.horizon))

    def _road_mask(self, rows: int) -> Generator[None, None, pygame.Surface]:
        """Where the road mirrors, and how much: only on the asphalt, more towards the horizon
        (made in three steps: the fade, the road's shape, the shrinking)."""
        width = self.size[0]
        small = (max(2, width // MIRROR_DETAIL[0]), max(2, rows // MIRROR_DETAIL[1]))
        mask = pygame.Surface((width, rows))
        mask.fill((0, 0, 0))
        for y in range(rows):
            level = round(255 * MIRROR * (1.0 - y / rows) ** 0.7)
            mask.fill((level, level, level), (0, y, width, 1))
        yield
        road = [self.project(-ROAD_HALF, Z_NEAR * 0.3), self.project(-ROAD_HALF, Z_FAR),
                self.project(ROAD_HALF, Z_FAR), self.project(ROAD_HALF, Z_NEAR * 0.3)]
        cut = pygame.Surface((width, rows))
        cut.fill((0, 0, 0))
        pygame.draw.polygon(cut, (255, 255, 255), [(x, y - self.horizon) for x, y in road])
        mask.blit(cut, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
        yield
        return pygame.transform.smoothscale(mask, small)

    def _lamps(self, surface: pygame.Surface) -> None:
        surface.fblits(self.lamp_blits, pygame.BLEND_RGB_ADD)

    def _lamp_blits(self) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The lamps' glows, and their pools on a wet road, where they go (they never move)."""
        blits = []
        wet = self.params["wet"]
        for side in (-1, 1):
            for i, z in enumerate(self._lamp_depths()):
                glow = self.lamp_glows[min(GLOW_SIZES - 1, i)]
                hx, hy = self.project(side * (LAMP_X - 0.3), z, LAMP_HEIGHT)
                blits.append((glow, (hx - glow.get_width() // 2, hy - glow.get_height() // 2)))
                if wet:
                    pool = self.pools[min(GLOW_SIZES - 1, i)]
                    px, py = self.project(side * (LAMP_X - 0.3), z)
                    blits.append((pool, (px - pool.get_width() // 2, py - pool.get_height() // 4)))
        return blits

    def _cars(self, surface: pygame.Surface, seconds: float, night: float,
              daylight: float) -> None:
        """Cars with bodies, far ones first; their headlights light the road ahead of them."""
        span = Z_FAR - Z_NEAR
        placed = []
        for n, (lane, speed, phase) in enumerate(self.cars):
            travel = (phase * span + seconds * CAR_SPEED * speed) % span
            placed.append((Z_FAR - travel if lane < 0 else Z_NEAR + travel, n, lane))
        placed.sort(reverse=True)
        cars = self._seen([lane for *_, lane in placed], [z for z, *_ in placed])
        lit = night > NIGHT_LAMPS
        surface.fblits([self._shadow_of(car) for car in cars], pygame.BLEND_RGB_MULT)
        if lit:
            cones = []
            for (z, _, lane), car in zip(placed, cars, strict=True):
                wedge = self.cones[lane < 0][min(GLOW_SIZES - 1, int(z / 2.5))]
                fx, fy = car.xs[MIDDLE], car.ys[ROAD]
                top = fy if lane < 0 else fy - wedge.get_height()
                cones.append((wedge, (fx - wedge.get_width() // 2, top)))
            surface.fblits(cones, pygame.BLEND_RGB_ADD)
        finishes = self._finishes(daylight)
        for (z, n, lane), car in zip(placed, cars, strict=True):
            draw_body(surface, car, finishes[n])
            self._lamp_faces(surface, lane < 0, lit, car)
            if lit:
                self._car_lamps(surface, lane < 0, z, car)

    def _lamp_faces(self, surface: pygame.Surface, coming: bool, lit: bool, car: Seen) -> None:
        """A car's two lamps: a near one's with its face (lit, bright in its middle and soft
        to its rim; unlit, glass darker at its rim), a far one's a dot of their colour."""
        color = (HEADLIGHT if coming else TAILLIGHT) if lit else LAMPS_OFF[coming]
        for box in lamp_boxes(car):
            if box.width >= LAMP_SHAPED:
                self.lamp_faces.draw(surface, coming, lit, box)
            else:
                surface.fill(color, box)

    def _finishes(self, daylight: float) -> list[Finish]:
        """Every car's colours in this light (kept while the light holds: all night)."""
        if self._finish is None or self._finish[0] != daylight:
            self._finish = (daylight, finishes(len(self.cars), daylight))
        return self._finish[1]

    def _car_lamps(self, surface: pygame.Surface, coming: bool, z: float, car: Seen) -> None:
        """The glow of a car's lamps (coming: headlights; going: tail-lights), on a wet road
        drawn out in it."""
        color = HEADLIGHT if coming else TAILLIGHT
        index = min(GLOW_SIZES - 1, int(z / 2.5))
        glow = self.car_glows[color][index]
        half = glow.get_width() // 2
        blits = []
        head, foot = car.ys[GLOW_AT], car.ys[ROAD]
        for x in car.xs[LAMP_MIDDLES:LAMP_MIDDLES + 2]:
            blits.append((glow, (x - half, head - half)))
            if self.params["wet"]:
                mirror = self.car_streaks[color][index]
                blits.append((mirror, (x - mirror.get_width() // 2, foot)))
        surface.fblits(blits, pygame.BLEND_RGB_ADD)


def _streak(glow: pygame.Surface, level: float, stretch: float) -> pygame.Surface:
    """A light's reflection on wet asphalt: narrower, dimmer, drawn out downwards."""
    w, h = glow.get_size()
    out = pygame.transform.smoothscale(glow, (max(2, int(w * 0.6)), max(2, int(h * stretch))))
    value = round(255 * level)
    out.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)
    return out


def _fewer(pieces: Generator[None, None, Made], every: int) -> Generator[None, None, Made]:
    """`pieces` run `every` of them a piece (for steps much shorter than a frame can take)."""
    count = 0
    while True:
        try:
            next(pieces)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        count += 1
        if count % every == 0:
            yield


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Increasing whole numbers as runs of consecutive ones: (first, last) each."""
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _night(daylight: float) -> float:
    """How much of the night's lighting shows, 0 by day to 1 in the dark."""
    return 1.0 - min(1.0, daylight * 1.6)
