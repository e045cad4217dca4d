"""Wilshire Boulevard in perspective: sodium streetlights, wet asphalt and passing cars."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any, NamedTuple, TypeVar

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
)
from installation.visuals.boulevard_plan import Z_FAR, Z_NEAR, Block, layout, materials
from installation.visuals.flames_dying import fire_fade
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
from installation.visuals.street_asphalt import GLARE_STEPS, Asphalt, Road, glare_at
from installation.visuals.street_burnt import BURNT_KEY, Ruin, panic_cars, seen_seed
from installation.visuals.street_char import View
from installation.visuals.street_light import Lookout, StreetKey, key_of
from installation.visuals.street_mirror import mirrored
from installation.visuals.street_outline import outline
from installation.visuals.street_pools import Lighting, lamp_pool, lighting
from installation.visuals.street_posts import LAMP_HEIGHT as LAMP_HEIGHT  # (street's too)
from installation.visuals.street_posts import REACH, lamp_post
from installation.visuals.street_signals import Signals
from installation.visuals.street_traffic import GLOW_SIZES, NIGHT_LAMPS, of_street, streak
from installation.visuals.street_view import Perspective
from installation.visuals.street_view import across_at as across_at  # (the panic layer's)
from installation.visuals.street_view import down_at as down_at
from installation.visuals.street_walls import WALK, Walls, night_of

ROAD_HALF = 1.0  # world units; lanes, kerbs, lamps and buildings are placed in these
LAMP_X = 1.2
LAMP_SPACING = 3.0
GREY_GLASS = (150, 150, 156)  # an unlit lamp's lens, half the sky's colour on it
WALKWAY = (30, 28, 30)
WALLS_PER_PIECE = 2  # walls built in one piece when the street is built ahead...
SHAPES_PER_PIECE = 100  # ...but one with more shapes than this in a piece of its own
ROAD_ROWS_PER_PIECE = 240  # rows of asphalt shaded in one piece
CUTS_PER_PIECE = 3  # steps of cutting the street at the horizon run in one piece
WARM_PIECES = 1  # pieces of the street's building run as one when its scene is built ahead
AHEAD_PIECES = 2  # ...and when the street for the next light is built ahead (~1 ms each)
Point = tuple[int, int]
Made = TypeVar("Made")  # what a set-up done in pieces makes
Shape = tuple[pygame.Rect, ...]  # boxes round what a built street shows above the horizon
Look = tuple[StreetKey, bool]  # the street's light, and its lamps lit


class Built(NamedTuple):
    """A street built for one light: its picture, cut at the horizon (above, see-through),
    and where it shows above it."""

    scene: pygame.Surface
    keyed: pygame.Surface
    upper: pygame.Surface
    ground: pygame.Surface
    shape: Shape


class Street(Split):
    """Road, buildings and lamps cached; cars drawn each frame, with their lamps' light."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the plan, the lamps' light, the cars' light, the surfaces."""
        self.params = params
        burnt = bool(params.get("burnt", False))  # (set-ups made in code may leave it out)
        setup = seen_seed(setup) if burnt else setup  # the buildings the visitor saw
        width, height = setup.size
        self.size = setup.size
        self.of_scene = setup.scene  # (burnt, its fires die with it as a transition fades it)
        self.seed = setup.seed
        self.horizon = int(height * params["horizon"])
        self.vx = width // 2
        self.project = Perspective(self.size, self.vx, self.horizon)
        self.blocks = layout(setup.rng("blocks"))
        self.materials = materials(self.blocks, self.seed)
        self.traffic = of_street(params, setup, self.project, burnt)
        self.signals = Signals(self.project) if self.traffic.queues is not None else None
        lettering = Lettering(setup.font("sign", LETTER_PIXELS),  # (a font read for the first
                              setup.font("script", LETTER_PIXELS))  # time: a few milliseconds)
        yield
        self.walls = Walls(self.project, self.blocks, self.materials, self.seed, width)
        yield from self.walls.laying_out(lettering)
        self.ruin: Ruin | None = None
        if burnt:
            self.ruin = Ruin(self.project, View(self.size, self.vx, self.horizon, ROAD_HALF, WALK,
                                                self.seed), self.blocks, panic_cars(setup))
            self.ruin.falling([self.walls.theatre, self.walls.landmark])
            feet = [(side * LAMP_X, z) for side in (-1, 1) for z in self._lamp_depths()]
            yield from self.ruin.making(setup, feet, 0.3, LAMP_HEIGHT)
        self.asphalt: Asphalt | None = None
        if not burnt:  # (burnt, the ash lies over it)
            posts = tuple((side * LAMP_X, z) for side in (-1, 1) for z in self._lamp_depths())
            self.asphalt = Asphalt(Road(self.project, ROAD_HALF, posts, params["wet"]),
                                   self.seed)
            yield from self.asphalt.making()
        pools = [lamp_pool(side, z, LAMP_X - REACH, params["lamps"]) for side in (-1, 1)
                 for z in self._lamp_depths()]
        self.lighting = yield from lighting(self.project, WALK, ROAD_HALF,
                                            pools + self.walls.shop_pools())
        lamps: Color = params["lamps"]
        self.lamp_glows, self.pools = [], []
        for i in range(GLOW_SIZES):
            self.lamp_glows.append(radial(max(3, int(height * 0.06 / (1 + 0.55 * i))), lamps,
                                          2.0, core=0.1))
            self.pools.append(streak(self.lamp_glows[-1], 0.35, 2.6))
            yield
        self.lamp_blits = self._lamp_blits()
        yield from self.traffic.making()
        yield
        self._key: StreetKey | None = None
        self.scene = pygame.Surface(setup.size, pygame.SRCALPHA)
        yield  # large new surfaces take time to touch: one a step
        self._keyed = pygame.Surface((width, self.horizon))  # its upper part, cut out
        self._upper: pygame.Surface = self.scene
        self._shape: Shape = ()  # where the street shown shows above the horizon
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

    def _build(self, key: StreetKey) -> None:
        """The road, the walls and the lamps for this light, now, on the street's picture."""
        at_once(self._building(key, self.scene))

    def _building(self, key: StreetKey, image: pygame.Surface) -> Pieces:
        """The road, the walls and the lamps for the light of `key` on `image`, in pieces of
        about a millisecond (built ahead, each runs in a frame of the show): the asphalt a band
        of rows a piece, its paint, then a few walls a piece."""
        daylight, far_tint, show = key[0] / 10, key[1], key[2]
        sun = glare_at(key[3] / GLARE_STEPS)
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
        if self.asphalt is not None:
            yield from self.asphalt.laying(image, daylight, far_tint, sun)
        yield from road_painting(image, self.project, RoadLight(
            daylight, far_tint, self.params["lamps"], night_of(daylight), pavement), Z_FAR)
        on = self.params["lit"] and night_of(daylight) > NIGHT_LAMPS  # the lamps' pools
        lamps = (self.lighting, night_of(daylight)) if on else None
        if lamps is not None:
            yield from self.lighting.laying_sidewalks(image, lamps[1])
        walls = 0  # painted in this piece so far
        for block in sorted(self.blocks, key=lambda b: -b[1]):
            heavy = len(self.walls.facades[block]) > SHAPES_PER_PIECE  # (a piece of its own)
            if heavy and walls:
                yield
            yield from self._wall(image, block, (daylight, far_tint, show), pavement, lamps)
            walls = 0 if heavy else walls + 1
            if walls in (0, WALLS_PER_PIECE):
                walls = 0
                yield
        if self.ruin is not None:
            yield from self.ruin.finishing(image)
            return
        lens = self.params["lamps"] if lamps is not None else mix(far_tint, GREY_GLASS, 0.5)
        for side in (-1, 1):
            for z in self._lamp_depths():
                if self._post_seen(side, z):
                    lamp_post(image, self.project, (side * LAMP_X, z), LAMP_HEIGHT, lens)

    def _post_seen(self, side: int, z: float) -> bool:
        """Whether a lamp post's pole stands in the picture (one outside it shows only its
        arm and lamp, hanging in from the edge like a black flag: it is left out)."""
        return 0 <= self.project(side * LAMP_X, z)[0] < self.size[0]

    def _wall(self, image: pygame.Surface, block: Block, light: tuple[float, Color, bool],
              pavement: Color, lamps: tuple[Lighting, float] | None) -> Pieces:
        """One building painted (burnt: scorched, its roof broken: see street_burnt)."""
        if self.ruin is None:
            yield from self.walls.painting(image, block, light, pavement, lamps)
            return
        yield from self.ruin.painting(image, self.walls, block, (light, pavement))

    def _lamp_depths(self) -> list[float]:
        depths, z = [], Z_NEAR * 1.4
        while z < Z_FAR * 0.7:
            depths.append(z)
            z += LAMP_SPACING
        return depths

    def look(self, frame: Frame) -> Look:
        """Road, towers, reflection and lamps change with the light only; cars move apart.
        (Worked out once for a story time: a frame asks several times.)"""
        if self._looked is None or self._looked[0] != frame.story_time:
            light = light_at(frame.hour)
            lit = self.params["lit"] and night_of(light.daylight) > NIGHT_LAMPS
            key = key_of(light, frame.hour) if self.ruin is None else BURNT_KEY
            self._looked = (frame.story_time, key, lit and self.ruin is None)
        _moment, key, lamps = self._looked
        # (a new key is taken from the spare first, see `_bring`; burnt, there is one light)
        if key == self._key and self.ruin is None:
            upcoming = self._lookout.upcoming(frame, frame.story_time, key)
            self._ahead.step(frame, upcoming, self._key, self._made_ahead)
        return key, lamps

    def covers(self, area: pygame.Rect) -> bool:
        """Does the street (or its still part) paint every pixel of `area` over what is under
        it? Below the horizon: the ground is solid (and the reflection is made from what
        lies above it)."""
        return area.top >= self.horizon

    def changed(self, old: Look, new: Look) -> list[pygame.Rect] | None:
        """A new light: the ground and the boxes round what the street shows above the
        horizon, before and after (built ahead; else, or on a wet road that mirrors the sky,
        everywhere); the lamps' glows as they are lit or put out."""
        if self.params["wet"]:  # (its reflection is made from the picture over it)
            return None
        if old[0] == new[0]:
            areas = []
        elif self._key != old[0] or self.ruin is not None:
            return None
        else:
            ahead = self._ahead.peek(new[0])
            if ahead is None:
                return None
            width, height = self.size
            areas = [*self._shape, *ahead.shape,
                     pygame.Rect(0, self.horizon, width, height - self.horizon)]
        if old[1] != new[1]:
            areas += [glow.get_rect(topleft=at) for glow, at in self.lamp_blits]
        return areas

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
        # (the compositor fits as many pieces as a frame has room for: each its own, as the
        # asphalt's bands and the walls are ~1-5 ms; three as one were 12-25 ms, over a frame)
        for _ in _fewer(self._building(key, self.scene), WARM_PIECES):
            yield
            if self._key is not None:  # ...and then this is done
                return
        yield
        upper, shape = yield from self._cutting(self.scene, self._keyed, self.ground)
        if self._key is None:
            self._upper, self._shape, self._key = upper, shape, key

    def _cut(self, key: StreetKey) -> None:
        """The built street cut at the horizon: see-through above, solid below."""
        self._upper, self._shape = finished(self._cutting(self.scene, self._keyed, self.ground))
        self._key = key

    def _cutting(self, scene: pygame.Surface, keyed: pygame.Surface, ground: pygame.Surface
                 ) -> Generator[None, None, tuple[pygame.Surface, Shape]]:
        """`scene` cut at the horizon onto `keyed` and `ground`: what shows above (returned,
        with where it shows)."""
        upper = yield from _fewer(cutting(scene.subsurface((0, 0, self.size[0], self.horizon)),
                                          keyed), CUTS_PER_PIECE)
        yield
        ground.blit(scene, (0, 0), (0, self.horizon, self.size[0], self.size[1] - self.horizon))
        yield
        return upper, outline(scene, self.horizon)

    def _made_ahead(self, key: StreetKey) -> Generator[None, None, Built]:
        """The street for an upcoming light, built and cut on the spare surfaces, AHEAD_PIECES
        of its pieces a frame (one a frame, ~57, did not fit between dusk's light steps 26
        story seconds apart, 52 frames: the second was built all at once, ~50 ms)."""
        return _fewer(self._making_ahead(key), AHEAD_PIECES)

    def _making_ahead(self, key: StreetKey) -> Generator[None, None, Built]:
        scene, keyed = self._spare
        yield from self._building(key, scene)
        upper, shape = yield from self._cutting(scene, keyed, self._spare_ground)
        return Built(scene, keyed, upper, self._spare_ground, shape)

    def _bring(self, key: StreetKey) -> None:
        """Show the street for `key`: swap in the spare if it was built ahead, else build now."""
        built = self._ahead.take(key)
        if built is None:
            self._build(key)
            self._cut(key)
            return
        self._spare, self._spare_ground = (self.scene, self._keyed), self.ground
        self.scene, self._keyed, self._upper, self.ground, self._shape = built
        self._key = key

    def close(self) -> None:
        """Drop what is being drawn ahead (its scene is going)."""
        self._ahead.close()

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """The cars (burnt: the fires still alight)."""
        if self.ruin is not None:
            self.ruin.draw(surface, frame.seconds, fire_fade(frame, self.of_scene))
            return
        light = light_at(frame.hour)
        if self.signals is not None:  # (under the cars nearer than them)
            self.signals.draw(surface, frame.seconds)
        self.traffic.draw(surface, frame.seconds, night_of(light.daylight),
                          (light.daylight, light.top, light.bottom))

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
                hx, hy = self.project(side * (LAMP_X - REACH), z, LAMP_HEIGHT)
                if self._post_seen(side, z):
                    blits.append((glow, (hx - glow.get_width() // 2,
                                         hy - glow.get_height() // 2)))
                if wet:
                    pool = self.pools[min(GLOW_SIZES - 1, i)]
                    px, py = self.project(side * (LAMP_X - REACH), z)
                    blits.append((pool, (px - pool.get_width() // 2, py - pool.get_height() // 4)))
        return blits


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
