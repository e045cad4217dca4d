"""Under the tar: bones of forty thousand years in layers, fainter the deeper they lie, and
the city's things half sunk in its surface, the tar heaped round them and clinging to them."""

from __future__ import annotations

import math
import random
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pygame

from installation.visuals.base import (
    HOUR,
    Color,
    Frame,
    Pieces,
    Setup,
    Split,
    at_once,
    mix,
    s_curve,
    scaled,
    stable_seed,
)
from installation.visuals.fossil_city import KEPT
from installation.visuals.fossil_kinds import FINDS, Find
from installation.visuals.fossil_light import hollow, sheen
from installation.visuals.fossil_small import SMALL
from installation.visuals.fossils import laid
from installation.visuals.glow import radial
from installation.visuals.mire import sky_over
from installation.visuals.palette import light_at
from installation.visuals.shapes import across, in_tar
from installation.visuals.silhouette_sink import DAY
from installation.visuals.tar_remains import REMAINS, Sunk, lay_thing, remains_spans
from installation.visuals.tar_strata import (
    SOFT_HEIGHT,
    STRATA,
    banded,
    bubbles,
    darkened_foot,
    soften,
    strata,
    streaks,
    surface_fade,
)

NEAREST = 1.0  # the bones nearest the surface: this much of the bone colour, the rest tar
DEEPEST = 0.5  # how much of that the lowest layer keeps (at 0.7, with every find in one of
# two bands, they all lay at one depth: stickers on the tar; at 0.6 the deepest were as
# bright as the nearest)
BONE_ALPHA = 235  # how much of a bone shows over the tar round it ...
DEEP_ALPHA = 200  # ... and of the lowest layer's (the strata showing through the tar over it)
DEPTHS = (3, 6, 5, 4, 3, 3, 4)  # the bands the finds lie in, in turn across: the skulls and
# the teratorn near (large and lit), the tusk and ribs deeper (dimmer, softer, smaller), a
# thigh bone deepest, a glimpse in the dark; none above CLEAR_BANDS, the city's things'
ROWS = (0.48, 0.88)  # how far down the cut the nearest and the deepest lie, in its depth (by
# their bands' middles, kept off the picture's foot, all seven lay in one row 50 px deep:
# review 25, a museum's shelf)
ROW_STRAY = 0.05  # how far a find strays up or down from its depth's row, in the cut's depth
BURIED = 0.75  # the deepest may reach this much further down (of what keeps the nearest off
# the picture's foot): part of it lost in the dark foot of the cut
BURY = 0.2  # the deeper find is this much more of its height under the tar's edge
TUMBLED = 25.0  # and turned this many degrees further (tilted into the layers)
SMALL_BONES = 20  # small bones between the large finds at amount 1 (see fossil_small)
SMALL_DEPTHS = (4, 6, 5, 4, 5, 6, 4, 5, 6)  # their bands, in turn
SMALL_STRAY = 0.3  # how far one strays across from its gap's middle, in the gap's widths
FOOT_DARK = 0.35  # the lowest stratum darkens down to this much of its light at the foot
DEEP_SOFT = 2.5  # the lowest layer's finds shrunk this many times more than the nearest and
# enlarged (the sharpness of the nearest all the way down read as cut-outs); the nearest are
# crisp (all softened alike after, the nearest were as soft as the strata round them)
FILM = 0.35  # the tar's sheen over the lowest layer's finds: this much of their colour the
# tar's own light (the sky it gives back, dimmed)
FILM_LIGHT = 0.3  # that light: this much of the sky's
DEEP_LIGHT = (58, 52, 44)  # that light (the sky's, through the tar: a bone's sheen greyed) ...
DEEP_LIT = 2.5  # ... softened, a deep find's upper side is lit again, this much of it
# sheen at the lowest (its light, blurred into the tar with its edges, left the deepest band's
# thigh bone and teratorn dim smudges while the bands over them stood lit as a dig is)
BONES = 9  # finds at amount 1: one animal of each kind (see FINDS) before any comes again
BONE_SIZE = 0.075  # a find's half length, in the picture's heights (times its kind's size; at
# 0.05 a mammoth's skull was 130 px across, its teeth and sockets lost from across the room;
# 0.066 with the finds further down through the bands made them smaller still)
DEEPER = 0.3  # the deepest are this much smaller: further off through the tar
SPREAD = 0.15  # how far a find strays from its even place across, in a place's widths
FIND_REACH = 2.5  # how far a find, its shadow and all, reaches from its middle, in its sizes
EXTENT = 1.2  # how far a find (turned as it lies) reaches up or down from its middle, in its
# sizes
FOOT_CLEAR = 0.07  # no find reaches lower than this share of the picture's height above its
# foot (cut by the frame's edge, in the vignette's dark, a skull read as half of one, twice)
DRIFT = 0.045  # the last two finds move while we watch, this share of the picture's height
DRIFT_SECONDS = 180.0  # over this many real seconds: one surfacing, one settling deeper
GLINT = (70, 58, 40)  # an oily glint on a bone's upper side at its brightest (added)
GLINT_SIZE = 1 / 120  # its radius, in the picture's heights
GLINT_UP = 0.25  # how far above a bone's middle it catches the light, in its sizes
GLINT_SECONDS = 14.0  # each glint comes and goes once in this many real seconds ...
GLINT_SHARPNESS = 6  # ... showing for a short part of it (a power of the sine)
GLINT_LEVELS = 8  # the glint's brightness in this many steps
REMAINS_GREY, REMAINS_TINT = (100, 94, 88), 0.5  # steel and plastic: greyer than bone
REMAINS_DULL = 0.5  # and dulled this much towards the tar (it has been through fire and tar)
OWN = {find.name: color for find, color in KEPT}  # the city's things' own colours
KEPT_BAND = 5  # the band the city's things lie in among the bones (under the mother: above
# it, the bones and the sinking car took all the room; in the newest bands, they lay on her)
KEPT_ACROSS = (0.43, 0.52)  # where across the picture each lies, as a share of its width
BUBBLE_CLEAR = 0.05  # no bubble rises nearer the city's things than this, in the picture's
# heights: under one it stops short of it (they have their own, swelling beside them)
CLEAR_BANDS = 3  # the bands the city's things go down into, and one more: no bone by one


