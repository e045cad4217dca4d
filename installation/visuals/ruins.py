"""The city after the flash: broken towers with no lamp lit (a few burning inside), a few fires
among them (one may flare up once), one tower's top perhaps giving way at a story time, and the
boulevard under ash in front, Johnie's broken on it and burnt palms along it."""

from __future__ import annotations

import math
from collections.abc import Generator, Mapping
from typing import Any, NamedTuple

import numpy as np
import pygame

from installation.visuals.ash_bury import Buried, spread_alike
from installation.visuals.ash_ground import ASH, RUBBLE_TONE, foot_murk, paving
from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    scaled,
    smooth_noise,
    stable_seed,
)
from installation.visuals.burning import Burning, burning, chosen, flicker, strength_at
from installation.visuals.collapse import (
    DUST_DRIFT,
    DUST_TONE,
    DUST_WIDEST,
    Collapse,
    Dust,
    Moment,
    break_off,
    falling_tower,
    leaning_side,
    moment,
    real_since,
    smoke_wind,
)
from installation.visuals.collapse_break import breaking_off
from installation.visuals.fallen import fallen
from installation.visuals.figure_sun import scene_span, span_share
from installation.visuals.flames import died, gone
from installation.visuals.flames_dying import Fade, fire_fade, lay_fires
from installation.visuals.rubble import paint_rubble, rubble_line
from installation.visuals.ruins_glow import GLOW_STEPS, fire_sprites
from installation.visuals.ruins_sites import (
    TALL,
    Tower,
    clear_of,
    fire_sites,
    into_johnnies,
    nearer,
    scene_thins,
    towers,
)
from installation.visuals.smoke import drawn_over
from installation.visuals.softcut import soft_cutting
from installation.visuals.wilshire import Sprite, wilshire
from installation.visuals.wreckage import Grid, Light, Tone, grid, leaned, paint_tower

FAR_LIGHTEN = 1.5  # the far row is paler: smoke and distance
NEAR_DARKEN = 0.85  # the near row is darker, in front of it
NEAR_GRID = 1.25  # the near row's storeys and bays look this much bigger
HOLE = (0.8, 0.5)  # a dark hole, of the wall's colour: far row (hazier), near row
FIRE_REACH = 0.12  # how far the firelight reaches, of the picture width
LEAN_CHANCE = 0.2  # a tall tower leans
LEAN_DEGREES = (2.0, 5.0)
FIRE_FLICKER_HZ = 2.3  # the lot's fires (see lot.py)
GLOW_HZ = 0.7  # the ruins' firelight swells and sinks slowly: it is kept in the background (a
# change repaints it there), and the smoke layer's fires over it flicker and pulse every frame
FLARE_AT, FLARE_FOR = 100.0, 30.0  # real seconds into the scene: the flare's height, its spread
BURY_STEPS = 7  # the fallen sign's and the car's ash is made at this many depths (`bury`),
# each fading into the next (see ash_bury)


class Flicker(NamedTuple):
    """What the ruins show at a moment: each fire's brightness step, the first one's flare
    (-1: none), and which picture of its flicker each tower burning inside shows."""

    steps: tuple[int, ...]
    flare: int
    inside: tuple[int, ...] = ()
    collapse: Moment | None = None
    buried: int = 0  # how far the ash has come over what lies on the ground, in bands (see
    ground: int = 0  # ash_bury.Spread), and on the ground itself (see Ruins.ground_ash)
    fade: Fade | None = None  # how its fires burn as a transition fades the scene (see fire_fade)


def leaned_mask(mask: np.ndarray, x: int, ground: int, degrees: float) -> np.ndarray:
    """An (x, y) mask of a tower, leaning with it (see `leaned`)."""
    picture = pygame.Surface(mask.shape)
    pygame.surfarray.blit_array(picture, np.where(mask, 0xFFFFFF, 0).astype(np.uint32))
    turned, _ = leaned(picture, x, ground, degrees)
    return pygame.surfarray.array_red(turned) > 127


