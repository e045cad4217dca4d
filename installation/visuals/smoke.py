"""A burning city's fires and their smoke: flames licking up over each fire, the light they
throw pulsing round them, embers rising, and a continuous plume of smoke climbing from each,
billowing wider and leaning over with the wind; no two columns alike."""

from __future__ import annotations

from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    Frame,
    Pieces,
    Setup,
    at_once,
    hash01,
    mix,
    s_curve,
    scaled,
    stable_seed,
)
from installation.visuals.figure_sun import scene_span, span_share
from installation.visuals.fire_base import Base, make_base
from installation.visuals.flames import (
    Fire,
    Spread,
    cover_blits,
    died,
    fire_blits,
    glowing,
    gone,
    light_step,
    make_fire,
    out_since,
    sunk,
    tongues_of,
)
from installation.visuals.flames_dying import dying_pieces, fire_fade, lay_fires
from installation.visuals.husk_windows import window_fires
from installation.visuals.maycompany_surfaces import columns_of
from installation.visuals.plume import WIDTH, Shape, Strips, strips
from installation.visuals.plume_bands import Bands, bands_of, joined, plume_blits
from installation.visuals.plume_foot import Foot, foot_of, keep, lay
from installation.visuals.ruins_sites import scene_fires, thinning_span

Alight = tuple[Fire, tuple[int, int], int, int, int | None]  # a fire alight: its fires, its
# flames' foot, its number, its seed, the row its light pools on (None: at its foot)
LIFE = 24.0  # real seconds the smoke takes from a fire to the top of its column
LEAN = 0.9  # how far the top of a column is blown, in column heights at full wind
FIRE: Color = (255, 110, 36)  # the firelight the flames throw
FLAME = (0.075, 1.6)  # the flames' width (of the picture height, size 1) and height (of it):
# a building's fire (0.048 read as small flames hovering over the ruins)
SPREAD = Spread(0.04, 1.2, 1.9)  # the outer flames of a fire stand this much lower than its
# middle one (of their height, see flames.blaze): on their stump's roof, not down its walls; its
# light reaches as far and climbs its smoke as high as the smaller flames' did (1.85 and 3 of
# their size: a building's fire's lit Johnie's post and half its column)
WALL: Color = (30, 22, 20)  # a burning stump's walls without a ruins layer to match
HAZED = 0.5  # its walls as pale as this much of the scene's haze makes them (all of it: a pale
# firelit box, its foot hard on the darker rubble)
FOOT = 0.35  # the smoke leaves the flames this far up them (out of their top, not their foot)...
RISING = 0.45  # ...and rises out of them over this much more of their height (see plume_foot)
FOOT_WIDE = 0.9  # and even a wisp is this wide there, of the layer's own (its fire is as broad:
# a wisp's narrow foot was lost in front of a dark tower and seemed to start at its top)
ASH: Color = (132, 128, 124)  # the grey a thin column's smoke pales towards
LEANS = (0.7, 1.2)  # a column leans this much of the wind's lean, more or less
SPEEDS = (0.85, 1.15)  # and its smoke climbs this much of the common speed
WINDOW_FLAME = (1.6, 1.3)  # flames licking out of a burning window: this much wider than it
# (the mean of a building's), and this much taller than the flames' shape (see FLAME)
RISES_AWAY = 0.08  # a column whose fire has gone out rises away from its foot up, all of it
# gone once the fires have died this much further down (see flames.died; by 06:22 in Ash: it
# hung on over the dead ruins, its foot 80 px up in the air, to the scene's end)
DYING_LEVELS = 8  # the fires die down with the smoke through this many strengths (each
# 1 / DYING_LEVELS weaker: their flames lower and redder, their light fainter)


@dataclass(frozen=True)
class Kind:
    """A kind of column, against the layer's own: how wide, how thick and how dark its smoke
    is, and how far it pales towards ASH."""

    wide: float
    thick: float
    dark: float
    grey: float


HEAVY = Kind(1.15, 1.0, 0.8, 0.0)  # a heavy black column
WISP = Kind(0.6, 0.7, 1.0, 0.4)  # a thin grey wisp
MIDDLE = Kind(0.9, 0.95, 0.95, 0.1)  # the others between
KINDS = (HEAVY, WISP, MIDDLE)  # the first column (in a seeded order) heavy, then a wisp


