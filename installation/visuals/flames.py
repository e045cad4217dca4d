"""A fire's live part, made once and played: ragged flames licking up (looping flipbooks, a few
ways of burning, see flame_shape), the light they throw flickering with them round them and on
the ground, and sparks rising in their draught."""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from installation.visuals.base import (
    Color,
    chunks,
    hash01,
    mix,
    s_curve,
    scaled,
    smooth_noise,
)
from installation.visuals.flame_shape import canvas, flame_heat, heat_colors, variant
from installation.visuals.glow import radial
from installation.visuals.made_once import MadeOnce

FRAMES = 32  # flipbook frames of a flame's loop
PIECE_POINTS = 8_000  # points of a flame's frame made in one piece of the building (~2 ms:
# a burning building's flames, at their full size, took 11 ms a frame made whole)
VARIANTS = 3  # ways a flame burns (see flame_shape.variant): tongues side by side never alike
FRAME_RATE = 14.0  # flipbook frames a real second...
RATE_SPREAD = 0.3  # ...each fire this much faster or slower, at most (never in step)
LIGHT_STEPS = 10  # brightnesses of the light a fire throws round it
LIGHT_REACH = 1.85  # its radius, of the flames' width
LIGHT_HZ = 1.3  # its slow swell...
LIGHT_SWELL = 0.25  # ...this much of its brightness, the rest its flames' flicker now
LIGHT_LOW = 0.35  # its dimmest, of its brightest
LIGHT_PEAK = 0.55  # its middle, over the flames, of the fire's colour: the dark between their
# tongues stays dark (a full-bright middle filled it, and the fire read as one orange blob)
POOL = (2.0, 0.45, 0.7)  # the light it throws on the ground and the walls by it: a flat pool
# this wide and this tall (of the light's reach), this bright (of the fire's light)
UNDERSIDE = (0.9, 3.0, 0.6)  # the light up the underside of its smoke: its width (of the
# light's reach), how high it climbs (of the flames' height) and how bright it is (of the light)
BODY = (1.6, 1.5)  # a blaze's flames hide what is behind them: this much of this power of
# their brightest channel (0..1; see `cover_of`: lit windows and a tower's edge showed through
# flames only added to the picture; their faint edges hide little; as the square, their red rims
# hid half: the grey sky and a ruin's pale edges showed through them, pink)
BODY_FOOT = 0.15  # ... fading to nothing over this much of their picture's foot (their hot bed
# added to the glowing roof it burns on: hidden, its flat foot showed)
TONGUE_COUNTS = (3, 1, 4, 2)  # the flames of fire after fire (see `tongues_of`)
TONGUE_APART = 0.45  # flames of a broad fire stand this far apart, of a flame's width
TONGUE_JITTER = 0.25  # ... each nudged up to half this either way
TONGUE_SINK = 0.18  # ... the outer ones lower, this much of a flame's height a step out
CUTS_PER_PIECE = 8  # a blaze's frames (and their covers) cut to where it is lit in one piece
EMBERS = 12  # embers rising from a fire at a time
EMBER_LIFE = (2.5, 5.0)  # real seconds an ember climbs before it goes out
EMBER_RISE = 2.2  # how high it climbs in its life, of the flames' height... times its life
EMBER_SIZES = 3  # sprite sizes (and brightnesses) of the embers
EMBER: Color = (255, 140, 50)
EMBER_HOT: Color = (255, 215, 140)  # the largest (youngest) spark's colour
TWINKLE = (7.0, 0.35)  # a spark flares and dims this often a real second, dimmed a size down
# this share of the time
OUT_FROM, OUT_AT, OUT_APART = 2, 0.45, 0.1  # as the fires die down (see `died`), the third
# goes out at this much, each after it this much sooner (the first two burn on, smaller)
OUT_SINK = 0.012  # a fire going out sinks and dims to nothing over this much of the dying down
# before it (2.5 real seconds at Ash's pace, 06:13; gone at once, it went out in one frame)...
OUT_GLOW = 0.016  # ... and the glowing bed it burnt on goes out over this much after it


@dataclass(frozen=True)
class Spread:
    """How a fire spreads round its flames: its outer flames this much lower (of a flame's
    height a step out, see `blaze`), its light reaching this far (of their width) and up its
    smoke this high (of their height)."""

    sink: float = TONGUE_SINK
    reach: float = LIGHT_REACH
    climb: float = UNDERSIDE[1]