class Ruins:
    """Towers broken open and dark, fires flickering at their feet."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: each tower, the rubble, then the firelight."""
        width, height = setup.size
        self.seed = setup.timeline.seed
        self.of_scene = setup.scene  # (its fires die with it as a transition fades it)
        self._seen: tuple[Frame, Flicker] | None = None  # the last frame's look
        self.ground = int(height * params["ground"])
        tallest = int(height * params["height"])
        pan: float = params.get("pan", 0.0)
        plan = towers(self.seed, width, tallest, pan)
        self._plan_collapse(params, setup, towers(self.seed, width, tallest) if pan else plan,
                            tallest, bool(pan))
        highest = max(tallest, self.near.height if self.near is not None else 0)
        self.top = max(0, self.ground - highest - height // 30)
        self.color: Color = params["color"]
        fire: Color = params["fire"]
        self.sites = into_johnnies(fire_sites(self.seed, setup.size, self.ground,
                                              params["fires"], clear_of(params, setup), pan),
                                   params, setup.size)
        self.over = drawn_over(setup, self.sites)  # fires the smoke burns over a building
        self.image = pygame.Surface((width, self.ground - self.top), pygame.SRCALPHA)
        self.canvas = self.image  # what a tower is painted into (after the falling one: apart)
        rng = np.random.default_rng(stable_seed(self.seed, "ruins"))
        rows = (grid(height), grid(int(height * NEAR_GRID)))
        tall = [n for n, tower in enumerate(plan) if tower.height > TALL * tallest]
        self.burns = {tall[n] for n in chosen(self.sites, [(plan[k].x, plan[k].width)
                                                            for k in tall], width,
                                              stable_seed(self.seed, "burning"))}
        self.inside: list[Burning] = []  # the towers burning inside...
        self.strength = strength_at(setup.scene.at)  # ...as strongly as at the scene's hour
        self.burns.discard(self.falling)  # its top falls: no fire inside it
        near_from = next((n for n, tower in enumerate(plan) if tower.row == 1), len(plan))
        for n, tower in enumerate(plan):
            yield
            if n == near_from and self.near is not None:  # nearer than the far row, behind
                yield from self._paint_near(fire, tallest, height)  # the near one
            yield from self._paint(tower, rows[tower.row], fire, tallest, rng, n)
        yield
        heap = rubble_line(width, height, [self.near if n == self.falling and self.near
                                           else tower for n, tower in enumerate(plan)]
                           + ([self.near] if self.falling < 0 and self.near else []),
                           max(1, tallest), rng)
        yield
        yield from paint_rubble(self.canvas, heap, height, scaled(self.color, RUBBLE_TONE), rng)
        yield
        self._lay_front()
        yield  # (its cut apart: the two were ~20 ms of one piece)
        self.cut = yield from soft_cutting(self.image, pygame.Surface(self.image.get_size()))
        yield
        self.murk = foot_murk(setup.size, scaled(self.color, RUBBLE_TONE),
                              stable_seed(self.seed, "murk"))
        yield  # (apart from the paving's first piece)
        self.foreground: pygame.Surface | None = None
        paved: list[pygame.Surface] = []  # the ground under each depth of its ash
        self.along: list[Sprite] = []  # Johnnie's (standing or fallen) and the palms: blits
        bury: float = params.get("bury", 0.0) if params["fallen"] else 0.0
        depths = tuple(np.linspace(0, bury, BURY_STEPS).tolist()) if bury else (0.0,)
        ash: float = params.get("ash", 1.0)
        end: float = ash if params.get("ash_end") is None else params["ash_end"]
        grounds = tuple(np.linspace(ash, end, BURY_STEPS).tolist()) if end != ash else (ash,)
        cars: list[Sprite] = []  # the car under each depth of ash (none: painted in)...
        covers: list[list[Sprite]] = []  # ...the ash over the fallen lamp post, and its lamp
        if params["boulevard"]:
            vanish = int(width * params["boulevard_x"])
            paved, cars, covers = yield from paving(
                (width, height - self.ground), vanish, self.color, rng, depths if bury else (),
                grounds)
            self.foreground = paved[0]
            yield
            self.along = yield from wilshire(setup.size, self.ground, vanish, self.color,
                                            setup.font, self.seed, not params["fallen"])
        sign: list[Sprite] = []  # the fallen sign under each depth of ash
        if params["fallen"]:
            sign = yield from fallen(setup.size, self.ground, self.color, setup.font,
                                     self.seed, depths)
        self.thins, self.thinning = scene_thins(setup)  # (its fires die down with the smoke)
        buried = Buried(tuple(tuple(pictures) for pictures in (
            [(car, (x, y + self.ground)) for car, (x, y) in cars],
            *([(ash, (x, y + self.ground)) for ash, (x, y) in cover] for cover in covers),
            sign) if pictures),
            scene_span(setup))
        # The ground under the ash deepening over the scene, with what lies on it (the same
        # steps, in the same bands: each step's car and post were drawn on its own ground).
        self.buried, self.ground_ash = spread_alike(height, buried, Buried(
            ((tuple((ground, (0, self.ground)) for ground in paved),) if paved else ()),
            buried.span))
        yield
        self.flare: float = params.get("flare", 0.0)
        self.glows, self.flares, self.flames = fire_sprites(height, fire, bool(self.flare),
                                                            self.strength)

    def _plan_collapse(self, params: Mapping[str, Any], setup: Setup, plan: list[Tower],
                       tallest: int, apart: bool = False) -> None:
        """Which tower gives way, when, which way it leans and how the dust drifts (nothing
        without `collapse`). `apart` (the row `pan`ned; `plan` the row as the flash saw it):
        it stands nearer where it stood in `plan`, apart from the row slid past behind it."""
        self.collapse: Collapse | None = None
        self.front: tuple[pygame.Surface, tuple[int, int]] | None = None  # what stands before it
        self.falling = -1
        self.near: Tower | None = None  # the falling tower, nearer (`collapse_size`)
        self.size: float = params.get("collapse_size", 1.0)
        at = params.get("collapse")
        if at is None:
            return
        self.falling = falling_tower(plan, TALL * tallest, setup.width, self.seed,
                                     params.get("collapse_x"))
        self.lean = leaning_side(plan, self.falling) if self.falling >= 0 else 1
        if (self.size != 1 or apart) and self.falling >= 0:
            self.near = nearer(plan[self.falling], self.size)
            self.falling = -1 if apart else self.falling  # (no tower of the row is left out)
        line = setup.timeline
        self.collapse_at = line.offset(at) - line.offset(setup.scene.at)  # story seconds in
        self.scene_at = setup.scene.at
        self.drift = DUST_DRIFT * setup.width * smoke_wind(setup)

    def _break(self, surface: pygame.Surface, place: tuple[int, int]) -> Pieces:
        """The falling tower's top torn off its picture (it stands as a stump), then the
        towers after it painted apart: they stand before the top as it falls (in pieces). If
        it fell before the scene, only the stump."""
        yield
        rng = np.random.default_rng(stable_seed(self.seed, "collapse"))
        if self.collapse_at < 0:
            break_off(surface, rng)
            self.canvas.blit(surface, place)
            return
        dust = Dust(scaled(ASH, DUST_TONE), self.drift,
                    DUST_WIDEST * self.size * self.image.get_width())
        tiers = yield from breaking_off(surface, rng)
        yield
        self.collapse = Collapse(surface, place, self.ground - self.top, dust, rng, self.lean,
                                 tiers)
        yield from self.collapse.pieces()
        self.canvas.blit(surface, place)
        self.canvas = pygame.Surface(self.image.get_size(), pygame.SRCALPHA)

    def _lay_front(self) -> None:
        """What was painted after the falling tower laid over the picture, and kept where the
        top falls (drawn over it while it stands or falls)."""
        if self.canvas is self.image:
            return
        later, self.canvas = self.canvas, self.image
        self.image.blit(later, (0, 0))
        if self.collapse is not None:
            area = self.collapse.reach().clip(later.get_rect())
            self.front = (later.subsurface(area).copy(), (area.x, area.y + self.top))

    def _light(self, tower: Tower) -> Light:
        """Where the light on a tower comes from: its nearest fire, or the sky on the left."""
        middle = tower.x + tower.width / 2
        if not self.sites:
            return Light(-1, 0.0)
        x = min((site[0] for site in self.sites), key=lambda site: abs(site - middle))
        reach = FIRE_REACH * self.image.get_width()
        return Light(1 if x > middle else -1, max(0.0, 1 - abs(x - middle) / reach))

    def _paint(self, tower: Tower, cells: Grid, fire: Color, tallest: int,
               rng: np.random.Generator, n: int) -> Pieces:
        """Tower n, broken, into the picture, leaning now and then, perhaps burning inside (in
        pieces). The falling one, if it stands nearer, is made all the same (the towers after
        it take the same chances as in a scene where it stands far) but laid later."""
        built = yield from self._built(tower, cells, Tone(scaled(
            self.color, FAR_LIGHTEN if tower.row == 0 else NEAR_DARKEN), fire, HOLE[tower.row]),
            tallest, rng)
        surface, place, holes = built
        if n == self.falling and self.near is not None:
            return
        if n == self.falling:
            yield from self._break(surface, place)
        else:
            self.canvas.blit(surface, place)
        if n in self.burns:
            yield
            inside = yield from burning(
                surface, holes[0], (place[0], place[1] + self.top), cells, fire,
                np.random.default_rng(stable_seed(self.seed, "burning", n)), self.strength)
            self.inside.extend([inside] if inside is not None else [])

    def _built(self, tower: Tower, cells: Grid, tone: Tone, tallest: int,
               rng: np.random.Generator) -> Generator[
                   None, None, tuple[pygame.Surface, tuple[int, int], list[np.ndarray]]]:
        """Tower's picture, where it stands in the ruins' picture, and its dark openings (an
        (x, y) mask), leaning now and then (in pieces)."""
        holes: list[np.ndarray] = []
        surface = yield from paint_tower((tower.width + 1, tower.height), cells, tone,
                                         self._light(tower), rng, holes)
        lean = rng.random() < LEAN_CHANCE and tower.height > TALL * tallest
        degrees = rng.uniform(*LEAN_DEGREES) * (1 if rng.random() < 0.5 else -1)
        place = (tower.x, self.ground - self.top - surface.get_height())
        if lean:
            surface, place = leaned(surface, tower.x, self.ground - self.top, degrees)
            holes = [leaned_mask(holes[0], tower.x, self.ground - self.top, degrees)]
        return surface, place, holes

    def _paint_near(self, fire: Color, tallest: int, height: int) -> Pieces:
        """The falling tower standing nearer (`collapse_size`): after the far row, before the
        near one, as dark as the near row, its storeys larger, then broken to fall."""
        assert self.near is not None
        cells = grid(round(height * self.size))
        rng = np.random.default_rng(stable_seed(self.seed, "ruins", "nearer"))
        surface, place, _holes = yield from self._built(
            self.near, cells, Tone(scaled(self.color, NEAR_DARKEN), fire, HOLE[1]), tallest, rng)
        yield from self._break(surface, place)

    def look(self, frame: Frame) -> Flicker:
        """The towers never change; the fires flicker between GLOW_STEPS brightnesses, so the
        whole layer lives in the kept background, painted again where a fire's step moves
        (worked out once a frame: asked by the background, then by each area it paints)."""
        if self._seen is None or self._seen[0] is not frame:
            self._seen = (frame, self._look(frame))
            if self.collapse is not None and self._seen[1].collapse is not None:
                self.collapse.prepare(frame, self._seen[1].collapse)  # (its next dust ahead)
        return self._seen[1]

    def close(self) -> None:
        """Drop what the collapse makes ahead (the scene is going)."""
        if self.collapse is not None:
            self.collapse.close()

    def _look(self, frame: Frame) -> Flicker:
        """`look`, worked out."""
        seconds = frame.seconds
        down = died(self.thins, span_share(self.thinning, frame.story_time))
        steps = tuple(-1 if gone(n, down) else int((1 - down) * min(
            GLOW_STEPS - 1, int(smooth_noise(self.seed + n, seconds * GLOW_HZ) * GLOW_STEPS)))
            for n in range(len(self.sites)))
        inside = tuple(flicker(self.seed, n, seconds) for n in range(len(self.inside)))
        return Flicker(steps, self._flare_step(seconds), inside, self._moment(frame),
                       self.buried.count(frame.story_time),
                       self.ground_ash.count(frame.story_time), fire_fade(frame, self.of_scene))

    def _moment(self, frame: Frame) -> Moment | None:
        """Where the collapse is at this frame (None: no collapse)."""
        if self.collapse is None:
            return None
        return moment(real_since(frame.story_time, frame.seconds, self.scene_at,
                                 self.collapse_at))

    def changed(self, old: Flicker, new: Flicker) -> list[pygame.Rect]:
        """The glow and flame of each fire whose step moved (of every fire, when a transition
        fades them another way), and the flare's glow if it did."""
        was, now = Flicker(*old), Flicker(*new)
        faded = was.fade != now.fade
        areas = [area for n, (before, after) in enumerate(zip(was.steps, now.steps, strict=True))
                 if before != after or faded for area in self._fire_areas(n)]
        areas.extend(tower.area() for tower, before, after in zip(
            self.inside, was.inside, now.inside, strict=True) if before != after)
        if was.collapse != now.collapse and self.collapse is not None:
            areas.extend(area.move(0, self.top)
                         for area in self.collapse.changed_round(was.collapse, now.collapse))
        areas.extend(self.buried.areas(was.buried, now.buried))
        areas.extend(self.ground_ash.areas(was.ground, now.ground))
        if was.flare != now.flare or faded:
            areas.extend(pygame.Rect(place, glow.get_size())
                         for glow, place in self._flare_blits(max(was.flare, now.flare)))
        return areas

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """The broken towers (some burning inside) and the ground, then the fires, at this
        frame's flicker, then the fallen tower's dust."""
        flicker = self.look(frame)
        self._still(surface, flicker)
        lay_fires(surface, (), self._fire_blits(flicker), flicker.fade)
        self._dust(surface, flicker.collapse)  # (over it all: a fall's dust rolls out from the
        # tower's foot over what stands and burns round it, and over the ground in front)

    def _still(self, surface: pygame.Surface, flicker: Flicker) -> None:
        """The broken towers, the fires inside some of them, and the ground."""
        # (its solid towers a keyed copy, its soft edges blended: the same pixels as the
        self.cut.draw(surface, (0, self.top))  # picture blended whole, ~a fifth of the work)
        self._fall(surface, flicker.collapse)
        surface.blit(self.murk, (0, self.ground - self.murk.get_height()))
        surface.fblits([(tower.frames[shown], tower.place) for tower, shown
                        in zip(self.inside, flicker.inside, strict=True)], pygame.BLEND_RGB_ADD)
        if self.foreground is not None:
            self.ground_ash.draw(surface, flicker.ground)
        else:
            surface.fill(self.color, (0, self.ground, surface.get_width(), surface.get_height()))
        surface.blits(self.along, doreturn=False)
        self.buried.draw(surface, flicker.buried)

    def _fall(self, surface: pygame.Surface, now: Moment | None) -> None:
        """The falling tower's top, standing or falling, and the towers and heaps before it."""
        if self.collapse is None or now is None:
            return
        blits = [(picture, (x, y + self.top)) for picture, (x, y)
                 in self.collapse.fall_blits(now)]
        surface.fblits(blits)
        if self.front is None:
            return
        front, (x, y) = self.front  # laid again only over the falling pieces: its soft edges
        for picture, place in blits:  # are in the picture already (a repaint stays the same)
            area = pygame.Rect(place, picture.get_size()).move(-x, -y).clip(front.get_rect())
            if area:
                surface.blit(front, (x + area.x, y + area.y), area)

    def _dust(self, surface: pygame.Surface, now: Moment | None) -> None:
        """The dust cloud from the fallen tower's foot, each puff at its strength."""
        if self.collapse is None or now is None:
            return
        for picture, (x, y), strength in self.collapse.dust_blits(now):
            picture.set_alpha(strength)
            surface.blit(picture, (x, y + self.top))

    def _fire_blits(self, flicker: Flicker) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """Each fire at its step, its glow and its flame, after the first one's flare if it
        shows (all added over the picture)."""
        blits = self._flare_blits(flicker.flare)
        for n, step in enumerate(flicker.steps):
            blits.extend(self._fire(n, step))
        return blits

    def _fire(self, n: int, step: int) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """Fire n at a step: its glow, and its flame a step brighter (-1: out, nothing; none
        where the smoke burns it over a building in front of the ruins, see smoke.drawn_over)."""
        if step < 0 or n in self.over:
            return []
        x, y = self.sites[n]
        half = self.glows[0].get_width() // 2
        flame = self.flames[min(GLOW_STEPS - 1, step + 1)]
        w, h = flame.get_size()
        return [(self.glows[step], (x - half, y - half)), (flame, (x - w // 2, y - int(h * 0.75)))]

    def _fire_areas(self, n: int) -> list[pygame.Rect]:
        """Where fire n can paint, at any step (its glow, and its largest flame)."""
        return [pygame.Rect(place, sprite.get_size()) for sprite, place in self._fire(n, 0)]

    def _flare_step(self, seconds: float) -> int:
        """How far the first fire has flared up at `seconds`: -1 not at all, else the step of
        its swollen glow (it flares over a minute or so and dies back)."""
        if not self.flares or not self.sites:
            return -1
        gain = self.flare * math.exp(-(((seconds - FLARE_AT) / FLARE_FOR) ** 2))
        return min(GLOW_STEPS - 1, int(gain * GLOW_STEPS) - 1)

    def _flare_blits(self, step: int) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The flare's glow at a step round the first fire (nothing below step 0)."""
        if step < 0:
            return []
        glow = self.flares[step]
        x, y = self.sites[0]
        half = glow.get_width() // 2
        return [(glow, (x - half, y - half))]
