"""Wilshire's traffic, drawn each frame over the kept street: cars of 1988 coming and going
along the lanes, each with its shadow, its lamps (lit from dusk: headlights coming, tail lights
going, a pool of light on the road ahead of a car coming) and their light on the road (a long
streak on a wet one, a short soft pool under the car on a dry one); seen whole, flank, roof
and glass (cars.py).
Where the cars are is worked out by the fleet (street_fleet.py): a lane's cars keep their gaps;
at a crossing's lights by its drivers (street_queue.py), a car going away that brakes or stands
showing its brake lights, brighter than its tail lights."""

from __future__ import annotations

import math
from collections.abc import Generator, Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import Color, Pieces, Setup, mix, scaled
from installation.visuals.car_lamps import CONE_LENGTH, LampFaces, coning
from installation.visuals.car_paint import PAINTS, REAR_SKY, Finish, finishes, paint_of
from installation.visuals.cars import (
    BODY,
    CABIN_ROOF,
    CAR_LONG,
    GLOW_AT,
    HALF_WIDTH,
    HEIGHTS,
    LAMP_GAP,
    LAMP_HIGH,
    LAMP_MIDDLES,
    LAMP_TOP,
    MIDDLE,
    NEAREST_SEEN,
    ROAD,
    ROOF,
    ROOF_FROM,
    ROOF_TO,
    SHADOW_REACH,
    SHADOW_SIDES,
    Seen,
    edges,
    seen,
    shells,
)
from installation.visuals.cars import shadow as shadow_of_width
from installation.visuals.glow import radial
from installation.visuals.roadmarks import HORIZON_T
from installation.visuals.steady_cars import StandingCars
from installation.visuals.street_asphalt import NEAREST, SHADOW_SUN
from installation.visuals.street_asphalt import SHADOW_REACH as CAST_REACH
from installation.visuals.street_fleet import Car, fleet, places
from installation.visuals.street_posts import LAMP_HEIGHT
from installation.visuals.street_queue import Queues
from installation.visuals.street_view import RISE, Perspective, across_at, down_at
from installation.visuals.wardrobe import hull

MAX_CARS = 24  # a street's cars at `traffic` 1 (with no crossing: see street_fleet)
CONE_LIGHT = 0.5  # how bright a headlight's pool on the road is, against the lamp itself
CONE_TOWARD = 0.9  # its length towards us, of the car's width (the road seen low and flat)
HEADLIGHT = (255, 240, 214)
TAILLIGHT = (255, 34, 26)
GLOW_SIZES = 8  # lamps' glows are made in this many sizes, nearest first
SHADOW_STEP = 1.08  # the cars' shadows are made once, each this much wider than the last
SHADOW_SMALLEST = 4  # pixels: the narrowest shadow
SHADOW_FLAT = 0.2  # a shadow's height on the road, of its width
SHADOW_PIXELS = 40_000  # shadows made in one piece when built ahead: about this many pixels
LAMPS_OFF: dict[bool, Color] = {True: (150, 148, 140), False: (80, 18, 16)}  # coming: head
WHOLE_WITHIN = 14.0  # world units: a car nearer than this is seen whole (flank, roof, glass)
# No car is ever see-through: a car passing under the eye is drawn whole until it has driven
# out under the picture's foot (a car going away comes in from under it, roof first). Fading
# it out over the zebra left a see-through ghost car there for a few frames, its lamps solid.
SHADOW_NEAREST = HORIZON_T  # the nearest depth whose road is in the picture (its foot)
# A lamp's light on the road under it, of its glow's: its brightness, its length down the road,
# its width, and how much of its length lies above the road's row under the car's lamps.
# On a wet road a long streak drawn out towards us; on a dry one a short soft pool under the
# car, wider than long (a dry road drawn out 4.5 glows long gave long thin red needles,
# dripping from the tail lamps down the road, at 17:08 and 19:31).
WET_STREAK = (0.45, 3.0, 0.6, 0.0)
DRY_POOL = (0.2, 0.45, 1.6, 0.5)
Sky = tuple[float, Color, Color]  # the daylight, the sky's colour overhead and at the horizon
# A car's long shadow under the low sun: the boxes whose shadows make it, each its height,
# half width and ends along the car (the footprint, the body's top, the roof); how dark.
CAST_BOXES = ((0.0, HALF_WIDTH, (0.0, CAR_LONG)), (BODY, HALF_WIDTH, (0.0, CAR_LONG)),
              (ROOF, CABIN_ROOF, (ROOF_FROM, ROOF_TO)))