@dataclass(frozen=True)
class Flipbook:
    """A flame's loops, frame by frame, one after another for each way it burns (one size of
    fire and wind: scenes with the same fires share it), or a fire's flames together in one
    loop (see `blaze`); how bright each frame is (0..1: the light it throws flickers with it),
    where its foot lies in its frames (the column under its middle, the row under it) and the
    flame's own size (width, height: its frames have room round it, see flame_shape.canvas)."""

    frames: tuple[pygame.Surface, ...]
    anchor: tuple[int, int]
    size: tuple[int, int]
    variants: int = 1
    energy: tuple[float, ...] = ()
    covers: tuple[pygame.Surface, ...] = ()  # a blaze's: what each frame hides (see `cover_of`)

    @property
    def loop(self) -> int:
        """Frames in one way's loop."""
        return len(self.frames) // self.variants

    def frame(self, way: int, at: int) -> pygame.Surface:
        """Frame `at` (any integer: round the loop) of the `way`-th way it burns."""
        return self.frames[self._index(way, at)]

    def cover(self, way: int, at: int) -> pygame.Surface | None:
        """What that frame hides (for a multiply; None: nothing)."""
        return self.covers[self._index(way, at)] if self.covers else None

    def bright(self, way: int, at: int) -> float:
        """How bright that frame is, 0..1 (a half without a measure)."""
        if not self.energy:
            return 0.5
        return self.energy[self._index(way, at)]

    def _index(self, way: int, at: int) -> int:
        """Where frame `at` of the `way`-th way lies in `frames` (and `covers`, `energy`)."""
        return way % self.variants * self.loop + at % self.loop


@dataclass(frozen=True)
class Fire:
    """The sprites of one size of fire (each fire's flames in one flipbook, its light round it
    and up its smoke at each brightness, its embers' sizes) and each fire's embers' paths:
    their lives (real seconds), where in their lives they start, how big they are and how
    they wander (fires x EMBERS)."""

    blazes: tuple[Flipbook, ...]
    lights: tuple[pygame.Surface, ...]
    undersides: tuple[pygame.Surface, ...]
    embers: tuple[pygame.Surface, ...]
    lives: np.ndarray
    starts: np.ndarray
    sizes: np.ndarray
    turns: np.ndarray
    pools: tuple[pygame.Surface, ...] = ()