@dataclass(frozen=True)
class Going:
    """How the city's things go under: evenly from the scene's start (`start`, story
    seconds) until `gone` (None: they stay). The bones stay until the next scene's
    transition takes them (faded from 09:30, the picture's lower half was empty brown tar
    for a real minute before the light wipe)."""

    start: float
    gone: float | None

    def sunk(self, story_time: float) -> float:
        """The share of its height above the tar each thing has gone under (0..1)."""
        if self.gone is None:
            return 0.0
        span = (self.gone - self.start) % DAY
        return min(1.0, ((story_time - self.start) % DAY) / span) if span else 1.0


@dataclass(frozen=True)
class Drifting:
    """A find that moves while we watch: its picture, where it starts (its corner, in the
    cut) and which way it goes (-1 up, surfacing; 1 down, settling)."""

    sprite: pygame.Surface
    x: float
    y: float
    way: int


class Bones(Split):
    """A cut through the tar below its surface: dark strata, and bones lying in each."""

    def __init__(self, params: Mapping[str, Any], setup: Setup) -> None:
        at_once(self.pieces(params, setup))

    def pieces(self, params: Mapping[str, Any], setup: Setup) -> Pieces:
        """Set up in steps: the strata and their bones, then each of the city's things."""
        width, height = setup.size
        self.top = int(height * params["y"])
        self.seed = setup.timeline.seed
        self.sky = sky_over(setup) or light_at(setup.scene.at / HOUR).top
        self.image = yield from self._strata((width, height - self.top), params, setup)
        yield
        self.glow = [radial(max(2, round(height * GLINT_SIZE)), scaled(GLINT, n / GLINT_LEVELS))
                     for n in range(GLINT_LEVELS + 1)]
        yield
        tar: Color = params["tar"]
        dull = mix(mix(params["color"], REMAINS_GREY, REMAINS_TINT), tar, REMAINS_DULL)
        rng = random.Random(stable_seed(self.seed, "remains"))
        self.things: list[Sunk] = []
        for thing in REMAINS[:round(params["remains"] * len(REMAINS))]:
            self.things.append((yield from lay_thing(self.image, thing,
                                                     (height - self.top) / STRATA, height,
                                                     (dull, tar, self.sky), rng, self.seed)))
        self.sinking = Going(setup.scene.at, params["gone"])
        yield
        margin = round(BUBBLE_CLEAR * height)
        self.bubbles = bubbles(setup.size, params["amount"], stable_seed(self.seed, "bubbles"),
                               [thing.area(self.top).inflate(2 * margin, 2 * margin)
                                for thing in self.things])

    def _strata(self, size: tuple[int, int], params: Mapping[str, Any],
                setup: Setup) -> Generator[None, None, pygame.Surface]:
        """The bands of older and older tar, then the bones in each, seen through the tar (the
        bands a piece, then a bone a piece)."""
        height = setup.height
        width, depth = size
        waves = random.Random(stable_seed(self.seed, "strata"))
        tar: Color = params["tar"]
        bone: Color = params["color"]
        count = round(BONES * params["amount"])
        self.taken = remains_spans(width, height, round(params["remains"] * len(REMAINS)))
        self.kept = round(params["remains"] * len(KEPT)) if count else 0  # the city's things
        # among the bones (none without them)
        self.lines = strata(width, depth, waves)
        image = banded(size, self.lines, tar)  # (the bands first: laid over the bones of the
        yield  # one above, they cut a tusk off its skull)
        sediment = streaks(size, stable_seed(self.seed, "streaks"))
        surface_fade(sediment, depth // STRATA)  # (under the open tar, as the bands are)
        image.blit(sediment, (0, 0))
        yield
        image = yield from soften(image, height)  # (the bands' seams soft, as sediment's)
        self.drifting: list[Drifting] = []
        self.glints: list[tuple[int, int, float]] = []  # (x, y in the picture, phase)
        film = scaled(self.sky, FILM_LIGHT)
        canvas = pygame.Surface(size, pygame.SRCALPHA)
        for n, (find, x, y, layer, drift) in drawn_order(self._laid(count, size, setup)):
            own = OWN.get(find.name)  # (the city's things their own colour, dulled, not bone,
            deep = 0.0 if own is not None else depth_of(layer)  # and as near as the nearest
            # bones: new in the tar, not yet seen through it)
            scale = find_scale(height, find, layer)
            body = bone if own is None else mix(own, tar, REMAINS_DULL)
            shade = mix(tar, body, NEAREST * (1.0 - (1.0 - DEEPEST) * deep))
            rng = random.Random(stable_seed(self.seed, "find", n))
            half = int(scale * FIND_REACH)  # (laid on the canvas where it lies, cut out
            box = pygame.Rect(int(x) - half, int(y) - half, 2 * half, 2 * half).clip(
                canvas.get_rect())  # and seen through the tar on its own)
            canvas.fill((0, 0, 0, 0), box)
            shown = round(BONE_ALPHA + (DEEP_ALPHA - BONE_ALPHA) * deep)
            tilt, line = tumbled(find, deep)
            yield from laid(canvas, find.pen, x, y, scale, (*shade, shown), rng, tilt, line,
                            bone=own is None)
            yield
            sprite = seen_through(canvas.subsurface(box).copy(), deep, height, film)
            if deep > 0:  # (lit again along its softened upper side: a piece of its own)
                yield
                relit(sprite, scale, DEEP_LIT * deep)
            if drift:  # laid on its own, moved every frame
                shows = sprite.get_bounding_rect()  # (blitted every frame: only what shows)
                self.drifting.append(Drifting(sprite.subsurface(shows).copy(),
                                              box.x + shows.x, box.y + shows.y, drift))
            else:  # (in a hollow darker than the strata round it)
                image.blit(hollow(sprite, scale), box.topleft,
                           special_flags=pygame.BLEND_RGB_MULT)
                image.blit(sprite, box.topleft)
                if find not in SMALL:
                    self.glints.append((int(x), self.top + int(y - scale * GLINT_UP),
                                        rng.random()))
            yield  # (seen through the tar, a piece of its own: see fossils.laid)
        darkened_foot(image, self.lines[STRATA - 1], FOOT_DARK)
        return image

    def _laid(self, count: int, size: tuple[int, int],
              setup: Setup) -> list[tuple[Find, float, float, int, int]]:
        """Each find as it lies: its kind, its middle in the cut, its stratum and which way
        it drifts (0: it lies still; see `_ways`). Spread across in a seeded order of kinds,
        at three depths (ROWS: the nearer overlapping the deeper), small bones in the gaps
        between them, beside the figures standing in the tar, below the city's things and
        the nearest clear of the picture's foot."""
        width, depth = size
        height = setup.height
        rng = random.Random(stable_seed(self.seed, "places"))
        kinds = list(FINDS)  # (in their order: no two large ones side by side)
        figures = standing(setup)
        spots = []
        for n in range(count):
            find = kinds[n % len(kinds)]
            layer = DEPTHS[n % len(DEPTHS)]
            reach = find_scale(height, find, layer) * find.reach
            x = ((n + 0.5 + SPREAD * rng.uniform(-1, 1)) / count * 0.94 + 0.03) * width
            if layer < CLEAR_BANDS and any(a - reach < x < b + reach for a, b in self.taken):
                layer = CLEAR_BANDS  # a bone by a half-sunk car read as a blot stuck to it
            spots.append((find, x, row_of(layer, depth, rng), layer))
        laid = []
        kept: list[tuple[float, float, float, float, int]] = []  # each find's reach across
        # and up, and its band (only those of one band are kept apart)
        for (find, x, y, layer), way in zip(spots, ways([y for *_f, y, _l in spots]),
                                            strict=True):
            x, y = self._place(find, (x, y), layer, way, (size, height, figures, kept))
            laid.append((find, x, y, layer, way))
        for n, (find, _own) in enumerate(KEPT[:self.kept]):  # the city's, under her with
            layer = KEPT_BAND  # the bones: what the tar took this morning lies with them
            x = width * KEPT_ACROSS[n % len(KEPT_ACROSS)]
            upper, lower = (row_at(self.lines[k], x) for k in (layer, layer + 1))
            x, y = self._place(find, (x, lower), layer, 0, (size, height, figures, kept))
            laid.append((find, x, y, layer, 0))
        return laid + self._small(round(SMALL_BONES * count / BONES), laid, size, setup, rng)

    def _small(self, count: int, large: list[tuple[Find, float, float, int, int]],
               size: tuple[int, int], setup: Setup,
               rng: random.Random) -> list[tuple[Find, float, float, int, int]]:
        """The small bones, in turn in the gaps between the large finds (and the city's
        things) across, each at its band's depth, lying still, crowding the large ones."""
        xs = sorted([0.0, *(x for _f, x, *_rest in large), float(size[0])])
        gaps = sorted(zip(xs, xs[1:], strict=False), key=lambda gap: gap[0] - gap[1])
        figures = standing(setup)
        out = []
        for n in range(count if len(gaps) > 1 else 0):
            find, layer = SMALL[n % len(SMALL)], SMALL_DEPTHS[n % len(SMALL_DEPTHS)]
            left, right = gaps[n % len(gaps)]
            x = (left + right) / 2 + (right - left) * SMALL_STRAY * rng.uniform(-1, 1)
            x, y = self._place(find, (x, row_of(layer, size[1], rng)), layer, 0,
                               (size, setup.height, figures, []))
            out.append((find, x, y, layer, 0))
        return out

    def _place(self, find: Find, at: tuple[float, float], layer: int, way: int,
               room: tuple[tuple[int, int], int, list[tuple[float, float, float]],
                           list[tuple[float, float, float, float, int]]]
               ) -> tuple[float, float]:
        """Where a find meant for `at` in the cut (its middle) lies, in its stratum `layer`,
        drifting `way`: the nearest clear of the picture's foot (the deepest part in its
        dark), beside the figures standing in the tar, clear of the city's things in its
        bands and of the finds laid before it in its band (`room`: the cut's size, the
        picture's height, the figures, and the finds laid, to which it is added)."""
        (width, depth), height, figures, kept = room
        x, y = at
        travel = DRIFT * height
        scale = find_scale(height, find, layer)
        foot = (FOOT_CLEAR * height + EXTENT * scale) * (1.0 - BURIED * depth_of(layer))
        lowest = depth - foot - travel * (way > 0)
        y = max(EXTENT * scale + travel * (way < 0), min(lowest, y))
        reach, tall = scale * find.reach, EXTENT * scale + travel * bool(way)
        moved = beside(x, self.top + y, reach, figures)
        x = clear_of(x if moved is None else moved, reach, self.taken)
        cars = self.taken if layer < CLEAR_BANDS else []  # (deeper, it lies under them)
        x = apart(x, reach, width, [*cars, *under(self.top + y, reach, figures),
                                    *((a, b) for a, b, top, bottom, band in kept
                                      if band == layer and top < y + tall
                                      and y - tall < bottom)])
        kept.append((x - reach, x + reach, y - tall, y + tall, layer))
        return x, y

    def look(self, frame: Frame) -> tuple[int, ...]:
        """How many rows of each of the city's things still stand out of the tar (the glint
        is the moving part)."""
        sunk = self.sinking.sunk(frame.story_time)
        return tuple(round(thing.visible * (1 - sunk)) for thing in self.things)

    def changed(self, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[pygame.Rect]:
        """Where a change of look paints: the things sinking (each, at its depth before and
        now)."""
        return [thing.area(self.top) for thing, was, now in zip(self.things, old, new,
                                                                   strict=True) if was != now]

    def draw_still(self, surface: pygame.Surface, frame: Frame) -> None:
        """The strata and the bones, and the city's things at their depth."""
        surface.blit(self.image, (0, self.top))
        share = 1 - self.sinking.sunk(frame.story_time)
        for thing in self.things:
            thing.draw(surface, self.top, share, self.sky)

    def draw_moving(self, surface: pygame.Surface, frame: Frame) -> None:
        """Gas bubbles rising slowly through the strata, the finds that drift and oil on the
        bones catching the light now and then, and a piece of what the next of the city's
        things to sink a row will show made ahead. No band of light sweeps through the tar: a
        pale column a fifth of the picture wide, moving 130 px between frames 1.4 s apart
        under the mother, read as a flicker."""
        self._make_ahead(frame)
        moved = s_curve(min(1.0, frame.seconds / DRIFT_SECONDS)) * DRIFT * surface.get_height()
        self.bubbles.draw(surface, self.top, frame.seconds)
        for drifting in self.drifting:
            surface.blit(drifting.sprite, (int(drifting.x),
                                           self.top + int(drifting.y + drifting.way * moved)))
        for x, y, phase in self.glints:  # oil catching the light on a bone, now and then
            level = max(0.0, math.sin(2 * math.pi * (frame.seconds / GLINT_SECONDS + phase)))
            glow = self.glow[round(GLINT_LEVELS * level ** GLINT_SHARPNESS)]
            half = glow.get_width() // 2
            surface.blit(glow, (x - half, y - half), special_flags=pygame.BLEND_RGB_ADD)

    def _make_ahead(self, frame: Frame) -> None:
        """A piece of the city's things' meetings with the tar a row deeper than now, a piece
        a frame (see Sunk.ahead)."""
        share = 1 - self.sinking.sunk(frame.story_time)
        for thing in self.things:
            if thing.ahead(share, self.sky):
                return


def find_scale(height: int, find: Find, layer: int) -> float:
    """A find's size in pixels (half its length, in a picture `height` rows high), lying in
    the stratum `layer`: the deeper, the smaller (DEEPER)."""
    return height * BONE_SIZE * find.size * (1.0 - DEEPER * layer / STRATA)


def depth_of(layer: int) -> float:
    """How deep a find in the stratum `layer` lies among the finds (0: the nearest, 1: the
    deepest)."""
    return min(1.0, max(0.0, (layer - min(DEPTHS)) / (max(DEPTHS) - min(DEPTHS))))


def row_of(layer: int, depth: int, rng: random.Random) -> float:
    """The row in a cut `depth` rows deep where a find in the stratum `layer` lies (ROWS,
    straying ROW_STRAY up or down)."""
    near, deepest = ROWS
    return depth * (near + (deepest - near) * depth_of(layer)
                    + ROW_STRAY * rng.uniform(-1, 1))


def tumbled(find: Find, deep: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """How far a find `deep` (0..1) down turns as it lies and where the tar's edge crosses
    it: the deeper, tilted further into the layers (TUMBLED) and more of it buried (BURY)."""
    (least, most), (high, low) = find.tilt, find.line
    return ((least - TUMBLED * deep, most + TUMBLED * deep),
            (high - BURY * deep, low - BURY * deep))


def drawn_order(laid: list[tuple[Find, float, float, int, int]]
                ) -> list[tuple[int, tuple[Find, float, float, int, int]]]:
    """The finds as they are drawn, each with its place in `laid` (its seed): the deepest
    first, and in a band the small bones before the large, so the nearer lie over them."""
    return sorted(enumerate(laid), key=lambda item: (-item[1][3], item[1][0] not in SMALL))


def seen_through(find: pygame.Surface, deep: float, height: int,
                 film: Color) -> pygame.Surface:
    """A find `deep` (0..1) of the way down the cut as the tar over it shows it: softer the
    deeper (shrunk and enlarged, DEEP_SOFT times more at the lowest, in a picture `height`
    rows high), and under a film of the tar's sheen (`film`, FILM of its colour at the
    lowest)."""
    times = round((1 + DEEP_SOFT * deep) * height / SOFT_HEIGHT)
    width, rows = find.get_size()
    if times >= 2:
        small = pygame.transform.smoothscale(find, (max(1, width // times),
                                                    max(1, rows // times)))
        find = pygame.transform.smoothscale(small, (width, rows))
    share = FILM * deep
    keep = round(255 * (1 - share))
    find.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
    find.fill(scaled(film, share), special_flags=pygame.BLEND_RGB_ADD)
    return find


def relit(find: pygame.Surface, size: float, gain: float) -> None:
    """A deep find (`size` its size in pixels), softened as the tar shows it, lit again along
    its upper side by DEEP_LIGHT (`gain` of it at most), where it shows and round it (all of
    its box, mostly clear, took as long as its hollow: 7-9 ms at 1080 under load)."""
    area = find.get_bounding_rect().inflate(2 * round(size), 2 * round(size)).clip(
        find.get_rect())
    lit = sheen(find.subsurface(area), size, gain, DEEP_LIGHT)
    find.fill((0, 0, 0, 0), area)
    find.blit(lit, area.topleft, special_flags=pygame.BLEND_RGBA_ADD)


def ways(rows: list[float]) -> list[int]:
    """Which way each find drifts, given the rows they lie at (in order across): two of them,
    a third and two thirds of the way along, each away from its neighbours (one higher than
    they lie surfaces, one lower settles: drifting towards them, a jaw rose into a skull)."""
    count = len(rows)
    out = [0] * count
    if count > 2:
        for n in (count // 3, (2 * count) // 3):
            around = [rows[k] for k in (n - 1, n + 1) if 0 <= k < count]
            out[n] = -1 if rows[n] < sum(around) / len(around) else 1
    return out


def row_at(line: list[tuple[float, float]], x: float) -> float:
    """The row a line between strata passes through at `x`."""
    return float(np.interp(x, [px for px, _y in line], [py for _x, py in line]))


def standing(setup: Setup) -> list[tuple[float, float, float]]:
    """The figures standing in the tar in this scene: how far across each can reach and its
    feet line, in pixels."""
    return [(*across(spec.params, setup.size), setup.height * spec.params["y"])
            for spec in setup.scene.layers
            if spec.type == "silhouette" and in_tar(spec.params)]


def under(y: float, reach: float,
          figures: list[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """The spans across of the figures a bone centred at row `y` (reaching `reach`) would
    lie under."""
    return [(left, right) for left, right, feet in figures if y - reach < feet + reach]


def beside(x: float, y: float, reach: float,
           figures: list[tuple[float, float, float]]) -> float | None:
    """Where a bone centred on (x, y) of the picture, reaching `reach` from its middle, lies
    clear of the figures standing in the tar: moved across to the nearer side of one it would
    lie under (None: it lies clear where it is). Right under her, it read as her own body."""
    moved = clear_of(x, reach, under(y, reach, figures))
    return None if moved == x else moved


def apart(x: float, reach: float, width: int, taken: list[tuple[float, float]]) -> float:
    """The nearest place to `x` where a find reaching `reach` across lies clear of all the
    `taken` spans (the cars at its depth, the figures over it, the finds laid before it at
    its depth), whole inside the picture (`width`): moved clear of one only, it could land
    on another (at 08:20 the tusk, moved clear of her, lay over the ribs); at its edge, a
    skull was cut in half by the frame."""
    x = min(max(x, reach), width - reach)
    places = [x, *(place for a, b in taken for place in (a - reach - 1, b + reach + 1))]  # (a
    # pixel clear: put edge to edge, rounding laid them a hair over each other)
    clear = [place for place in places if reach <= place <= width - reach
             and not any(a - reach < place < b + reach for a, b in taken)]
    return min(clear, key=lambda place: abs(place - x), default=x)


def clear_of(x: float, reach: float, taken: list[tuple[float, float]]) -> float:
    """Where a bone centred at `x`, reaching `reach` across, lies clear of the half-sunk
    cars' spans (`taken`): moved across to the nearer side of one it would lie by (kept off
    the picture's foot it may rise to a car's level: a skull at its nose read as a tan blot
    stuck to the car)."""
    for a, b in taken:
        if a - reach < x < b + reach:
            return a - reach if x - a < b - x else b + reach
    return x
