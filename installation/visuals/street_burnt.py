"""Wilshire after the flash (the street's `burnt` key): the boulevard the visitor last saw, its
kept picture burnt (see street_scorch and street_char), the cars the panic left burnt out
where they stood (the nearest still burning in its cabin, dying down to smoke over the first
two minutes), and a few fires still burning, their smoke rising, played each frame as blits."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Generator
from dataclasses import replace

import numpy as np
import pygame

from installation.core.timeline import Scene
from installation.visuals.ash_bury import Buried, Sprite
from installation.visuals.ash_sun_ground import SunGround, relief, shadow_mask, sun_ground
from installation.visuals.base import Color, Pieces, Setup, layer_seed, stable_seed
from installation.visuals.boulevard_plan import CINEMA_AT, Block
from installation.visuals.flames import Fire, Spread, cover_blits, fire_blits, make_fire
from installation.visuals.flames_dying import Fade, dying, lay_fires
from installation.visuals.panic import LEFT, POLICE_AT
from installation.visuals.storefronts import Piece, Point, Project, Tone
from installation.visuals.stranded import Stranded
from installation.visuals.street_ash_debris import littering
from installation.visuals.street_ash_embers import Embers
from installation.visuals.street_ash_fall import Fall, Lying, falling
from installation.visuals.street_ash_near import gritting
from installation.visuals.street_ash_paper import draw_paper
from installation.visuals.street_burnt_shells import box_of, gutting, shell, unbitten
from installation.visuals.street_char import View, burn, charred_over, charring
from installation.visuals.street_fuel import fuel
from installation.visuals.street_light import StreetKey
from installation.visuals.street_parapet import Parapet, broken_roof, draw_parapet
from installation.visuals.street_scorch import (
    FALLEN,
    FALLEN_NEAR,
    HOLE,
    Pole,
    bent,
    breaking,
    broken,
    gutted_end,
    pole,
    poles,
    rubble,
    scorched,
    wire,
)
from installation.visuals.street_walls import Walls
from installation.visuals.street_wisps import Wisp, make_wisp
from installation.visuals.street_wrecks import burning_car, deeper_ash

# The light the burnt street is built in: a grey morning (in tenths; no lamp, shop or office
# lit at this daylight), under the ash sky's pale horizon, the cinema's marquee dead.
BURNT_KEY: StreetKey = (7, (156, 148, 140), False, -1)
FIRES = ((1.53, 2.9, 0.035, 1.7, 2), (-1.4, 5.2, 0.0, 1.5, 1))  # (x, z, up, size, tongues): a
# heap at a shop's foot, one on the far left sidewalk, each on its fuel (street_fuel), each
# `size` times FIRE_SIZE, its flames `tongues` side by side
# (at 1 and one tongue each, small and weak beside the ruins' burning stumps in the scene before;
# three burning buildings at 2.2-3.6 times it, 2-3 tongues, cost 1.7 ms a frame more)
SPREAD = Spread(reach=1.0, climb=1.6)  # their light reaching less far round them and up their
# smoke than a burning building's (for the larger flames at about the same cost a frame)
FIRE_SIZE = (0.09, 0.16)  # a fire's width and height at depth 1, of the picture's height
FIRE: Color = (230, 110, 40)
FIRE_WIND = 0.3
WISP_FROM = 0.7  # the smoke rises from this high up the flames (of their height)...
WISP_APART = 3.1  # ...each fire's that many real seconds on in its loop from the last's
BLADE_BEND, BLADE_LEAN = 0.85, 0.45  # the cinema's blade buckles this high and leans over
WIRES = 2  # cables hang from the nearest standing poles...
WIRE_LONG = 0.045  # ...this long at depth 1, of the picture's height (a torn stub: longer,
# the right-hand one hung down across the chemist's glass and read as the pole's foot)...
WIRE_SWING, WIRE_PERIOD = 0.08, (4.2, 5.3)  # ...swaying this far (radians) and this slowly
# (at 0.35 its end swung a car's width: the bent pole seemed to change its shape)
RUBBLE_SHARE, RUBBLE_NEAR = 0.35, 12.0  # fronts with a heap of fallen wall at their foot
LETTER_PIXELS = 64  # the marquee's fallen letters are drawn from a font this size
WRECK_FIRE = 0  # the panic's car still burning in its cabin as the scene begins...
WRECK_FIRE_UP, WRECK_FIRE_SIZE = 0.2, 1.3  # ...its flames' foot this high (world units), this
# big (of FIRE_SIZE)...
DYING = (20.0, 130.0)  # ...dying down from this many real seconds in to this many, to smoke
DYING_STEPS = 6  # ...in this many steps of brightness, each a little dimmer (the last: out)
ASH_DEEPENS = 170.0  # the ash heaps up on the burnt cars' roofs and hoods over this many real
# seconds from the scene's start (Wilshire under ash at the shipped day's pace)...
ROOF_DEPTHS = 4  # ...made at this many depths, each fading into the next (see ash_bury)
ASIDE_ROOM = 24  # pixels round the cinema's sign painted aside (its soot)
SHOVED = ((0.0, 0.0), (0.2, -0.8), (-0.3, 0.0), (0.0, 0.0), (0.0, 0.0), (0.0, 0.0))  # how far
# the blast shoved each of the panic's cars (across, along; as panic.LEFT): in the lanes where
# they stood, two ash-capped wrecks met end to end, read as one long car with three humps
POLICE_SHOVED = (0.08, 0.0)  # ... and the police car


def seen_seed(setup: Setup) -> Setup:
    """`setup` with the seed of the last unburnt street before its scene in the day (its
    buildings, the same in the same places), as the compositor seeds that layer."""
    timeline = setup.timeline
    for scene in _before(setup):
        streets = [spec for spec in scene.layers if spec.type == "street"]
        if streets and not streets[0].params.get("burnt"):
            first = scene.layers.index(streets[0])
            return replace(setup, seed=layer_seed(timeline.seed, scene, first, "street"))
    return setup


def panic_cars(setup: Setup) -> tuple[int, bool]:
    """How many cars the last panic before this scene left in the lanes, and a police car?"""
    for scene in _before(setup):
        for spec in scene.layers:
            if spec.type == "panic" and spec.params.get("part", "main") != "near":
                cars, police = spec.params.get("cars", len(LEFT)), spec.params.get("police", 0)
                return int(cars), bool(police)
    return 0, False


def stranded_places(count: int, police: bool) -> list[tuple[float, float, float]]:
    """Where the panic's cars stand after the blast shoved them (across, along, which way
    each points), the police car's last."""
    cars = [(lane, z, yaw, SHOVED[n] if n < len(SHOVED) else (0.0, 0.0))
            for n, (lane, z, yaw, _door) in enumerate(LEFT[:count])]
    cars += [(*POLICE_AT, POLICE_SHOVED)] if police else []
    return [(lane + across, z + along, yaw) for lane, z, yaw, (across, along) in cars]


