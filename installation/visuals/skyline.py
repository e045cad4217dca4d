"""The Mid-Wilshire skyline: towers whose windows light up and go dark through the night."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

import pygame

from installation.core.timeutil import DAY_SECONDS, forward
from installation.visuals.ahead import Ahead
from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    clamp01,
    clear_surface,
    hash01,
    mix,
    scaled,
)
from installation.visuals.cutout import cutting
from installation.visuals.facades import Canvas, Light, light_of, paint
from installation.visuals.figure_sun import scene_span
from installation.visuals.glow import radial
from installation.visuals.landmark import Landmark, landmark, paint_landmark
from installation.visuals.palette import light_at
from installation.visuals.sky import sun_side
from installation.visuals.skyline_lowrise import plan_lowrise
from installation.visuals.skyline_palms import Palm, behind_palms, paint_palms, palm_spots, palms
from installation.visuals.skyline_plan import (
    floodlit_crowns,
    plan_towers,
    plan_windows,
    windows_behind,
)
from installation.visuals.skyline_signs import Lettering, sign_letters
from installation.visuals.skyline_trees import park_trees
from installation.visuals.skyline_windows import (
    RESTLESS_SHADES,
    Panes,
    Restless,
)
from installation.visuals.tower_shapes import Building, crown_top, outline
from installation.visuals.xplan import Layout, lay_out, paint_towers

HAZE = (98, 108, 128)  # what distance does to the buildings at night
DAY_HAZE = (212, 218, 222)  # ...and in the pale noon light
SUN_FROM = 0.5  # the sun on the blocks' faces (their sunlit side, their material, their
# mullions and glass bands) shows in more daylight than this, fully at noon
STOREY = 200  # a storey of the towers' faces is this share of the picture's height (3 px least)
WINDOW_BUCKET = 420.0  # story seconds between changes of which windows are on
AHEAD_SECONDS = 90.0  # story seconds ahead that the next towers are drawn, a piece a frame
LOOK_STEP = 5.0  # story seconds between the moments looked at for the next change of towers
# (the first unlike now's is drawn ahead: looking only AHEAD_SECONDS on, the towers of a
# change less than that before the next, 17:50's a story minute before 17:51's bucket, were
# never drawn ahead, and their first frame painted them all, a dropped frame at dusk)
LIT_STEPS = 40
SIDE_STEPS = 8  # the sun's side (-1..1) in steps of an eighth: the faces' few variants, each
# a change hard to see as it comes (~5-6 levels of a face's brightness at noon)
BEACON = (255, 40, 30)
BEACON_PERIOD = 1.6
BEACON_DAYLIGHT = 0.4  # the beacons blink when the daylight is below this
WINDOWS_PER_PIECE = 25  # windows lit per step when the skyline is painted ahead of time (50:
# ~3 ms where Park La Brea's near ones draw their curtains)...
BLOCK_WINDOWS_PER_PIECE = 200  # ...and where the blocks' plain ones are lit (25 were ~0.05 ms at
# 1920x1080: dusk's ~3,000 windows took 122 frames' pieces, more than the 120 frames of a story
# minute at dusk between two changes of them, and the second change painted them all at once)
BUILDINGS_PER_PIECE = 4  # and blocks painted per step as the scene is built (their faces take
# a while)...
BLOCKS_AHEAD_PER_PIECE = 1  # ...and for the light to come, a piece a frame: four were pieces of
# 1-3 ms every few real seconds at dusk, each frame over its time; one ~0.5 ms (the scene's
# building keeps four: it fits its pieces into the frames' room, and in slow frames the next
# scene took too many of them to be built by its start)
SKY_STEP = 1800.0  # story seconds: the sky in the glass towers changes colour this often
WindowKey = tuple[int, int, int, int]  # lit, daylight, windows' bucket, the sun's side
Look = tuple[WindowKey, tuple[int, ...] | None, tuple[int, ...] | None]
Towers = tuple[pygame.Surface, list[pygame.Surface], Color]  # shown, restless sprites, ground
BEACONS = 3
PALM_HAZE = 0.3  # by day the palms over the low roofs go this far into the haze (at night:
# silhouettes in the buildings' own colour)
FOLIAGE, FOLIAGE_HAZE = (50, 72, 42), 0.24  # the park's trees by day, this far into the haze


class Skyline:
    """Two rows of towers and the May Company building, with windows that follow the hour."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the plan, the windows, the beacon, the towers' surface."""
        self.params = params
        width, height = setup.size
        self.seed = setup.seed
        self.ground = int(height * params["ground"])
        self.tallest = int(height * params["height"])
        self.height = height
        self.xplan: Layout | None = None
        if params["style"] == "towers":  # Park La Brea, in perspective, down to the frame
            self.xplan = yield from lay_out(setup.size, params["ground"], params["height"],
                                            params["home"], self.seed)
        self.top, self.floor = self._bounds()
        self.region = (width, self.floor - self.top)
        rng = setup.rng("skyline")
        plan = plan_lowrise if params["style"] == "wilshire" else plan_towers
        self.buildings = [] if self.xplan else plan(rng, width, self.tallest, self.seed,
                                                    params["landmark"])
        self.crowns = frozenset() if plan is plan_lowrise else floodlit_crowns(self.buildings)
        self.palms: list[Palm] = []
        self.signs: Lettering = {}  # the roof signs' names
        if plan is plan_lowrise and not self.xplan:
            self.palms = yield from palms(palm_spots(setup.rng("palms"), width, self.tallest),
                                          self.ground - self.top, setup.made)
            self.signs = yield from sign_letters(self.buildings, setup.fonts, self.seed,
                                                 setup.where())
        self.trees: list[Palm] = []  # the park's, in front of the feet (one belt)
        if params["trees"] and not self.xplan:
            self.trees = yield from park_trees(setup.rng("trees"), width, round(
                self.tallest * params["trees"]), self.ground - self.top)
        self.landmark: Landmark | None = None
        if params["landmark"]:
            self.landmark = landmark(width, self.ground - self.top, self.tallest)
        yield
        self.windows = yield from plan_windows(self.buildings, self.xplan, self.seed,
                                               self.landmark, setup.size, self.top,
                                               self.ground)
        if self.palms or self.trees:
            yield  # (which windows the palms and trees stand in front of: a step of its own)
        self.behind = windows_behind(self.buildings, self.windows, self.xplan,
                                     self.ground - self.top) | behind_palms(
            self.palms + self.trees, [rect for rect, _, _ in self.windows])
        yield
        self.beacons = self._beacon_spots()
        self.beacon = radial(max(3, height // 90), BEACON, 1.6, core=0.25)
        self._cache_key: WindowKey | None = None
        yield
        self._image = yield from clear_surface(self.region)
        yield
        self._keyed = pygame.Surface(self.region)  # the towers again, cut out by a colour key
        self._shown: pygame.Surface = self._image
        yield
        # The spare pair: the towers as they will be a little later, drawn a piece a frame.
        spare = yield from clear_surface(self.region)
        yield
        self._spare = (spare, pygame.Surface(self.region))
        self._ahead: Ahead[WindowKey, Towers] = Ahead()
        yield
        home = self.xplan.home if self.xplan is not None else None  # theirs: the sirens wake
        # every tower of the park (the nearest, theirs, is mostly out of the picture)
        towers = len(self.xplan.depth) if self.xplan is not None else 0
        self.panes = Panes(self.seed, self.xplan,
                           None if home is None else home.move(0, -self.top),
                           pygame.Rect((0, 0), self.region))
        self.restless = Restless(self.windows, self.behind, self.seed, params["restless"],
                                 self.top, self._fade,
                                 frozenset() if home is None else frozenset(range(towers)),
                                 self.panes)
        self.span = scene_span(setup)
        self.rest_sprites: list[pygame.Surface] = []
        self._seen: tuple[Frame, WindowKey | None, Look] | None = None
        self._frame_key: tuple[Frame, WindowKey] | None = None  # the last frame's key
        self._prepared: Frame | None = None  # the last frame that stepped the spare pair
        self._next: tuple[int, WindowKey, WindowKey] | None = None  # (LOOK_STEP, now's, next)
        self._ground: Color = params["color"]
        self._bare: tuple[Light, pygame.Surface] | None = None  # the blocks in
        # a daylight and the sun on a side

    def _bounds(self) -> tuple[int, int]:
        """The band the towers' picture covers: from over the highest roof to the ground (for
        Park La Brea, whose nearest tower stands below the frame, to the bottom)."""
        if self.xplan is None:
            return max(0, self.ground - self.tallest - self.height // 40), self.ground
        highest = min(y for plane in self.xplan.planes for _, y in plane.outline)
        return max(0, int(highest) - self.height // 40), self.height

    def _beacon_spots(self) -> list[tuple[int, int]]:
        """Where the red beacons blink: on the tallest roofs (the highest lift cores)."""
        if self.xplan is not None:
            return sorted(self.xplan.roofs, key=lambda spot: spot[1])[:BEACONS]
        tallest = sorted(self.buildings, key=lambda b: -b.height)[:BEACONS]
        return [crown_top(b, self.ground) for b in tallest]

    def _outline(self, building: Building) -> list[pygame.Rect]:
        """A building's tiers, in the towers' picture."""
        return outline(building, self.ground - self.top)

    def _restless_on(self, frame: Frame) -> tuple[int, ...]:
        """Which restless windows are lit now (none before the towers are painted for night)."""
        if not self.rest_sprites:
            return ()
        start, seconds = self.span
        return self.restless.on(frame.seconds, forward(start, frame.story_time) / seconds)

    def _fade(self, tower: int) -> float:
        """How bright a tower's lit windows are (Park La Brea's: dimmer the farther off)."""
        return 1.0 if self.xplan is None else self.xplan.glow[tower]

    def _key(self, frame: Frame) -> WindowKey:
        """What decides the towers' colours and which windows are lit (worked out once a
        frame: several steps of a frame ask)."""
        if self._frame_key is None or self._frame_key[0] is not frame:
            self._frame_key = (frame, self._key_at(frame.story_time))
        return self._frame_key[1]

    def _key_at(self, story_time: float) -> WindowKey:
        story_time %= DAY_SECONDS  # midnight ahead is 00:00, as the frame then will say
        light = light_at(story_time / 3600.0)
        lit = self.params["lit"]
        lit = light.windows if lit is None else lit
        return (round(lit * LIT_STEPS), round(light.daylight * 20),
                int(story_time // WINDOW_BUCKET), round(sun_side(story_time / 3600.0) * SIDE_STEPS))

    def _prepare(self, frame: Frame) -> None:
        """Once a frame, a piece of the towers of their next change (within AHEAD_SECONDS of
        story), on the spare pair: when the windows' bucket or the light moves on, they are
        ready (no frame redraws them all), and the same as drawn then."""
        if frame is self._prepared:
            return  # (asked again by `look`)
        if self._cache_key is not None:  # (until the towers shown are painted, it waits)
            self._prepared = frame
        now = self._key(frame)  # (unlike those shown, they are due: what is drawn ahead is kept)
        upcoming = now if now != self._cache_key else self._next_key(frame.story_time, now)
        self._ahead.step(frame, upcoming, self._cache_key, self._drawn_ahead)

    def _next_key(self, story_time: float, now: WindowKey) -> WindowKey:
        """The first key unlike `now` in the next AHEAD_SECONDS (up to the next bucket's
        start), looked at every LOOK_STEP (worked out once a step), or `now` if none."""
        step = int(story_time // LOOK_STEP)
        if self._next is None or self._next[:2] != (step, now):
            boundary = (story_time // WINDOW_BUCKET + 1) * WINDOW_BUCKET  # the next bucket
            ahead, found = LOOK_STEP, now
            while (found == now and ahead <= AHEAD_SECONDS
                   and story_time + ahead - LOOK_STEP < boundary):
                found = self._key_at(min(story_time + ahead, boundary))
                ahead += LOOK_STEP
            self._next = (step, now, found)
        return self._next[2]

    def _drawn_ahead(self, key: WindowKey) -> Generator[None, None, Towers]:
        """The towers of `key` on the spare pair."""
        return self._paint(key, *self._spare, BLOCKS_AHEAD_PER_PIECE)

    def _bring(self, key: WindowKey) -> None:
        """Show the towers of `key`: swap in the spare pair if they were drawn ahead."""
        ahead = self._ahead.take(key)
        if ahead is not None:
            self._swap(key, ahead)
        else:
            at_once(self._render(key))

    def _swap(self, key: WindowKey, towers: Towers) -> None:
        """Show the towers drawn ahead on the spare pair (the shown pair becomes the spare)."""
        self._spare, (self._image, self._keyed) = (self._image, self._keyed), self._spare
        self._shown, self.rest_sprites, self._ground = towers
        self._cache_key = key

    def close(self) -> None:
        """Drop what is being drawn ahead (its scene is going)."""
        self._ahead.close()

    def warm(self, frame: Frame) -> Pieces:
        """Paint the towers of `frame` ahead of time, a batch of windows at a time."""
        key = self._key(frame)
        if key != self._cache_key:
            yield from self._render(key)

    def look(self, frame: Frame) -> Look:
        """Still but for the windows (a few switch now and then, restless ones often) and the
        beacons that blink (worked out once a frame and a state of the towers: the background
        asks, then draws each changed area)."""
        self._prepare(frame)
        seen = self._seen
        if seen is None or seen[0] is not frame or seen[1] != self._cache_key:
            seen = self._seen = (frame, self._cache_key, self._look(frame))
        return seen[2]

    def _look(self, frame: Frame) -> Look:
        night = light_at(frame.hour).daylight < BEACON_DAYLIGHT
        key = self._key(frame)
        restless = self._restless_on(frame) if key == self._cache_key else None
        return key, self._beacons_on(frame.seconds) if night else None, restless

    def changed(self, old: Look, new: Look) -> list[pygame.Rect]:
        """The beacons that blinked and the restless windows that switched; the towers (and
        with the light the ground under them) when other windows are lit or the light
        changed: never the sky over them."""
        if old[0] != new[0] or old[2] is None or new[2] is None:
            bottom = self.floor if old[0][:2] == new[0][:2] else self.height
            areas = [pygame.Rect(0, self.top, self.region[0], bottom - self.top)]
        else:
            areas = [self.restless.rects[i] for i in set(old[2]) ^ set(new[2])]
        return areas + [self._beacon_rect(n) for n in set(old[1] or ()) ^ set(new[1] or ())]

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        key = self._key(frame)
        if key != self._cache_key:
            self._bring(key)
        self._prepare(frame)
        _, beacons, restless = self.look(frame)
        surface.blit(self._shown, (0, self.top))
        sprites = self.rest_sprites
        clip, rects = surface.get_clip(), self.restless.rects
        surface.fblits([(sprites[i], rects[i]) for i in restless or ()
                        if clip.colliderect(rects[i])])
        if self.xplan is None:  # the park is in the towers' picture
            surface.fill(self._ground, (0, self.ground, self.region[0], surface.get_height()))
        for n in beacons or ():
            surface.blit(self.beacon, self._beacon_rect(n), special_flags=pygame.BLEND_RGB_ADD)

    def _render(self, key: WindowKey) -> Pieces:
        """Paint the towers of `key` on the shown pair, now or as a scene is built."""
        self._cache_key = None  # until it is finished
        ahead = self._ahead.take(key)
        if ahead is not None:
            self._swap(key, ahead)
            return
        towers = yield from self._paint(key, self._image, self._keyed)
        self._shown, self.rest_sprites, self._ground = towers
        self._cache_key = key

    def _paint(self, key: WindowKey, image: pygame.Surface, keyed: pygame.Surface,
               blocks: int = BUILDINGS_PER_PIECE) -> Generator[None, None, Towers]:
        """The towers of `key` on `image` (cut out onto `keyed`), a batch of windows (and of
        `blocks` blocks) at a time: the picture to show, the restless windows' sprites and
        the ground's colour."""
        lit, daylight, bucket, side = key[0] / LIT_STEPS, key[1] / 20, key[2], key[3] / SIDE_STEPS
        image.fill((0, 0, 0, 0))
        yield
        base: Color = self.params["color"]
        near = mix(base, _haze(daylight), 0.5 * daylight)
        ground = _ground(base, daylight)
        if self.buildings or self.xplan is not None:
            bare = yield from self._blocks(daylight, side, bucket, blocks)
            copy = pygame.surfarray.pixels2d(image)  # (a plain copy: a blit blends, slower)
            copy[...] = pygame.surfarray.pixels2d(bare)
            del copy
        if self.landmark:
            paint_landmark(image, self.landmark, near, (daylight, side), lit)
        paint_palms(image, self.trees, mix(base, mix(FOLIAGE, _haze(daylight), FOLIAGE_HAZE),
                                           clamp01((daylight - SUN_FROM) / (1 - SUN_FROM))))
        yield  # the towers, then their windows a batch at a time
        glass = mix(near, (140, 160, 190), 0.25 * daylight)
        warm: Color = self.params["windows"]
        sprites = yield from self.restless.sprites(
            RESTLESS_SHADES if lit > 0.02 and daylight < 0.5 else (), warm, self.panes, image)
        per_piece = WINDOWS_PER_PIECE if self.xplan is not None else BLOCK_WINDOWS_PER_PIECE
        for count, (rect, threshold, n) in enumerate(self.windows, 1):
            if count % per_piece == 0:
                yield
            if count - 1 in self.behind:
                continue
            flicker = hash01(self.seed, n, bucket, rect.x) * 0.3
            if count - 1 not in self.restless.chosen and threshold * 0.7 + flicker < lit:
                shade = (0.55 + 0.45 * hash01(self.seed, rect.x, rect.y)) * self._fade(n)
                self.panes.lit(image, rect, (*scaled(warm, shade), 255), count - 1)
            else:
                self.panes.dark(image, rect, glass, daylight, count - 1)
        yield
        shown = yield from cutting(image, keyed)
        return shown, sprites, ground

    def _blocks(self, daylight: float, side: float, bucket: int,
                per_piece: int = BUILDINGS_PER_PIECE) -> Generator[None, None, pygame.Surface]:
        """The blocks in this daylight, their faces but not their windows, those on the sun's
        `side` sunlit (Park La Brea: its towers' walls and the park, whatever the side), the
        sky of the windows' `bucket` in their glass: painted once a light (a few pieces), as
        the lit windows change far more often than the light."""
        light = self._light(daylight, side if self.xplan is None else 0.0, bucket)
        if self._bare is not None and self._bare[0] == light:
            return self._bare[1]
        bare = yield from clear_surface(self.region)  # (a new one: two paintings, ahead
        yield  # and now, may be under way)
        if self.xplan is not None:
            base: Color = self.params["color"]
            yield from paint_towers(bare, self.xplan, (self.top, self.ground),
                                    (base, HAZE, _ground(base, daylight)), daylight)
        canvas = Canvas(self.ground - self.top, max(3, self.height // STOREY), self.tallest,
                        self.signs)
        for count, b in enumerate(self.buildings, 1):
            if count % per_piece == 0:
                yield
            paint(bare, b, canvas, light, count - 1 in self.crowns)
        paint_palms(bare, self.palms, mix(light.base, light.haze, PALM_HAZE * light.daylight))
        self._bare = (light, bare)
        return bare

    def _light(self, daylight: float, side: float, bucket: int) -> Light:
        """The light the blocks are painted in: the sky's colours those of the half hour the
        windows' bucket falls in (so the same for every frame of a key)."""
        sun = clamp01((daylight - SUN_FROM) / (1 - SUN_FROM))
        hour = (bucket * WINDOW_BUCKET // SKY_STEP + 0.5) * SKY_STEP / 3600.0
        return light_of(hour, (daylight, sun, side), self.params["color"], _haze(daylight),
                        HAZE)

    def _beacons_on(self, seconds: float) -> tuple[int, ...]:
        """Which beacons are lit at this moment."""
        return tuple(n for n in range(len(self.beacons))
                     if (seconds / BEACON_PERIOD + n * 0.37) % 1.0 < 0.45)

    def _beacon_rect(self, n: int) -> pygame.Rect:
        """Where beacon n's glow falls."""
        x, y = self.beacons[n]
        half = self.beacon.get_width() // 2
        return pygame.Rect((x - half, y - half), self.beacon.get_size())


def _haze(daylight: float) -> Color:
    """What distance does to the buildings' colour in this daylight: the night's blue haze,
    paling to the noon's as the sun comes out on their faces (from SUN_FROM)."""
    return mix(HAZE, DAY_HAZE, clamp01((daylight - SUN_FROM) / (1 - SUN_FROM)))


def _ground(base: Color, daylight: float) -> Color:
    """The ground's colour under the towers in this daylight."""
    return mix(base, HAZE, 0.2 * daylight)