def flame_frames(width: int, height: int, seed: int,
                 wind: float = 0.0) -> Generator[None, None, Flipbook]:
    """A flame `width` x `height` over FRAMES frames of a loop for each of VARIANTS ways it
    burns, made a strip of a frame a piece: ragged tongues licking up out of a hot bed,
    splitting and breaking off, leaning with the `wind` (for additive blits), with how bright
    each frame is."""
    frames, sums = [], []
    box = canvas(width, height, wind)
    wide, tall = box.size
    step = max(1, PIECE_POINTS // tall)  # columns of a frame made in one piece
    for k in range(VARIANTS):
        way = variant(seed, k)
        for f in range(FRAMES):
            image, total = pygame.Surface(box.size), 0.0
            for left in range(0, wide, step):
                heat = flame_heat(width, height, way, f / FRAMES, wind, slice(left, left + step))
                pygame.surfarray.pixels3d(image)[left:left + step] = heat_colors(heat)
                total += float(heat.sum())
                yield
            frames.append(image)
            sums.append(total)
    low, high = min(sums), max(sums)
    energy = tuple((value - low) / max(high - low, 1e-9) for value in sums)
    return Flipbook(tuple(frames), (box.left + width // 2, box.top + height), (width, height),
                    VARIANTS, energy)


def blaze(book: Flipbook, seed: int, n: int, tongues: int,
          sink: float = TONGUE_SINK) -> Generator[None, None, Flipbook]:
    """Fire n's `tongues` flames in one loop (a frame a piece, one blit a frame to draw): side
    by side, each burning its own way at its own place in the loop, the outer ones set back
    and lower by `sink` of a flame's height a step out (a burning block, not a candle; on a
    burning stump's roof, level with the middle one), cut to where any frame is lit (found a frame a
    piece: all at once, at the end, it took 12-24 ms)."""
    w, h = book.size
    placed = []
    for t in sorted(range(tongues), key=lambda t: -abs(t - (tongues - 1) / 2)):
        off = t - (tongues - 1) / 2  # (the middle one last, over the others)
        dx = round(w * (TONGUE_APART * off + TONGUE_JITTER * (hash01(seed, n, t, 1) - 0.5)))
        placed.append((int(hash01(seed, n, t, 2) * book.variants),
                       int(hash01(seed, n, t) * book.loop),
                       dx - book.anchor[0], round(h * sink * abs(off)) - book.anchor[1]))
    fw, fh = book.frames[0].get_size()
    left, top = min(p[2] for p in placed), min(p[3] for p in placed)
    size = (max(p[2] for p in placed) + fw - left, max(p[3] for p in placed) + fh - top)
    frames, energy, covers = [], [], []
    shown: pygame.Rect | None = None
    for k in range(book.loop):
        image = pygame.Surface(size)
        image.fblits([(book.frame(way, at + k), (x - left, y - top))
                      for way, at, x, y in placed], pygame.BLEND_RGB_ADD)
        image.set_colorkey((0, 0, 0))  # (its lit box found in C: numpy's took 3-5 ms a frame
        lit = image.get_bounding_rect()  # of a building's fire)
        image.set_colorkey(None)
        shown = lit if shown is None else shown.union(lit)
        frames.append(image)
        covers.append(cover_of(image))
        energy.append(sum(book.bright(way, at + k) for way, at, _x, _y in placed) / tongues)
        yield
    shown = shown or pygame.Rect(0, 0, 1, 1)
    kept: tuple[list[pygame.Surface], list[pygame.Surface]] = ([], [])
    for part in chunks(len(frames), CUTS_PER_PIECE):  # (all cut at once, with the next fire's
        yield  # first frame, a piece took 8-17 ms)
        kept[0].extend(frame.subsurface(shown).copy() for frame in frames[part])
        kept[1].extend(cover.subsurface(shown).copy() for cover in covers[part])
    return Flipbook(tuple(kept[0]), (-left - shown.x, -top - shown.y), book.size, 1,
                    tuple(energy), tuple(kept[1]))


def cover_of(image: pygame.Surface) -> pygame.Surface:
    """What flames drawn on black hide of what is behind them, for a multiply before they are
    added: BODY of a power of their brightest channel (their bright body whole, so a lit
    window or a tower's edge no longer shows through; their faint edges little), nothing at
    their foot (BODY_FOOT). All of a layer's covers go before all of its flames, so a flame over
    another fire's adds to it as before (a flame's side hid the other's: a ruled step)."""
    brightest = pygame.surfarray.pixels3d(image).max(axis=2).astype(np.float32) / 255.0
    hidden = np.minimum(1.0, BODY[0] * brightest ** BODY[1])
    foot = max(1, round(image.get_height() * BODY_FOOT))
    hidden[:, -foot:] *= np.linspace(1.0, 0.0, foot)[None, :]
    out = pygame.Surface(image.get_size())
    pygame.surfarray.pixels3d(out)[:] = np.round(255.0 * (1.0 - hidden)).astype(np.uint8)[..., None]
    return out


def brightnesses(light: pygame.Surface) -> tuple[pygame.Surface, ...]:
    """A light (for additive blits) at each of LIGHT_STEPS brightnesses, dimmest first."""
    out = []
    for n in range(LIGHT_STEPS):
        level = round(255 * (LIGHT_LOW + (1 - LIGHT_LOW) * (n + 1) / LIGHT_STEPS))
        copy = light.copy()
        copy.fill((level, level, level), special_flags=pygame.BLEND_RGB_MULT)
        out.append(copy)
    return tuple(out)


def underside(reach: int, height: int, fire: Color, climb: float) -> pygame.Surface:
    """The firelight up the underside of the smoke over the flames: a tall soft glow, brightest
    low down, fading as it climbs."""
    wide, tall = UNDERSIDE[0] * reach, climb * height
    x = np.linspace(-1.0, 1.0, max(2, round(wide)))[:, None]
    up = np.linspace(1.0, 0.0, max(2, round(tall)))[None, :]  # 0 at its foot
    falloff = np.clip(1 - x * x, 0, 1) ** 1.5 * (1 - up) ** 1.6 * np.clip(up / 0.15, 0, 1)
    rgb = falloff[..., None] * np.array(scaled(fire, UNDERSIDE[2]), float)
    image = pygame.Surface(falloff.shape)
    pygame.surfarray.blit_array(image, rgb.astype(np.uint8))
    return image


def make_fire(width: int, height: int, fire: Color, seed: int, tongues: Sequence[int],
              made: MadeOnce, wind: float = 0.0,
              spread: Spread = Spread()) -> Generator[None, None, Fire]:
    """Everything fires of one size draw (as many as `tongues`, each with that many flames),
    made in short pieces, their flames leaning with the `wind` (-1..1, as their smoke's; the
    flipbook found in `made` if a scene alive has made it), spreading as `spread` has it."""
    yield  # (a piece of its own: what its caller did before it, the fires' bases, took 5-11 ms)
    reach = max(4, round(width * spread.reach))
    lights = brightnesses(radial(reach, scaled(fire, LIGHT_PEAK), 1.2))
    yield  # (each of the fire's lights a piece: all three, 12-17 ms)
    pools = brightnesses(pygame.transform.smoothscale(
        radial(reach, scaled(fire, POOL[2]), 1.3), (round(2 * reach * POOL[0]),
                                                    max(2, round(2 * reach * POOL[1])))))
    yield
    undersides = brightnesses(underside(reach, height, fire, spread.climb))
    yield
    embers = tuple(radial(max(1, 1 + s), mix(scaled(EMBER, 0.6 + 0.2 * s), EMBER_HOT,
                                             s / (EMBER_SIZES - 1)), 1.4, core=0.3)
                   for s in range(EMBER_SIZES))
    rng = np.random.default_rng(seed)
    shape = (len(tongues), EMBERS)
    wind = round(wind, 2)  # (scenes whose winds differ by less share one flipbook)
    book = yield from made.get(("flames", width, height, seed, wind),
                               lambda: flame_frames(width, height, seed, wind))
    blazes = []
    for n, count in enumerate(tongues):
        blazes.append((yield from blaze(book, seed, n, count, spread.sink)))
    return Fire(tuple(blazes), lights, undersides, embers,
                rng.uniform(*EMBER_LIFE, shape), rng.random(shape), rng.random(shape) * 1.6,
                rng.uniform(0, 2 * math.pi, shape), pools)


def fire_blits(fire: Fire, foot: tuple[int, int], seconds: float, n: int, seed: int,
               wind: float, whole: bool = True,
               ground: int | None = None) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """Fire n at `foot` (its flames' foot) at this moment, all for additive blits: the light
    it throws round it and up its smoke, as bright as its flames are now, its flames at their
    frame (each fire at its own rate: never in step), its embers (not `whole`: its flames and
    the light round them alone, as out of a window: no pool, smoke or sparks of its own); the
    pool of its light on the `ground` (the row; None: at its foot)."""
    x, y = foot
    book = fire.blazes[n]
    h = book.size[1]
    at = int(seconds * frame_rate(seed, n))
    step = light_step(fire, seconds, n, seed)
    light, up = fire.lights[step], fire.undersides[step]
    blits = [(light, (x - light.get_width() // 2, y - light.get_height() // 2 - h // 3)),
             (book.frame(0, at), (x - book.anchor[0], y - book.anchor[1]))]
    if not whole:
        return blits
    low = y if ground is None else ground
    blits += [(pool, (x - pool.get_width() // 2, low - pool.get_height() // 2))
              for pool in fire.pools[step:step + 1]]
    blits.append((up, (x - up.get_width() // 2, y - up.get_height() - h // 3)))
    blits.extend(ember_blits(fire, foot, seconds, n, seed, wind, h))
    return blits


def cover_blits(fire: Fire, foot: tuple[int, int], seconds: float, n: int,
                seed: int) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """What fire n's flames at `foot` hide now (for a multiply before `fire_blits` adds them;
    none for flames without covers)."""
    book = fire.blazes[n]
    cover = book.cover(0, int(seconds * frame_rate(seed, n)))
    if cover is None:
        return []
    return [(cover, (foot[0] - book.anchor[0], foot[1] - book.anchor[1]))]


def frame_rate(seed: int, n: int) -> float:
    """Fire n's flipbook frames a real second (each fire at its own rate: never in step)."""
    return FRAME_RATE * (1 + RATE_SPREAD * (2 * hash01(seed, n, 5) - 1))


def light_step(fire: Fire, seconds: float, n: int, seed: int) -> int:
    """Which of its LIGHT_STEPS brightnesses fire n's light is at now: as bright as its flames'
    frame, swelling slowly besides."""
    swell = smooth_noise(seed * 7 + n, seconds * LIGHT_HZ)
    bright = fire.blazes[n].bright(0, int(seconds * frame_rate(seed, n)))
    level = LIGHT_SWELL * swell + (1 - LIGHT_SWELL) * bright
    return max(0, min(LIGHT_STEPS - 1, int(level * LIGHT_STEPS)))


def tongues_of(seed: int, n: int) -> int:
    """How many flames fire n burns with: fires next to each other never alike (from a
    block burning along its front to a lone flame), where in the round by the seed."""
    return TONGUE_COUNTS[(n + int(hash01(seed, 7717) * len(TONGUE_COUNTS))) % len(TONGUE_COUNTS)]


def ember_blits(fire: Fire, foot: tuple[int, int], seconds: float, n: int, seed: int,
                wind: float, tall: int) -> list[tuple[pygame.Surface, tuple[int, int]]]:
    """Fire n's embers at this moment (all at once, numpy): each born at the flames, somewhere
    across them, climbing, drifting with the wind and wandering, dying out."""
    lives = fire.lives[n]
    laps = seconds / lives + fire.starts[n]
    age = laps % 1.0
    born = np.floor(laps)
    across = (np.sin(born * 12.9898 + fire.turns[n] * 78.233 + seed % 997) * 43758.5453) % 1.0
    climb = age * tall * EMBER_RISE * lives
    drift = wind * climb * 0.6 + np.sin(age * 9.0 + fire.turns[n]) * tall * 0.15 * age
    sizes = np.minimum(EMBER_SIZES - 1, ((1 - age) * EMBER_SIZES * fire.sizes[n]).astype(int))
    dim = np.sin(seconds * TWINKLE[0] + fire.turns[n] * 5.0 + born) < 2 * TWINKLE[1] - 1
    sizes = np.maximum(0, sizes - dim)
    half = np.array([sprite.get_width() // 2 for sprite in fire.embers])[sizes]
    xs = np.round(foot[0] + (across - 0.5) * tall * 0.8 + drift).astype(int) - half
    ys = np.round(foot[1] - tall * 0.5 - climb).astype(int) - half
    sprites = [fire.embers[size] for size in sizes.tolist()]
    return list(zip(sprites, zip(xs.tolist(), ys.tolist(), strict=True), strict=True))


def died(thins: float, share: float) -> float:
    """How far a scene's fires have died down `share` of the way through it (0: as they
    were), with its smoke's `thins` (by its end they are this far down, their smoke as much
    thinner: see smoke.py)."""
    return thins * float(s_curve(share))


def gone(n: int, down: float) -> bool:
    """Whether fire n has gone out, the fires `down` far died (see `died`): the third and
    later ones in turn, the first two never."""
    return down >= out_at(n)


def out_at(n: int) -> float:
    """How far the fires have died down when fire n goes out (never, for the first two)."""
    return OUT_AT - OUT_APART * (n - OUT_FROM) if n >= OUT_FROM else math.inf


def sunk(n: int, down: float) -> float:
    """How far fire n itself has died down, the fires `down` far: as far as they all have,
    then, over OUT_SINK before it goes out, on down to nothing (its flames sinking, dimming)."""
    left = min(1.0, max(0.0, (out_at(n) - down) / OUT_SINK))
    return 1.0 - (1.0 - down) * left


def glowing(n: int, down: float) -> float:
    """How much of its glow the bed fire n burns on keeps (1 while it burns, going out over
    OUT_GLOW after the flames have)."""
    return 1.0 - min(1.0, out_since(n, down) / OUT_GLOW)


def out_since(n: int, down: float) -> float:
    """How much further the fires have died down since fire n went out (0: still alight)."""
    return max(0.0, down - out_at(n))  # (0 before it goes out: out_at is then past down)
