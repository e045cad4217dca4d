"""Wilshire Boulevard in perspective: sodium streetlights, wet asphalt and passing cars."""

from __future__ import annotations

import math
from collections.abc import Generator, Mapping
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
    mix,
    scaled,
)
from installation.visuals.boulevard_plan import (
    Z_FAR,
    layout,
    materials,
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
from installation.visuals.glow import radial
from installation.visuals.palette import light_at
from installation.visuals.roadmarks import (
    ASPHALT,
    RoadLight,
    road_painting,
    road_tone,
)
from installation.visuals.shop_signs import LETTER_PIXELS, Lettering
from installation.visuals.skyline import cutting
from installation.visuals.street_light import Lookout, StreetKey, key_of
from installation.visuals.street_mirror import mirrored
from installation.visuals.street_pools import lamp_pool, lighting
from installation.visuals.street_view import Depth, Perspective, across_at, down_at
from installation.visuals.street_walls import WALK, Walls, night_of

Z_NEAR = 0.6
ROAD_HALF = 1.0  # world units; lanes, kerbs, lamps and buildings are placed in these
LAMP_X = 1.2
LAMP_HEIGHT = 0.9
LAMP_SPACING = 3.0
CAR_SPEED = 4.5  # world units per real second
CONE_LIGHT = 0.3  # how bright a headlight's pool on the road is, against the lamp itself
MAX_CARS = 24
HEADLIGHT = (255, 240, 214)
TAILLIGHT = (255, 34, 26)
WALKWAY = (30, 28, 30)
GLOW_SIZES = 8
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
Point = tuple[int, int]
Made = TypeVar("Made")  # what a set-up done in pieces makes


class Built(NamedTuple):
    """A street built for one light: its picture, cut at the horizon (above, see-through)."""

    scene: pygame.Surface
    keyed: pygame.Surface
    upper: pygame.Surface
    ground: pygame.Surface


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
        self.project = Perspective(self.size, self.vx, self.horizon)
        rng = setup.rng("cars")
        count = round(MAX_CARS * params["traffic"])
        self.cars = [(rng.choice((-0.75, -0.42, 0.42, 0.75)), rng.uniform(0.7, 1.3), rng.random())
                     for _ in range(count)]
        self.blocks = layout(setup.rng("blocks"))
        self.materials = materials(self.blocks, self.seed)
        self._finish: tuple[float, list[Finish]] | None = None  # see `_finishes`
        yield
        self.walls = Walls(self.project, self.blocks, self.materials, self.seed)
        yield from self.walls.laying_out(Lettering(setup.font("sign", LETTER_PIXELS)))
        pools = [lamp_pool(side, z, LAMP_X - 0.3, params["lamps"]) for side in (-1, 1)
                 for z in self._lamp_depths()]
        self.lighting = yield from lighting(self.project, WALK, ROAD_HALF,
                                            pools + self.walls.shop_pools())
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
        self._key: StreetKey | None = None
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
        road = [self.project(-ROAD_HALF, Z_NEAR * 0.3), self.project(-ROAD_HALF, Z_FAR),
                self.project(ROAD_HALF, Z_FAR), self.project(ROAD_HALF, Z_NEAR * 0.3)]
        self.mirror = yield from mirrored(self.size, self.horizon, road)

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

    def _build(self, key: StreetKey) -> None:
        """The road, the walls and the lamps for this light, now, on the street's picture."""
        at_once(self._building(key, self.scene))

    def _building(self, key: StreetKey, image: pygame.Surface) -> Pieces:
        """The road, the walls and the lamps for the light of `key` on `image`, in pieces of
        about a millisecond (built ahead, each runs in a frame of the show): the asphalt a band
        of rows a piece, its paint, then a few walls a piece."""
        daylight, far_tint, show = key[0] / 10, key[1], key[2]
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
            daylight, far_tint, self.params["lamps"], night_of(daylight), pavement), Z_FAR)
        on = self.params["lit"] and night_of(daylight) > NIGHT_LAMPS  # the lamps' pools
        lamps = (self.lighting, night_of(daylight)) if on else None
        if lamps is not None:
            yield from self.lighting.laying(image, lamps[1], (self.horizon, height))
        for n, block in enumerate(sorted(self.blocks, key=lambda b: -b[1])):
            yield from self.walls.painting(image, block, (daylight, far_tint, show), pavement,
                                           lamps)
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

    def _lamp_depths(self) -> list[float]:
        depths, z = [], Z_NEAR * 1.4
        while z < Z_FAR * 0.7:
            depths.append(z)
            z += LAMP_SPACING
        return depths

    def look(self, frame: Frame) -> tuple[StreetKey, bool]:
        """Road, towers, reflection and lamps change with the light only; cars move apart.
        (Worked out once for a story time: a frame asks several times.)"""
        if self._looked is None or self._looked[0] != frame.story_time:
            light = light_at(frame.hour)
            lit = self.params["lit"] and night_of(light.daylight) > NIGHT_LAMPS
            self._looked = (frame.story_time, key_of(light, frame.hour), lit)
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
        of the reflection that areas changed above it reach (see `Mirror.reflected`)."""
        if not self.params["wet"]:
            return []
        found = []
        for area in areas:
            reflected = self.mirror.reflected(area)
            if reflected is not None:
                found.append(reflected)
        return found

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The road, its reflection and the lamps."""
        key, lamps = self.look(frame)
        # Built from the key alone, so the street at a story time never depends on which
        # frame happened to build it.
        if key != self._key:
            self._bring(key)
        if self.params["wet"]:
            self.mirror.paint(surface, self._blit_scene)
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
        for _ in _fewer(self._building(key, self.scene), WARM_PIECES):
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
        yield from self._building(key, scene)
        upper = yield from self._cutting(scene, keyed, self._spare_ground)
        return Built(scene, keyed, upper, self._spare_ground)

    def _bring(self, key: StreetKey) -> None:
        """Show the street for `key`: swap in the spare if it was built ahead, else build now."""
        built = self._ahead.take(key)
        if built is None:
            self._build(key)
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
        self._cars(surface, frame.seconds, night_of(daylight), daylight)

    def _blit_scene(self, surface: pygame.Surface) -> None:
        """The cached street: see-through above the horizon, solid below it (cheaper to copy)."""
        surface.blit(self._upper, (0, 0), (0, 0, self.size[0], self.horizon))
        surface.blit(self.ground, (0, self.horizon))

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