def _before(setup: Setup) -> list[Scene]:
    """The scenes before `setup`'s in the day, the latest first."""
    scenes = list(setup.timeline.scenes)
    here = scenes.index(setup.scene) if setup.scene in scenes else len(scenes)
    return scenes[:here][::-1]


class Ruin:
    """The burning of one street's picture and its fires still alight."""

    def __init__(self, project: Project, view: View, blocks: list[Block],
                 cars: tuple[int, bool]) -> None:
        self.places = stranded_places(*cars)
        self.project, self.blocks = project, blocks
        self.view = replace(view, cars=tuple((lane, z) for lane, z, _yaw in self.places))
        self.fallen: list[Block] = []  # see `falling`
        self.poles: list[Pole] = []  # see `making`
        self.wires: list[tuple[Point, float, int]] = []
        self.fires: list[tuple[Fire, Point, int]] = []  # each, its foot and seed
        self.font: pygame.font.Font | None = None  # the marquee's letters fallen in the road
        self.wisps: list[tuple[Wisp, Point, int]] = []  # the smoke over each fire
        self.fuel: list[Sprite] = []  # the heap each fire burns on...
        self.timbers: list[Sprite] = []  # ...and its charred timbers standing in its flames
        self.dying: list[Fire] = []  # the burning car's fire at each brightness, brightest first
        self.dying_at: tuple[Point, int] = ((0, 0), 0)  # its flames' foot, its seed
        self.roofs = Buried((), (0.0, ASH_DEEPENS))  # the ash deepening on the cars (`finishing`)
        self.fall: Fall | None = None  # and over the ground (`finishing`)
        self.sun = SunGround()  # the relief the sun's light falls on (`making`, `finishing`)
        self.blade: Sprite | None = None  # the cinema's sign, bent, painted aside (`painting`)
        self.embers = Embers(project, view.size[1], view.seed)  # smouldering in the drifts

    def making(self, setup: Setup, lamps: list[tuple[float, float]], reach: float,
               tall: float) -> Pieces:
        """What the charring needs, the poles (at `lamps`, their arms `reach` long, `tall`)
        and the cables hanging from the nearest, then the fires' sprites (made once)."""
        self.burn = yield from burn(self.view, self._heights())
        self.sun = yield from sun_ground(setup)  # (the relief the sun's light falls on)
        self.sun.expected = True
        self.font = setup.font("sign", LETTER_PIXELS)
        self.poles = poles(lamps, reach, tall, random.Random(stable_seed(self.view.seed,
                                                                         "poles")))
        self.wires = self._wiring()
        height = self.view.size[1]
        for n, (x, z, up, size, tongues) in enumerate(FIRES):
            wide, high = (max(6, round(f * size * height / z)) for f in FIRE_SIZE)
            seed = stable_seed(self.view.seed, "fire", n)
            fire = yield from make_fire(wide, high, FIRE, seed, (tongues,), setup.made, FIRE_WIND,
                                        SPREAD)
            foot = self.project(x, z, up)
            self.fires.append((fire, foot, seed))
            wood = fuel((wide, high), seed)
            self.fuel.append((wood.heap, (foot[0] + wood.heap_at[0], foot[1] + wood.heap_at[1])))
            self.timbers.append((wood.front, (foot[0] + wood.front_at[0],
                                              foot[1] + wood.front_at[1])))
            wisp = yield from make_wisp(height, z)
            self.wisps.append((wisp, (foot[0], foot[1] - round(high * WISP_FROM)), n))
        if len(self.places) > WRECK_FIRE:
            yield from self._burning_car(setup, height)
        yield from self.embers.making()

    def _burning_car(self, setup: Setup, height: int) -> Pieces:
        """The fire still alight in one of the burnt cars' cabins, at each brightness it dies
        down through (made once), and the smoke over it (which goes on after it is out)."""
        lane, z, _yaw = self.places[WRECK_FIRE]
        wide, high = (max(6, round(f * WRECK_FIRE_SIZE * height / z)) for f in FIRE_SIZE)
        seed = stable_seed(self.view.seed, "car fire")
        fire = yield from make_fire(wide, high, FIRE, seed, (1,), setup.made, FIRE_WIND, SPREAD)
        for step in range(DYING_STEPS):  # (a brightness a piece: all six in one, ~10 ms)
            yield
            self.dying.append(dying(fire, 1 - step / DYING_STEPS))
        foot = self.project(lane, z, WRECK_FIRE_UP)
        self.dying_at = (foot, seed)
        wisp = yield from make_wisp(height, z)
        self.wisps.append((wisp, (foot[0], foot[1] - round(high * WISP_FROM)), len(self.wisps)))

    def _wiring(self) -> list[tuple[Point, float, int]]:
        """The cables: where each hangs from (the arm of one of the nearest standing poles
        wholly in sight), how long it is in pixels, and which it is."""
        width, height = self.view.size
        seen = pygame.Rect(0, 0, width, height).inflate(-width // 10, -height // 5)
        standing = sorted((p for p in self.poles
                           if not p.down and seen.collidepoint(self.project(*p.arm))),
                          key=lambda p: p.foot[1])
        return [(self.project(*p.arm), WIRE_LONG * height / p.foot[1], n)
                for n, p in enumerate(standing[:WIRES])]

    def falling(self, spared: list[Block | None]) -> None:
        """Which fronts have fallen in: FALLEN of the near ones, seeded (never the nearest on
        either side, nor a building in `spared`)."""
        nearest = [min((b for b in self.blocks if b[0] == side), key=lambda b: b[1])
                   for side in (-1, 1)]
        near = [b for b in self.blocks if b[1] < FALLEN_NEAR and b not in nearest + spared]
        self.fallen = random.Random(stable_seed(self.view.seed, "fallen")).sample(
            near, min(FALLEN, len(near)))

    def roof(self, block: Block, outline: list[tuple[float, float]]) -> Parapet:
        """`block`'s broken roof (seeded by the block)."""
        rng = random.Random(stable_seed(self.view.seed, "roof", round(block[4] * 1e6)))
        return broken_roof(self.project, outline, block[3], rng, block in self.fallen)

    def painting(self, image: pygame.Surface, walls: Walls, block: Block,
                 light: tuple[tuple[float, Color, bool], Color]) -> Pieces:
        """`block` painted burnt in `light` (the street's light, the pavement's colour):
        scorched, its end's windows gutted if it shows its end, a tall one's shell gutted and
        bitten into (see street_burnt_shells), its roof broken, the cinema's sign over it bent."""
        top = self.roof(block, walls.outline(block))
        wall, end = walls.faces(block)
        faces = [wall] + ([end] if end is not None else [])
        whole = box_of([point for piece in walls.facades[block] for point in piece.corners],
                       [point for face in faces for point in face])
        burnt = shell(faces, whole, block[3], block[1],
                      stable_seed(self.view.seed, "shell", round(block[4] * 1e6)),
                      block in self.fallen, image.get_width())
        before = breaking(image, whole)
        under = breaking(image, top.sky)
        bitten = [breaking(image, bite) for bite in burnt.bites]
        yield  # (its shell worked out: up to ~6 ms a tower)
        cinema = {id(piece) for piece in walls.cinema}
        toned: list[Tone] = []

        def painter(image: pygame.Surface, pieces: list[Piece], tone: Tone) -> None:
            toned.append(tone)  # (the cinema is painted over the broken roof, bent)
            scorched(image, [p for p in pieces if id(p) not in cinema], tone, self.view.seed)

        yield from walls.painting(image, block, *light, None, painter)
        if end is not None:  # (seeded by the block, as its roof)
            seed = stable_seed(self.view.seed, "end", round(block[4] * 1e6))
            gutted_end(image, end, block[3], seed)
        yield from gutting(image, burnt, stable_seed(self.view.seed, "char",
                                                     round(block[4] * 1e6)), before)
        yield
        broken(image, top.sky, under)
        for bite, below in zip(burnt.bites, bitten, strict=True):
            broken(image, bite, below)
        draw_parapet(image, unbitten(top, burnt))
        if block == walls.theatre and toned:
            row = self.project(-self.view.walk, CINEMA_AT, BLADE_BEND)[1]
            self.blade = _aside(bent(walls.cinema, row, BLADE_LEAN), toned[0], self.view.seed)

    def finishing(self, image: pygame.Surface) -> Pieces:
        """The built picture burnt: rubble, then charred and under ash, the grit strewn at our
        feet, then the poles bent and the burnt-out cars on it."""
        rng = random.Random(stable_seed(self.view.seed, "rubble"))
        for side, z0, z1, _up, _seed in self.blocks:
            if z0 < RUBBLE_NEAR and rng.random() < RUBBLE_SHARE:
                rubble(image, self.project, (side * self.view.walk, z0 + 0.1, z1 - 0.1), rng)
        yield
        yield from charring(image, self.view, self.burn)
        if self.blade is not None:
            yield  # (the last band charred, the blade and the bare ground after it: 11 ms)
            charred_over(image, *self.blade, stable_seed(self.view.seed, "blade"))
            self.blade = None
        yield from gritting(image, self.project, random.Random(stable_seed(self.view.seed, "grit")))
        yield
        ground = image.subsurface((0, self.view.horizon, image.get_width(),
                                   image.get_height() - self.view.horizon))
        bare = pygame.surfarray.array3d(ground)  # (under the poles)
        yield
        for standing in self.poles:
            pole(image, self.project, standing)
        yield
        poled = pygame.surfarray.array3d(ground)  # (under the cars)
        yield
        poles = _differs(poled, bare)
        del bare
        yield
        drawn: list[tuple[Stranded, int, pygame.Rect, pygame.Surface]] = []
        for n, (lane, z, yaw) in sorted(enumerate(self.places), key=lambda c: -c[1][1]):
            car, seed = Stranded(lane, z, yaw, HOLE, HOLE, 0), stable_seed(self.view.seed, "car", n)
            whole = yield from burning_car(image, self.project, car, seed)
            if whole is not None and whole.colliderect(image.get_rect()):
                drawn.append((car, seed, whole,
                              image.subsurface(whole.clip(image.get_rect())).copy()))
            yield  # (a car a piece: each is recoloured pixel by pixel)
        yield
        carred = pygame.surfarray.array3d(ground)  # (under the debris)
        yield from littering(image, self.project, stable_seed(self.view.seed, "debris"),
                             self.font)
        roofs = []
        for each in drawn:  # (a depth of a car's ash a piece: each is softened)
            yield
            roofs.append((yield from self._deepening(image, each)))
        self.roofs = Buried(tuple(roofs), (0.0, ASH_DEEPENS))
        laid = pygame.surfarray.array3d(ground)
        yield  # (the poles stand above the ash; the cars and the debris go under it)
        lying = Lying(poles, _differs(laid, poled), poled, _differs(laid, carred))
        yield
        yield from self._sunning(laid, carred, poled)
        del laid, carred
        yield
        self.fall = yield from falling(lying, self.view, self.burn, ASH_DEEPENS)

    def _sunning(self, laid: np.ndarray, carred: np.ndarray, poled: np.ndarray) -> Pieces:
        """The relief of the finished ground (`laid`) for the low sun's light on it: the wrecks'
        and the left kerb's long shadows, never over the wrecks themselves (drawn between
        `poled` and `carred`)."""
        horizon = self.view.horizon
        cars = _differs(carred, poled)
        yield
        shadows = shadow_mask(self.view.size, horizon, self.project, self.view.cars,
                              self.view.kerb) & ~cars
        yield
        self.sun.relief = yield from relief(laid, horizon, shadows)
        self.sun.top = horizon

    def _deepening(self, image: pygame.Surface, drawn: tuple[Stranded, int, pygame.Rect,
                                                             pygame.Surface]
                   ) -> Generator[None, None, tuple[Sprite, ...]]:
        """A burnt car's roof and hood under the ash as it deepens (ROOF_DEPTHS pictures, the
        first as painted), only where nothing drawn after the car stands in front of it: a
        depth a piece (a car's four in one took 3-11 ms)."""
        car, seed, whole, seen = drawn
        box = whole.clip(image.get_rect())
        now = image.subsurface(box)
        clear = (pygame.surfarray.array3d(now) == pygame.surfarray.array3d(seen)).all(axis=2)
        out = []
        for n, depth in enumerate(np.linspace(0, 1, ROOF_DEPTHS)):
            if n:
                yield
            ash = deeper_ash(self.project, car, seed, float(depth))
            ash = ash.subsurface(box.move(-whole.x, -whole.y)).copy()
            alpha = pygame.surfarray.pixels_alpha(ash)
            alpha[~clear] = 0
            del alpha
            out.append((ash, box.topleft))
        return tuple(out)

    def _heights(self) -> Callable[[int, np.ndarray], np.ndarray]:
        """Each side's wall height at depths along it (0 in the gaps)."""
        blocks = self.blocks

        def heights(side: int, z: np.ndarray) -> np.ndarray:
            out = np.zeros_like(z)
            for b_side, z0, z1, up, _seed in blocks:
                if b_side == side:
                    out = np.where((z >= z0) & (z < z1), up, out)
            return out

        return heights

    def draw(self, surface: pygame.Surface, seconds: float, fade: Fade | None = None) -> None:
        """The ash on the cars' roofs as deep as it has heaped, the cables swinging in the
        wind, a sheet of paper blown across now and then, the smoke, the fires and the embers
        in the drifts at this moment."""
        if self.fall is not None:
            self.fall.draw(surface, seconds)
        self.roofs.draw(surface, self.roofs.step(seconds))
        for top, long, n in self.wires:
            swing = WIRE_SWING * math.sin(2 * math.pi * seconds / WIRE_PERIOD[n % 2] + n * 1.9)
            wire(surface, top, long, swing)
        draw_paper(surface, seconds, self.view.seed)
        surface.fblits([wisp.blit(seconds + n * WISP_APART, foot)
                        for wisp, foot, n in self.wisps])
        surface.fblits(self.fuel)
        alight = list(self.fires)
        step = dying_step(seconds)
        if step < len(self.dying):
            alight.append((self.dying[step], *self.dying_at))
        lay_fires(surface, [blit for fire, foot, seed in alight  # (what their flames hide
                            for blit in cover_blits(fire, foot, seconds, 0, seed)],  # first)
                  [blit for fire, foot, seed in alight
                   for blit in fire_blits(fire, foot, seconds, 0, seed, FIRE_WIND)]
                  + self.embers.blits(seconds), fade)
        surface.fblits(self.timbers)


def _aside(pieces: list[Piece], tone: Tone, seed: int) -> Sprite:
    """`pieces` scorched on a picture of their own (laid over the street's once it is
    charred), and where it goes."""
    xs = [x for p in pieces for x in (p.corners[0][0] + (p.mask.get_width() if p.mask else 0),
                                      *(c[0] for c in p.corners))]
    ys = [y for p in pieces for y in (p.corners[0][1] + (p.mask.get_height() if p.mask else 0),
                                      *(c[1] for c in p.corners))]
    box = pygame.Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).inflate(
        ASIDE_ROOM * 2, ASIDE_ROOM * 2)
    picture = pygame.Surface(box.size, pygame.SRCALPHA)
    picture.fill((0, 0, 0, 0))
    moved = [replace(p, corners=[(x - box.x, y - box.y) for x, y in p.corners]) for p in pieces]
    scorched(picture, moved, tone, seed)
    return picture, box.topleft


def _differs(picture: np.ndarray, before: np.ndarray) -> np.ndarray:
    """Where `picture` (x, y, rgb) differs from what it was `before` (a channel at a time:
    twice as quick as comparing all three and asking for any)."""
    return np.asarray((picture[..., 0] != before[..., 0]) | (picture[..., 1] != before[..., 1])
                      | (picture[..., 2] != before[..., 2]))


def dying_step(seconds: float) -> int:
    """How far the burning car's fire has died down at this many real seconds into the scene
    (0: as it was; DYING_STEPS: out, only its smoke left)."""
    share = (seconds - DYING[0]) / (DYING[1] - DYING[0])
    return min(DYING_STEPS, max(0, math.ceil(share * DYING_STEPS)))