CAST_SHADE: Color = (150, 146, 150)  # ...in the sun, dimming to none as it goes: from the
CAST_FULL = 0.55  # daylight SHADOW_SUN, when the posts' shadows go, up to this
NIGHT_LAMPS = 0.05  # the lamps (and the cars' lamps) are lit when the night is deeper than this
# A car going away whose tail lamps are just under the picture's foot (passing close beside
# the eye) still shows them: their red light on the wet road either side of it at the foot,
# and their glow coming up over its back from under the foot (a car so near showed a dark
# roof and glass alone, a slab). From its near end at LAMPS_UNDER[0] (its lamps' tops at the
# foot) the red fades to none by LAMPS_UNDER[1]; the pool's width and height, the glow's
# width, of the car's width at the foot; how bright.
LAMPS_UNDER = (HORIZON_T - LAMP_HIGH * RISE, -0.1)
UNDER_POOL = (1.7, 0.5)
UNDER_GLOW = 0.7
UNDER_LIGHT = 2.0
UNDER_DETAIL = 48  # pixels: the red glow is made this big once and grown to each size
# A car coming whose headlamps have just passed under the foot the same: their light on the
# road either side of it and their glare coming up over its bonnet at the foot (it drove out
# of the picture a dark plank of bonnet and glass, its lamps gone), this much as bright.
HEAD_UNDER = 0.6
REAR_HORIZON = 0.55  # a going car's back window mirrors the sky this much of the way from
#                     overhead to the horizon ahead (the sunset's glow at dusk)
STREETLIT = 0.45  # at night the roofs and lids mirror this much of the streetlights' colour
#                   (mirroring the dark sky alone, a car passing under the eye was a black slab)