def kinds_of(count: int, seed: int) -> list[int]:
    """Which of KINDS each of `count` columns is: one heavy (a lone column), one a wisp, the
    rest between; which of the first two fires gets the heavy one is chosen by the seed, the
    same whatever the count (two scenes with the same `look` show the same columns)."""
    first = np.random.default_rng(seed).permutation(2).tolist() if count > 1 else [0]
    return [int(first[n]) if n < len(first) else len(KINDS) - 1 for n in range(count)]


def walls_of(setup: Setup) -> Color:
    """The colour of the scene's ruins (its first ruins layer's), for its burning stumps, as
    pale as its haze makes them (the smoke is drawn over the haze: a stump darker than the
    ruins round it stood out as pasted on)."""
    layers = setup.scene.layers
    ruins = next((spec for spec in layers if spec.type == "ruins"), None)
    haze = next((spec for spec in layers if spec.type == "haze"), None)
    wall: Color = ruins.params["color"] if ruins is not None else WALL
    return wall if haze is None else mix(wall, haze.params["color"], HAZED * haze.params["amount"])


def drawn_over(setup: Setup, sites: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Which of the scene's fire `sites` (its ruins', see ruins_sites.scene_fires) the scene's
    smoke layer burns over one of its May Companies (the building drawn over the ruins, under
    the smoke): its flames and their light lie over the building, so the ruins must not draw
    that fire under it too (cut off along the building's foot, its glow and flame below the
    ground line only: a hard seam across the smoke's flames there)."""
    smoke = next((spec for spec in setup.scene.layers if spec.type == "smoke"), None)
    if smoke is None:
        return frozenset()
    spans = [columns_of(spec.params, setup.size) for spec in setup.scene.layers
             if spec.type == "maycompany"]
    return frozenset(n for n, (x, _y) in enumerate(sites[:smoke.params["columns"]])
                     if any(left <= x < right for left, right in spans))


class Smoke:
    """Each column a function of time: its flames at their flipbook frame, its light at its
    brightness, its embers where their paths are, its plume's texture as far up as the time
    has carried it (every sprite made once, at build)."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the fire's sprites, then the plumes' strips one at a time."""
        height = setup.size[1]
        self.of_scene = setup.scene  # (its fires die with it as a transition fades it)
        self.seed = stable_seed(setup.timeline.seed, "smoke")
        self.wind: float = params["wind"]
        ground = int(height * params["ground"])
        rise = height * params["height"]
        flame_w = max(6, round(height * FLAME[0] * params["size"]))
        flame_h = round(flame_w * FLAME[1])
        tongues = [tongues_of(self.seed, n) for n in range(params["columns"])]
        sites = scene_fires(setup, ground, params["columns"])
        self.stumps: list[tuple[int, int, Base]] = []
        for n, ((x, y), count) in enumerate(zip(sites, tongues, strict=True)):
            yield  # (a stump a piece: four in one were 10 ms of a frame building the flash)
            self.stumps.append((x, y, make_base((flame_w, flame_h), count, walls_of(setup),
                                                stable_seed(self.seed, "stump", n))))
        self.feet = [(x + base.flames[0], y + base.flames[1]) for x, y, base in self.stumps]
        self.fire: Fire = yield from make_fire(  # (leaning as the smoke, standing on the roof)
            flame_w, flame_h, FIRE, self.seed, tongues, setup.made, self.wind, SPREAD)
        yield
        self.windows = window_fires(setup, self.feet)
        self.window_fire = yield from self._window_fire(setup)
        kinds = kinds_of(len(self.feet), setup.seed)
        wide = height * params["size"]
        self.leans: float = params["leans"]  # (its bands made for the lean at the start: made
        # for the end's, twice as many cost 0.4 ms a frame; by then the smoke has thinned, and
        # the steps between them, up to 1 + leans times as wide, do not show)
        lean = self.wind * LEAN * rise
        shapes = {k: Shape(0, 0, rise, lean, WIDTH[0] * wide * max(FOOT_WIDE, KINDS[k].wide),
                           WIDTH[1] * wide * KINDS[k].wide, rise / LIFE) for k in set(kinds)}
        made: dict[int, Strips] = {}
        for k in sorted(shapes):  # columns of a kind share its strips (fewer to make)
            kind = KINDS[k]
            color = mix(scaled(params["color"], kind.dark), ASH, kind.grey)
            made[k] = yield from strips(shapes[k], color, params["amount"] * kind.thick,
                                        stable_seed(setup.seed, "plume", k), setup.made)
        self.strips = made  # (they hold the textures other scenes may share: not their strips)
        lift = round(flame_h * FOOT)
        self.columns = [replace(shapes[k], x=x, y=y - lift,
                                lean=shapes[k].lean * self.jitter(LEANS, 1, n, setup.seed),
                                speed=shapes[k].speed * self.jitter(SPEEDS, 2, n, setup.seed))
                        for n, (k, (x, y)) in enumerate(zip(kinds, self.feet, strict=True))]
        self.bands: list[Bands] = []
        for n, (k, column) in enumerate(zip(kinds, self.columns, strict=True)):
            yield  # (a column's bands a piece: with the last strip's, ~9 ms of a frame)
            self.bands.append(bands_of(column, made[k], self.wind, hash01(self.seed, n)))
        yield
        self.plumes = joined(self.bands)  # every column's, drawn in one go
        sway = abs(self.leans * self.wind * LEAN) * RISING * flame_h  # (as far as it leans there)
        self.bases = [foot_of(bands, round(RISING * flame_h), sway + 1, stable_seed(self.seed, n),
                             setup.size) for n, bands in enumerate(self.bands)]
        self.owners = np.concatenate([np.full(len(bands.tops), n)
                                      for n, bands in enumerate(self.bands)])
        self.bottoms = self.plumes.ups - np.array(self.plumes.rows)  # (over their feet)
        self.rise = rise
        self.images = list(dict.fromkeys(self.plumes.images))
        self.opacity = 255  # (as they were made)
        self.leaning = np.concatenate([bands.lefts + np.array(bands.widths) / 2 - column.x
                                       for bands, column in zip(self.bands, self.columns,
                                                                strict=True)])
        self.thins: float = params["thins"]
        self.span = thinning_span(setup, params)  # (its fires die down over it)
        self.wind_span = scene_span(setup)  # (the wind gets up over the scene)
        self.dying = [(self.fire, self.window_fire)]  # the fires (at the feet, in the
        # windows) at each strength they die down through
        fires = len(self.feet) + len(self.windows)  # (down to the weakest, if one goes out)
        weakest = (DYING_LEVELS - 1 if gone(fires - 1, self.thins)
                   else int(self.thins * DYING_LEVELS))
        for level in range(1, weakest + 1):
            yield
            fire = yield from dying_pieces(self.fire, 1 - level / DYING_LEVELS)
            windows = self.window_fire
            if windows is not None:
                windows = yield from dying_pieces(windows, 1 - level / DYING_LEVELS)
            self.dying.append((fire, windows))

    def _window_fire(self, setup: Setup) -> Generator[None, None, Fire | None]:
        """The flames licking out of the burning windows, one or two a window (none: None)."""
        if not self.windows:
            return None
        wide = max(4, round(float(np.mean([w for _x, _y, w in self.windows])) * WINDOW_FLAME[0]))
        return (yield from make_fire(wide, round(wide * FLAME[1] * WINDOW_FLAME[1]), FIRE,
                                     self.seed + 1, [1 + k % 2 for k in range(len(self.windows))],
                                     setup.made, self.wind))

    def died(self, story_time: float) -> float:
        """How far the fires have died down now (see flames.died)."""
        return died(self.thins, span_share(self.span, story_time))

    def fire_blits(self, seconds: float, down: float) -> list[tuple[pygame.Surface,
                                                                    tuple[int, int]]]:
        """Each fire still alight at this moment, as far died `down` as the scene has it."""
        fire, buildings, windows = self._alight(down)
        blits = [blit for book, foot, n, seed, ground in buildings
                 for blit in fire_blits(book, foot, seconds, n, seed, self.wind, ground=ground)]
        blits.extend(self._stump_glows(fire, seconds, down))
        blits.extend(blit for book, foot, n, seed, _ground in windows
                     for blit in fire_blits(book, foot, seconds, n, seed, self.wind, whole=False))
        return blits

    def cover_blits(self, seconds: float, down: float) -> list[tuple[pygame.Surface,
                                                                     tuple[int, int]]]:
        """What the flames of every fire still alight hide of what is behind them (see
        flames.cover_of), all before any fire's light is added."""
        _fire, buildings, windows = self._alight(down)
        return [blit for book, foot, n, seed, _ground in buildings + windows
                for blit in cover_blits(book, foot, seconds, n, seed)]

    def _alight(self, down: float) -> tuple[Fire, list[Alight], list[Alight]]:
        """The fires as far died `down`, and those still alight: the buildings' (on their
        stumps, their light pooled on the ground) and the windows' (none: no window fires)."""
        fire, windows = self._dying(down)
        buildings: list[Alight] = [
            (self._dying(sunk(n, down))[0], foot, n, self.seed, ground)
            for n, (foot, (_x, ground, _base)) in enumerate(zip(self.feet, self.stumps,
                                                                strict=True))
            if not gone(n, down)]
        if windows is None:
            return fire, buildings, []
        first = len(self.feet)
        return fire, buildings, [(self._dying(sunk(first + k, down))[1] or windows, (x, y), k,
                                  self.seed + 1, None)
                                 for k, (x, y, _w) in enumerate(self.windows)
                                 if not gone(first + k, down)]

    def _dying(self, down: float) -> tuple[Fire, Fire | None]:
        """The fires (at the feet, in the windows) died `down` far (a fire going out sinks
        further than the rest: see flames.sunk)."""
        return self.dying[min(len(self.dying) - 1, int(down * DYING_LEVELS))]

    def _stump_glows(self, fire: Fire, seconds: float,
                     down: float) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """The glowing bed and windows of each burning stump, as bright as its flames now and
        as far died `down` (none once its fire is out)."""
        out = []
        for n, (x, y, base) in enumerate(self.stumps):
            if glowing(n, down) > 0:  # (its bed glows out after its flames have gone)
                step = int(light_step(fire, seconds, n, self.seed) * (1 - down)
                           * glowing(n, down))
                out.append((base.glows[step], (x + base.glow_at[0], y + base.glow_at[1])))
        return out

    def _leaned(self, story_time: float) -> Bands:
        """Every column's bands leaning as far over as the wind has got up now (`leans`)."""
        if not self.leans:
            return self.plumes
        now = self.leans * span_share(self.wind_span, story_time)
        return replace(self.plumes, lefts=self.plumes.lefts + self.leaning * now)

    def _plumes(self, surface: pygame.Surface, frame: Frame, opacity: int) -> None:
        """Every column's plume at `opacity`, leaning as far as the wind has it (its strips are
        this layer's own, coloured for it: faded only when the opacity changes, a step every
        second or so as the fires die down, not faded and put back every frame)."""
        if opacity != self.opacity:
            for image in self.images:
                image.set_alpha(min(255, opacity))
            self.opacity = opacity
        leaned = self._leaned(frame.story_time)
        blits = plume_blits(leaned, frame.seconds)
        tails = self._tails(self.died(frame.story_time))
        bases = self.bases
        if tails.any():  # (a column whose fire is out: only what has not yet risen away)
            shown = self.bottoms >= tails[self.owners]
            blits = [blit for blit, kept in zip(blits, shown.tolist(), strict=True) if kept]
            bases = [self._risen(base, leaned, n, int(tail))
                     for n, (base, tail) in enumerate(zip(self.bases, tails.tolist(), strict=True))
                     if tail < self.rise]
        keep(surface, bases)
        surface.blits(blits, doreturn=False)
        lay(surface, bases)

    def _tails(self, down: float) -> np.ndarray:
        """How far up each column its smoke has risen away from its foot (rows: 0 while its
        fire burns, the whole column RISES_AWAY further down after it went out)."""
        return np.array([self.rise * float(s_curve(min(1.0, out_since(n, down) / RISES_AWAY)))
                         if out_since(n, down) else 0.0 for n in range(len(self.bands))])

    def _risen(self, base: Foot, leaned: Bands, n: int, tail: int) -> Foot:
        """Column n's foot (its smoke fading in over it) moved `tail` rows up it, as far over as
        the column leans there."""
        if not tail:
            return base
        first = int(np.argmax((self.owners == n) & (self.bottoms >= tail)))
        foot = int(np.argmax(self.owners == n))
        dx = leaned.lefts[first] - leaned.lefts[foot] \
            + (leaned.widths[first] - leaned.widths[foot]) / 2
        return replace(base, area=base.area.move(round(dx), -tail))

    @staticmethod
    def jitter(span: tuple[float, float], salt: int, n: int, seed: int) -> float:
        """Column n's own share of something, within `span`."""
        return span[0] + (span[1] - span[0]) * hash01(seed, salt, n)

    def draw(self, surface: pygame.Surface, frame: Frame) -> None:
        """Every column's plume, then over it the light each fire throws (on the ruins round
        it and up the underside of its smoke), its flames and its embers (light added)."""
        seconds, down = frame.seconds, self.died(frame.story_time)
        self._plumes(surface, frame, round(255 * (1 - down)))  # (less smoke: dying fires)
        surface.fblits([(base.wall, (x + base.place[0], y + base.place[1]))
                        for x, y, base in self.stumps])
        lay_fires(surface, self.cover_blits(seconds, down), self.fire_blits(seconds, down),
                  fire_fade(frame, self.of_scene))