class Traffic:
    """The cars (`cars`) seen through `view`, on a `wet` road or a dry one, under streetlights
    of the colour `lamps` (None: unlit)."""

    def __init__(self, view: Perspective, cars: list[Car], wet: bool,
                 queues: Queues | None = None, lamps: Color | None = None) -> None:
        self.view, self.cars, self.wet = view, cars, wet
        self.lamps = lamps  # the streetlights' colour (None: unlit)
        self.queues = queues  # (at the crossing's lights: they drive as these say, not `cars`)
        self._finish: tuple[Hashable, dict[bool, list[Finish]]] | None = None
        self.standing = StandingCars()  # the bodies of the cars standing at the lights

    def making(self) -> Pieces:
        """The cars' lamps' glows and streaks, then their shadows, then the pools of their
        headlights, in pieces."""
        height = self.view.size[1]
        self.car_glows = {c: [radial(max(2, int(height * 0.022 / (1 + 0.6 * i))), c, 2.0,
                                     core=0.2) for i in range(GLOW_SIZES)]
                          for c in (HEADLIGHT, TAILLIGHT)}
        self.lamp_faces = LampFaces({True: HEADLIGHT, False: TAILLIGHT}, LAMPS_OFF,
                                    frozenset({True}))  # (headlamps: round glows)
        self.under_glows = {coming: radial(UNDER_DETAIL, HEADLIGHT if coming else TAILLIGHT, 1.6)
                            for coming in (True, False)}  # (grown to each size: `_under`)
        level, stretch, wide, self.lift = WET_STREAK if self.wet else DRY_POOL
        self.car_streaks = {c: [streak(g, level, stretch, wide) for g in glows]
                            for c, glows in self.car_glows.items()}
        yield
        self.shadows = yield from self._shadows(self.view.size[0])
        self.cones: dict[bool, list[pygame.Surface]] = {False: [], True: []}
        for toward in (False, True):
            for i in range(GLOW_SIZES):
                self.cones[toward].append((yield from self._cone(i, toward)))
        self.shade = pygame.Surface(self.view.size)  # the cars' long shadows, to multiply by
        if self.queues is not None:
            yield from self.queues.making()

    def _cone(self, index: int, toward_us: bool) -> Generator[None, None, pygame.Surface]:
        """The road lit ahead of a car at the depth of `index` (coming: down; going: up), in
        pieces."""
        z = (index + 0.5) * 2.5
        car = 2 * HALF_WIDTH * self.view.size[0] * 0.5 / z
        length = car * (CONE_TOWARD if toward_us else 0.5)
        return (yield from coning(int(car * CONE_LENGTH), int(length),
                                  scaled(HEADLIGHT, CONE_LIGHT), toward_us))

    def _shadows(self, width: int) -> Generator[None, None, list[pygame.Surface]]:
        """The cars' shadows in every width a car can have here, each a step wider (about
        SHADOW_PIXELS a piece)."""
        widest = 2 * HALF_WIDTH * width * 0.5 / SHADOW_NEAREST * SHADOW_REACH  # (nearer: unseen)
        count = 1 + math.ceil(math.log(widest / SHADOW_SMALLEST, SHADOW_STEP))
        shadows, made = [], 0
        for w in (round(SHADOW_SMALLEST * SHADOW_STEP ** k) for k in range(count)):
            shadows.append(shadow_of_width(w, max(2, int(w * SHADOW_FLAT))))
            made += w * w
            if made * SHADOW_FLAT > SHADOW_PIXELS:
                made = 0
                yield
        return shadows

    def shadow_at(self, lane: float, z: float) -> tuple[pygame.Surface, tuple[int, int]]:
        """A car's shadow and where it goes: on the road under it, centred on where it stands."""
        return self._shadow_of(seen(self.view, lane, z))

    def _shadow_of(self, car: Seen) -> tuple[pygame.Surface, tuple[int, int]]:
        """The shadow of a car seen at `car`, and where it goes (see `_shadow_at`)."""
        x0, x1, ground = car.xs[SHADOW_SIDES], car.xs[SHADOW_SIDES + 1], car.ys[ROAD]
        k = round(math.log(max(SHADOW_SMALLEST, x1 - x0) / SHADOW_SMALLEST, SHADOW_STEP))
        dark = self.shadows[min(len(self.shadows) - 1, k)]
        return dark, ((x0 + x1 - dark.get_width()) // 2, ground - dark.get_height() // 2)

    def seen(self, lanes: list[float], depths: list[float],
             laid: Sequence[bool] = ()) -> list[Seen]:
        """Where each car is seen, all worked out at once, whole (its near end the same
        numbers as `seen` with `project`, car by car; nearer than NEAREST_SEEN, drawn there:
        under the picture's foot, where a car whose flank still shows has its near end); the
        shell left out of those `laid` down from their pictures (see StandingCars.laid)."""
        near, across = np.array(depths, dtype=np.float64), np.array(lanes, dtype=np.float64)
        k = (1.0 / np.maximum(near, NEAREST_SEEN))[:, None]
        (width, height), view = self.view.size, self.view
        xs = across_at(view.middle, width, edges(across), k)
        ys = down_at(view.horizon, height, np.array(HEIGHTS, dtype=np.float64), k)
        close = near < WHOLE_WITHIN  # (farther, a car is a few pixels: its near end will do)
        if laid:  # (working a shell out was most of this: ~0.3 ms for 15 cars at 17:15)
            close &= ~np.array(laid, dtype=bool)
        whole = iter(shells(view.middle, view.size, view.horizon, across[close], near[close]))
        return [Seen(x, y, next(whole) if shown else ())
                for x, y, shown in zip(xs.astype(int).tolist(), ys.astype(int).tolist(),
                                       close.tolist(), strict=True)]

    def draw(self, surface: pygame.Surface, seconds: float, night: float,
             light: Sky) -> None:
        """Cars with bodies, far ones first, in the `light` of the daylight and the sky
        overhead and at the horizon; their headlights light the road ahead of them."""
        placed = sorted(self.placed(seconds), reverse=True)
        lit = night > NIGHT_LAMPS
        street = None
        if self.lamps is not None and lit:  # (their roofs catch the streetlights)
            light = (light[0], mix(light[1], self.lamps, STREETLIT * night), light[2])
            street = scaled(self.lamps, night)
        finishes = self._finishes(light, street)
        self.standing.next_frame()
        laid = [self.standing.laid(surface, finishes[lane < 0][n], lane < 0, (z, lane))
                for z, n, lane, _braking in placed]
        cars = self.seen([lane for _z, _n, lane, _braking in placed], [z for z, *_ in placed],
                         laid)
        sun = min(1.0, (light[0] - SHADOW_SUN) / (CAST_FULL - SHADOW_SUN))
        if sun > 0:  # the low sun down the street: long shadows, as the posts'
            self._cast(surface, [(lane, z) for z, _n, lane, _braking in placed],
                       mix((255, 255, 255), CAST_SHADE, sun))
        surface.fblits([self._shadow_of(car) for car in cars], pygame.BLEND_RGB_MULT)
        if lit:
            cones = []
            for (z, _, lane, _braking), car in zip(placed, cars, strict=True):
                wedge = self.cones[lane < 0][min(GLOW_SIZES - 1, int(z / 2.5))]
                fx, fy = car.xs[MIDDLE], car.ys[ROAD]
                top = fy if lane < 0 else fy - wedge.get_height()
                cones.append((wedge, (fx - wedge.get_width() // 2, top)))
            surface.fblits(cones, pygame.BLEND_RGB_ADD)
        under = [(z, lane) for z, _n, lane, _b in placed
                 if lit and LAMPS_UNDER[1] < z < LAMPS_UNDER[0]]
        for z, lane in under:  # (their light on the road either side of them, under the body)
            self._under(surface, z, UNDER_POOL, (lane,), lane < 0)
        for (z, n, lane, braking), car in zip(placed, cars, strict=True):
            self.standing.draw(surface, car, finishes[lane < 0][n], lane < 0, (z, lane))
            self._lamps(surface, car, (z, lane), lit, braking and lane > 0)
        for z, lane in under:
            self._under(surface, z, (UNDER_GLOW, UNDER_GLOW), (lane - LAMP_GAP, lane + LAMP_GAP),
                        lane < 0)

    def _under(self, surface: pygame.Surface, z: float, size: tuple[float, float],
               across: Sequence[float], coming: bool) -> None:
        """The light of the lamps at the near end (z) of a car just under the picture's foot
        (a car `coming`: its headlamps; going: its tail lamps' red): a glow `size` (of a car's
        width at the foot) centred on the foot at each of `across` (world), dimmer the farther
        under it they are."""
        level = (UNDER_LIGHT * (HEAD_UNDER if coming else 1.0)
                 * (z - LAMPS_UNDER[1]) / (LAMPS_UNDER[0] - LAMPS_UNDER[1]))
        width, k = self.view.size[0], 1.0 / HORIZON_T
        wide = 2 * HALF_WIDTH * width * 0.5 * k
        columns = [round(across_at(self.view.middle, width, x, k)) for x in across]
        glow = pygame.transform.scale(self.under_glows[coming], (max(2, round(wide * size[0])),
                                                                 max(2, round(wide * size[1]))))
        value = round(255 * min(1.0, level))
        glow.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)
        foot = surface.get_clip().bottom
        surface.fblits([(glow, (x - glow.get_width() // 2, foot - glow.get_height() // 2))
                        for x in columns], pygame.BLEND_RGB_ADD)

    def _lamps(self, surface: pygame.Surface, car: Seen, where: tuple[float, float], lit: bool,
               braked: bool) -> None:
        """A car's lamps at `where` (its depth and lane): lit or not, its brake lights (a car
        going away braking or standing) brighter than its tail lights alone; none once they
        are under the picture's foot (a car passing under us)."""
        z, lane = where
        if car.ys[LAMP_TOP] >= surface.get_clip().bottom:
            return
        self.lamp_faces.pair(surface, lane < 0, lit or braked, car)
        if lit or braked:
            self._car_lamps(surface, lane < 0, z, car)
        if braked:
            self.lamp_faces.pair(surface, False, True, car)
            self._car_lamps(surface, False, z, car)

    def _cast(self, surface: pygame.Surface, cars: list[tuple[float, float]],
              shade: Color) -> None:
        """The long shadows the low sun casts from the cars nearer than WHOLE_WITHIN (lanes,
        depths), away from it as the lamp posts' are: the road under a car and under its
        body's and its roof's shadows, multiplied by `shade` (they stood in the sun casting
        none, the posts' shadows long beside them)."""
        near = [(lane, z) for lane, z in cars if z < WHOLE_WITHIN]
        if not near:
            return
        lanes, depths = (np.array(column)[:, None] for column in zip(*near, strict=True))
        k = 1.0 / np.maximum(NEAREST, depths + CAST_OUTLINE[1])  # (no nearer than NEAREST)
        (width, height), view = self.view.size, self.view
        cols = across_at(view.middle, width, lanes + CAST_OUTLINE[0], k).astype(int)
        rows = down_at(view.horizon, height, 0.0, k).astype(int)
        clip = surface.get_clip()
        areas = [area for area in _apart([
            pygame.Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1).inflate(2, 2).clip(clip)
            for x0, y0, x1, y1 in zip(cols.min(1).tolist(), rows.min(1).tolist(),
                                      cols.max(1).tolist(), rows.max(1).tolist(), strict=True)])
            if area]
        if not areas:
            return
        for area in areas:
            self.shade.fill((255, 255, 255), area)
        for shape in np.stack([cols, rows], axis=-1).tolist():
            pygame.draw.polygon(self.shade, shade, shape)
        for area in areas:
            surface.blit(self.shade, area, area, special_flags=pygame.BLEND_RGB_MULT)

    def placed(self, seconds: float) -> list[tuple[float, int, float, bool]]:
        """Each car `seconds` into the scene: its depth, its number (its paint), its lane and
        whether its brake lights are lit (the fleet's cars never brake)."""
        if self.queues is not None:
            return self.queues.places(seconds)
        return [(z, n, lane, False) for n, (lane, z) in enumerate(places(self.cars, seconds))]

    def _finishes(self, light: Sky, street: Color | None) -> dict[bool, list[Finish]]:
        """Every car's colours in this light, coming (its windscreen mirrors the horizon
        behind us) and going (its back window, the sky over and ahead of it), under the
        streetlights' `street` light (None: unlit); kept while the colours they are made of
        hold (the daylight moves on every frame, its paints' whole levels seldom: made again
        each frame, they were a quarter of a millisecond of every dusk frame)."""
        daylight, top, bottom = light
        key = (paints_in(daylight), top, bottom, street)
        if self._finish is None or self._finish[0] != key:
            count = len(self.cars) if self.queues is None else self.queues.count
            self._finish = (key,
                            {True: finishes(count, daylight, top, bottom, street),
                             False: finishes(count, daylight, top,
                                             mix(top, bottom, REAR_HORIZON), street, REAR_SKY)})
        return self._finish[1]

    def _car_lamps(self, surface: pygame.Surface, coming: bool, z: float, car: Seen) -> None:
        """The glow of a car's lamps (coming: headlights; going: tail-lights) and their light on
        the road under them: drawn out long and bright on a wet road, a short soft pool on a dry
        one (see WET_STREAK and DRY_POOL)."""
        color = HEADLIGHT if coming else TAILLIGHT
        index = min(GLOW_SIZES - 1, int(z / 2.5))
        glow = self.car_glows[color][index]
        half = glow.get_width() // 2
        blits = []
        head, foot = car.ys[GLOW_AT], car.ys[ROAD]
        for x in car.xs[LAMP_MIDDLES:LAMP_MIDDLES + 2]:
            blits.append((glow, (x - half, head - half)))
            mirror = self.car_streaks[color][index]
            lift = round(mirror.get_height() * self.lift)
            blits.append((mirror, (x - mirror.get_width() // 2, foot - lift)))
        surface.fblits(blits, pygame.BLEND_RGB_ADD)


def of_street(params: Mapping[str, Any], setup: Setup, view: Perspective,
              burnt: bool = False) -> Traffic:
    """The traffic of a street layer with these keys and set-up, seen through `view` (none
    on a `burnt` one): its layer draws it, the figures layers of its scene lay it back over
    the people behind its cars (see car_passing)."""
    cars = fleet(setup.rng("cars"), 0 if burnt else round(MAX_CARS * params["traffic"]))
    crossing = bool(params.get("crossing", False)) and not burnt  # (set-ups made in code may
    queues = Queues(setup.rng("crossing"), params["traffic"], setup.made) if crossing else None
    return Traffic(view, cars, params["wet"], queues,  # leave it out)
                   params["lamps"] if params["lit"] else None)


def paints_in(daylight: float) -> tuple[tuple[Color, Color], ...]:
    """Each of the PAINTS and its glass in this daylight: all of the daylight a car's colours
    are made of (see car_paint.finishes), in whole levels."""
    return tuple(paint_of(n, daylight) for n in range(len(PAINTS)))


def _apart(boxes: list[pygame.Rect]) -> list[pygame.Rect]:
    """Boxes holding the pixels of `boxes`, none overlapping another (those that do joined):
    each car's long shadow darkened in its own box, once (in one box round them all, cars
    apart darkened ~30% of the picture, most of it by white: the same pixels)."""
    apart: list[pygame.Rect] = []
    for box in boxes:
        while (hit := box.collidelist(apart)) >= 0:
            box = box.union(apart.pop(hit))
        apart.append(box)
    return apart


def _cast_outline() -> np.ndarray:
    """The outline on the road (across, along from a car's near end: two rows) of what a car
    shades from the low sun: its footprint and its body's and roof's shadows on the road
    (their heights over LAMP_HEIGHT of the posts' shadows). The same for every car: worked out
    once."""
    reach_x, reach_z = CAST_REACH[0] / LAMP_HEIGHT, CAST_REACH[1] / LAMP_HEIGHT
    points = [(side + up * reach_x, along + up * reach_z) for up, half, ends in CAST_BOXES
              for side in (-half, half) for along in ends]
    return np.array(hull(points), dtype=np.float64).T


CAST_OUTLINE = _cast_outline()


STREAK_WIDE = 0.6  # a light's streak on wet asphalt, as wide as its glow this much


def streak(glow: pygame.Surface, level: float, stretch: float,
           wide: float = STREAK_WIDE) -> pygame.Surface:
    """A light's reflection on the road: `wide` and `stretch` times its glow's width and height
    (on wet asphalt narrower, drawn out downwards), `level` as bright."""
    w, h = glow.get_size()
    out = pygame.transform.smoothscale(glow, (max(2, int(w * wide)), max(2, int(h * stretch))))
    value = round(255 * level)
    out.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)
    return out

